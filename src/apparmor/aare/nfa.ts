/**
 * Thompson NFA over byte classes, built from the expression tree. Its size is linear in the pattern, and
 * it is only ever *simulated* (state sets), so no input can make matching backtrack. Not a matcher by
 * itself: dfa.ts caches its state sets, explain.ts walks it to attribute bytes to glob tokens.
 */
import type { RegexNode, SetNode } from './regex-parse.ts';

const LEAF = 0;
const SPLIT = 1;
const JUMP = 2;
const MATCH = 3;

/** The automaton: parallel arrays indexed by state id. */
export type Nfa = {
  kind: number[];
  out1: number[];
  out2: number[];
  /** For leaves: which byte classes the leaf accepts (`classMask[state][class]`). */
  classMask: (Uint8Array | undefined)[];
  /** For leaves: the glob token the leaf was written as. */
  token: number[];
  start: number;
  /** Byte → equivalence class (bytes no leaf tells apart share a class). */
  classOf: Uint16Array;
  classCount: number;
  /** One byte per class, to drive transitions. */
  classByte: number[];
};

/** A state set after epsilon closure: leaves in priority order, and whether the match state is in it. */
export type Closure = { leaves: number[]; accept: boolean };

/**
 * Builds the NFA for an expression tree.
 *
 * @param tree - output of `parseRegex`
 * @returns the automaton
 * @example buildNfa({ kind: 'eps' }).kind // → [3] (just the match state)
 */
export function buildNfa(tree: RegexNode): Nfa {
  const nfa: Nfa = {
    kind: [], out1: [], out2: [], classMask: [], token: [], start: 0,
    classOf: new Uint16Array(256), classCount: 1, classByte: [0],
  };
  const leaves: SetNode[] = [];
  const match = addState(nfa, MATCH, -1, -1);
  nfa.start = build(nfa, tree, match, leaves);
  computeClasses(nfa, leaves);
  return nfa;
}

function addState(nfa: Nfa, kind: number, out1: number, out2: number): number {
  nfa.kind.push(kind);
  nfa.out1.push(out1);
  nfa.out2.push(out2);
  nfa.classMask.push(undefined);
  nfa.token.push(-1);
  return nfa.kind.length - 1;
}

/** Builds `node` so that it continues into state `next`; returns its entry state. */
function build(nfa: Nfa, node: RegexNode, next: number, leaves: SetNode[]): number {
  switch (node.kind) {
    case 'eps':
      return next;
    case 'set': {
      const id = addState(nfa, LEAF, next, -1);
      nfa.token[id] = node.token;
      leaves[id] = node;
      return id;
    }
    case 'cat': {
      let entry = next;
      for (let i = node.items.length - 1; i >= 0; i--) entry = build(nfa, node.items[i] as RegexNode, entry, leaves);
      return entry;
    }
    case 'alt': {
      let entry = build(nfa, node.items[node.items.length - 1] as RegexNode, next, leaves);
      for (let i = node.items.length - 2; i >= 0; i--) {
        entry = addState(nfa, SPLIT, build(nfa, node.items[i] as RegexNode, next, leaves), entry);
      }
      return entry;
    }
    case 'star': {
      const loop = addState(nfa, SPLIT, -1, next);
      nfa.out1[loop] = build(nfa, node.child, loop, leaves);
      return loop;
    }
    case 'plus': {
      const loop = addState(nfa, SPLIT, -1, next);
      const body = build(nfa, node.child, loop, leaves);
      nfa.out1[loop] = body;
      // A jump gives the body one entry state even when the body itself is empty.
      return addState(nfa, JUMP, body, -1);
    }
  }
}

/** Splits the 256 bytes into classes no leaf distinguishes, so DFA rows stay short. */
function computeClasses(nfa: Nfa, leaves: SetNode[]): void {
  const classOf = new Uint16Array(256);
  let count = 1;
  // (old class, in leaf?) → new class; a typed array rather than a Map: this loop is most of a cold compile
  const remap = new Int32Array(2 * 257);
  for (const leaf of leaves) {
    if (leaf === undefined) continue;
    remap.fill(-1, 0, 2 * count);
    let size = 0;
    for (let b = 0; b < 256; b++) {
      const key = (classOf[b] as number) * 2 + (leaf.bytes[b] as number);
      let cls = remap[key] as number;
      if (cls < 0) {
        cls = size++;
        remap[key] = cls;
      }
      classOf[b] = cls;
    }
    count = size;
  }
  nfa.classOf = classOf;
  nfa.classCount = count;
  nfa.classByte = new Array<number>(count).fill(-1);
  for (let b = 0; b < 256; b++) if (nfa.classByte[classOf[b] as number] === -1) nfa.classByte[classOf[b] as number] = b;
  leaves.forEach((leaf, id) => {
    const mask = new Uint8Array(count);
    for (let c = 0; c < count; c++) mask[c] = leaf.bytes[nfa.classByte[c] as number] as number;
    nfa.classMask[id] = mask;
  });
}

/** Reusable scratch space for closures (a generation-stamped visited array). */
export class ClosureScratch {
  #seen: Int32Array;
  #generation = 0;
  #stack: number[] = [];

  /** @param size - number of NFA states */
  constructor(size: number) {
    this.#seen = new Int32Array(size);
  }

  /** Starts a new closure; previously seen states are forgotten. */
  begin(): void {
    this.#generation++;
  }

  /**
   * Adds the closure of `state` to `into` (leaves in priority order: a split's first branch first).
   *
   * @param nfa - the automaton
   * @param state - the state to follow
   * @param into - the closure being built
   * @param onLeaf - called for each leaf newly added
   */
  add(nfa: Nfa, state: number, into: Closure, onLeaf?: (leaf: number) => void): void {
    const stack = this.#stack;
    stack.push(state);
    while (stack.length > 0) {
      const s = stack.pop() as number;
      if (this.#seen[s] === this.#generation) continue;
      this.#seen[s] = this.#generation;
      const kind = nfa.kind[s];
      if (kind === LEAF) {
        into.leaves.push(s);
        onLeaf?.(s);
      } else if (kind === MATCH) {
        into.accept = true;
      } else if (kind === SPLIT) {
        stack.push(nfa.out2[s] as number, nfa.out1[s] as number);
      } else {
        stack.push(nfa.out1[s] as number);
      }
    }
  }
}
