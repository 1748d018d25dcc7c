// Cursor motions over the input buffer as readline counts them: characters are whole code points with
// their combining marks, "words" are runs of letters and digits (forward-word, backward-kill-word), and
// unix-word-rubout (Ctrl-W) stops at whitespace.
import { charWidth } from './char-width.ts';

function isCombining(text: string, i: number): boolean {
  const cp = text.codePointAt(i);
  return cp !== undefined && cp >= 0x300 && charWidth(cp) === 0;
}

/**
 * The index of the character after the one at `i`.
 * @param text the buffer
 * @param i a character boundary
 * @returns the next boundary (text.length at the end)
 * @example nextChar('a中b', 1) // 2
 */
export function nextChar(text: string, i: number): number {
  if (i >= text.length) return text.length;
  let j = i + ((text.codePointAt(i) ?? 0) > 0xffff ? 2 : 1);
  while (j < text.length && isCombining(text, j)) j += (text.codePointAt(j) ?? 0) > 0xffff ? 2 : 1;
  return j;
}

/**
 * The index of the character before `i`.
 * @param text the buffer
 * @param i a character boundary
 * @returns the previous boundary (0 at the start)
 * @example previousChar('e\u0301x', 2) // 0
 */
export function previousChar(text: string, i: number): number {
  let j = i;
  do {
    if (j <= 0) return 0;
    j -= j >= 2 && /[\udc00-\udfff]/.test(text[j - 1]!) && /[\ud800-\udbff]/.test(text[j - 2]!) ? 2 : 1;
  } while (j > 0 && isCombining(text, j));
  return j;
}

const WORD = /[\p{L}\p{N}]/u;

/**
 * Where readline's forward-word (Meta-f, Ctrl-Right) stops: the end of the next word.
 * @param text the buffer
 * @param i the cursor
 * @returns the new cursor
 * @example wordEnd('ls /etc/apparmor.d', 2) // 7
 */
export function wordEnd(text: string, i: number): number {
  let j = i;
  while (j < text.length && !WORD.test(text[j]!)) j++;
  while (j < text.length && WORD.test(text[j]!)) j++;
  return j;
}

/**
 * Where readline's backward-word (Meta-b, Ctrl-Left) stops: the start of the previous word.
 * @param text the buffer
 * @param i the cursor
 * @returns the new cursor
 * @example wordStart('ls /etc/apparmor.d', 18) // 17
 */
export function wordStart(text: string, i: number): number {
  let j = i;
  while (j > 0 && !WORD.test(text[j - 1]!)) j--;
  while (j > 0 && WORD.test(text[j - 1]!)) j--;
  return j;
}

/**
 * Where unix-word-rubout (Ctrl-W) starts deleting: back over blanks, then back to the previous blank.
 * @param text the buffer
 * @param i the cursor
 * @returns the start of the deleted region
 * @example whitespaceWordStart('cat /etc/hosts ', 15) // 4
 */
export function whitespaceWordStart(text: string, i: number): number {
  let j = i;
  while (j > 0 && /\s/.test(text[j - 1]!)) j--;
  while (j > 0 && !/\s/.test(text[j - 1]!)) j--;
  return j;
}
