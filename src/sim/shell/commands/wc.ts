/** `wc` (GNU coreutils; busybox wording as a flavour): lines, words, bytes (`-l -w -c -m -L`), with GNU's column widths. */
import type { CommandSpec } from '../registry.ts';
import { isFailure, parseArgs } from './support/args.ts';
import { readInput } from './support/files.ts';
import { Output, programName, quotef, strerror } from './support/output.ts';

const LONG = { lines: { key: 'l' }, words: { key: 'w' }, bytes: { key: 'c' }, chars: { key: 'm' }, 'max-line-length': { key: 'L' } };

type Counts = { l: number; w: number; m: number; c: number; L: number };

/**
 * @param text - input text
 * @returns its counts
 * @example countText('a b\nc\n') // → { l: 2, w: 3, m: 6, c: 6, L: 3 }
 */
export function countText(text: string): Counts {
  const lines = text.split('\n');
  return {
    l: lines.length - 1,
    w: text.split(/[ \t\n\v\f\r]+/).filter((w) => w !== '').length,
    m: [...text].length,
    c: new TextEncoder().encode(text).length,
    L: Math.max(0, ...lines.map((l) => l.length)),
  };
}

/** The `wc` program. */
export const wcCommand: CommandSpec = {
  name: 'wc',
  summary: 'print newline, word, and byte counts for each file',
  usage: 'wc [OPTION]... [FILE]...',
  options: [
    { flag: '-c, --bytes', summary: 'print the byte counts' },
    { flag: '-m, --chars', summary: 'print the character counts' },
    { flag: '-l, --lines', summary: 'print the newline counts' },
    { flag: '-L, --max-line-length', summary: 'print the maximum display width' },
    { flag: '-w, --words', summary: 'print the word counts' },
  ],
  run(inv) {
    const name = programName(inv, 'wc');
    const args = parseArgs(inv, name, { short: 'lwcmL', long: LONG });
    if (isFailure(args)) return args;
    const chosen = (['l', 'w', 'm', 'c', 'L'] as const).filter((k) => args.has(k));
    const fields = chosen.length === 0 ? (['l', 'w', 'c'] as const) : chosen;
    const files = args.operands.length === 0 ? ['-'] : args.operands;
    const st = (file: string) => { const r = inv.proc.stat(file); return r.ok ? r.value : undefined; };
    const rows: { counts: Counts; label: string }[] = [];
    const output = new Output();
    let isStdin = false;
    for (const file of files) {
      const input = readInput(inv, file);
      if (file === '-') isStdin = true;
      if (!input.ok) {
        output.fail(`${name}: ${quotef(file)}: ${strerror(input.errno)}`);
        if (input.phase === 'read') rows.push({ counts: countText(''), label: file });
        continue;
      }
      rows.push({ counts: countText(input.text), label: file === '-' && args.operands.length === 0 ? '' : file });
    }
    const total = rows.reduce<Counts>((sum, r) => ({ l: sum.l + r.counts.l, w: sum.w + r.counts.w, m: sum.m + r.counts.m, c: sum.c + r.counts.c, L: Math.max(sum.L, r.counts.L) }), countText(''));
    if (files.length > 1) rows.push({ counts: total, label: 'total' });
    // as wc.c: one number for one input needs no padding; stdin or any operand that is not a regular
    // file (a directory) gets at least 7 columns; else the total size's digits
    const isIrregular = isStdin || files.some((f) => f !== '-' && (st(f)?.type ?? 'file') !== 'file');
    const width = fields.length === 1 && files.length === 1 ? 1 : Math.max(isIrregular ? 7 : 1, String(total.c).length);
    for (const row of rows) {
      const numbers = fields.map((f) => String(row.counts[f]).padStart(width)).join(' ');
      output.out(`${numbers}${row.label === '' ? '' : ` ${row.label}`}\n`);
    }
    return output.result();
  },
};
