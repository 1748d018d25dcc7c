/** `tee` (GNU coreutils; busybox wording is the same): copies stdin to stdout and to files, `-a` appends. */
import type { CommandSpec } from '../registry.ts';
import { isFailure, parseArgs } from './support/args.ts';
import { Output, programName, quotef, strerror } from './support/output.ts';

/** The `tee` program. */
export const teeCommand: CommandSpec = {
  name: 'tee',
  summary: 'read from standard input and write to standard output and files',
  usage: 'tee [OPTION]... [FILE]...',
  options: [
    { flag: '-a, --append', summary: 'append to the given FILEs, do not overwrite' },
    { flag: '-i, --ignore-interrupts', summary: 'ignore interrupt signals' },
  ],
  run(inv) {
    const name = programName(inv, 'tee');
    const args = parseArgs(inv, name, { short: 'aip', long: { append: { key: 'a' }, 'ignore-interrupts': { key: 'i' }, 'output-error': { key: 'p', argument: 'optional' } } });
    if (isFailure(args)) return args;
    const output = new Output();
    output.out(inv.context.stdin);
    for (const file of args.operands) {
      if (file === '-') {
        output.out(inv.context.stdin);
        continue;
      }
      const written = inv.proc.writeFile(file, inv.context.stdin, { append: args.has('a') });
      if (!written.ok) output.fail(`${name}: ${quotef(file)}: ${strerror(written.errno)}`);
    }
    return output.result();
  },
};
