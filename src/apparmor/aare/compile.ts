/**
 * AARE → matcher: slash folding, the parser's glob conversion, its regex grammar, then a Thompson NFA
 * behind a lazy DFA. Enforces the length limit and keeps a small cache of compiled patterns. Matching and
 * explaining live in match.ts.
 */
import { filterSlashes } from './filter-slashes.ts';
import { convertAareToRegex } from './convert.ts';
import { parseRegex } from './regex-parse.ts';
import { buildNfa } from './nfa.ts';
import { encodeUtf8 } from './utf8.ts';
import { isExactMatchTree, minMatchLength } from './tree-facts.ts';
import { CompiledAare } from './match.ts';
import type { AareError, AareOptions } from './types.ts';

/**
 * Longest pattern we compile, in UTF-16 units (after variable expansion). Real policy globs are far
 * shorter (the longest in docker-default is ~120); the cap keeps a hostile profile from building a huge
 * automaton in the learner's browser tab. The subject length is not limited: matching is linear.
 */
export const MAX_AARE_LENGTH = 8192;

/**
 * How many compiled patterns `compileAare` remembers (least recently used are dropped). The editor re-checks a
 * whole file after each keystroke, in order: a cache smaller than the file's patterns (a 1,000-line profile plus
 * its abstractions) would drop each one just before it is needed again, and every check would recompile all.
 */
export const COMPILE_CACHE_SIZE = 2048;

/** The result of {@link compileAare}. `warnings` are the parser's non-fatal remarks. */
export type CompileAareResult =
  | { ok: true; matcher: CompiledAare; warnings: AareError[] }
  | { ok: false; error: AareError };

const cache = new Map<string, CompileAareResult>();

/**
 * Compiles an AARE exactly as apparmor_parser 3.0.8 would for a file rule.
 *
 * @param pattern - the glob, quotes removed, escapes intact, `@{VAR}` already expanded
 * @param options - see {@link AareOptions}
 * @returns a matcher, or the first error with its offset in `pattern`
 * @example compileAare('/tmp/**').ok // → true
 * @example compileAare('/tmp/{a}') // → { ok: false, error: { message: 'Regex grouping error: Invalid number of items between {}', offset: 7, kind: 'glob' } }
 */
export function compileAare(pattern: string, options: AareOptions = {}): CompileAareResult {
  const fold = options.foldSlashes ?? true;
  const key = `${fold ? 'f' : 'r'}${pattern}`;
  const cached = cache.get(key);
  if (cached !== undefined) {
    cache.delete(key);
    cache.set(key, cached);
    return cached;
  }
  const result = compileUncached(pattern, fold);
  if (cache.size >= COMPILE_CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  cache.set(key, result);
  return result;
}

function compileUncached(pattern: string, fold: boolean): CompileAareResult {
  if (pattern.length > MAX_AARE_LENGTH) {
    return fail(`Pattern too long: ${pattern.length} characters, the limit is ${MAX_AARE_LENGTH}`, MAX_AARE_LENGTH, 'limit');
  }
  const nul = pattern.indexOf('\0');
  if (nul >= 0) return fail('Regex error: NUL character in pattern', nul, 'glob');
  const folded = fold ? filterSlashes(pattern) : { text: pattern, origin: [...Array(pattern.length).keys()] };
  const original = (offset: number): number => folded.origin[offset] ?? pattern.length;
  const converted = convertAareToRegex(folded.text);
  if (!converted.ok) return fail(converted.message, original(converted.offset), 'glob');
  const regex = encodeUtf8(converted.regex);
  const tokenOfByte = Array.from(regex.charIndex.subarray(0, regex.bytes.length), (c) => converted.regexTokens[c] ?? -1);
  const parsed = parseRegex(regex.bytes, tokenOfByte);
  if (!parsed.ok) {
    const token = converted.tokens[tokenOfByte[parsed.offset] ?? -1];
    return fail(
      `Regex error: the regex engine rejects '${converted.regex}' (apparmor_parser: ERROR processing regexs)`,
      original(token?.start ?? folded.text.length),
      'regex',
    );
  }
  const matcher = new CompiledAare({
    pattern,
    folded: folded.text,
    regex: converted.regex,
    patternType: converted.patternType,
    tokens: converted.tokens,
    nfa: buildNfa(parsed.tree),
    isExactMatch: isExactMatchTree(parsed.tree),
    literalPrefixLength: minMatchLength(parsed.tree),
  });
  const warnings = converted.warnings.map((w) => ({ message: w.message, offset: original(w.offset), kind: 'glob' as const }));
  return { ok: true, matcher, warnings };
}

function fail(message: string, offset: number, kind: AareError['kind']): CompileAareResult {
  return { ok: false, error: { message, offset, kind } };
}
