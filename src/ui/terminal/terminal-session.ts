// Joins the line editor to a TerminalBackend: runs submitted input, prints results with CRLF line ends,
// draws the next prompt where the output left the cursor, saves history. Pure (no DOM, no xterm): bytes go
// out through `write`, so tests drive it with a fake backend. Nothing a backend throws escapes.
import type { TerminalBackend, TerminalResult } from './backend.ts';
import { LineEditor, type EditorAction, type EditorOutput, type Prompts } from './line-editor.ts';
import { layout } from './screen-layout.ts';

/** A running terminal session. */
export type TerminalSession = {
  /**
   * Feeds xterm's onData; resolves once every command this input submitted has run.
   * @param data typed or pasted text and key sequences
   */
  input(data: string): Promise<void>;
  /**
   * The terminal's width changed.
   * @param columns the new width
   */
  resize(columns: number): void;
  /** The editor, for inspection (tests, accessibility announcements). */
  readonly editor: LineEditor;
};

/** Options of a session. */
export type TerminalSessionOptions = {
  /** Receives every byte for the terminal. */
  write(data: string): void;
  /** The terminal's width (default 80). */
  columns?: number;
};

function messageOf(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return (text.split('\n')[0] ?? '').slice(0, 200);
}

/**
 * Converts output to what a terminal needs: `\n` → `\r\n`, as the tty's ONLCR does.
 * @param text command output
 * @returns the same text with CRLF line ends
 * @example toTerminal('a\nb\r\n') // 'a\r\nb\r\n'
 */
export function toTerminal(text: string): string {
  return text.replace(/\r?\n/g, '\r\n');
}

function resultText(result: TerminalResult): string {
  if (Array.isArray(result.output)) return result.output.map((chunk) => String(chunk.text)).join('');
  return String(result.stdout ?? '') + String(result.stderr ?? '');
}

/**
 * Starts a session: draws the first prompt and returns the input side.
 * @param backend the shell behind the terminal
 * @param options where bytes go, the width
 * @returns the session
 */
export function createTerminalSession(backend: TerminalBackend, options: TerminalSessionOptions): TerminalSession {
  let columns = Math.max(1, options.columns ?? 80);
  const guard = <T>(call: () => T, fallback: T): T => {
    try {
      return call();
    } catch {
      return fallback;
    }
  };
  const editor = new LineEditor({
    isComplete: (text) => backend.isComplete(text),
    complete: (line, cursor) => backend.complete(line, cursor),
    history: guard(() => {
      const saved = backend.history.load();
      return Array.isArray(saved) ? saved.filter((e) => typeof e === 'string') : [];
    }, []),
    columns,
  });
  const prompts = (): Prompts => ({
    prompt: guard(() => String(backend.prompt()), '$ '),
    continuationPrompt: guard(() => String(backend.continuationPrompt()), '> '),
  });
  const writeOutput = (text: string): number => {
    const bytes = toTerminal(text);
    options.write(bytes);
    const tail = bytes.slice(bytes.lastIndexOf('\n') + 1);
    return layout(tail, 0, columns).end.col;
  };
  const print = async (call: () => TerminalResult | Promise<TerminalResult> | void, fallback: string): Promise<number> => {
    try {
      const result = await call();
      return writeOutput(result === undefined || result === null ? fallback : resultText(result));
    } catch (error) {
      return writeOutput(`aa-terminal: ${messageOf(error)}\n`);
    }
  };
  // A prompt that would start in a pending wrap starts on the next row, as the terminal would put it.
  const nextPrompt = (col: number): EditorOutput => {
    if (col >= columns) options.write('\r\n');
    return editor.start(prompts(), col >= columns ? 0 : col);
  };
  let isInterrupted = false;
  const runCommand = async (text: string): Promise<number> => {
    isInterrupted = false;
    let col = await print(() => backend.run(text), '');
    guard(() => backend.history.save([...editor.history]), undefined);
    // As bash after a job killed by SIGINT: the next prompt starts on a fresh line.
    if (isInterrupted) {
      options.write('\r\n');
      col = 0;
    }
    isInterrupted = false;
    return col;
  };
  /** Carries out actions; a run or exit ends with the next prompt, whose own actions follow. */
  const act = async (actions: readonly EditorAction[]): Promise<void> => {
    let pending = actions;
    while (pending.length > 0) {
      let next: EditorOutput | undefined;
      for (const action of pending) {
        if (action.kind === 'interrupt') guard(() => backend.interrupt?.(), undefined);
        if (action.kind === 'submit') next = nextPrompt(await runCommand(action.text));
        if (action.kind === 'eof') next = nextPrompt(await print(() => backend.exit?.(), 'exit\n'));
      }
      if (next === undefined) break;
      options.write(next.write);
      pending = next.actions;
    }
  };
  let tail: Promise<void> = Promise.resolve();
  options.write(editor.start(prompts()).write);
  return {
    input(data: string): Promise<void> {
      // Bytes are drawn at once; actions run in order after the ones before. While a command runs the
      // editor keeps the typeahead (a Ctrl-C echoes ^C, drops what came before it and tells the backend).
      const isRunning = editor.isWaiting;
      const output = editor.feed(data);
      options.write(output.write);
      if (isRunning && data.includes('\x03')) {
        isInterrupted = true;
        guard(() => backend.interrupt?.(), undefined);
      }
      if (output.actions.length > 0) {
        tail = tail.then(() => act(output.actions)).catch((error: unknown) => {
          options.write(`\r\naa-terminal: ${messageOf(error)}\r\n`);
        });
      }
      return tail;
    },
    resize(width: number): void {
      columns = Math.max(1, Math.floor(width));
      editor.resize(columns);
    },
    editor,
  };
}
