/** Validation of the permission words of signal, ptrace, unix, dbus and the 4.x rules. */
import type { Word } from '../ast.ts';
import type { Cursor } from '../cursor.ts';

/**
 * Reports every permission that is neither a known word nor valid `rw` letters.
 *
 * @param c - the cursor (diagnostics sink)
 * @param perms - the permissions as written
 * @param words - the words this rule kind accepts
 * @param checkLetters - returns apparmor_parser's error for letter forms (`rw`), or undefined
 * @param line - the line apparmor_parser blames
 */
export function checkPermWords(
  c: Cursor, perms: Word[], words: readonly string[], checkLetters: (w: string) => string | undefined, line: number,
): void {
  for (const perm of perms) {
    if (words.includes(perm.text)) continue;
    const error = checkLetters(perm.text);
    if (error) c.report('INVALID_PERMISSION', perm.range, error, { line });
  }
}
