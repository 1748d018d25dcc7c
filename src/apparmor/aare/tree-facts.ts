/**
 * Facts the parser derives from a rule's expression tree: whether it is an "exact match" (decides exec-mode
 * precedence, `aare_rules.cc:add_rule_vec`) and its `min_match_len` (the profile's xmatch_len, which ranks
 * attachments, `expr-tree.h`).
 */
import type { RegexNode } from './regex-parse.ts';

/**
 * As `aare_rules.cc`: exact unless the tree has a star, plus, any-char or negated set. Note `{a,b}` and
 * `[ab]` still count as exact.
 *
 * @param tree - the expression tree
 * @returns true for an exact-match rule
 * @example isExactMatchTree({ kind: 'eps' }) // → true
 */
export function isExactMatchTree(tree: RegexNode): boolean {
  switch (tree.kind) {
    case 'eps': return true;
    case 'set': return tree.form === 'char' || tree.form === 'set';
    case 'star': case 'plus': return false;
    case 'cat': case 'alt': return tree.items.every(isExactMatchTree);
  }
}

/**
 * As `expr-tree.h` `min_match_len` with `contains_oob`: characters count until the first negated set (which
 * the tree treats as an out-of-band boundary) has been counted, stars count zero. So `/usr/bin/*` → 10
 * (`/usr/bin/` plus the mandatory character) and `/usr/*\/x` → 6; both checked with apparmor_parser 3.0.8.
 *
 * @param tree - the expression tree
 * @returns the byte count the kernel compares when choosing the longest attachment match
 * @example minMatchLength({ kind: 'eps' }) // → 0
 */
export function minMatchLength(tree: RegexNode): number {
  return measure(tree).length;
}

function measure(tree: RegexNode): { length: number; stops: boolean } {
  switch (tree.kind) {
    case 'eps': return { length: 0, stops: false };
    case 'set': return { length: tree.form === 'any' ? 0 : 1, stops: tree.form === 'notset' };
    case 'star': return { length: 0, stops: measure(tree.child).stops };
    case 'plus': return measure(tree.child);
    case 'alt': {
      const parts = tree.items.map(measure);
      return { length: Math.min(...parts.map((p) => p.length)), stops: parts.some((p) => p.stops) };
    }
    case 'cat': {
      // Left-associative, as parse.y builds it: once a part stops the count, later parts add nothing.
      let acc = { length: 0, stops: false };
      tree.items.forEach((item, i) => {
        const part = measure(item);
        acc = i === 0 ? part : { length: acc.stops ? acc.length : acc.length + part.length, stops: acc.stops || part.stops };
      });
      return acc;
    }
  }
}
