/**
 * Whether two globs share a matching string, by exploring the product of their lazy DFAs breadth-first.
 * This is what the parser's "conflicting x modifiers" check needs (it finds such strings on its DFA).
 */
import type { AareMatcher } from './types.ts';
import { CompiledAare } from './match.ts';
import type { DfaState, LazyDfa } from './dfa.ts';

/**
 * Most state pairs explored before giving up. Past it the answer is `true` (assume they overlap): for the
 * conflict check a spurious conflict is visible and explainable, a missed one would not be.
 */
export const MAX_INTERSECT_PAIRS = 200_000;

/**
 * @param a - a matcher from `compileAare`
 * @param b - another one
 * @returns true when some string matches both (over all bytes, as the parser's DFA does)
 * @example aareIntersects(m('/bin/a*'), m('/bin/*b')) // → true ('/bin/ab')
 * @example aareIntersects(m('/tmp/*'), m('/tmp/')) // → false
 */
export function aareIntersects(a: AareMatcher, b: AareMatcher): boolean {
  if (!(a instanceof CompiledAare) || !(b instanceof CompiledAare)) {
    throw new TypeError('aareIntersects needs matchers made by compileAare');
  }
  const joint = jointClasses(a.dfa, b.dfa);
  const seen = new Set<string>();
  const ids = new Map<DfaState, number>();
  const idOf = (s: DfaState): number => {
    let id = ids.get(s);
    if (id === undefined) {
      id = ids.size;
      ids.set(s, id);
    }
    return id;
  };
  const queue: [DfaState, DfaState][] = [[a.dfa.start(), b.dfa.start()]];
  seen.add(`${idOf(queue[0]![0])},${idOf(queue[0]![1])}`);
  for (let head = 0; head < queue.length; head++) {
    const [sa, sb] = queue[head] as [DfaState, DfaState];
    if (sa.accept && sb.accept) return true;
    for (const [ca, cb] of joint) {
      const na = a.dfa.step(sa, ca);
      const nb = b.dfa.step(sb, cb);
      if (na.leaves.length === 0 || nb.leaves.length === 0) {
        if (!(na.accept && nb.accept)) continue;
      }
      const key = `${idOf(na)},${idOf(nb)}`;
      if (seen.has(key)) continue;
      if (seen.size >= MAX_INTERSECT_PAIRS) return true;
      seen.add(key);
      queue.push([na, nb]);
    }
  }
  return false;
}

/** The distinct (class in a, class in b) pairs over all 256 bytes. */
function jointClasses(a: LazyDfa, b: LazyDfa): [number, number][] {
  const pairs = new Map<number, [number, number]>();
  for (let byte = 0; byte < 256; byte++) {
    const ca = a.nfa.classOf[byte] as number;
    const cb = b.nfa.classOf[byte] as number;
    pairs.set(ca * 65536 + cb, [ca, cb]);
  }
  return [...pairs.values()];
}
