// The command history as readline navigates it: up/down walk the entries, edits made to a recalled line
// are kept while moving around (and the line being typed is kept at the bottom), and all of that is
// dropped when a line is accepted. Not persistence: the backend loads and saves the entries.

/** A history list with readline's navigation state. */
export class History {
  readonly #entries: string[];
  readonly #limit: number;
  #position: number;
  readonly #edits = new Map<number, string>();

  /**
   * @param entries saved entries, oldest first
   * @param limit how many entries to keep (bash's HISTSIZE)
   */
  constructor(entries: readonly string[], limit = 1000) {
    this.#limit = limit;
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
   * Records an accepted command and forgets navigation edits. Blank lines and an immediate repeat
   * are not stored (as HISTCONTROL=ignoredups).
   * @param entry the command's history entry
   */
  add(entry: string): void {
    this.#edits.clear();
    if (entry.trim() !== '' && this.#entries[this.#entries.length - 1] !== entry) {
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
