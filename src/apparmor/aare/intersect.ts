/**
 * Whether two globs share a matching string, by exploring the product of their lazy DFAs breadth-first.
 * This is what the parser's "conflicting x modifiers" check needs (it finds such strings on its DFA); the
 * search also yields the shortest shared string, to show learners *why* two rules overlap.
 */
import type { AareMatcher } from './types.ts';
import { CompiledAare } from './match.ts';
import type { DfaState, LazyDfa } from './dfa.ts';

/**
 * Most state pairs explored before giving up. Past it the answer is `true` (assume they overlap): for the
 * conflict check a spurious conflict is visible and explainable, a missed one would not be.
 */
export const MAX_INTERSECT_PAIRS = 200_000;

/** Bytes tried first when spelling an example string, so examples read like paths. */
const PREFERRED = 'abcdefghijklmnopqrstuvwxyz0123456789/._-ABCDEFGHIJKLMNOPQRSTUVWXYZ';

type Search = { found: boolean; example?: Uint8Array };

/**
 * @param a - a matcher from `compileAare`
 * @param b - another one
 * @returns true when some string matches both (over all bytes, as the parser's DFA does)
 * @example aareIntersects(m('/bin/a*'), m('/bin/*b')) // → true ('/bin/ab')
 * @example aareIntersects(m('/tmp/*'), m('/tmp/')) // → false
 */
export function aareIntersects(a: AareMatcher, b: AareMatcher): boolean {
  return search(a, b).found;
}

/**
 * The shortest string both patterns match, spelled with path-like characters where possible.
 *
 * @param a - a matcher from `compileAare`
 * @param b - another one
 * @returns such a string, or `undefined` when there is none (or the search hit {@link MAX_INTERSECT_PAIRS})
 * @example aareCommonExample(m('/bin/a*'), m('/bin/*b')) // → '/bin/ab'
 */
export function aareCommonExample(a: AareMatcher, b: AareMatcher): string | undefined {
  const result = search(a, b);
  return result.example === undefined ? undefined : decodeLatin1OrUtf8(result.example);
}

type Node = { a: DfaState; b: DfaState; parent: number; byte: number };

function search(a: AareMatcher, b: AareMatcher): Search {
  if (!(a instanceof CompiledAare) || !(b instanceof CompiledAare)) {
    throw new TypeError('aareIntersects needs matchers made by compileAare');
  }
  const joint = jointClasses(a.dfa, b.dfa);
  const ids = new Map<DfaState, number>();
  const idOf = (s: DfaState): number => {
    let id = ids.get(s);
    if (id === undefined) {
      id = ids.size;
      ids.set(s, id);
    }
    return id;
  };
  const queue: Node[] = [{ a: a.dfa.start(), b: b.dfa.start(), parent: -1, byte: -1 }];
  const seen = new Set<string>([`${idOf(queue[0]!.a)},${idOf(queue[0]!.b)}`]);
  for (let head = 0; head < queue.length; head++) {
    const node = queue[head] as Node;
    if (node.a.accept && node.b.accept) return { found: true, example: spell(queue, head) };
    for (const [ca, cb, byte] of joint) {
      const na = a.dfa.step(node.a, ca);
      const nb = b.dfa.step(node.b, cb);
      // A side with no live leaf can still accept right here, but never later.
      if ((na.leaves.length === 0 && !na.accept) || (nb.leaves.length === 0 && !nb.accept)) continue;
      const key = `${idOf(na)},${idOf(nb)}`;
      if (seen.has(key)) continue;
      if (seen.size >= MAX_INTERSECT_PAIRS) return { found: true };
      seen.add(key);
      queue.push({ a: na, b: nb, parent: head, byte });
    }
  }
  return { found: false };
}

function spell(queue: Node[], index: number): Uint8Array {
  const bytes: number[] = [];
  for (let i = index; i > 0; i = (queue[i] as Node).parent) bytes.push((queue[i] as Node).byte);
  return Uint8Array.from(bytes.reverse());
}

/** The distinct (class in a, class in b) pairs over all 256 bytes, each with a readable example byte. */
function jointClasses(a: LazyDfa, b: LazyDfa): [number, number, number][] {
  const pairs = new Map<number, [number, number, number]>();
  const order = [...PREFERRED].map((c) => c.charCodeAt(0));
  for (let byte = 0; byte < 256; byte++) if (!order.includes(byte)) order.push(byte);
  for (const byte of order) {
    const ca = a.nfa.classOf[byte] as number;
    const cb = b.nfa.classOf[byte] as number;
    const key = ca * 65536 + cb;
    if (!pairs.has(key)) pairs.set(key, [ca, cb, byte]);
  }
  return [...pairs.values()];
}

/** Bytes → string: UTF-8 where it decodes, otherwise one character per byte. */
function decodeLatin1OrUtf8(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] as number;
    const need = b >= 0xf0 ? 3 : b >= 0xe0 ? 2 : b >= 0xc0 ? 1 : 0;
    let cp = need === 0 ? b : b & (0x3f >> need);
    let ok = need > 0;
    for (let k = 1; ok && k <= need; k++) {
      const next = bytes[i + k];
      if (next === undefined || (next & 0xc0) !== 0x80) ok = false;
      else cp = (cp << 6) | (next & 0x3f);
    }
    if (need > 0 && ok) {
      out += String.fromCodePoint(cp);
      i += need;
    } else {
      out += String.fromCharCode(b);
    }
  }
  return out;
}
