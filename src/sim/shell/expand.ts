// Word expansion in bash's order: tilde, parameter/command/arithmetic substitution, word splitting
// on IFS, pathname globbing, quote removal. Pure: everything it needs comes through ExpandEnv.
// (Over 300 lines: parameter operators and field splitting share the Piece model defined here.)
import { ArithmeticError, evaluateArithmetic } from './arithmetic.ts';
import { expandBraces } from './brace.ts';
import { globFields } from './glob.ts';
import type { Errno } from './host.ts';
import { matchPattern, patternToRegExpSource, removeAffix } from './pattern.ts';
import { parseWordParts, type PartMode, type WordPart } from './word-parts.ts';

/** A shell variable; arrays may have holes after `unset 'a[1]'`. */
export type Variable = { value: (string | undefined)[]; isArray: boolean; isExported: boolean };

/** What expansion reads from (and, for `${x:=y}`, writes to) the shell. */
export type ExpandEnv = {
  lookup(name: string): Variable | undefined;
  assign(name: string, value: string): void;
  /** `$?`, `$$`, `$!`, `$-`, `$0`. */
  special(name: string): string;
  positional(): readonly string[];
  /** Runs a command substitution and returns its standard output. */
  substitute(script: string): string;
  /** Runs `<(…)` (or `>(…)`) and returns the `/dev/fd/N` path standing for it. */
  processSubstitute(script: string, isInput: boolean): string;
  listDir(path: string): readonly string[] | Errno;
  exists(path: string): boolean;
  isDirectory(path: string): boolean;
  cwd: string;
  home: string;
};

/** An expansion failure; `message` follows bash's `bash: ` prefix, e.g. "${a b}: bad substitution". */
export class ExpansionError {
  readonly message: string;
  /** The exit status of a non-interactive shell that stops on this error. */
  readonly status: number;
  constructor(message: string, status = 1) {
    this.message = message;
    this.status = status;
  }
}

const MAX_WORD = 1_000_000;

type Piece = { text: string; isQuoted: boolean; isSplittable: boolean } | { fieldBreak: true };
type Field = { segments: { text: string; isQuoted: boolean }[]; hasQuotes: boolean };

function values(variable: Variable): string[] {
  return variable.value.filter((v): v is string => v !== undefined);
}

function arrayIndex(index: string, env: ExpandEnv, length: number): number {
  const expanded = expandToString(index, env, 'double');
  const n = evaluateIn(expanded, env);
  return n < 0 ? length + n : n;
}

/**
 * Evaluates arithmetic against the shell's variables; errors become ExpansionErrors.
 * @param expression the expression text (already expanded)
 * @param env the shell state
 * @returns the integer value
 * @example evaluateIn('i + 1', env) // 5 when i is 4
 */
export function evaluateIn(expression: string, env: ExpandEnv): number {
  try {
    return evaluateArithmetic(expression, (name) => {
      const v = env.lookup(name);
      return v === undefined ? undefined : (v.value[0] ?? '');
    });
  } catch (e) {
    if (e instanceof ArithmeticError) throw new ExpansionError(e.message);
    throw e;
  }
}

/** The values of a parameter reference: undefined when unset; `isMulti` for `@`/`*` forms. */
function readParam(part: Extract<WordPart, { kind: 'param' }>, env: ExpandEnv): { list: string[] | undefined; isMulti: boolean } {
  const { name, index } = part;
  if (name === '@' || name === '*') return { list: [...env.positional()], isMulti: true };
  if (name === '#') return { list: [String(env.positional().length)], isMulti: false };
  if (/^[0-9]+$/.test(name) && name !== '0') {
    const v = env.positional()[Number(name) - 1];
    return { list: v === undefined ? undefined : [v], isMulti: false };
  }
  if (name.length === 1 && '?$!-0'.includes(name)) return { list: [env.special(name)], isMulti: false };
  const variable = env.lookup(name);
  if (index === '@' || index === '*') return { list: variable === undefined ? [] : values(variable), isMulti: true };
  if (variable === undefined) return { list: undefined, isMulti: false };
  const at = index === undefined ? 0 : arrayIndex(index, env, variable.value.length);
  const v = at < 0 ? undefined : variable.value[at];
  return { list: v === undefined ? undefined : [v], isMulti: false };
}

/** Applies `${x op arg}` to one value; returns undefined to mean "unset". */
function applyOp(part: Extract<WordPart, { kind: 'param' }>, value: string | undefined, env: ExpandEnv): string | undefined {
  const op = part.op ?? '';
  if (op === '') return value;
  const isNullTest = op.startsWith(':') && op.length === 2;
  const isEmpty = value === undefined || (isNullTest && value === '');
  const arg = (): string => expandToString(part.arg, env, part.isQuoted ? 'double' : 'word');
  switch (op) {
    case '-': case ':-': return isEmpty ? arg() : value;
    case '=': case ':=': {
      if (!isEmpty) return value;
      const v = arg();
      env.assign(part.name, v);
      return v;
    }
    case '+': case ':+': return isEmpty ? '' : arg();
    case '?': case ':?': {
      if (!isEmpty) return value;
      const message = part.arg === '' ? (op === '?' ? 'parameter not set' : 'parameter null or not set') : arg();
      throw new ExpansionError(`${part.name}: ${message}`, 127);
    }
  }
  if (value === undefined) return undefined;
  const pattern = (): string => expandToPattern(part.arg, env);
  switch (op) {
    case '#': case '##': case '%': case '%%': return removeAffix(value, pattern(), op);
    case '^^': return value.toUpperCase();
    case ',,': return value.toLowerCase();
    case '^': return value.charAt(0).toUpperCase() + value.slice(1);
    case ',': return value.charAt(0).toLowerCase() + value.slice(1);
    case ':': {
      const [offsetText = '', lengthText] = part.arg.split(':');
      let offset = evaluateIn(offsetText, env);
      if (offset < 0) offset = Math.max(0, value.length + offset);
      if (lengthText === undefined) return value.slice(offset);
      const length = evaluateIn(lengthText, env);
      return length < 0 ? value.slice(offset, value.length + length) : value.slice(offset, offset + length);
    }
    default: return replace(value, op, part.arg, env);
  }
}

/** `${x/pat/rep}`, `${x//pat/rep}`, `${x/#pat/rep}`, `${x/%pat/rep}`. */
function replace(value: string, op: string, arg: string, env: ExpandEnv): string {
  let slash = -1;
  for (let i = 0; i < arg.length; i++) {
    if (arg[i] === '\\') i++;
    else if (arg[i] === '/') {
      slash = i;
      break;
    }
  }
  const pattern = expandToPattern(slash < 0 ? arg : arg.slice(0, slash), env);
  const replacement = slash < 0 ? '' : expandToString(arg.slice(slash + 1), env, 'double');
  if (pattern === '') return value;
  const source = patternToRegExpSource(pattern);
  const anchored = op === '/#' ? `^(?:${source})` : op === '/%' ? `(?:${source})$` : source;
  try {
    return value.replace(new RegExp(anchored, op === '//' ? 'g' : ''), () => replacement);
  } catch {
    return value;
  }
}

/** Expands one parameter part into pieces. */
function paramPieces(part: Extract<WordPart, { kind: 'param' }>, env: ExpandEnv): Piece[] {
  if (part.op === 'bad') throw new ExpansionError(`${part.raw}: bad substitution`);
  const { list, isMulti } = readParam(part, env);
  const piece = (text: string): Piece => ({ text, isQuoted: part.isQuoted, isSplittable: !part.isQuoted });
  if (part.isLength) {
    if (isMulti) return [piece(String(list?.length ?? 0))];
    return [piece(String([...(list?.[0] ?? '')].length))];
  }
  const alternative = alternativeWord(part, isMulti ? (list !== undefined && list.length > 0 ? list.join(' ') : undefined) : list?.[0]);
  if (alternative !== undefined) return alternative === '' ? (part.isQuoted ? [piece('')] : []) : argPieces(alternative, part.isQuoted, env);
  if (isMulti && part.op === ':') return multiPieces(sliceList(part, list ?? [], env), part);
  if (!isMulti) return [piece(applyOp(part, list?.[0], env) ?? '')];
  const elements = list ?? [];
  const op = part.op ?? '';
  if (op === '') return multiPieces(elements, part);
  if (['-', ':-', '=', ':=', '?', ':?'].includes(op)) {
    return elements.length > 0 ? multiPieces(elements, part) : [piece(applyOp(part, undefined, env) ?? '')];
  }
  if (op === '+' || op === ':+') return elements.length > 0 ? [piece(applyOp(part, elements.join(' '), env) ?? '')] : [];
  return multiPieces(elements.map((v) => applyOp(part, v, env) ?? ''), part);
}

/** For `-`/`:-`/`+`/`:+`, the raw word that replaces the value ('' for nothing), or undefined to keep it. */
function alternativeWord(part: Extract<WordPart, { kind: 'param' }>, value: string | undefined): string | undefined {
  const op = part.op ?? '';
  const isEmpty = value === undefined || (op.startsWith(':') && value === '');
  if (op === '-' || op === ':-') return isEmpty ? part.arg : undefined;
  if (op === '+' || op === ':+') return isEmpty ? '' : part.arg;
  return undefined;
}

/** The pieces of a `${x:-word}` word: its own quoting counts, so `${u:-"a  b"}` stays one field. */
function argPieces(raw: string, isQuoted: boolean, env: ExpandEnv): Piece[] {
  return piecesOf(tildePrefix(parseWordParts(raw, 'word'), env), env).map((p) =>
    'fieldBreak' in p ? p : { text: p.text, isQuoted: isQuoted || p.isQuoted, isSplittable: !isQuoted && !p.isQuoted });
}

/** `${a[@]:offset:length}` slices elements; for `$@` offset 0 is `$0`. */
function sliceList(part: Extract<WordPart, { kind: 'param' }>, list: string[], env: ExpandEnv): string[] {
  const all = part.name === '@' || part.name === '*' ? [env.special('0'), ...list] : list;
  const [offsetText = '', lengthText] = part.arg.split(':');
  let offset = evaluateIn(offsetText, env);
  if (offset < 0) offset = Math.max(0, all.length + offset);
  if (lengthText === undefined) return all.slice(offset);
  const length = evaluateIn(lengthText, env);
  return length < 0 ? all.slice(offset, all.length + length) : all.slice(offset, offset + length);
}

/** "$@" and "${a[@]}" make one field per element; "$*" joins with the first IFS character. */
function multiPieces(list: string[], part: Extract<WordPart, { kind: 'param' }>): Piece[] {
  const isStar = part.name === '*' || part.index === '*';
  if (part.isQuoted && isStar) return [{ text: list.join(' '), isQuoted: true, isSplittable: false }];
  const pieces: Piece[] = [];
  list.forEach((text, k) => {
    if (k > 0) pieces.push({ fieldBreak: true });
    pieces.push({ text, isQuoted: part.isQuoted, isSplittable: !part.isQuoted });
  });
  return pieces;
}

/** Expands `~`, `~+`, `~-` at the start of an unquoted word. */
function tildePrefix(parts: WordPart[], env: ExpandEnv): WordPart[] {
  const first = parts[0];
  if (first?.kind !== 'text' || first.isQuoted || !first.text.startsWith('~')) return parts;
  const slash = first.text.indexOf('/');
  const isWholePart = slash < 0;
  if (isWholePart && parts.length > 1) return parts;
  const prefix = isWholePart ? first.text : first.text.slice(0, slash);
  const user = prefix.slice(1);
  const oldpwd = env.lookup('OLDPWD')?.value[0];
  const home = user === '' ? (env.lookup('HOME')?.value[0] ?? env.home) : user === '+' ? env.cwd : user === '-' ? oldpwd : user === 'root' ? '/root' : undefined;
  if (home === undefined) return parts;
  const rest = isWholePart ? '' : first.text.slice(slash);
  const out: WordPart[] = [{ kind: 'text', text: home, isQuoted: true }];
  if (rest !== '') out.push({ kind: 'text', text: rest, isQuoted: false });
  return [...out, ...parts.slice(1)];
}

function piecesOf(parts: WordPart[], env: ExpandEnv): Piece[] {
  const pieces: Piece[] = [];
  for (const part of parts) {
    if (part.kind === 'text') pieces.push({ text: part.text, isQuoted: part.isQuoted, isSplittable: false });
    else if (part.kind === 'param') pieces.push(...paramPieces(part, env));
    else if (part.kind === 'process') pieces.push({ text: env.processSubstitute(part.script, part.isInput), isQuoted: true, isSplittable: false });
    else {
      const text = part.kind === 'command'
        ? env.substitute(part.script).replace(/\n+$/, '')
        : String(evaluateIn(expandToString(part.expression, env, 'double'), env));
      pieces.push({ text, isQuoted: part.isQuoted, isSplittable: !part.isQuoted });
    }
  }
  // `x=$x$x` in a loop doubles a value each time; stop before it eats the page's memory
  const size = pieces.reduce((n, p) => n + ('text' in p ? p.text.length : 0), 0);
  if (size > MAX_WORD) throw new ExpansionError(`word too long for the simulator (over ${MAX_WORD} characters)`);
  return pieces;
}

function ifsOf(env: ExpandEnv): string {
  const ifs = env.lookup('IFS');
  return ifs === undefined ? ' \t\n' : (ifs.value[0] ?? '');
}

/** Word splitting (POSIX §2.6.5): IFS whitespace runs separate fields; other IFS chars delimit one each. */
function splitFields(pieces: Piece[], ifs: string, isSplitting: boolean): Field[] {
  const fields: Field[] = [];
  let current: Field | undefined;
  let afterWhitespace = false;
  const open = (): Field => (current ??= { segments: [], hasQuotes: false });
  const close = (force: boolean): void => {
    if (current !== undefined && (force || current.hasQuotes || current.segments.some((s) => s.text !== ''))) fields.push(current);
    current = undefined;
  };
  for (const piece of pieces) {
    if ('fieldBreak' in piece) {
      if (isSplitting) close(true);
      else open().segments.push({ text: ' ', isQuoted: true });
      continue;
    }
    if (!piece.isSplittable || !isSplitting || ifs === '') {
      const field = open();
      field.segments.push({ text: piece.text, isQuoted: piece.isQuoted });
      if (piece.isQuoted) field.hasQuotes = true;
      continue;
    }
    for (const ch of piece.text) {
      if (!ifs.includes(ch)) {
        afterWhitespace = false;
        open().segments.push({ text: ch, isQuoted: false });
      } else if (/\s/.test(ch)) {
        if (current !== undefined) afterWhitespace = true;
        close(false);
      } else {
        if (current === undefined && !afterWhitespace) fields.push({ segments: [], hasQuotes: true });
        close(true);
        afterWhitespace = false;
      }
    }
  }
  close(false);
  return fields;
}

/** Escapes a field's quoted characters so it can serve as a pattern. */
function fieldPattern(field: Field): string {
  return field.segments.map((s) => (s.isQuoted ? s.text.replace(/[\\*?[\]]/g, '\\$&') : s.text)).join('');
}

/**
 * Expands a command word into zero or more arguments (splitting and globbing unquoted results).
 * @param raw the word as typed
 * @param env the shell state
 * @returns the resulting fields
 * @example expandWord('"$A"b*', env) // ['x y' + matches of b*…] — see tests/sim/shell-expand.test.ts
 */
export function expandWord(raw: string, env: ExpandEnv): string[] {
  return expandBraces(raw).flatMap((word) => {
    const parts = tildePrefix(parseWordParts(word, 'word'), env);
    const fields = splitFields(piecesOf(parts, env), ifsOf(env), true);
    return globFields(fields.map(fieldPattern), env);
  });
}

/**
 * Expands a word into one string without splitting or globbing (assignments, here-documents, `case`).
 * @param raw the text
 * @param env the shell state
 * @param mode `word` for words, `double` for text already inside "…", `heredoc` for bodies
 * @returns the expanded text
 * @example expandToString('$HOME/x', env) // '/root/x'
 */
export function expandToString(raw: string, env: ExpandEnv, mode: PartMode = 'word'): string {
  const parts = mode === 'word' ? tildePrefix(parseWordParts(raw, mode), env) : parseWordParts(raw, mode);
  return splitFields(piecesOf(parts, env), '', false).map((f) => f.segments.map((s) => s.text).join('')).join('');
}

/**
 * Expands a word into a pattern for `case` or `${x#…}`: quoted characters come back escaped.
 * @param raw the text
 * @param env the shell state
 * @returns the escaped pattern
 * @example expandToPattern('"*".txt', env) // '\\*.txt'
 */
export function expandToPattern(raw: string, env: ExpandEnv): string {
  const parts = tildePrefix(parseWordParts(raw, 'word'), env);
  return splitFields(piecesOf(parts, env), '', false).map(fieldPattern).join('');
}

/**
 * Whether a word, as a `case` pattern, matches a subject.
 * @param subject the expanded subject
 * @param raw the pattern word
 * @param env the shell state
 * @returns true on a match
 * @example matchCasePattern('abc', 'a*', env) // true
 */
export function matchCasePattern(subject: string, raw: string, env: ExpandEnv): boolean {
  return matchPattern(subject, expandToPattern(raw, env));
}
