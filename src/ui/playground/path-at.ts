// Finds the file path under a click in the terminal's text (a row of the screen), so clicking a path that
// a command printed opens it in the editor. Pure: the element maps the click to a row and an offset.

/** Characters a path token is made of on screen (no spaces, quotes or the `:` that ends `ls -l`-like prefixes). */
const PATH_CHAR = /[\w.+@/~-]/;

/**
 * The absolute path around `offset` in one row of text.
 * @param row - the row's text
 * @param offset - the clicked character's index in the row
 * @returns the path (trailing `.`, `,` and `:` dropped), or undefined when the click is not on one
 * @example pathAt("touch: cannot touch '/tmp/test': Permission denied", 24) // → '/tmp/test'
 */
export function pathAt(row: string, offset: number): string | undefined {
  if (offset < 0 || offset >= row.length || !PATH_CHAR.test(row[offset] ?? '')) return undefined;
  let start = offset;
  while (start > 0 && PATH_CHAR.test(row[start - 1] ?? '')) start--;
  let end = offset + 1;
  while (end < row.length && PATH_CHAR.test(row[end] ?? '')) end++;
  const token = row.slice(start, end).replace(/[.,:]+$/, '');
  return token.startsWith('/') && token.length > 1 && offset < start + token.length ? token : undefined;
}
