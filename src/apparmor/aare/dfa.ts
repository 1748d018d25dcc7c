/**
 * A lazily built, bounded DFA over an NFA (as RE2 does): each DFA state is a set of NFA leaves, created the
 * first time an input reaches it and then reused. Linear time per subject; memory capped by
 * {@link MAX_DFA_STATES}, after which the cache is dropped and rebuilt, so correctness never depends on it.
 */
import { ClosureScratch, type Closure, type Nfa } from './nfa.ts';

/** Most DFA states one matcher keeps before it flushes its cache. */
export const MAX_DFA_STATES = 2048;

/** One cached DFA state. `next[class]` is filled on first use. */
export type DfaState = {
  leaves: Int32Array;
  accept: boolean;
  next: (DfaState | undefined)[];
};

/** The lazily built DFA of one pattern. */
export class LazyDfa {
  readonly nfa: Nfa;
  #scratch: ClosureScratch;
  #states = new Map<string, DfaState>();
  #start: DfaState | undefined;
  #flushes = 0;

  /** @param nfa - the automaton to determinise on demand */
  constructor(nfa: Nfa) {
    this.nfa = nfa;
    this.#scratch = new ClosureScratch(nfa.kind.length);
  }

  /** @returns the start state (the closure of the NFA start) */
  start(): DfaState {
    if (this.#start === undefined) {
      const closure: Closure = { leaves: [], accept: false };
      this.#scratch.begin();
      this.#scratch.add(this.nfa, this.nfa.start, closure);
      this.#start = this.#intern(closure);
    }
    return this.#start;
  }

  /**
   * @param state - a state of this DFA
   * @param byteClass - the input class (`nfa.classOf[byte]`)
   * @returns the successor (a state with no leaves and no accept is dead)
   */
  step(state: DfaState, byteClass: number): DfaState {
    const known = state.next[byteClass];
    if (known !== undefined) return known;
    const closure: Closure = { leaves: [], accept: false };
    this.#scratch.begin();
    for (const leaf of state.leaves) {
      if (this.nfa.classMask[leaf]?.[byteClass]) this.#scratch.add(this.nfa, this.nfa.out1[leaf] as number, closure);
    }
    const next = this.#intern(closure);
    state.next[byteClass] = next;
    return next;
  }

  /**
   * @param bytes - the subject as UTF-8
   * @returns whether the whole subject matches
   */
  matches(bytes: Uint8Array): boolean {
    let state = this.start();
    const classOf = this.nfa.classOf;
    for (let i = 0; i < bytes.length; i++) {
      state = this.step(state, classOf[bytes[i] as number] as number);
      // No live leaf: only a match if this was the last byte and it landed on the match state.
      if (state.leaves.length === 0) return i === bytes.length - 1 && state.accept;
    }
    return state.accept;
  }

  /** @returns how many states are cached right now */
  get size(): number {
    return this.#states.size;
  }

  /** @returns how many times the cache hit {@link MAX_DFA_STATES} and was dropped */
  get flushes(): number {
    return this.#flushes;
  }

  #intern(closure: Closure): DfaState {
    const leaves = Int32Array.from(closure.leaves).sort();
    const key = `${closure.accept ? 'a' : 'n'}${leaves.join(',')}`;
    const known = this.#states.get(key);
    if (known !== undefined) return known;
    if (this.#states.size >= MAX_DFA_STATES) {
      // Flush: states already handed out stay valid, they are just no longer shared.
      this.#states.clear();
      this.#start = undefined;
      this.#flushes++;
    }
    const state: DfaState = { leaves, accept: closure.accept, next: new Array(this.nfa.classCount) };
    this.#states.set(key, state);
    return state;
  }
}
