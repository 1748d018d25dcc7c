/**
 * The evaluator's view of the AARE engine: one matcher per distinct pattern (abstractions repeat the same
 * globs across profiles), checked cheaply at compile time and built into an automaton only when first used
 * (most rules of a big profile never see a path that shares their literal prefix). Matching semantics live
 * in `aare/`; this module only adapts, defers and caches.
 */
import { compileAare, scanAare, type AareMatcher } from '../aare/index.ts';

/** What the evaluator needs from a compiled AARE. */
export type PatternMatcher = {
  /** the AARE text as given */
  readonly pattern: string;
  /** true when the pattern has no glob character: an exact match (`aare_rules.cc` exact-match detection) */
  readonly isLiteral: boolean;
  /** apparmor_parser's xmatch_len: the attachment specificity (the full length for a literal) */
  readonly literalPrefixLength: number;
  /** @returns true when the whole string matches */
  test(text: string): boolean;
  /** @returns why `text` matched, in the learner's terms (e.g. `'** matched "a/b"'`) */
  explain(text: string): string;
};

/** The result of compiling one pattern. */
export type CompiledPattern = { matcher: PatternMatcher; error: string | undefined };

const NEVER = (pattern: string): PatternMatcher => ({
  pattern,
  isLiteral: false,
  literalPrefixLength: 0,
  test: () => false,
  explain: () => `the pattern ${pattern} does not compile, so it matches nothing`,
});

/** A matcher that builds its automaton on first use; a regex-level failure then matches nothing. */
class LazyMatcher implements PatternMatcher {
  readonly pattern: string;
  readonly isLiteral: boolean;
  #inner: AareMatcher | null | undefined;

  /**
   * @param pattern - a pattern `scanAare` accepted
   * @param isLiteral - the scan's verdict
   */
  constructor(pattern: string, isLiteral: boolean) {
    this.pattern = pattern;
    this.isLiteral = isLiteral;
  }

  #get(): AareMatcher | null {
    if (this.#inner === undefined) {
      const result = compileAare(this.pattern);
      this.#inner = result.ok ? result.matcher : null;
    }
    return this.#inner;
  }

  get literalPrefixLength(): number {
    return this.#get()?.literalPrefixLength ?? 0;
  }

  test(text: string): boolean {
    return this.#get()?.test(text) ?? false;
  }

  explain(text: string): string {
    const inner = this.#get();
    if (!inner) return `the pattern ${this.pattern} does not compile, so it matches nothing`;
    return inner.explain(text)?.text ?? `${this.pattern} does not match "${text}"`;
  }
}

/**
 * A cache of compiled patterns shared by one `compilePolicy` call (and reusable across calls).
 */
export class PatternCache {
  readonly #byPattern = new Map<string, CompiledPattern>();

  /**
   * @param pattern - final AARE text (variables already expanded)
   * @returns the matcher, and the AARE error when the glob is invalid (then the matcher matches nothing)
   */
  get(pattern: string): CompiledPattern {
    const known = this.#byPattern.get(pattern);
    if (known) return known;
    const compiled = compilePattern(pattern);
    this.#byPattern.set(pattern, compiled);
    return compiled;
  }
}

function compilePattern(pattern: string): CompiledPattern {
  const scan = scanAare(pattern);
  if (scan) return { matcher: new LazyMatcher(pattern, scan.kind === 'literal'), error: undefined };
  const result = compileAare(pattern);
  if (!result.ok) return { matcher: NEVER(pattern), error: result.error.message };
  return { matcher: new LazyMatcher(pattern, result.matcher.isLiteral), error: undefined };
}
