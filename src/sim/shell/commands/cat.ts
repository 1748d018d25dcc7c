/** `cat` (GNU coreutils; busybox wording as a flavour): concatenates files to stdout, `-n -b -s -E -T -A`. */
import type { CommandSpec, Invocation } from '../registry.ts';
import { isFailure, parseArgs } from './support/args.ts';
import { readInput } from './support/files.ts';
import { Output, programName, quote, quotef, strerror } from './support/output.ts';

const LONG = {
  'show-all': { key: 'A' }, 'number-nonblank': { key: 'b' }, 'show-ends': { key: 'E' }, number: { key: 'n' },
  'squeeze-blank': { key: 's' }, 'show-tabs': { key: 'T' }, 'show-nonprinting': { key: 'v' },
};

type Format = { number: boolean; nonblank: boolean; squeeze: boolean; ends: boolean; tabs: boolean; nonprinting: boolean };

/** The `cat` program. */
export const catCommand: CommandSpec = {
  name: 'cat',
  summary: 'concatenate files and print on the standard output',
  usage: 'cat [OPTION]... [FILE]...',
  options: [
    { flag: '-A, --show-all', summary: 'equivalent to -vET' },
    { flag: '-b, --number-nonblank', summary: 'number nonempty output lines, overrides -n' },
    { flag: '-E, --show-ends', summary: 'display $ at end of each line' },
    { flag: '-n, --number', summary: 'number all output lines' },
    { flag: '-s, --squeeze-blank', summary: 'suppress repeated empty output lines' },
    { flag: '-T, --show-tabs', summary: 'display TAB characters as ^I' },
  ],
  run(inv) {
    const name = programName(inv, 'cat');
    const args = parseArgs(inv, name, { short: 'AbeEnstTuv', long: LONG }, 1, 'cat [-nbvteA] [FILE]...');
    if (isFailure(args)) return args;
    const format: Format = {
      number: args.has('n') || args.has('b'), nonblank: args.has('b'), squeeze: args.has('s'),
      ends: args.has('E') || args.has('A') || args.has('e'), tabs: args.has('T') || args.has('A') || args.has('t'),
      nonprinting: ['v', 'A', 'e', 't'].some((k) => args.has(k)),
    };
    const output = new Output();
    const state = { line: 0, blank: false, atStart: true };
    for (const operand of args.operands.length === 0 ? ['-'] : args.operands) {
      const input = readInput(inv, operand);
      if (!input.ok) {
        output.fail(failure(inv, name, operand, input.errno, input.phase));
        continue;
      }
      output.out(isPlain(format) ? input.text : decorate(input.text, format, state));
    }
    return output.result();
  },
};

function isPlain(format: Format): boolean {
  return !format.number && !format.squeeze && !format.ends && !format.tabs && !format.nonprinting;
}

function failure(inv: Invocation, name: string, operand: string, errno: Parameters<typeof strerror>[0], phase: 'open' | 'read'): string {
  if (inv.flavour === 'busybox') return phase === 'read' ? `${name}: read error: ${strerror(errno)}` : `${name}: can't open ${quote(operand)}: ${strerror(errno)}`;
  return `${name}: ${quotef(operand)}: ${strerror(errno)}`;
}

/** Numbering and markers as cat.c: the line counter and blank state continue across files. */
function decorate(text: string, format: Format, state: { line: number; blank: boolean; atStart: boolean }): string {
  let out = '';
  const pieces = text.split('\n');
  for (const [k, piece] of pieces.entries()) {
    const hasNewline = k < pieces.length - 1;
    if (!hasNewline && piece === '') break;
    const isBlank = piece === '' && state.atStart;
    if (format.squeeze && isBlank && state.blank) continue;
    if (state.atStart) {
      state.blank = isBlank;
      if (format.number && !(format.nonblank && isBlank)) out += `${String(++state.line).padStart(6)}\t`;
    }
    const shown = format.nonprinting ? showNonprinting(piece) : piece;
    out += format.tabs ? shown.replace(/\t/g, '^I') : shown;
    if (hasNewline) out += format.ends ? '$\n' : '\n';
    state.atStart = hasNewline;
  }
  return out;
}

/** `-v` as cat.c: control characters as `^X`, DEL as `^?`, bytes above 127 as `M-` plus their low form. */
function showNonprinting(text: string): string {
  return text.replace(/[\x00-\x08\x0b-\x1f\x7f-\xff]/g, (char) => {
    const code = char.charCodeAt(0);
    const low = code & 0x7f;
    const prefix = code >= 0x80 ? 'M-' : '';
    if (low === 0x7f) return `${prefix}^?`;
    if (low < 0x20 && !(code >= 0x80 && low === 9) && !(code >= 0x80 && low === 10)) return `${prefix}^${String.fromCharCode(low + 0x40)}`;
    return `${prefix}${String.fromCharCode(low)}`;
  });
}
