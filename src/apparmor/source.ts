/**
 * Source positions. A `Range` is a half-open pair of UTF-16 offsets `[start, end)` into the text; offsets are
 * the only stored positions. `LineCounter` converts them to line/column on demand (binary search over
 * line starts), as eemeli/yaml's LineCounter does.
 */

/** Half-open `[start, end)` offsets into the source text. */
export type Range = readonly [start: number, end: number];

/** A 1-based line and column. */
export type LinePos = { line: number; col: number };

/** Converts offsets to 1-based line/column positions for one text. */
export class LineCounter {
  readonly #lineStarts: number[] = [0];

  /** @param text - the whole source text */
  constructor(text: string) {
    for (let i = 0; i < text.length; i++) {
      if (text.charCodeAt(i) === 10) this.#lineStarts.push(i + 1);
    }
  }

  /**
   * @param offset - a UTF-16 offset into the text
   * @returns its 1-based line and column
   * @example new LineCounter('a\nbc').linePos(3) // → { line: 2, col: 2 }
   */
  linePos(offset: number): LinePos {
    const starts = this.#lineStarts;
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((starts[mid] ?? 0) <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, col: offset - (starts[low] ?? 0) + 1 };
  }

  /** @returns the offset where 1-based `line` starts (the text length past the last line). */
  lineStart(line: number): number {
    return this.#lineStarts[Math.max(0, line - 1)] ?? this.#lineStarts[this.#lineStarts.length - 1] ?? 0;
  }

  /** @returns how many lines the text has. */
  get lineCount(): number {
    return this.#lineStarts.length;
  }
}
