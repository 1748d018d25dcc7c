/**
 * AARE → regex text, a faithful port of `parser_regex.c:convert_aaregex_to_pcre` (glob_default mode), with
 * its error wording and quirks. It also records which glob token produced each regex character, so the
 * matcher can explain a match in the learner's terms. It does not build an automaton (see regex-parse.ts).
 */
import { readEscape } from './escapes.ts';

/** The parser's pattern types: no glob, only a trailing `**`, anything else. */
export type PatternType = 'literal' | 'tail-glob' | 'regex';

/** One piece of the pattern a match can be attributed to; `[start, end)` index the converted text. */
export type GlobToken = {
  kind: 'literal' | 'star' | 'globstar' | 'any' | 'class' | 'group';
  start: number;
  end: number;
};

/** A problem found while converting; `offset` indexes the converted text. */
export type ConvertIssue = { message: string; offset: number };

/** What {@link convertAareToRegex} produces for a valid pattern. */
export type ConvertedAare = {
  ok: true;
  /** The regex exactly as `apparmor_parser -D rule-exprs` prints it. */
  regex: string;
  /** For each UTF-16 unit of `regex`, the index into `tokens` it came from. */
  regexTokens: number[];
  tokens: GlobToken[];
  patternType: PatternType;
  /** Index of the first unescaped glob character, or the text length when there is none. */
  firstGlobOffset: number;
  warnings: ConvertIssue[];
};

/** Deepest `{}` nesting the parser accepts (`MAX_ALT_DEPTH` is 50 and depth 50 itself is refused). */
export const MAX_ALT_DEPTH = 50;

const GLOB_STAR = '[^/\\x00]*';
const GLOB_GLOBSTAR = '[^\\x00]*';
const GLOB_ONE = '[^/\\x00]';

/** Mutable state of one conversion (the C function's locals). */
type State = {
  text: string;
  codes: number[];
  out: string;
  outTokens: number[];
  tokens: GlobToken[];
  warnings: ConvertIssue[];
  error: ConvertIssue | undefined;
  escape: boolean;
  escapeAt: number;
  groupDepth: number;
  inClass: boolean;
  groupCounts: number[];
  patternType: PatternType;
  firstGlob: number;
  groupToken: number;
  classToken: number;
  literalToken: number;
};

/**
 * Converts an AARE (already slash-folded) into the regex text the parser feeds its DFA builder.
 *
 * @param text - the pattern after variable expansion and `filterSlashes`
 * @returns the regex with token attribution, or the parser's first error message and where it happened
 * @example convertAareToRegex('/tmp/**').regex // → '/tmp/[^/\\x00][^\\x00]*'
 * @example convertAareToRegex('{a}') // → { ok: false, message: 'Regex grouping error: Invalid number of items between {}', offset: 2 }
 */
export function convertAareToRegex(text: string): ConvertedAare | ({ ok: false } & ConvertIssue) {
  const s: State = {
    text, codes: charCodes(text), out: '', outTokens: [], tokens: [], warnings: [], error: undefined,
    escape: false, escapeAt: 0, groupDepth: 0, inClass: false, groupCounts: new Array<number>(MAX_ALT_DEPTH).fill(0),
    patternType: 'literal', firstGlob: -1, groupToken: -1, classToken: -1, literalToken: -1,
  };
  let i = 0;
  while (s.error === undefined && i < text.length) {
    const c = text[i] as string;
    if (c === '\\' && !s.escape) {
      s.escape = true;
      s.escapeAt = i;
      i++;
      continue;
    }
    i = step(s, c, i);
    s.escape = false;
    i++;
  }
  if (s.error === undefined && (s.groupDepth > 0 || s.inClass)) {
    fail(s, 'Regex grouping error: Unclosed grouping or character class, expecting close }', text.length);
  }
  if (s.error === undefined && s.escape) {
    fail(s, "Regex error: trailing '\\' escape character", s.escapeAt);
  }
  if (s.error !== undefined) return { ok: false, ...s.error };
  return {
    ok: true, regex: s.out, regexTokens: s.outTokens, tokens: s.tokens, patternType: s.patternType,
    firstGlobOffset: s.firstGlob < 0 ? text.length : s.firstGlob, warnings: s.warnings,
  };
}

/** Handles the (unescaped or escaped) character at `i`; returns the index of the last character consumed. */
function step(s: State, c: string, i: number): number {
  switch (c) {
    case '\\': emitLiteral(s, '\\\\', i); return i;
    case '*': return s.escape ? (emitLiteral(s, '\\*', i), i) : star(s, i);
    case '?':
      if (s.escape) emitLiteral(s, '?', i);
      else emitGlob(s, 'any', GLOB_ONE, i, i + 1);
      return i;
    case '[': openClass(s, i); return i;
    case ']': closeClass(s, i); return i;
    case '{': openGroup(s, i); return i;
    case '}': closeGroup(s, i); return i;
    case ',': comma(s, i); return i;
    case '^':
    case '$':
      emitLiteral(s, s.inClass ? c : `\\${c}`, i);
      return i;
    case '.': case '+': case '|': case '(': case ')':
      return other(s, c, i, '\\');
    default:
      return other(s, c, i, '');
  }
}

/** `*` or `**`, with the "at least one character after a slash" rule of `parser_regex.c`. */
function star(s: State, i: number): number {
  const isDouble = s.text[i + 1] === '*';
  const end = isDouble ? i + 2 : i + 1;
  const token = newToken(s, isDouble ? 'globstar' : 'star', i, end);
  if (s.out.endsWith('/')) {
    let j = i;
    while (s.text[j] === '*') j++;
    if (j >= s.text.length || s.text[j] === '/') emit(s, GLOB_ONE, token);
  }
  markGlob(s, i);
  if (isDouble) {
    s.patternType = i + 2 === s.text.length && s.patternType === 'literal' ? 'tail-glob' : 'regex';
    emit(s, GLOB_GLOBSTAR, token);
    return i + 1;
  }
  s.patternType = 'regex';
  emit(s, GLOB_STAR, token);
  return i;
}

function openClass(s: State, i: number): void {
  if (s.escape) return emitLiteral(s, '\\[', i);
  markGlob(s, i);
  s.patternType = 'regex';
  if (!s.inClass && s.groupDepth === 0) s.classToken = newToken(s, 'class', i, i + 1);
  s.inClass = true;
  emit(s, '[', attribution(s, s.classToken));
}

function closeClass(s: State, i: number): void {
  if (s.escape) return emitLiteral(s, '\\]', i);
  if (!s.inClass) {
    fail(s, 'Regex grouping error: Invalid close ], no matching open [ detected', i);
    return;
  }
  s.inClass = false;
  const token = attribution(s, s.classToken);
  extend(s, token, i + 1);
  emit(s, ']', token);
}

function openGroup(s: State, i: number): void {
  if (s.escape) return emitLiteral(s, '\\{', i);
  if (s.inClass) return emitInClass(s, '{', i);
  markGlob(s, i);
  if (s.groupDepth === 0) {
    s.tokens.push({ kind: 'group', start: i, end: i + 1 });
    s.groupToken = s.tokens.length - 1;
  }
  s.groupDepth++;
  if (s.groupDepth >= MAX_ALT_DEPTH) {
    fail(s, 'Regex grouping error: Exceeded maximum nesting of {}', i);
    return;
  }
  s.groupCounts[s.groupDepth] = 0;
  s.patternType = 'regex';
  emit(s, '(', s.groupToken);
}

function closeGroup(s: State, i: number): void {
  if (s.escape) return emitLiteral(s, '\\}', i);
  if (s.inClass) return emitInClass(s, '}', i);
  if ((s.groupCounts[s.groupDepth] ?? 0) === 0) {
    fail(s, 'Regex grouping error: Invalid number of items between {}', i);
  }
  s.groupDepth--;
  if (s.groupDepth < 0) {
    fail(s, 'Regex grouping error: Invalid close }, no matching open { detected', i);
    s.groupDepth = 0;
  }
  const token = s.groupToken < 0 ? newToken(s, 'literal', i, i + 1) : s.groupToken;
  extend(s, token, i + 1);
  emit(s, ')', token);
}

function comma(s: State, i: number): void {
  if (s.escape) return emitLiteral(s, s.inClass ? '\\,' : ',', i);
  if (s.groupDepth > 0 && !s.inClass) {
    s.groupCounts[s.groupDepth] = (s.groupCounts[s.groupDepth] ?? 0) + 1;
    emit(s, '|', s.groupToken);
    return;
  }
  emitLiteral(s, ',', i);
}

/** The C `default:` branch (and `. + | ( )`, which get a backslash first). */
function other(s: State, c: string, i: number, prefix: string): number {
  if (!s.escape) {
    emitLiteral(s, prefix + c, i);
    return i;
  }
  const escape = readEscape(s.codes, i, '');
  if (escape !== undefined) {
    emitLiteral(s, prefix + '\\' + s.text.slice(i, escape.next), i, escape.next);
    return escape.next - 1;
  }
  s.warnings.push({
    message: `Character ${c} was quoted unnecessarily, dropped preceding quote ('\\') character`,
    offset: s.escapeAt,
  });
  emitLiteral(s, prefix + c, i);
  return i;
}

function emitInClass(s: State, text: string, i: number): void {
  const token = attribution(s, s.classToken);
  extend(s, token, i + 1);
  emit(s, text, token);
}

/** A literal character (or escape); consecutive ones share a token so explanations read "/tmp/". */
function emitLiteral(s: State, text: string, i: number, end = i + 1): void {
  if (s.inClass || s.groupDepth > 0) return emitInClass(s, text, end - 1);
  const start = s.escape ? s.escapeAt : i;
  const last = s.tokens[s.literalToken];
  if (last !== undefined && last.kind === 'literal' && last.end === start && s.outTokens.at(-1) === s.literalToken) {
    last.end = end;
  } else {
    s.literalToken = newToken(s, 'literal', start, end);
  }
  emit(s, text, s.literalToken);
}

function emitGlob(s: State, kind: GlobToken['kind'], text: string, start: number, end: number): void {
  markGlob(s, start);
  s.patternType = 'regex';
  emit(s, text, newToken(s, kind, start, end));
}

function newToken(s: State, kind: GlobToken['kind'], start: number, end: number): number {
  if (s.groupDepth > 0) {
    extend(s, s.groupToken, end);
    return s.groupToken;
  }
  if (s.inClass) {
    extend(s, s.classToken, end);
    return s.classToken;
  }
  s.tokens.push({ kind, start, end });
  return s.tokens.length - 1;
}

function attribution(s: State, fallback: number): number {
  return s.groupDepth > 0 ? s.groupToken : fallback;
}

function extend(s: State, token: number, end: number): void {
  const t = s.tokens[token];
  if (t !== undefined && t.end < end) t.end = end;
}

function emit(s: State, text: string, token: number): void {
  s.out += text;
  for (let k = 0; k < text.length; k++) s.outTokens.push(token);
}

function markGlob(s: State, i: number): void {
  if (s.firstGlob < 0) s.firstGlob = i;
}

function fail(s: State, message: string, offset: number): void {
  if (s.error === undefined) s.error = { message, offset };
}

function charCodes(text: string): number[] {
  const codes: number[] = [];
  for (let i = 0; i < text.length; i++) codes.push(text.charCodeAt(i));
  return codes;
}
