/** `mkdir` (GNU coreutils; busybox wording as a flavour): `-p` parents, `-m MODE`, `-v`. */
import type { CommandSpec, Invocation } from '../registry.ts';
import type { Errno } from '../../node/process-api.ts';
import { isFailure, missingOperand, parseArgs } from './support/args.ts';
import { applyMode } from './support/modes.ts';
import { Output, programName, quote, strerror } from './support/output.ts';

const LONG = { mode: { key: 'm', argument: 'required' as const }, parents: { key: 'p' }, verbose: { key: 'v' }, context: { key: 'Z', argument: 'optional' as const } };
const USAGE = 'mkdir [-m MODE] [-p] DIRECTORY...';

/** The `mkdir` program. */
export const mkdirCommand: CommandSpec = {
  name: 'mkdir',
  summary: 'make directories',
  usage: 'mkdir [OPTION]... DIRECTORY...',
  options: [
    { flag: '-m, --mode=MODE', summary: 'set file mode (as in chmod), not a=rwx - umask', takesValue: true },
    { flag: '-p, --parents', summary: 'no error if existing, make parent directories as needed' },
    { flag: '-v, --verbose', summary: 'print a message for each created directory' },
  ],
  run(inv) {
    const name = programName(inv, 'mkdir');
    const args = parseArgs(inv, name, { short: 'm:pvZ', long: LONG }, 1, USAGE);
    if (isFailure(args)) return args;
    if (args.operands.length === 0) return missingOperand(inv, name, 'missing operand', USAGE);
    const modeText = args.value('m');
    const mode = modeText === undefined ? undefined : applyMode(modeText, 0o777, true, 0);
    if (mode === undefined && modeText !== undefined) return { stdout: '', stderr: `${name}: invalid mode ${quote(modeText)}\n`, exitCode: 1 };
    const output = new Output();
    for (const dir of args.operands) {
      const failed = args.has('p') ? makeParents(inv, dir, mode, args.has('v'), name, output) : makeOne(inv, dir, mode, args.has('v'), name, output);
      if (failed !== undefined) output.fail(message(inv, name, failed.path, failed.errno));
    }
    return output.result();
  },
};

function message(inv: Invocation, name: string, path: string, errno: Errno): string {
  const verb = inv.flavour === 'busybox' ? "can't create" : 'cannot create';
  return `${name}: ${verb} directory ${quote(path)}: ${strerror(errno)}`;
}

type Failure = { path: string; errno: Errno } | undefined;

function makeOne(inv: Invocation, dir: string, mode: number | undefined, isVerbose: boolean, name: string, output: Output): Failure {
  const made = inv.proc.mkdir(dir, 0o777);
  if (!made.ok) return { path: dir, errno: made.errno };
  if (mode !== undefined) inv.proc.chmod(dir, mode);
  if (isVerbose) output.out(`${name}: created directory ${quote(dir)}\n`);
  return undefined;
}

/** `-p`: each missing component in turn; an existing directory is fine, an existing file is not. */
function makeParents(inv: Invocation, dir: string, mode: number | undefined, isVerbose: boolean, name: string, output: Output): Failure {
  const parts = dir.split('/');
  for (let k = 1; k <= parts.length; k++) {
    const prefix = parts.slice(0, k).join('/');
    if (prefix === '' || parts[k - 1] === '' || parts[k - 1] === '.') continue;
    const isLast = k === parts.length || parts.slice(k).every((p) => p === '');
    const existing = inv.proc.stat(prefix);
    if (existing.ok) {
      if (existing.value.type === 'dir') continue;
      return { path: prefix, errno: isLast ? 'EEXIST' : 'ENOTDIR' };
    }
    const made = inv.proc.mkdir(prefix, 0o777);
    if (!made.ok) {
      if (made.errno === 'EEXIST') continue;
      return { path: prefix, errno: made.errno };
    }
    if (isLast && mode !== undefined) inv.proc.chmod(prefix, mode);
    if (isVerbose) output.out(`${name}: created directory ${quote(prefix)}\n`);
  }
  return undefined;
}
