/**
 * Public types of the AARE engine (the contract the parser and the evaluator code against).
 */

/**
 * Why a pattern was rejected. `offset` indexes the pattern as given. `kind` says which stage refused it:
 * `glob` — the AARE conversion (the message is apparmor_parser's own wording), `regex` — the regex engine
 * behind it (apparmor_parser then says "ERROR processing regexs for profile NAME, failed to load"),
 * `limit` — one of our safety limits.
 */
export type AareError = { message: string; offset: number; kind?: 'glob' | 'regex' | 'limit' };

/** Which token of the pattern matched which part of the subject, and a sentence for learners. */
export type MatchExplanation = { parts: { token: string; matched: string }[]; text: string };

/** A compiled AARE. Immutable from the outside; it caches DFA states internally. */
export interface AareMatcher {
  /** The pattern as given (after the caller expanded variables). */
  readonly pattern: string;
  /** No glob characters (the parser's `ePatternBasic`): an "exact match" rule. */
  readonly isLiteral: boolean;
  /**
   * apparmor_parser 3.0.8's xmatch_len for this pattern: its DFA's `min_match_len`, in bytes. For a
   * literal that is its length; for a glob it counts up to and including the first `[^…]` class, e.g.
   * `/usr/bin/*` → 10 (see tree-facts.ts). The kernel attaches the profile with the largest value.
   */
  readonly literalPrefixLength: number;
  /**
   * @param subject - a path, label or name
   * @returns whether the whole subject matches
   */
  test(subject: string): boolean;
  /**
   * @param subject - a path, label or name
   * @returns the explanation, or `undefined` when the subject does not match
   */
  explain(subject: string): MatchExplanation | undefined;
}

/** Options of `compileAare`. */
export type AareOptions = {
  /**
   * Collapse repeated `/` first, as the parser does for file rules and attachments (default true). Pass
   * false for fields the parser does not fold, such as change_profile targets.
   */
  foldSlashes?: boolean;
};
