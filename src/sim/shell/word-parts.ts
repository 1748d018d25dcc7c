// Splits one raw word into literal text and expansions, deciding what is quoted: bash's quote
// handling (`\`, '…', "…", $'…') and the `$`/backquote forms. It does not expand anything.
import { commandSubstitutionEnd, scanWord } from './lexer.ts';

/** A piece of a word. `isQuoted` pieces are never split or globbed. */
export type WordPart =
  | { kind: 'text'; text: string; isQuoted: boolean }
  | { kind: 'param'; name: string; index: string | undefined; isLength: boolean; op: string | undefined; arg: string; raw: string; isQuoted: boolean }
  | { kind: 'command'; script: string; isQuoted: boolean }
  | { kind: 'arithmetic'; expression: string; isQuoted: boolean }
  | { kind: 'process'; script: string; isInput: boolean; isQuoted: boolean };

/** How the text is read: a normal word, inside "…", or a here-document body (where `"` is plain). */
export type PartMode = 'word' | 'double' | 'heredoc';

const SPECIAL = new Set(['?', '$', '#', '@', '*', '!', '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
const PARAM_OPS = [':-', ':=', ':+', ':?', '-', '=', '+', '?', '##', '#', '%%', '%', '//', '/#', '/%', '/', '^^', '^', ',,', ',', ':'];

/**
 * Decodes the body of `$'…'` as bash's ansicstr: `\n`, `\t`, `\xHH`, `\NNN`, `\uHHHH`, `\cX` …
 * @param body the text between `$'` and `'`
 * @returns the decoded string
 * @example decodeAnsiC('a\\nb') // 'a\nb'
 */
export function decodeAnsiC(body: string): string {
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c !== '\\' || i + 1 >= body.length) {
      out += c;
      continue;
    }
    const e = body[++i] as string;
    const simple: Record<string, string> = { n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', e: '\x1b', E: '\x1b', f: '\f', v: '\v', '\\': '\\', "'": "'", '"': '"', '?': '?' };
    if (simple[e] !== undefined) out += simple[e];
    else if (e === 'x' || e === 'u' || e === 'U') {
      const max = e === 'x' ? 2 : e === 'u' ? 4 : 8;
      const hex = /^[0-9a-fA-F]+/.exec(body.slice(i + 1, i + 1 + max))?.[0] ?? '';
      if (hex === '') out += '\\' + e;
      else out += String.fromCodePoint(Math.min(parseInt(hex, 16), 0x10ffff));
      i += hex.length;
    } else if (/[0-7]/.test(e)) {
      const oct = /^[0-7]{1,3}/.exec(body.slice(i))?.[0] ?? '0';
      out += String.fromCharCode(parseInt(oct, 8) & 0xff);
      i += oct.length - 1;
    } else if (e === 'c' && i + 1 < body.length) {
      out += String.fromCharCode((body.charCodeAt(++i) & 0x1f));
    } else out += '\\' + e;
  }
  return out;
}

/** Index of the matching close at depth 0 in `raw` from `start` (after the opener), skipping quotes. */
function matchingEnd(raw: string, start: number, open: string, close: string): number {
  let depth = 1;
  for (let j = start; j < raw.length; j++) {
    const c = raw[j];
    if (c === '\\') j++;
    else if (c === "'" && open !== '{') j = Math.max(raw.indexOf("'", j + 1), j);
    else if (c === '"') j = skipDoubleIn(raw, j);
    else if (c === open) depth++;
    else if (c === close && --depth === 0) return j;
  }
  return raw.length;
}

function skipDoubleIn(raw: string, i: number): number {
  for (let j = i + 1; j < raw.length; j++) {
    const c = raw[j];
    if (c === '\\') j++;
    else if (c === '"') return j;
    else if (c === '$' && (raw[j + 1] === '(' || raw[j + 1] === '{')) {
      j = raw[j + 1] === '(' ? commandSubstitutionEnd(raw, j + 1) - 1 : matchingEnd(raw, j + 2, '{', '}');
    } else if (c === '`') {
      for (j++; j < raw.length && raw[j] !== '`'; j++) if (raw[j] === '\\') j++;
    }
  }
  return raw.length;
}

/**
 * Parses the inside of `${…}`: `#name`, `name[index]`, and one operator with its raw argument.
 * @param inner the text between `${` and `}`
 * @param raw the whole `${…}` text, for error messages
 * @param isQuoted whether it stands inside double quotes
 * @returns the parameter part, or undefined when bash would say "bad substitution"
 * @example parseBraced('x:-d', '${x:-d}', false)?.op // ':-'
 */
export function parseBraced(inner: string, raw: string, isQuoted: boolean): WordPart | undefined {
  let rest = inner;
  let isLength = false;
  if (rest.startsWith('#') && rest.length > 1) {
    isLength = true;
    rest = rest.slice(1);
  }
  const name = /^([A-Za-z_][A-Za-z0-9_]*|[0-9]+)/.exec(rest)?.[0] ?? (SPECIAL.has(rest[0] ?? '') ? rest[0] as string : '');
  if (name === '') return undefined;
  rest = rest.slice(name.length);
  let index: string | undefined;
  if (rest.startsWith('[')) {
    const close = matchingEnd(rest, 1, '[', ']');
    if (close >= rest.length) return undefined;
    index = rest.slice(1, close);
    rest = rest.slice(close + 1);
  }
  if (rest === '') return { kind: 'param', name, index, isLength, op: undefined, arg: '', raw, isQuoted };
  if (isLength) return undefined;
  const op = PARAM_OPS.find((o) => rest.startsWith(o));
  if (op === undefined) return undefined;
  return { kind: 'param', name, index, isLength, op, arg: rest.slice(op.length), raw, isQuoted };
}

/** Reads a `$…` form at `i` (the `$`); returns the part and the index after it. */
function readDollar(raw: string, i: number, isQuoted: boolean, mode: PartMode): { part: WordPart; end: number } {
  const next = raw[i + 1] ?? '';
  if (raw.startsWith('$((', i)) {
    const close = matchingEnd(raw, i + 3, '(', ')');
    if (raw[close + 1] === ')' || close >= raw.length) {
      return { part: { kind: 'arithmetic', expression: raw.slice(i + 3, close), isQuoted }, end: Math.min(close + 2, raw.length) };
    }
  }
  if (next === '(') {
    const end = commandSubstitutionEnd(raw, i + 1);
    const close = raw[end - 1] === ')' ? end - 1 : end;
    return { part: { kind: 'command', script: raw.slice(i + 2, close), isQuoted }, end };
  }
  if (next === '{') {
    const close = matchingEnd(raw, i + 2, '{', '}');
    const text = raw.slice(i, close + 1);
    const part = parseBraced(raw.slice(i + 2, close), text, isQuoted);
    return { part: part ?? { kind: 'param', name: '', index: undefined, isLength: false, op: 'bad', arg: '', raw: text, isQuoted }, end: close + 1 };
  }
  if (next === "'" && mode === 'word') {
    let j = i + 2;
    while (j < raw.length && raw[j] !== "'") j += raw[j] === '\\' ? 2 : 1;
    return { part: { kind: 'text', text: decodeAnsiC(raw.slice(i + 2, j)), isQuoted: true }, end: j + 1 };
  }
  if (next === '"' && mode === 'word') return { part: { kind: 'text', text: '', isQuoted: true }, end: i + 1 };
  const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(raw.slice(i + 1))?.[0] ?? (SPECIAL.has(next) ? next : '');
  if (name === '') return { part: { kind: 'text', text: '$', isQuoted }, end: i + 1 };
  return { part: { kind: 'param', name, index: undefined, isLength: false, op: undefined, arg: '', raw: '$' + name, isQuoted }, end: i + 1 + name.length };
}

/** Reads a backquoted substitution at `i`; `\$`, `` \` `` and `\\` lose their backslash inside. */
function readBackquote(raw: string, i: number, isQuoted: boolean): { part: WordPart; end: number } {
  let script = '';
  let j = i + 1;
  for (; j < raw.length && raw[j] !== '`'; j++) {
    if (raw[j] === '\\' && /[$`\\]/.test(raw[j + 1] ?? '')) j++;
    script += raw[j];
  }
  return { part: { kind: 'command', script, isQuoted }, end: j + 1 };
}

/**
 * Splits raw word text into parts. Unterminated quotes (which the lexer already reported) are closed
 * at the end of the text.
 * @param raw the word as typed
 * @param mode how quotes are read
 * @returns the parts, in order; an empty `''` or `""` leaves an empty quoted text part
 * @example parseWordParts("a'b'$X", 'word') // [text a, text b (quoted), param X]
 */
export function parseWordParts(raw: string, mode: PartMode = 'word'): WordPart[] {
  const parts: WordPart[] = [];
  const isQuoted = mode !== 'word';
  let text = '';
  const flush = (): void => {
    if (text !== '') parts.push({ kind: 'text', text, isQuoted });
    text = '';
  };
  for (let i = 0; i < raw.length; ) {
    const c = raw[i] as string;
    if (c === '\\') {
      const e = raw[i + 1];
      if (e === '\n') i += 2;
      else if (mode === 'word') {
        flush();
        if (e !== undefined) parts.push({ kind: 'text', text: e, isQuoted: true });
        else text += '\\';
        i += 2;
      } else if (e !== undefined && (e === '$' || e === '`' || e === '\\' || (e === '"' && mode === 'double'))) {
        text += e;
        i += 2;
      } else {
        text += c;
        i++;
      }
    } else if (c === "'" && mode === 'word') {
      flush();
      const end = raw.indexOf("'", i + 1);
      const close = end < 0 ? raw.length : end;
      parts.push({ kind: 'text', text: raw.slice(i + 1, close), isQuoted: true });
      i = close + 1;
    } else if (c === '"' && mode === 'word') {
      flush();
      const end = skipDoubleIn(raw, i);
      const inner = parseWordParts(raw.slice(i + 1, end), 'double');
      parts.push(...(inner.length > 0 ? inner : [{ kind: 'text' as const, text: '', isQuoted: true }]));
      i = end + 1;
    } else if ((c === '<' || c === '>') && raw[i + 1] === '(' && mode === 'word') {
      flush();
      const end = commandSubstitutionEnd(raw, i + 1);
      const close = raw[end - 1] === ')' ? end - 1 : end;
      parts.push({ kind: 'process', script: raw.slice(i + 2, close), isInput: c === '<', isQuoted: false });
      i = end;
    } else if (c === '$' || c === '`') {
      const read = c === '$' ? readDollar(raw, i, isQuoted, mode) : readBackquote(raw, i, isQuoted);
      if (read.part.kind === 'text' && read.part.isQuoted === isQuoted) text += read.part.text;
      else {
        flush();
        parts.push(read.part);
      }
      i = read.end;
    } else {
      text += c;
      i++;
    }
  }
  flush();
  return parts;
}

/**
 * Splits the inside of an array assignment `(a "b c" d)` into raw element words.
 * @param inner the text between the parentheses
 * @returns raw words, comments and newlines dropped
 * @example splitArrayElements('a "b c"') // ['a', '"b c"']
 */
export function splitArrayElements(inner: string): string[] {
  const words: string[] = [];
  for (let i = 0; i < inner.length; ) {
    const c = inner[i] as string;
    if (/\s/.test(c)) i++;
    else if (c === '#') {
      const eol = inner.indexOf('\n', i);
      i = eol < 0 ? inner.length : eol;
    } else {
      let end = i;
      try {
        end = scanWord(inner, i);
      } catch {
        end = inner.length;
      }
      if (end === i) end = i + 1;
      words.push(inner.slice(i, end));
      i = end;
    }
  }
  return words;
}
