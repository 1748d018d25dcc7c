/** `rmdir` (GNU coreutils; busybox wording as a flavour): removes empty directories, `-p` their parents too. */
import type { CommandSpec, Invocation } from '../registry.ts';
import type { Errno } from '../../node/process-api.ts';
import { isFailure, missingOperand, parseArgs } from './support/args.ts';
import { Output, programName, quote, strerror } from './support/output.ts';

const LONG = { parents: { key: 'p' }, verbose: { key: 'v' }, 'ignore-fail-on-non-empty': { key: 'I' } };
const USAGE = 'rmdir [-p] DIRECTORY...';

/** The `rmdir` program. */
export const rmdirCommand: CommandSpec = {
  name: 'rmdir',
  summary: 'remove empty directories',
  usage: 'rmdir [OPTION]... DIRECTORY...',
  options: [
    { flag: '--ignore-fail-on-non-empty', summary: 'ignore each failure to remove a non-empty directory' },
    { flag: '-p, --parents', summary: 'remove DIRECTORY and its ancestors' },
    { flag: '-v, --verbose', summary: 'output a diagnostic for every directory processed' },
  ],
  run(inv) {
    const name = programName(inv, 'rmdir');
    const args = parseArgs(inv, name, { short: 'pv', long: LONG }, 1, USAGE);
    if (isFailure(args)) return args;
    if (args.operands.length === 0) return missingOperand(inv, name, 'missing operand', USAGE);
    const output = new Output();
    for (const dir of args.operands) {
      const first = remove(inv, dir, name, args.has('v'), output);
      if (first !== undefined) {
        if (!(first === 'ENOTEMPTY' && args.has('I'))) output.fail(failure(inv, name, dir, first, false));
        continue;
      }
      if (!args.has('p')) continue;
      let path = dir.replace(/\/+$/, '');
      while (path.includes('/')) {
        path = path.slice(0, path.lastIndexOf('/'));
        if (path === '') break;
        const failed = remove(inv, path, name, args.has('v'), output);
        if (failed === undefined) continue;
        if (!(failed === 'ENOTEMPTY' && args.has('I'))) output.fail(failure(inv, name, path, failed, true));
        break;
      }
    }
    return output.result();
  },
};

function remove(inv: Invocation, dir: string, name: string, isVerbose: boolean, output: Output): Errno | undefined {
  if (isVerbose) output.out(`${name}: removing directory, ${quote(dir)}\n`);
  const removed = inv.proc.rmdir(dir);
  return removed.ok ? undefined : removed.errno;
}

function failure(inv: Invocation, name: string, dir: string, errno: Errno, isParent: boolean): string {
  if (inv.flavour === 'busybox') return `${name}: ${quote(dir)}: ${strerror(errno)}`;
  return `${name}: failed to remove ${isParent ? 'directory ' : ''}${quote(dir)}: ${strerror(errno)}`;
}
