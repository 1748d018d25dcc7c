/** `sort` (GNU coreutils, C locale): `-r -n -u -f -k -t -h`, byte order by default. */
import type { CommandSpec } from '../registry.ts';
import { isFailure, parseArgs } from './support/args.ts';
import { readInput, splitLines } from './support/files.ts';
import { programName, quote, quotef, strerror } from './support/output.ts';

const LONG = {
  reverse: { key: 'r' }, 'numeric-sort': { key: 'n' }, unique: { key: 'u' }, 'ignore-case': { key: 'f' }, key: { key: 'k', argument: 'required' as const },
  'field-separator': { key: 't', argument: 'required' as const }, 'human-numeric-sort': { key: 'h' }, output: { key: 'o', argument: 'required' as const },
};

type Order = { numeric: boolean; fold: boolean; reverse: boolean; field: number | undefined; lastField: number | undefined; separator: string | undefined };

function keyOf(line: string, order: Order): string {
  if (order.field === undefined) return line;
  const parts = order.separator === undefined ? line.trim().split(/\s+/) : line.split(order.separator);
  return parts.slice(order.field - 1, order.lastField).join(order.separator ?? ' ');
}

function leadingNumber(text: string): number {
  const m = /^\s*(-?\d*\.?\d+)/.exec(text);
  return m ? Number(m[1]) : 0;
}

function compare(a: string, b: string, order: Order): number {
  const ka = keyOf(a, order);
  const kb = keyOf(b, order);
  let result = 0;
  if (order.numeric) result = leadingNumber(ka) - leadingNumber(kb);
  else {
    const fa = order.fold ? ka.toUpperCase() : ka;
    const fb = order.fold ? kb.toUpperCase() : kb;
    result = fa < fb ? -1 : fa > fb ? 1 : 0;
  }
  // as sort.c: equal keys fall back to a byte comparison of whole lines (unless -u)
  if (result === 0) result = a < b ? -1 : a > b ? 1 : 0;
  return order.reverse ? -result : result;
}

/** The `sort` program. */
export const sortCommand: CommandSpec = {
  name: 'sort',
  summary: 'sort lines of text files',
  usage: 'sort [OPTION]... [FILE]...',
  options: [
    { flag: '-f, --ignore-case', summary: 'fold lower case to upper case characters' },
    { flag: '-k, --key=KEYDEF', summary: 'sort via a key; KEYDEF gives location and type', takesValue: true },
    { flag: '-n, --numeric-sort', summary: 'compare according to string numerical value' },
    { flag: '-r, --reverse', summary: 'reverse the result of comparisons' },
    { flag: '-t, --field-separator=SEP', summary: 'use SEP instead of non-blank to blank transition', takesValue: true },
    { flag: '-u, --unique', summary: 'output only the first of an equal run' },
  ],
  run(inv) {
    const name = programName(inv, 'sort');
    const args = parseArgs(inv, name, { short: 'rnufk:t:hbdo:szy:', long: LONG }, 2);
    // as sort.c: the obsolete -y takes an argument and is ignored
    if (isFailure(args)) return args;
    const keyText = args.value('k');
    const field = keyText === undefined ? undefined : Number(/^\d+/.exec(keyText)?.[0] ?? NaN);
    // `-k2,2`: the key ends with field 2 (a missing end runs to the end of the line)
    const end = keyText === undefined ? undefined : /^\d+[a-zA-Z]*,(\d+)/.exec(keyText)?.[1];
    if (field !== undefined && !(field >= 1)) return { stdout: '', stderr: `${name}: invalid number at field start: invalid count at start of ${quote(keyText ?? '')}\n`, exitCode: 2 };
    const order: Order = {
      numeric: args.has('n') || args.has('h') || /^\d+n/.test(keyText ?? ''), fold: args.has('f'), reverse: args.has('r'), field,
      lastField: end === undefined ? undefined : Number(end), separator: args.value('t'),
    };
    const lines: string[] = [];
    for (const file of args.operands.length === 0 ? ['-'] : args.operands) {
      const input = readInput(inv, file);
      if (!input.ok) {
        const what = input.phase === 'read' ? 'read failed' : 'cannot read';
        return { stdout: '', stderr: inv.flavour === 'busybox' ? `${name}: ${file}: ${strerror(input.errno)}\n` : `${name}: ${what}: ${quotef(file)}: ${strerror(input.errno)}\n`, exitCode: inv.flavour === 'busybox' ? 1 : 2 };
      }
      lines.push(...splitLines(input.text));
    }
    let sorted = [...lines].sort((a, b) => compare(a, b, order));
    if (args.has('u')) sorted = sorted.filter((line, k) => k === 0 || compareKeys(sorted[k - 1] ?? '', line, order) !== 0);
    const text = sorted.map((l) => `${l}\n`).join('');
    const out = args.value('o');
    if (out !== undefined) {
      const written = inv.proc.writeFile(out, text);
      if (!written.ok) return { stdout: '', stderr: `${name}: open failed: ${quotef(out)}: ${strerror(written.errno)}\n`, exitCode: 2 };
      return { stdout: '', stderr: '', exitCode: 0 };
    }
    return { stdout: text, stderr: '', exitCode: 0 };
  },
};

function compareKeys(a: string, b: string, order: Order): number {
  if (order.numeric) return leadingNumber(keyOf(a, order)) - leadingNumber(keyOf(b, order));
  const ka = order.fold ? keyOf(a, order).toUpperCase() : keyOf(a, order);
  const kb = order.fold ? keyOf(b, order).toUpperCase() : keyOf(b, order);
  return ka === kb ? 0 : 1;
}
