// The command history as readline navigates it: up/down walk the entries, edits made to a recalled line
// are kept while moving around (and the line being typed is kept at the bottom), and all of that is
// dropped when a line is accepted. Not persistence: the backend loads and saves the entries.

/** bash's HISTCONTROL: unset on a Debian root shell, so every non-empty line is kept. */
export type HistoryControl = '' | 'ignorespace' | 'ignoredups' | 'ignoreboth';

/** A history list with readline's navigation state. */
export class History {
  readonly #entries: string[];
  readonly #limit: number;
  readonly #control: HistoryControl;
  #position: number;
  readonly #edits = new Map<number, string>();

  /**
   * @param entries saved entries, oldest first
   * @param limit how many entries to keep (bash's HISTSIZE)
   * @param control which lines bash leaves out (HISTCONTROL)
   */
  constructor(entries: readonly string[], limit = 1000, control: HistoryControl = '') {
    this.#limit = limit;
    this.#control = control;
    this.#entries = entries.filter((e) => typeof e === 'string' && e !== '').slice(-limit);
    this.#position = this.#entries.length;
  }

  /** The entries, oldest first. */
  get entries(): readonly string[] {
    return this.#entries;
  }

  /** The index being shown (entries.length for the line being typed). */
  get position(): number {
    return this.#position;
  }

  /**
   * Every line as navigation shows it: entries with their unsaved edits, then the line being typed;
   * the line at the current position is `current`.
   * @param current the buffer as edited now
   * @returns entries.length + 1 lines
   */
  lines(current: string): string[] {
    const lines = [...this.#entries, ''].map((entry, i) => this.#edits.get(i) ?? entry);
    lines[this.#position] = current;
    return lines;
  }

  /**
   * Moves by `delta` entries, remembering the edited current line.
   * @param delta -1 for older (up), +1 for newer (down)
   * @param current the buffer as edited now
   * @returns the line to show, or undefined at either end
   */
  move(delta: number, current: string): string | undefined {
    const target = this.#position + delta;
    if (target < 0 || target > this.#entries.length) return undefined;
    this.#edits.set(this.#position, current);
    this.#position = target;
    return this.#edits.get(target) ?? this.#entries[target] ?? '';
  }

  /**
   * Jumps to an entry (as reverse-i-search does when a match is accepted).
   * @param index the entry's index
   * @param current the buffer as edited now
   */
  jump(index: number, current: string): void {
    if (index < 0 || index > this.#entries.length) return;
    this.#edits.set(this.#position, current);
    this.#position = index;
  }

  /**
   * Records an accepted command and forgets navigation edits. As bash: an empty line is never stored
   * (a line of blanks is); HISTCONTROL may leave out lines starting with a blank or repeating the last.
   * @param entry the command's history entry
   */
  add(entry: string): void {
    this.#edits.clear();
    const isSpaced = /^\s/.test(entry) && (this.#control === 'ignorespace' || this.#control === 'ignoreboth');
    const isRepeat = this.#entries.at(-1) === entry && (this.#control === 'ignoredups' || this.#control === 'ignoreboth');
    if (entry !== '' && !isSpaced && !isRepeat) {
      this.#entries.push(entry);
      if (this.#entries.length > this.#limit) this.#entries.shift();
    }
    this.#position = this.#entries.length;
  }

  /** Forgets navigation edits and returns to the bottom (Ctrl-C). */
  reset(): void {
    this.#edits.clear();
    this.#position = this.#entries.length;
  }
}
