// Where text lands on a terminal `columns` wide, and the escape sequences that move the cursor and redraw
// an edited line. It models xterm's auto-wrap: a character that does not fit wraps to the next row, and the
// cursor waits in the last column ("pending wrap") until the next character arrives.
import { charWidth } from './char-width.ts';

/** A cell on screen, counted from the row the drawn text starts on. */
export type CellPos = { row: number; col: number };

/** The positions of a laid-out text. */
export type Layout = {
  /** `at[i]` is where the cursor sits before UTF-16 index i (a pending wrap counts as the next row). */
  at: CellPos[];
  /** Where the terminal's cursor is after writing all of it; `col === columns` means a pending wrap. */
  end: CellPos;
};

/** What is drawn for an input line: prompt and buffer as one string, and the cursor's index in it. */
export type Frame = { text: string; cursor: number; startCol: number };

const ESC = '\x1b';
const CSI = '\x1b[';

/**
 * The index just past the escape sequence that starts at `i` (CSI, OSC or a two-byte sequence).
 * @param text the text
 * @param i index of an ESC character
 * @returns the index after the sequence
 * @example escapeEnd('\x1b[1;32mok', 0) // 7
 */
export function escapeEnd(text: string, i: number): number {
  const kind = text[i + 1];
  if (kind === '[') {
    let j = i + 2;
    while (j < text.length && !/[\x40-\x7e]/.test(text[j]!)) j++;
    return Math.min(j + 1, text.length);
  }
  if (kind === ']') {
    for (let j = i + 2; j < text.length; j++) {
      if (text[j] === '\x07') return j + 1;
      if (text[j] === ESC && text[j + 1] === '\\') return j + 2;
    }
    return text.length;
  }
  return Math.min(i + 2, text.length);
}

function settle(row: number, col: number, columns: number): CellPos {
  return col >= columns ? { row: row + 1, col: 0 } : { row, col };
}

/**
 * Lays text out from column `startCol` on a terminal `columns` wide. Escape sequences take no room,
 * `\n` starts a new row, `\r` returns to column 0, a tab goes to the next multiple of 8.
 * @param text prompt, buffer or command output
 * @param startCol the column the first character is written at
 * @param columns the terminal's width
 * @returns the cursor position before every index, and the terminal's position after the text
 * @example layout('abc', 0, 2).end // { row: 1, col: 1 }
 */
export function layout(text: string, startCol: number, columns: number): Layout {
  const at: CellPos[] = new Array<CellPos>(text.length + 1);
  let row = 0;
  let col = startCol;
  let i = 0;
  while (i < text.length) {
    const here = settle(row, col, columns);
    const cp = text.codePointAt(i)!;
    const next = cp === 0x1b ? escapeEnd(text, i) : i + (cp > 0xffff ? 2 : 1);
    for (let j = i; j < next; j++) at[j] = here;
    if (cp === 0x0a) {
      row++;
      col = 0;
    } else if (cp === 0x0d) {
      col = 0;
    } else if (cp === 0x09) {
      col = col >= columns ? columns : Math.min(columns - 1, (Math.floor(col / 8) + 1) * 8);
    } else if (cp !== 0x1b) {
      const width = charWidth(cp);
      if (width > 0 && col + width > columns) {
        row++;
        col = 0;
      }
      col += width;
    }
    i = next;
  }
  at[text.length] = settle(row, col, columns);
  return { at, end: { row, col } };
}

/**
 * The escape sequence moving the cursor between two cells of the drawn text.
 * @param from where the cursor is (never in a pending wrap)
 * @param to where it should go
 * @returns CSI cursor moves, `\r` for column 0
 * @example moveCursor({ row: 1, col: 0 }, { row: 0, col: 5 }) // '\x1b[A\r\x1b[5C'
 */
export function moveCursor(from: CellPos, to: CellPos): string {
  const count = (n: number): string => (n === 1 ? '' : String(n));
  let out = '';
  if (to.row < from.row) out += `${CSI}${count(from.row - to.row)}A`;
  if (to.row > from.row) out += `${CSI}${count(to.row - from.row)}B`;
  if (to.row !== from.row) return out + '\r' + (to.col > 0 ? `${CSI}${count(to.col)}C` : '');
  if (to.col < from.col) out += `${CSI}${count(from.col - to.col)}D`;
  if (to.col > from.col) out += `${CSI}${count(to.col - from.col)}C`;
  return out;
}

function firstDifference(a: string, b: string, at: readonly CellPos[]): number {
  let k = 0;
  while (k < a.length && k < b.length && a[k] === b[k]) k++;
  for (;;) {
    const start = k;
    // Redraw whole characters and sequences: not half a surrogate pair, not the tail of an escape
    // sequence, and not a combining mark without its base character.
    if (k > 0 && /[\ud800-\udbff]/.test(b[k - 1] ?? '')) k--;
    const esc = b.lastIndexOf(ESC, k - 1);
    if (esc >= 0 && escapeEnd(b, esc) > k) k = esc;
    while (k > 0 && charWidth(b.codePointAt(k) ?? 0x20) === 0 && b[k] !== ESC && b[k] !== '\n') k--;
    // Never start erasing at column 0 of a wrapped row: xterm would forget the row is a wrap (isWrapped),
    // so resizing and copying would break the line there. Rewrite from the previous character instead.
    if (k > 0 && at[k]!.row > 0 && at[k]!.col === 0) k--;
    if (k === start) return k;
  }
}

/**
 * The bytes turning the drawn `prev` frame into `next`: move to the first difference, erase below,
 * write the new tail, and place the cursor. Both frames start at the same cell.
 * @param prev what is on screen, the terminal cursor at `prev.cursor`
 * @param next what should be
 * @param columns the terminal's width
 * @returns bytes for the terminal
 * @example renderFrame({ text: '$ ls', cursor: 4, startCol: 0 }, { text: '$ lsa', cursor: 5, startCol: 0 }, 80) // 'a'
 */
export function renderFrame(prev: Frame, next: Frame, columns: number): string {
  const before = layout(prev.text, prev.startCol, columns);
  const after = layout(next.text, next.startCol, columns);
  const k = firstDifference(prev.text, next.text, after.at);
  const from = before.at[prev.cursor]!;
  if (k === prev.text.length && k === next.text.length) return moveCursor(from, after.at[next.cursor]!);
  let out = moveCursor(from, before.at[k]!);
  if (prev.text.length > k) out += `${CSI}J`;
  out += next.text.slice(k).replace(/\r?\n/g, '\r\n');
  // As readline does, leave no pending wrap behind: a space wraps for real, then back to column 0 (not
  // erased: erasing from column 0 would clear the row's wrapped flag; the next redraw overwrites it).
  if (after.end.col >= columns) out += ' \r';
  return out + moveCursor(after.at[next.text.length]!, after.at[next.cursor]!);
}

/**
 * The bytes that leave an input line as bash does on Enter or Ctrl-C: optionally stamp `^C` at the
 * cursor, go below the line's last row, and start a new row.
 * @param frame the drawn line, cursor at `frame.cursor`
 * @param columns the terminal's width
 * @param stamp text the terminal echoes at the cursor first (`^C`), or ''
 * @returns bytes for the terminal
 * @example leaveLine({ text: '$ ls', cursor: 2, startCol: 0 }, 80, '') // '\r\n'
 */
export function leaveLine(frame: Frame, columns: number, stamp: string): string {
  const drawn = layout(frame.text, frame.startCol, columns);
  const row = stamp === ''
    ? drawn.at[frame.cursor]!.row
    : layout(frame.text.slice(0, frame.cursor) + stamp, frame.startCol, columns).end.row;
  const bottom = drawn.at[frame.text.length]!.row;
  const down = bottom - row;
  return stamp + (down > 0 ? `${CSI}${down === 1 ? '' : down}B` : '') + '\r\n';
}
