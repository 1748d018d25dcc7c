/**
 * The compiled matcher: exact, linear-time matching through a lazy DFA, and explanations for learners.
 * It never hands a pattern to JavaScript's backtracking RegExp.
 */
import { LazyDfa } from './dfa.ts';
import { explainRuns, explanationText } from './explain.ts';
import { encodeUtf8, utf8Bytes } from './utf8.ts';
import type { GlobToken, PatternType } from './convert.ts';
import type { Nfa } from './nfa.ts';
import type { AareMatcher, MatchExplanation } from './types.ts';

/** Everything compile.ts hands to a matcher. */
export type CompiledParts = {
  pattern: string;
  folded: string;
  regex: string;
  patternType: PatternType;
  tokens: GlobToken[];
  nfa: Nfa;
  isExactMatch: boolean;
  literalPrefixLength: number;
};

/** An {@link AareMatcher} plus the facts other checks need (regex text, exact-match flag, automaton). */
export class CompiledAare implements AareMatcher {
  readonly pattern: string;
  readonly isLiteral: boolean;
  readonly literalPrefixLength: number;
  /** The pattern after slash folding: what the tokens index. */
  readonly folded: string;
  /** The regex apparmor_parser would print for this pattern (`-D rule-exprs`). */
  readonly regex: string;
  readonly patternType: PatternType;
  /**
   * The parser's "exact match" for exec-mode precedence (`aare_rules.cc`): no `*`, `**`, `?` or `[^…]`.
   * Unlike {@link isLiteral}, `{a,b}` and `[ab]` still count as exact.
   */
  readonly isExactMatch: boolean;
  /** The lazily built DFA (shared with `aareIntersects`). */
  readonly dfa: LazyDfa;
  #tokens: GlobToken[];

  /** @param parts - the pieces compile.ts built */
  constructor(parts: CompiledParts) {
    this.pattern = parts.pattern;
    this.folded = parts.folded;
    this.regex = parts.regex;
    this.patternType = parts.patternType;
    this.isLiteral = parts.patternType === 'literal';
    this.isExactMatch = parts.isExactMatch;
    this.literalPrefixLength = parts.literalPrefixLength;
    this.dfa = new LazyDfa(parts.nfa);
    this.#tokens = parts.tokens;
  }

  /**
   * @param subject - a path, label or name
   * @returns whether the whole subject matches
   */
  test(subject: string): boolean {
    return this.dfa.matches(utf8Bytes(subject));
  }

  /**
   * @param subject - a path, label or name
   * @returns which token matched what, or `undefined` when the subject does not match
   */
  explain(subject: string): MatchExplanation | undefined {
    const encoded = encodeUtf8(subject);
    if (!this.dfa.matches(encoded.bytes)) return undefined;
    const runs = explainRuns(this.dfa.nfa, encoded.bytes);
    if (runs === undefined) {
      // Over the work limit: still a true statement, just not broken down.
      const whole = [{ token: this.pattern, matched: subject, kind: 'group' as const }];
      return { parts: whole.map(({ token, matched }) => ({ token, matched })), text: explanationText(whole, this.isLiteral) };
    }
    const parts = runs.map((run) => {
      const token = this.#tokens[run.token];
      const text = token === undefined ? '' : this.folded.slice(token.start, token.end);
      const from = encoded.charIndex[run.from] as number;
      const to = encoded.charIndex[run.to] as number;
      return { token: text, matched: subject.slice(from, to), kind: token?.kind ?? 'literal' };
    });
    return { parts: parts.map(({ token, matched }) => ({ token, matched })), text: explanationText(parts, this.isLiteral) };
  }
}
