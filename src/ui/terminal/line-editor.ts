// The pure line editor behind <aa-terminal>: fed what xterm's onData delivers, it keeps the buffer, cursor,
// history and search state as bash's readline does, and returns the bytes to write plus actions (submit,
// interrupt, clear-screen, complete, eof). No DOM and no xterm: the element only moves bytes.
// Over 300 lines because readline's modes (edit, i-search, completion question) share one state; the
// pure steps (edit-ops, reverse-search, completion-step) live in their own modules.
import type { Completion } from './backend.ts';
import { formatCompletionList } from './completion-list.ts';
import { completeLine } from './completion-step.ts';
import { applyEdit, insertText, type EditCommand, type EditResult, type LineState } from './edit-ops.ts';
import { History, type HistoryControl } from './history.ts';
import { lastArgument } from './last-argument.ts';
import { joinHistoryLines } from './history-entry.ts';
import { decodeKeys, type Key, type KeyName } from './key-decoder.ts';
import {
  finishSearch, rubOutSearch, searchAgain, searchPrompt, startSearch, typeIntoSearch, yankIntoSearch, type SearchState, type SearchStep,
} from './reverse-search.ts';
import { leaveLine, renderFrame, type Frame } from './screen-layout.ts';

/** What the host must do besides writing bytes. */
export type EditorAction =
  /** Run this complete input; the editor waits until `start` is called again. */
  | { kind: 'submit'; text: string }
  /** Ctrl-C abandoned the line (bash sets `$?` to 130); the editor already drew a fresh prompt. */
  | { kind: 'interrupt' }
  /** Ctrl-L cleared the screen; the editor already redrew the line at the top. */
  | { kind: 'clear-screen' }
  /** Tab asked for completions (informational: the editor already applied or listed them). */
  | { kind: 'complete'; replaceFrom: number; candidates: string[] }
  /** Ctrl-D on an empty line: the shell exits; the editor waits until `start` is called again. */
  | { kind: 'eof' };

/** The result of feeding input or starting a line. */
export type EditorOutput = { write: string; actions: EditorAction[] };

/** bash's PS1 and PS2 as the backend renders them. */
export type Prompts = { prompt: string; continuationPrompt: string };

/** What the editor asks of the shell, synchronously. */
export type LineEditorOptions = {
  /** False while more lines are needed (bash would print PS2). */
  isComplete(text: string): boolean;
  /** Completion candidates for the word before the cursor. */
  complete(line: string, cursor: number): Completion;
  /** Saved history, oldest first. */
  history?: readonly string[];
  /** The terminal's width in cells (default 80). */
  columns?: number;
  /** Entries kept (bash's HISTSIZE, default 1000). */
  historySize?: number;
  /** bash's HISTCONTROL (default '' as on a Debian root shell: duplicates are kept). */
  historyControl?: HistoryControl;
  /** From how many candidates readline asks before listing (completion-query-items, default 100). */
  completionQueryItems?: number;
};

type Mode = 'waiting' | 'edit' | 'search' | 'confirm-list';

const EMPTY: LineState = { text: '', cursor: 0 };

const CONTROL_EDITS: Readonly<Record<string, EditCommand>> = {
  '\x01': 'beginning-of-line', '\x02': 'backward-char', '\x05': 'end-of-line', '\x06': 'forward-char',
  '\x08': 'backward-delete-char', '\x7f': 'backward-delete-char', '\x0b': 'kill-line',
  '\x14': 'transpose-chars', '\x15': 'unix-line-discard', '\x17': 'unix-word-rubout',
};

// As readline's rl_kill_text: a kill right after a kill joins the same kill-ring slot, appended for
// kills forward of the cursor and prepended for kills backward.
const KILL_DIRECTION: Partial<Record<EditCommand, 'forward' | 'backward'>> = {
  'kill-line': 'forward', 'kill-word': 'forward',
  'unix-line-discard': 'backward', 'unix-word-rubout': 'backward', 'backward-kill-word': 'backward',
};

const NAMED_EDITS: Partial<Record<KeyName, EditCommand>> = {
  left: 'backward-char', right: 'forward-char', home: 'beginning-of-line', end: 'end-of-line',
  delete: 'delete-char', 'word-left': 'backward-word', 'word-right': 'forward-word', 'meta-d': 'kill-word',
  'meta-backspace': 'backward-kill-word',
};

/** A readline-like editor for one terminal. */
export class LineEditor {
  readonly #options: LineEditorOptions;
  readonly #history: History;
  #columns: number;
  #mode: Mode = 'waiting';
  #prompts: Prompts = { prompt: '$ ', continuationPrompt: '> ' };
  #line: LineState = EMPTY;
  #pending: string[] = [];
  #frame: Frame = { text: '', cursor: 0, startCol: 0 };
  #queue: Key[] = [];
  #out = '';
  #actions: EditorAction[] = [];
  #killed = '';
  /** Set by a kill command, cleared by any other key (readline's _rl_last_command_was_kill). */
  #lastKill: 'forward' | 'backward' | undefined;
  /** What the last Meta-. inserted, so a repeat replaces it with an older entry's last word. */
  #lastArg: { index: number; start: number; end: number } | undefined;
  /** Set by Tab (did it change the line?), cleared by any other key: readline's completion_changed_buffer. */
  #lastTabChanged: boolean | undefined;
  #search: SearchState | undefined;
  #searchLines: string[] = [];
  #lastQuery = '';
  #listing: string[] = [];

  /** @param options the shell's isComplete/complete, saved history, width */
  constructor(options: LineEditorOptions) {
    this.#options = options;
    this.#history = new History(options.history ?? [], options.historySize, options.historyControl);
    this.#columns = Math.max(1, options.columns ?? 80);
  }

  /** The buffer being edited (the matched line during a search). */
  get text(): string {
    return this.#line.text;
  }

  /** The cursor's UTF-16 index in the buffer. */
  get cursor(): number {
    return this.#line.cursor;
  }

  /** True between a submit or eof and the next `start`. */
  get isWaiting(): boolean {
    return this.#mode === 'waiting';
  }

  /** History entries, oldest first (for the backend to save). */
  get history(): readonly string[] {
    return this.#history.entries;
  }

  /**
   * Sets the width for later drawing (xterm reflows what is on screen).
   * @param columns the terminal's new width
   */
  resize(columns: number): void {
    this.#columns = Math.max(1, Math.floor(columns));
  }

  /**
   * Draws a fresh primary prompt and goes on with input typed or pasted meanwhile.
   * @param prompts the prompts as they are now (cwd may have changed)
   * @param startCol the column the prompt starts at (command output may not end with a newline)
   * @returns bytes and actions
   */
  start(prompts: Prompts, startCol = 0): EditorOutput {
    this.#prompts = prompts;
    this.#mode = 'edit';
    this.#pending = [];
    this.#newLine(startCol);
    return this.#drain();
  }

  /**
   * Feeds what xterm's onData delivered.
   * @param data typed or pasted text, control characters, escape sequences
   * @returns bytes and actions
   */
  feed(data: string): EditorOutput {
    const keys = decodeKeys(data);
    if (this.#mode === 'waiting') {
      // As the tty on SIGINT: Ctrl-C while a command runs echoes ^C and throws the typeahead away.
      const interrupt = keys.findLastIndex((k) => k.kind === 'control' && k.char === '\x03');
      if (interrupt >= 0) {
        this.#queue = keys.slice(interrupt + 1);
        this.#out += '^C';
      } else this.#queue = this.#queue.concat(keys);
      return this.#flush();
    }
    this.#queue = this.#queue.concat(keys);
    return this.#drain();
  }

  #drain(): EditorOutput {
    // An index, not shift(): a pasted file can be tens of thousands of keys.
    let next = 0;
    while (this.#mode !== 'waiting' && next < this.#queue.length) this.#handle(this.#queue[next++]!);
    this.#queue = this.#queue.slice(next);
    return this.#flush();
  }

  #flush(): EditorOutput {
    const output = { write: this.#out, actions: this.#actions };
    this.#out = '';
    this.#actions = [];
    return output;
  }

  #handle(key: Key): void {
    const previousTab = this.#lastTabChanged;
    const previousKill = this.#lastKill;
    const previousArg = this.#lastArg;
    this.#lastTabChanged = undefined;
    this.#lastKill = undefined;
    this.#lastArg = undefined;
    if (this.#mode === 'confirm-list') return this.#answerListing(key);
    if (this.#mode === 'search' && this.#searchKey(key)) return;
    if (key.kind === 'text') return this.#edit(insertText(this.#line, key.text));
    if (key.kind === 'named') {
      if (key.name === 'yank-last-arg') return this.#yankLastArgument(previousArg);
      const named = NAMED_EDITS[key.name];
      return named === undefined ? this.#namedKey(key.name) : this.#runEdit(named, previousKill);
    }
    const edit = CONTROL_EDITS[key.char];
    if (edit !== undefined) return this.#runEdit(edit, previousKill);
    switch (key.char) {
      case '\r':
      case '\n':
        return this.#accept();
      case '\x03':
        return this.#interrupt();
      case '\x04':
        return this.#line.text === '' ? this.#endOfFile() : this.#runEdit('delete-char', undefined);
      case '\x07':
        this.#out += '\x07';
        return;
      case '\t':
        return this.#complete(previousTab === false);
      case '\x0c':
        return this.#clearScreen();
      case '\x0e':
        return this.#walkHistory(1);
      case '\x10':
        return this.#walkHistory(-1);
      case '\x12':
        return this.#startSearch();
      case '\x19':
        if (this.#killed !== '') this.#edit(insertText(this.#line, this.#killed));
        return;
    }
  }

  #namedKey(name: KeyName): void {
    if (name === 'up') return this.#walkHistory(-1);
    if (name === 'down') return this.#walkHistory(1);
  }

  #runEdit(command: EditCommand, previousKill: 'forward' | 'backward' | undefined): void {
    const result = applyEdit(this.#line, command);
    const direction = KILL_DIRECTION[command];
    if (direction !== undefined && result.killed !== undefined) {
      this.#lastKill = direction;
      if (previousKill === undefined) this.#killed = result.killed;
      else this.#killed = direction === 'forward' ? this.#killed + result.killed : result.killed + this.#killed;
    }
    this.#edit(result);
  }

  #edit(result: EditResult): void {
    if (result.isBell === true) this.#out += '\x07';
    this.#line = { text: result.text, cursor: result.cursor };
    this.#render();
  }

  /** Meta-. (yank-last-arg): the previous command's last word; again, the one before replaces it. */
  #yankLastArgument(previous: { index: number; start: number; end: number } | undefined): void {
    const index = (previous?.index ?? this.#history.position) - 1;
    const word = index >= 0 ? lastArgument(this.#history.entries[index] ?? '') : undefined;
    if (word === undefined) {
      this.#out += '\x07';
      this.#lastArg = previous;
      return;
    }
    let line = this.#line;
    if (previous !== undefined) line = { text: line.text.slice(0, previous.start) + line.text.slice(previous.end), cursor: previous.start };
    this.#lastArg = { index, start: line.cursor, end: line.cursor + word.length };
    this.#edit(insertText(line, word));
  }

  #render(): void {
    const prompt = this.#search !== undefined ? searchPrompt(this.#search)
      : this.#pending.length > 0 ? this.#prompts.continuationPrompt : this.#prompts.prompt;
    const next = { text: prompt + this.#line.text, cursor: prompt.length + this.#line.cursor, startCol: this.#frame.startCol };
    this.#out += renderFrame(this.#frame, next, this.#columns);
    this.#frame = next;
  }

  #newLine(startCol: number): void {
    this.#line = EMPTY;
    this.#redraw(startCol);
  }

  /** Draws prompt and line anew below whatever was printed (rl_forced_update_display). */
  #redraw(startCol = 0): void {
    this.#frame = { text: '', cursor: 0, startCol };
    this.#render();
  }

  #isComplete(text: string): boolean {
    try {
      return this.#options.isComplete(text);
    } catch {
      return true; // let run() report what is wrong with it
    }
  }

  #accept(): void {
    this.#out += leaveLine(this.#frame, this.#columns, '');
    const lines = [...this.#pending, this.#line.text];
    const text = lines.join('\n');
    if (!this.#isComplete(text)) {
      this.#pending = lines;
      return this.#newLine(0);
    }
    this.#pending = [];
    this.#history.add(joinHistoryLines(lines));
    if (text.trim() === '') return this.#newLine(0);
    this.#submit({ kind: 'submit', text });
  }

  #submit(action: EditorAction): void {
    this.#actions.push(action);
    this.#line = EMPTY;
    this.#mode = 'waiting';
  }

  #interrupt(): void {
    this.#out += leaveLine(this.#frame, this.#columns, '^C');
    this.#pending = [];
    this.#search = undefined;
    this.#mode = 'edit';
    this.#history.reset();
    this.#actions.push({ kind: 'interrupt' });
    this.#newLine(0);
  }

  #endOfFile(): void {
    if (this.#pending.length === 0) return this.#submit({ kind: 'eof' });
    // bash runs what it has: the shell then reports the here-document or construct cut short by EOF.
    this.#out += leaveLine(this.#frame, this.#columns, '');
    const lines = this.#pending;
    this.#pending = [];
    this.#history.add(joinHistoryLines(lines));
    this.#submit({ kind: 'submit', text: lines.join('\n') });
  }

  #clearScreen(): void {
    this.#out += '\x1b[H\x1b[2J';
    this.#actions.push({ kind: 'clear-screen' });
    this.#redraw();
  }

  #walkHistory(delta: number): void {
    const line = this.#history.move(delta, this.#line.text);
    if (line === undefined) {
      if (delta < 0) this.#out += '\x07';
      return;
    }
    this.#line = { text: line, cursor: line.length };
    this.#render();
  }

  #complete(isSecondTab: boolean): void {
    let answer: Completion | undefined;
    try {
      answer = this.#options.complete(this.#line.text, this.#line.cursor);
    } catch {
      answer = undefined;
    }
    const step = completeLine(this.#line, answer, isSecondTab);
    this.#actions.push({ kind: 'complete', replaceFrom: step.replaceFrom, candidates: step.candidates });
    this.#lastTabChanged = step.isChanged;
    if (step.line !== this.#line) {
      this.#line = step.line;
      this.#render();
    }
    if (step.isBell) this.#out += '\x07';
    if (step.list !== undefined) this.#list(step.list);
  }

  #list(candidates: string[]): void {
    this.#out += leaveLine(this.#frame, this.#columns, '');
    if (candidates.length >= (this.#options.completionQueryItems ?? 100)) {
      this.#out += `Display all ${candidates.length} possibilities? (y or n)`;
      this.#listing = candidates;
      this.#mode = 'confirm-list';
      return;
    }
    this.#out += formatCompletionList(candidates, this.#columns);
    this.#redraw();
  }

  #answerListing(key: Key): void {
    const answer = key.kind === 'text' ? key.text[0]! : key.kind === 'control' ? key.char : '';
    const isYes = answer === 'y' || answer === 'Y' || answer === ' ';
    const isNo = answer === 'n' || answer === 'N' || answer === '\x7f' || answer === '\x07' || answer === '\x03';
    if (!isYes && !isNo) {
      this.#out += '\x07';
      return;
    }
    this.#out += '\r\n' + (isYes ? formatCompletionList(this.#listing, this.#columns) : '');
    this.#listing = [];
    this.#mode = 'edit';
    this.#redraw();
    // The rest of a typed run is ordinary input again.
    if (key.kind === 'text' && key.text.length > 1) this.#handle({ kind: 'text', text: key.text.slice(1) });
  }

  #startSearch(): void {
    this.#searchLines = this.#history.lines(this.#line.text);
    this.#search = startSearch(this.#searchLines, this.#history.position, this.#line.cursor);
    this.#mode = 'search';
    this.#render();
  }

  /** One key during Ctrl-R; false when the key ends the search and must then act normally. */
  #searchKey(key: Key): boolean {
    const search = this.#search!;
    const lines = this.#searchLines;
    const control = key.kind === 'control' ? key.char : '';
    let step: SearchStep;
    if (key.kind === 'text') step = typeIntoSearch(lines, search, key.text);
    else if (control === '\x12') step = searchAgain(lines, search, this.#lastQuery);
    else if (control === '\x7f' || control === '\x08') step = rubOutSearch(lines, search);
    else if (control === '\x17' || control === '\x19') step = yankIntoSearch(lines, search, control === '\x17' ? 'word' : 'rest');
    else if (control === '\x13') return true; // Ctrl-S: the tty's XOFF in a real terminal, never seen by bash
    else if (control === '\x03') {
      // Ctrl-C: ^C lands on the search line as drawn; the line is abandoned, not restored.
      this.#search = undefined;
      this.#mode = 'edit';
      return false;
    }
    else if (control === '\x07') {
      // Ctrl-G: abort, back to the line and cursor as they were before the search.
      this.#endSearch(search.startLine, search.startPoint, false);
      return true;
    } else {
      const end = finishSearch(lines, search);
      this.#endSearch(end.index, end.point, true);
      // Escape and Ctrl-J only end the search (isearch-terminators); other keys then act.
      return (key.kind === 'named' && key.name === 'escape') || control === '\n';
    }
    this.#out += '\x07'.repeat(step.bells);
    this.#search = step.state;
    this.#line = { text: step.state.line, cursor: step.state.point };
    this.#render();
    return true;
  }

  /** Leaves the search on a line; only a search that was not aborted is remembered for Ctrl-R Ctrl-R. */
  #endSearch(index: number, cursor: number, isKept: boolean): void {
    if (isKept && this.#search !== undefined) this.#lastQuery = this.#search.query;
    this.#search = undefined;
    this.#mode = 'edit';
    this.#history.jump(index, this.#searchLines[this.#history.position] ?? '');
    this.#line = { text: this.#searchLines[index] ?? '', cursor };
    this.#render();
  }
}
