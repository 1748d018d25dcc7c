/**
 * `tail` (GNU coreutils; busybox wording as a flavour): last lines (`-n N`, `-n +N`, `-N`) or bytes.
 * `-f` prints what is there and returns: the simulated node has no later writes to wait for.
 */
import type { CommandSpec, Invocation } from '../registry.ts';
import { countOption } from './head.ts';
import { isFailure, parseArgs } from './support/args.ts';
import { readInput } from './support/files.ts';
import { Output, programName, quote, strerror } from './support/output.ts';

const LONG = {
  lines: { key: 'n', argument: 'required' as const }, bytes: { key: 'c', argument: 'required' as const }, quiet: { key: 'q' }, silent: { key: 'q' },
  verbose: { key: 'v' }, follow: { key: 'f', argument: 'optional' as const },
};

/**
 * @param text - input text
 * @param count - how many lines from the end, or with `fromStart` the first line to print (1-based)
 * @param fromStart - `+N`
 * @returns the selected lines
 * @example lastLines('a\nb\nc\n', 2, false) // → 'b\nc\n'
 */
export function lastLines(text: string, count: number, fromStart: boolean): string {
  const lines = text.split(/(?<=\n)/).filter((l) => l !== '');
  if (fromStart) return lines.slice(Math.max(0, count - 1)).join('');
  return count === 0 ? '' : lines.slice(-count).join('');
}

/** The `tail` program. */
export const tailCommand: CommandSpec = {
  name: 'tail',
  summary: 'output the last part of files',
  usage: 'tail [OPTION]... [FILE]...',
  options: [
    { flag: '-c, --bytes=[+]NUM', summary: 'output the last NUM bytes', takesValue: true },
    { flag: '-f, --follow', summary: 'output appended data as the file grows' },
    { flag: '-n, --lines=[+]NUM', summary: 'output the last NUM lines, instead of the last 10', takesValue: true },
    { flag: '-q, --quiet, --silent', summary: 'never output headers giving file names' },
    { flag: '-v, --verbose', summary: 'always output headers giving file names' },
  ],
  run(inv) {
    const name = programName(inv, 'tail');
    const args = parseArgs(inv, name, { short: 'n:c:qvfFz', long: LONG, allowDigits: true });
    if (isFailure(args)) return args;
    const option = countOption(inv, name, args);
    if ('exitCode' in option) return option;
    const { isBytes, count } = option;
    const files = args.operands.length === 0 ? ['-'] : args.operands;
    const headers = args.has('v') || (files.length > 1 && !args.has('q'));
    const output = new Output();
    let isFirst = true;
    for (const file of files) {
      const input = readInput(inv, file);
      if (!input.ok) {
        output.fail(failure(inv, name, file, input.errno, input.phase));
        continue;
      }
      if (headers) output.out(`${isFirst ? '' : '\n'}==> ${file === '-' ? 'standard input' : file} <==\n`);
      isFirst = false;
      const fromStart = count.sign === '+';
      if (isBytes) output.out(fromStart ? input.text.slice(Math.max(0, count.value - 1)) : count.value === 0 ? '' : input.text.slice(-count.value));
      else output.out(lastLines(input.text, count.value, fromStart));
    }
    return output.result();
  },
};

function failure(inv: Invocation, name: string, file: string, errno: Parameters<typeof strerror>[0], phase: 'open' | 'read'): string {
  if (inv.flavour === 'busybox') return `${name}: can't open ${quote(file)}: ${strerror(errno)}`;
  if (phase === 'read') return `${name}: error reading ${quote(file)}: ${strerror(errno)}`;
  return `${name}: cannot open ${quote(file)} for reading: ${strerror(errno)}`;
}
