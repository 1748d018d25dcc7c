/** `head` (GNU coreutils; busybox wording as a flavour): first lines (`-n N`, `-n -N`, `-N`) or bytes (`-c`). */
import type { CommandSpec, Invocation } from '../registry.ts';
import { isFailure, parseArgs, type Args } from './support/args.ts';
import type { CommandResult } from '../host.ts';
import { readInput } from './support/files.ts';
import { Output, programName, quote, quotef, strerror } from './support/output.ts';

const LONG = { lines: { key: 'n', argument: 'required' as const }, bytes: { key: 'c', argument: 'required' as const }, quiet: { key: 'q' }, silent: { key: 'q' }, verbose: { key: 'v' } };

/**
 * Parses a coreutils count (`10`, `1k`, `2M`, with an optional sign).
 * @param text - the option value
 * @returns the sign and the number, or undefined when invalid
 * @example parseCount('-3') // → { sign: '-', value: 3 }
 */
export function parseCount(text: string): { sign: '' | '-' | '+'; value: number } | undefined {
  const m = /^([-+]?)(\d+)([bkKmMgG]?)$/.exec(text);
  if (!m) return undefined;
  const unit = { '': 1, b: 512, k: 1024, K: 1024, m: 1024 ** 2, M: 1024 ** 2, g: 1024 ** 3, G: 1024 ** 3 }[m[3] ?? ''] ?? 1;
  return { sign: (m[1] ?? '') as '' | '-' | '+', value: Number(m[2]) * unit };
}

/**
 * The count option head and tail share: the last of `-n`, `-c` and `-N`, ten lines by default.
 * @param inv - the invocation (its flavour picks GNU or busybox wording)
 * @param name - the program name for the message
 * @param args - the parsed arguments
 * @returns whether bytes are counted and the count, or the invalid-number error as the tool prints it
 * @example countOption(inv, 'head', parsed('-n', 'x')) // → { stdout: '', stderr: "head: invalid number of lines: 'x'\n", exitCode: 1 }
 */
export function countOption(inv: Invocation, name: string, args: Args): { isBytes: boolean; count: NonNullable<ReturnType<typeof parseCount>> } | CommandResult {
  const last = args.options.findLast((o) => o.key === 'n' || o.key === 'c' || o.key === 'N');
  const isBytes = last?.key === 'c';
  const count = parseCount(last?.value ?? '10');
  if (count !== undefined) return { isBytes, count };
  const what = inv.flavour === 'busybox' ? 'invalid number' : `invalid number of ${isBytes ? 'bytes' : 'lines'}:`;
  return { stdout: '', stderr: `${name}: ${what} ${quote(last?.value ?? '')}\n`, exitCode: 1 };
}

/**
 * @param text - input text
 * @param count - how many lines to keep (negative: all but the last |count|)
 * @returns the first lines, newlines kept
 * @example firstLines('a\nb\nc\n', 2) // → 'a\nb\n'
 */
export function firstLines(text: string, count: number): string {
  const lines = text.split(/(?<=\n)/);
  return (count >= 0 ? lines.slice(0, count) : lines.slice(0, Math.max(0, lines.length + count))).join('');
}

/** The `head` program. */
export const headCommand: CommandSpec = {
  name: 'head',
  summary: 'output the first part of files',
  usage: 'head [OPTION]... [FILE]...',
  options: [
    { flag: '-c, --bytes=[-]NUM', summary: 'print the first NUM bytes of each file', takesValue: true },
    { flag: '-n, --lines=[-]NUM', summary: 'print the first NUM lines instead of the first 10', takesValue: true },
    { flag: '-q, --quiet, --silent', summary: 'never print headers giving file names' },
    { flag: '-v, --verbose', summary: 'always print headers giving file names' },
  ],
  run(inv) {
    const name = programName(inv, 'head');
    const args = parseArgs(inv, name, { short: 'n:c:qvz', long: LONG, allowDigits: true });
    if (isFailure(args)) return args;
    const option = countOption(inv, name, args);
    if ('exitCode' in option) return option;
    const { isBytes, count } = option;
    const n = count.sign === '-' ? -count.value : count.value;
    const files = args.operands.length === 0 ? ['-'] : args.operands;
    const headers = args.has('v') || (files.length > 1 && !args.has('q'));
    const output = new Output();
    let isFirst = true;
    for (const file of files) {
      const input = readInput(inv, file);
      if (!input.ok) {
        output.fail(failure(inv, name, file, input));
        continue;
      }
      if (headers) output.out(`${isFirst ? '' : '\n'}==> ${file === '-' ? 'standard input' : file} <==\n`);
      isFirst = false;
      output.out(isBytes ? (n >= 0 ? input.text.slice(0, n) : input.text.slice(0, Math.max(0, input.text.length + n))) : firstLines(input.text, n));
    }
    return output.result();
  },
};

function failure(inv: Invocation, name: string, file: string, input: { errno: Parameters<typeof strerror>[0]; phase: 'open' | 'read' }): string {
  if (inv.flavour === 'busybox') return `${name}: ${quotef(file)}: ${strerror(input.errno)}`;
  if (input.phase === 'read') return `${name}: error reading ${quote(file)}: ${strerror(input.errno)}`;
  return `${name}: cannot open ${quote(file)} for reading: ${strerror(input.errno)}`;
}
