// The bash tokenizer: words (kept raw, quotes included), operators, newlines and here-document bodies.
// It finds where words end (as bash's read_token/parse_matched_pair do) but does not expand them.
import type { HereDoc } from './ast.ts';

/** What the lexer emits. Word tokens keep their raw text; `fd` is an IO number before a redirection. */
export type Token =
  | { kind: 'word'; raw: string; line: number }
  | { kind: 'op'; op: string; line: number; fd: number | undefined; hereDoc?: HereDoc }
  | { kind: 'newline'; line: number }
  | { kind: 'eof'; line: number };

/** Input ended inside a quote or bracket: bash's "unexpected EOF while looking for matching `X'". */
export type LexError = { char: string; line: number };

/** The lexer's result: tokens up to the first error, which is reported separately. */
export type LexResult = {
  tokens: Token[];
  error: LexError | undefined;
  /** A here-document's delimiter line never came. */
  hasOpenHereDoc: boolean;
  /** The input ends with an unquoted backslash: bash would read a continuation line. */
  hasTrailingBackslash: boolean;
};

const OPERATORS = [
  '<<<', '<<-', '&>>', ';;&', '>>', '<<', '<&', '>&', '<>', '>|', '&&', '||', ';;', ';&', '|&', '&>',
  '<', '>', '|', '&', ';', '(', ')',
];
const METACHARS = new Set([' ', '\t', '\n', '|', '&', ';', '(', ')', '<', '>']);
const ASSIGNMENT_PREFIX = /^[A-Za-z_][A-Za-z0-9_]*(\[[^\]]*\])?\+?=$/;
const ASSIGNMENT_WORD = /^[A-Za-z_][A-Za-z0-9_]*(\[[^\]]*\])?\+?=/;
/** Words after which the next word still starts a command (so `x=(…)` is an array assignment there). */
const COMMAND_PREFIX_WORDS = new Set(['if', 'then', 'else', 'elif', 'do', 'while', 'until', '!', '{', 'time']);
const DECLARATION_WORDS = new Set(['export', 'declare', 'local', 'readonly', 'typeset']);

/** Thrown inside this module only, caught by `lex`: input ended inside a matched pair. */
class Unmatched {
  readonly char: string;
  readonly offset: number;
  constructor(char: string, offset: number) {
    this.char = char;
    this.offset = offset;
  }
}

/** Skips `'…'` starting at the quote; returns the index after the closing quote. */
function skipSingle(src: string, i: number): number {
  const end = src.indexOf("'", i + 1);
  if (end < 0) throw new Unmatched("'", i);
  return end + 1;
}

/** Skips `$'…'` (ANSI-C) starting at the quote, where `\'` does not end it. */
function skipAnsiC(src: string, i: number): number {
  for (let j = i + 1; j < src.length; j++) {
    if (src[j] === '\\') j++;
    else if (src[j] === "'") return j + 1;
  }
  throw new Unmatched("'", i);
}

/** Skips `"…"` starting at the quote, honouring `\`, `$(…)`, `${…}` and backquotes inside. */
function skipDouble(src: string, i: number): number {
  let j = i + 1;
  while (j < src.length) {
    const c = src[j];
    if (c === '"') return j + 1;
    if (c === '\\') j += 2;
    else if (c === '$') j = skipDollar(src, j, true);
    else if (c === '`') j = skipBackquote(src, j);
    else j++;
  }
  throw new Unmatched('"', i);
}

/** Skips a backquoted command substitution starting at the backquote. */
function skipBackquote(src: string, i: number): number {
  for (let j = i + 1; j < src.length; j++) {
    if (src[j] === '\\') j++;
    else if (src[j] === '`') return j + 1;
  }
  throw new Unmatched('`', i);
}

/** Skips whatever a `$` starts; a lone `$` is one character. */
function skipDollar(src: string, i: number, isInDouble: boolean): number {
  const next = src[i + 1];
  if (next === '(') return skipParens(src, i + 1);
  if (next === '{') return skipBrace(src, i + 1);
  if (next === "'" && !isInDouble) return skipAnsiC(src, i + 1);
  if (next === '"' && !isInDouble) return skipDouble(src, i + 1);
  return i + 1;
}

/**
 * Skips a balanced `(…)` starting at the open paren (command substitution, array assignment).
 * Inside `case … esac` an unmatched `)` closes a pattern, not the substitution (as parse.y's
 * parse_comsub tracks case/esac).
 */
function skipParens(src: string, i: number): number {
  let depth = 0;
  let openCases = 0;
  let j = i;
  while (j < src.length) {
    const c = src[j] as string;
    const isWordStart = j === 0 || /[\s;(|&]/.test(src[j - 1] ?? '');
    if (isWordStart && /^case\s/.test(src.slice(j, j + 5))) {
      openCases++;
      j += 4;
    } else if (isWordStart && openCases > 0 && /^esac([\s;)|&]|$)/.test(src.slice(j, j + 5))) {
      openCases--;
      j += 4;
    } else if (c === '(') depth++, j++;
    else if (c === ')' && openCases > 0 && depth === 1) j++;
    else if (c === ')') {
      depth--;
      j++;
      if (depth === 0) return j;
    } else if (c === '\\') j += 2;
    else if (c === "'") j = skipSingle(src, j);
    else if (c === '"') j = skipDouble(src, j);
    else if (c === '`') j = skipBackquote(src, j);
    else if (c === '$') j = skipDollar(src, j, false);
    else if (c === '#' && (j === 0 || /[\s;(|&]/.test(src[j - 1] ?? ''))) {
      const eol = src.indexOf('\n', j);
      j = eol < 0 ? src.length : eol;
    } else j++;
  }
  throw new Unmatched(')', i);
}

/** Skips `${…}` starting at the brace. */
function skipBrace(src: string, i: number): number {
  let j = i + 1;
  while (j < src.length) {
    const c = src[j];
    if (c === '}') return j + 1;
    if (c === '\\') j += 2;
    else if (c === "'") j = skipSingle(src, j);
    else if (c === '"') j = skipDouble(src, j);
    else if (c === '`') j = skipBackquote(src, j);
    else if (c === '$') j = skipDollar(src, j, false);
    else j++;
  }
  throw new Unmatched('}', i);
}

/**
 * Returns the index just after the `)` closing a `$(` whose `(` is at `open`, or the text's length
 * when it never closes.
 * @param src the text
 * @param open the index of the `(`
 * @returns the index after the matching `)`
 * @example commandSubstitutionEnd('$(echo ")")x', 1) // 11
 */
export function commandSubstitutionEnd(src: string, open: number): number {
  try {
    return skipParens(src, open);
  } catch (e) {
    if (e instanceof Unmatched) return src.length;
    throw e;
  }
}

/**
 * Returns the index where the word starting at `i` ends (at an unquoted metacharacter).
 * `NAME=(…)` keeps its parenthesised list, as bash reads a compound assignment as one word.
 * Throws the module-internal Unmatched when input ends inside a quote; `lex` catches it.
 * @param src the script text
 * @param i where the word starts
 * @param isAssignmentPosition whether `NAME=(` may start an array assignment here
 * @returns the index after the word
 * @example scanWord('echo "a b" c', 5) // 10
 */
export function scanWord(src: string, i: number, isAssignmentPosition = true): number {
  let j = i;
  while (j < src.length) {
    const c = src[j] as string;
    if (c === '(' && isAssignmentPosition && ASSIGNMENT_PREFIX.test(src.slice(i, j))) j = skipParens(src, j);
    else if (METACHARS.has(c)) return j;
    else if (c === '\\') j = Math.min(j + 2, src.length);
    else if (c === "'") j = skipSingle(src, j);
    else if (c === '"') j = skipDouble(src, j);
    else if (c === '`') j = skipBackquote(src, j);
    else if (c === '$') j = skipDollar(src, j, false);
    else j++;
  }
  return j;
}

/** Removes quotes from a here-document delimiter word, as bash does before comparing lines. */
function delimiterOf(raw: string): { text: string; isQuoted: boolean } {
  let text = '';
  let isQuoted = false;
  for (let j = 0; j < raw.length; j++) {
    const c = raw[j];
    if (c === "'" || c === '"') isQuoted = true;
    else if (c === '\\') {
      isQuoted = true;
      j++;
      text += raw[j] ?? '';
    } else text += c;
  }
  return { text, isQuoted };
}

/** Reads one here-document body starting at `i`; returns the index after its delimiter line. */
function readHereDocBody(src: string, i: number, doc: HereDoc): number {
  let j = i;
  let body = '';
  while (j < src.length) {
    const eol = src.indexOf('\n', j);
    const end = eol < 0 ? src.length : eol;
    let line = src.slice(j, end);
    if (doc.stripTabs) line = line.replace(/^\t+/, '');
    j = eol < 0 ? src.length : eol + 1;
    if (line === doc.delimiter) {
      doc.body = body;
      doc.isTerminated = true;
      return j;
    }
    body += line + '\n';
  }
  doc.body = body;
  doc.isTerminated = false;
  return j;
}

/** Counts the 1-based line of an offset. */
function lineCounter(src: string): (offset: number) => number {
  const starts = [0];
  for (let k = 0; k < src.length; k++) if (src[k] === '\n') starts.push(k + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}

/**
 * Splits a script into tokens. Never throws: an unterminated quote or bracket ends the token list
 * and is returned as `error`. (One loop over the lexer's states — blanks, comments, newlines with
 * their pending here-documents, operators, words — so it runs past 60 lines, as lexer states may.)
 * @param src the script text
 * @param isBash whether `<(…)`/`>(…)` are process substitutions (bash) or operators (dash)
 * @returns tokens (ending with `eof`), the first error, and whether the input awaits continuation
 * @example lex("echo 'a b' | wc").tokens.map(t => t.kind) // ['word', 'word', 'op', 'word', 'eof']
 */
export function lex(src: string, isBash = true): LexResult {
  const lineAt = lineCounter(src);
  const tokens: Token[] = [];
  const pending: HereDoc[] = [];
  let hasOpenHereDoc = false;
  let hasTrailingBackslash = false;
  let awaitingDelimiter: Extract<Token, { kind: 'op' }> | undefined;
  // Only a word in assignment position may be `NAME=(…)`; elsewhere `(` is an operator (bash's parse.y).
  let isCommandPosition = true;
  let isRedirectTarget = false;
  // after export/declare/local/readonly, `NAME=(…)` arguments are assignments too (bash's W_ASSIGNARG)
  let isDeclaration = false;
  let hasAssignments = false;
  let i = 0;
  try {
    while (i < src.length) {
      const c = src[i] as string;
      if (c === ' ' || c === '\t') {
        i++;
        continue;
      }
      if (c === '\\' && src[i + 1] === '\n') {
        i += 2;
        continue;
      }
      if (c === '#') {
        const eol = src.indexOf('\n', i);
        i = eol < 0 ? src.length : eol;
        continue;
      }
      if (c === '\n') {
        tokens.push({ kind: 'newline', line: lineAt(i) });
        isCommandPosition = true;
        isDeclaration = false;
        hasAssignments = false;
        i++;
        for (const doc of pending.splice(0)) {
          i = readHereDocBody(src, i, doc);
          if (!doc.isTerminated) hasOpenHereDoc = true;
        }
        continue;
      }
      const isProcess = isBash && (src.startsWith('<(', i) || src.startsWith('>(', i));
      const op = isProcess ? undefined : OPERATORS.find((o) => src.startsWith(o, i));
      if (op !== undefined) {
        const token: Token = { kind: 'op', op, line: lineAt(i), fd: undefined };
        tokens.push(token);
        if (op === '<<' || op === '<<-') awaitingDelimiter = token;
        if (/^(&?[<>])/.test(op)) isRedirectTarget = true;
        else {
          isCommandPosition = true;
          isDeclaration = false;
          hasAssignments = false;
        }
        i += op.length;
        continue;
      }
      const end = scanWord(src, isProcess ? skipParens(src, i + 1) : i, isCommandPosition || isDeclaration);
      const raw = src.slice(i, end);
      if (raw.endsWith('\\') && end === src.length && /(^|[^\\])(\\\\)*\\$/.test(raw)) hasTrailingBackslash = true;
      const next = src[end];
      if (/^\d+$/.test(raw) && (next === '<' || next === '>')) {
        const opAt = OPERATORS.find((o) => src.startsWith(o, end) && (o[0] === '<' || o[0] === '>'));
        if (opAt !== undefined) {
          const token: Token = { kind: 'op', op: opAt, line: lineAt(end), fd: Number(raw) };
          tokens.push(token);
          if (opAt === '<<' || opAt === '<<-') awaitingDelimiter = token;
          isRedirectTarget = true;
          i = end + opAt.length;
          continue;
        }
      }
      tokens.push({ kind: 'word', raw, line: lineAt(i) });
      if (isRedirectTarget) isRedirectTarget = false;
      else if (isCommandPosition && DECLARATION_WORDS.has(raw)) isDeclaration = true;
      else if (!isDeclaration) {
        const isAssignment = ASSIGNMENT_WORD.test(raw);
        isCommandPosition = isCommandPosition && (isAssignment || (!hasAssignments && COMMAND_PREFIX_WORDS.has(raw)));
        hasAssignments = isCommandPosition && isAssignment;
      }
      if (awaitingDelimiter !== undefined) {
        const { text, isQuoted } = delimiterOf(raw);
        const doc: HereDoc = {
          delimiter: text,
          isQuoted,
          stripTabs: awaitingDelimiter.op === '<<-',
          body: '',
          isTerminated: false,
          line: lineAt(i),
        };
        awaitingDelimiter.hereDoc = doc;
        pending.push(doc);
        awaitingDelimiter = undefined;
      }
      i = end;
    }
  } catch (e) {
    if (!(e instanceof Unmatched)) throw e;
    const line = e.char === ')' ? lineAt(src.length) + (src.endsWith('\n') ? 0 : 1) : lineAt(e.offset);
    tokens.push({ kind: 'eof', line });
    return { tokens, error: { char: e.char, line }, hasOpenHereDoc, hasTrailingBackslash };
  }
  if (pending.length > 0) hasOpenHereDoc = true;
  for (const doc of pending) doc.isTerminated = false;
  tokens.push({ kind: 'eof', line: lineAt(src.length) + (src.endsWith('\n') ? 0 : 1) });
  return { tokens, error: undefined, hasOpenHereDoc, hasTrailingBackslash };
}
