/**
 * Slash folding applied to policy paths before glob conversion, as `parser_regex.c:filter_slashes`:
 * runs of `/` collapse to one, except a leading `//` (not `///`), which Linux reserves for namespaces.
 */

/** The folded text and, for each of its characters, the index of the original character. */
export type FoldedPattern = { text: string; origin: number[] };

/**
 * Collapses repeated slashes the way the parser does for file rules and attachments.
 *
 * @param pattern - the AARE as written (variables already expanded)
 * @returns the folded pattern plus an index map back into `pattern`
 * @example filterSlashes('//a//b').text // → '//a/b'
 * @example filterSlashes('///a').text // → '/a'
 */
export function filterSlashes(pattern: string): FoldedPattern {
  const origin: number[] = [];
  let text = '';
  if (pattern.length < 2) {
    return { text: pattern, origin: [...pattern].map((_, i) => i) };
  }
  let i = 0;
  if (pattern[0] === '/' && pattern[1] === '/' && pattern[2] !== '/') {
    text = '//';
    origin.push(0, 1);
    i = 2;
  }
  let seenSlash = false;
  for (; i < pattern.length; i++) {
    const c = pattern[i] as string;
    if (c === '/') {
      if (seenSlash) continue;
      seenSlash = true;
    } else {
      seenSlash = false;
    }
    text += c;
    origin.push(i);
  }
  return { text, origin };
}
