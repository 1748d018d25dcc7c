/**
 * Cheap classification of a pattern without building an automaton (picomatch's `scan` role): the parser's
 * pattern type and the literal text before the first glob character.
 */
import { filterSlashes } from './filter-slashes.ts';
import { convertAareToRegex, type PatternType } from './convert.ts';

/** What {@link scanAare} reports. */
export type AareScan = {
  /** `literal` (no glob), `tail-glob` (only a trailing `**`), or `regex` — the parser's `pattern_t`. */
  kind: PatternType;
  /** The slash-folded pattern up to its first unescaped glob character (`* ? [ {`), escapes as written. */
  literalPrefix: string;
};

/**
 * Classifies a pattern as the parser does.
 *
 * @param pattern - the glob, variables expanded
 * @returns its kind and literal prefix, or `undefined` when the glob is invalid (use `compileAare` for why)
 * @example scanAare('/usr/lib/**') // → { kind: 'tail-glob', literalPrefix: '/usr/lib/' }
 * @example scanAare('/bin/{ba,da}sh') // → { kind: 'regex', literalPrefix: '/bin/' }
 */
export function scanAare(pattern: string): AareScan | undefined {
  // without '//' there is nothing to fold, and the offset map filterSlashes builds would go unused
  const folded = pattern.includes('//') ? filterSlashes(pattern).text : pattern;
  const converted = convertAareToRegex(folded);
  if (!converted.ok) return undefined;
  return { kind: converted.patternType, literalPrefix: folded.slice(0, converted.firstGlobOffset) };
}
