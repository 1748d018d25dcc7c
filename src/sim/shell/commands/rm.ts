/**
 * `rm` (GNU coreutils; busybox wording as a flavour): `-f`, `-r`/`-R`, `-d`, `-v`, the `/` failsafe and
 * the `.`/`..` refusal. Each removal is an unlink/rmdir through the process API (AppArmor asks `d`).
 */
import type { CommandSpec, Invocation } from '../registry.ts';
import type { Errno } from '../../node/process-api.ts';
import { isFailure, missingOperand, parseArgs } from './support/args.ts';
import { Output, programName, quote, strerror } from './support/output.ts';

const LONG = {
  force: { key: 'f' }, interactive: { key: 'I', argument: 'optional' as const }, recursive: { key: 'r' }, dir: { key: 'd' },
  verbose: { key: 'v' }, 'no-preserve-root': { key: 'N' }, 'preserve-root': { key: 'P', argument: 'optional' as const }, 'one-file-system': { key: 'O' },
};
const USAGE = 'rm [-irf] FILE...';

type Settings = { force: boolean; recursive: boolean; dir: boolean; verbose: boolean; name: string };

/** The `rm` program. */
export const rmCommand: CommandSpec = {
  name: 'rm',
  summary: 'remove files or directories',
  usage: 'rm [OPTION]... [FILE]...',
  options: [
    { flag: '-f, --force', summary: 'ignore nonexistent files and arguments, never prompt' },
    { flag: '-r, -R, --recursive', summary: 'remove directories and their contents recursively' },
    { flag: '-d, --dir', summary: 'remove empty directories' },
    { flag: '-v, --verbose', summary: 'explain what is being done' },
  ],
  run(inv) {
    const name = programName(inv, 'rm');
    const args = parseArgs(inv, name, { short: 'dfirvIR', long: LONG }, 1, USAGE);
    if (isFailure(args)) return args;
    const force = args.options.findLast((o) => o.key === 'f' || o.key === 'i' || o.key === 'I')?.key === 'f';
    if (args.operands.length === 0) return force ? { stdout: '', stderr: '', exitCode: 0 } : missingOperand(inv, name, 'missing operand', USAGE);
    const settings: Settings = { force, recursive: args.has('r') || args.has('R'), dir: args.has('d'), verbose: args.has('v'), name };
    const output = new Output();
    for (const operand of args.operands) {
      const base = operand.replace(/\/+$/, '').split('/').pop();
      if (base === '.' || base === '..') {
        output.fail(`${name}: refusing to remove '.' or '..' directory: skipping ${quote(operand)}`);
        continue;
      }
      if (settings.recursive && !args.has('N') && inv.proc.resolve(operand) === '/') {
        output.fail(`${name}: it is dangerous to operate recursively on '/'`);
        output.fail(`${name}: use --no-preserve-root to override this failsafe`);
        continue;
      }
      removeOne(inv, operand, settings, output, true);
    }
    return output.result();
  },
};

function report(inv: Invocation, settings: Settings, output: Output, path: string, errno: Errno): void {
  if (inv.flavour === 'busybox') {
    output.fail(errno === 'EISDIR' ? `${settings.name}: ${quote(path)} is a directory` : `${settings.name}: can't remove ${quote(path)}: ${strerror(errno)}`);
  } else output.fail(`${settings.name}: cannot remove ${quote(path)}: ${strerror(errno)}`);
}

function removeOne(inv: Invocation, path: string, settings: Settings, output: Output, isOperand: boolean): boolean {
  const st = inv.proc.lstat(path);
  if (!st.ok) {
    if (!(settings.force && st.errno === 'ENOENT' && isOperand)) report(inv, settings, output, path, st.errno);
    return false;
  }
  if (st.value.type !== 'dir') {
    const removed = inv.proc.unlink(path);
    if (!removed.ok) return report(inv, settings, output, path, removed.errno), false;
    if (settings.verbose) output.out(`removed ${quote(path)}\n`);
    return true;
  }
  if (!settings.recursive && !settings.dir) return report(inv, settings, output, path, 'EISDIR'), false;
  if (settings.recursive) {
    const entries = inv.proc.readdir(path);
    if (!entries.ok) return report(inv, settings, output, path, entries.errno), false;
    let isEmptied = true;
    for (const entry of entries.value) isEmptied = removeOne(inv, `${path.replace(/\/+$/, '')}/${entry}`, settings, output, false) && isEmptied;
    if (!isEmptied) return false;
  }
  const removed = inv.proc.rmdir(path);
  if (!removed.ok) return report(inv, settings, output, path, removed.errno), false;
  if (settings.verbose) output.out(`removed directory ${quote(path)}\n`);
  return true;
}
