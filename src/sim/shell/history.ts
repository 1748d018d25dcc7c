// Interactive bash's history expansion (`!!`, `!$`, `!^`, `!*`, `!n`, `!-n`, `!str`, `!?str?`, `:N`
// word designators), as GNU readline's histexpand.c applies it before the line is parsed.
import { lex } from './lexer.ts';

/** What expansion did to a line. */
export type HistoryExpansion =
  | { kind: 'unchanged' }
  | { kind: 'expanded'; text: string }
  | { kind: 'error'; message: string };

/** Characters after `!` that leave it literal (history_no_expand_chars plus `(` and end of line). */
const NO_EXPAND = new Set([' ', '\t', '\n', '\r', '=', '(']);

/** The words of a history line as histexpand's history_tokenize splits them (quotes kept, operators apart). */
function wordsOf(line: string): string[] {
  return lex(line).tokens.flatMap((t) => (t.kind === 'word' ? [t.raw] : t.kind === 'op' ? [(t.fd === undefined ? '' : String(t.fd)) + t.op] : []));
}

/** Finds the event an `!` designator names; returns the line and where the designator ends. */
function readEvent(line: string, i: number, history: readonly string[]): { event: string | undefined; end: number } {
  const c = line[i + 1] ?? '';
  const last = history[history.length - 1];
  if (c === '!') return { event: last, end: i + 2 };
  if ('$^*:'.includes(c)) return { event: last, end: i + 1 };
  const number = /^-?\d+/.exec(line.slice(i + 1));
  if (number !== null) {
    const n = Number(number[0]);
    return { event: n < 0 ? history[history.length + n] : history[n - 1], end: i + 1 + number[0].length };
  }
  if (c === '?') {
    const close = line.indexOf('?', i + 2);
    const needle = line.slice(i + 2, close < 0 ? line.length : close);
    return { event: [...history].reverse().find((h) => h.includes(needle)), end: close < 0 ? line.length : close + 1 };
  }
  const prefix = /^[^\s:"'`;&|<>()]+/.exec(line.slice(i + 1))?.[0] ?? '';
  return { event: [...history].reverse().find((h) => h.startsWith(prefix)), end: i + 1 + prefix.length };
}

/** Applies a word designator (`$`, `^`, `*`, `N`, `N-M`) at `j`; undefined text means a bad specifier. */
function readWords(line: string, j: number, event: string): { text: string | undefined; end: number; spec: string } {
  const hasColon = line[j] === ':';
  const rest = line.slice(hasColon ? j + 1 : j);
  const m = hasColon ? /^(\d+-\d*|\d+|[$^*])/.exec(rest) : /^[$^*]/.exec(rest);
  if (m === null) return { text: hasColon ? undefined : event, end: j, spec: hasColon ? `:${rest.split(/\s/)[0] ?? ''}` : '' };
  const spec = m[0];
  const words = wordsOf(event);
  const end = j + (hasColon ? 1 : 0) + spec.length;
  let picked: string[] | undefined;
  if (spec === '$') picked = words.slice(-1);
  else if (spec === '^') picked = words.length > 1 ? [words[1] as string] : undefined;
  else if (spec === '*') picked = words.slice(1);
  else {
    const [from = '0', to] = spec.split('-');
    const a = Number(from);
    const b = to === undefined ? a : to === '' ? words.length - 2 : Number(to);
    picked = a < words.length && b < words.length && a <= b ? words.slice(a, b + 1) : undefined;
  }
  return { text: picked?.join(' '), end, spec: `:${spec}` };
}

/**
 * Expands history references in one input line, as interactive bash does before parsing it.
 * @param line what was typed
 * @param history earlier lines, oldest first
 * @returns the line unchanged, the expanded line (which bash echoes), or bash's error message
 * @example expandHistory('sudo !!', ['apparmor_parser -r x']) // { kind: 'expanded', text: 'sudo apparmor_parser -r x' }
 */
export function expandHistory(line: string, history: readonly string[]): HistoryExpansion {
  let out = '';
  let isSingle = false;
  let isDouble = false;
  let changed = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i] as string;
    const next = line[i + 1];
    if (c === '\\' && !isSingle) {
      out += c + (next ?? '');
      i++;
      continue;
    }
    if (c === "'" && !isDouble) isSingle = !isSingle;
    if (c === '"' && !isSingle) isDouble = !isDouble;
    // bash_history_inhibit_expansion: `[!…]` patterns, `$!` and `${!name}` stay literal
    const isInhibited = line[i - 1] === '[' || line[i - 1] === '$' || line.slice(i - 2, i) === '${';
    if (c !== '!' || isSingle || next === undefined || NO_EXPAND.has(next) || (isDouble && next === '"') || isInhibited) {
      out += c;
      continue;
    }
    const { event, end } = readEvent(line, i, history);
    if (event === undefined) return { kind: 'error', message: `${line.slice(i, end)}: event not found` };
    const words = readWords(line, end, event);
    if (words.text === undefined) return { kind: 'error', message: `${words.spec}: bad word specifier` };
    out += words.text;
    changed = true;
    i = words.end - 1;
  }
  return changed ? { kind: 'expanded', text: out } : { kind: 'unchanged' };
}
