// How readline shows and merges completion candidates: the longest common prefix to insert, and the
// listing printed on the second Tab (complete.c: rl_display_match_list, sorted down the columns).
import { stringWidth } from './char-width.ts';

/**
 * The longest prefix all candidates share.
 * @param candidates completion candidates (at least one)
 * @returns their common prefix
 * @example longestCommonPrefix(['apparmor_parser', 'apparmor_status']) // 'apparmor_'
 */
export function longestCommonPrefix(candidates: readonly string[]): string {
  let prefix = candidates[0] ?? '';
  for (const c of candidates) {
    let k = 0;
    while (k < prefix.length && k < c.length && prefix[k] === c[k]) k++;
    prefix = prefix.slice(0, k);
  }
  return prefix;
}

/**
 * The part of a candidate readline displays: for a path, what follows the last `/` (a directory keeps
 * its own name and trailing slash), as complete.c's printable_part.
 * @param candidate a completion candidate
 * @returns the displayed text
 * @example printablePart('/etc/apparmor.d/') // 'apparmor.d/'
 */
export function printablePart(candidate: string): string {
  const slash = candidate.lastIndexOf('/');
  if (slash < 0) return candidate;
  if (slash < candidate.length - 1) return candidate.slice(slash + 1);
  const before = candidate.lastIndexOf('/', slash - 1);
  return slash === 0 ? candidate : candidate.slice(before + 1);
}

/**
 * The candidate listing as rl_display_match_list prints it: unique, sorted, each padded to the longest
 * width + 2, as many columns as fit, read down the columns; every row ends with CRLF.
 * @param candidates completion candidates
 * @param columns the terminal's width
 * @returns the listing, one `\r\n` per row
 * @example formatCompletionList(['b', 'a'], 80) // 'a  b  \r\n'
 */
export function formatCompletionList(candidates: readonly string[], columns: number): string {
  const items = [...new Set(candidates)].sort().map(printablePart);
  const max = Math.max(...items.map(stringWidth)) + 2;
  let limit = Math.floor(columns / max);
  if (limit !== 1 && limit * max === columns) limit--;
  if (limit <= 0) limit = 1;
  const rows = Math.ceil(items.length / limit);
  let out = '';
  for (let i = 0; i < rows; i++) {
    for (let j = 0, l = i; j < limit && l < items.length; j++, l += rows) {
      const item = items[l]!;
      out += item;
      // As readline: pad every column but the last possible one, even on a short row.
      if (j + 1 < limit) out += ' '.repeat(Math.max(1, max - stringWidth(item)));
    }
    out += '\r\n';
  }
  return out;
}
