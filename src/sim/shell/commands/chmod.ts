/**
 * `chmod` (GNU coreutils; busybox wording as a flavour): octal and symbolic modes, `-R`, `-v`, `-c`.
 * A leading `-w`-style operand is a mode, not an option, as chmod.c arranges.
 */
import type { CommandSpec, Invocation } from '../registry.ts';
import type { ProcStat } from '../../node/process-api.ts';
import { isFailure, missingOperand, parseArgs } from './support/args.ts';
import { applyMode, modeString } from './support/modes.ts';
import { Output, programName, quote, strerror, usageError } from './support/output.ts';
import { joinUnder } from './support/targets.ts';

const LONG = { recursive: { key: 'R' }, verbose: { key: 'v' }, changes: { key: 'c' }, silent: { key: 'f' }, quiet: { key: 'f' }, reference: { key: 'r', argument: 'required' as const } };

type Settings = { name: string; mode: string; recursive: boolean; verbose: boolean; changes: boolean; quiet: boolean };

/** The `chmod` program. */
export const chmodCommand: CommandSpec = {
  name: 'chmod',
  summary: 'change file mode bits',
  usage: 'chmod [OPTION]... MODE[,MODE]... FILE...',
  options: [
    { flag: '-c, --changes', summary: 'like verbose but report only when a change is made' },
    { flag: '-f, --silent, --quiet', summary: 'suppress most error messages' },
    { flag: '-v, --verbose', summary: 'output a diagnostic for every file processed' },
    { flag: '-R, --recursive', summary: 'change files and directories recursively' },
  ],
  run(inv) {
    const name = programName(inv, 'chmod');
    const raw = inv.argv.slice(1);
    const modeAt = raw.findIndex((a) => /^-[rwxXst]+$/.test(a));
    const modeOperand = modeAt === -1 ? undefined : raw[modeAt];
    const rest = modeAt === -1 ? raw : [...raw.slice(0, modeAt), ...raw.slice(modeAt + 1)];
    const args = parseArgs({ ...inv, argv: [name, ...rest] }, name, { short: 'cfvR', long: LONG }, 1, 'chmod [-Rcvf] MODE[,MODE]... FILE...');
    if (isFailure(args)) return args;
    const operands = modeOperand === undefined ? args.operands : [modeOperand, ...args.operands];
    if (operands.length === 0) return missingOperand(inv, name, 'missing operand');
    if (operands.length === 1) return missingOperand(inv, name, `missing operand after ${quote(operands[0] ?? '')}`);
    const mode = operands[0] ?? '';
    if (applyMode(mode, 0, false) === undefined) return usageError(inv, name, `invalid mode: ${quote(mode)}`);
    const settings: Settings = { name, mode, recursive: args.has('R'), verbose: args.has('v'), changes: args.has('c'), quiet: args.has('f') };
    const output = new Output();
    for (const file of operands.slice(1)) change(inv, file, settings, output);
    return output.result();
  },
};

function describe(mode: number): string {
  return `${(mode & 0o7777).toString(8).padStart(4, '0')} (${modeString('file', mode).slice(1)})`;
}

function change(inv: Invocation, file: string, settings: Settings, output: Output): void {
  const { name } = settings;
  const st = inv.proc.stat(file);
  if (!st.ok) {
    if (!settings.quiet) output.fail(inv.flavour === 'busybox' ? `${name}: ${file}: ${strerror(st.errno)}` : `${name}: cannot access ${quote(file)}: ${strerror(st.errno)}`);
    else output.exitCode = 1;
    return;
  }
  const next = applyMode(settings.mode, st.value.mode, st.value.type === 'dir') ?? st.value.mode;
  const changed = inv.proc.chmod(file, next);
  if (!changed.ok) {
    if (!settings.quiet) output.fail(inv.flavour === 'busybox' ? `${name}: ${file}: ${strerror(changed.errno)}` : `${name}: changing permissions of ${quote(file)}: ${strerror(changed.errno)}`);
    else output.exitCode = 1;
  } else report(file, st.value, changed.value, settings, output);
  if (settings.recursive && st.value.type === 'dir') {
    const entries = inv.proc.readdir(file);
    if (!entries.ok) return output.fail(`${name}: cannot read directory ${quote(file)}: ${strerror(entries.errno)}`);
    for (const entry of entries.value) {
      const child = joinUnder(file, entry);
      const lst = inv.proc.lstat(child);
      if (lst.ok && lst.value.type === 'symlink') continue;
      change(inv, child, settings, output);
    }
  }
}

function report(file: string, before: ProcStat, after: number, settings: Settings, output: Output): void {
  const isChanged = (before.mode & 0o7777) !== (after & 0o7777);
  if (isChanged && (settings.verbose || settings.changes)) output.out(`mode of ${quote(file)} changed from ${describe(before.mode)} to ${describe(after)}\n`);
  else if (!isChanged && settings.verbose) output.out(`mode of ${quote(file)} retained as ${describe(after)}\n`);
}
