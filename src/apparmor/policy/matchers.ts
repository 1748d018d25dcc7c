/**
 * The evaluator's view of the AARE engine: one compiled matcher per distinct pattern (abstractions repeat the
 * same globs across profiles), with a never-matching stand-in and an error for patterns that do not compile.
 * Matching semantics live in `aare/`; this module only adapts and caches.
 */
import { compileAare } from '../aare/index.ts';

/** What the evaluator needs from a compiled AARE. */
export type PatternMatcher = {
  /** the AARE text as given */
  readonly pattern: string;
  /** true when the pattern has no glob character: an exact match (`aare_rules.cc` exact-match detection) */
  readonly isLiteral: boolean;
  /** length of the text before the first glob character (the full length for a literal) */
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

/**
 * A cache of compiled patterns shared by one `compilePolicy` call (and reusable across calls).
 */
export class PatternCache {
  readonly #byPattern = new Map<string, CompiledPattern>();

  /**
   * @param pattern - final AARE text (variables already expanded)
   * @returns the matcher, and the AARE error when the pattern is invalid (then the matcher matches nothing)
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
  const result = compileAare(pattern);
  if (!result.ok) return { matcher: NEVER(pattern), error: result.error.message };
  const inner = result.matcher;
  const matcher: PatternMatcher = {
    pattern,
    isLiteral: inner.isLiteral,
    literalPrefixLength: inner.literalPrefixLength,
    test: (text) => inner.test(text),
    explain: (text) => inner.explain(text)?.text ?? `${pattern} does not match "${text}"`,
  };
  return { matcher, error: undefined };
}
