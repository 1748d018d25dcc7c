/**
 * `cp` (GNU coreutils): files and, with `-r`/`-a`, directory trees, each through the process API (a read
 * open of the source, a create of the destination; AppArmor decides both). `-v`, `-n`, `-p`, `-t`, `-T`.
 */
import type { CommandSpec, Invocation } from '../registry.ts';
import { isFailure, parseArgs } from './support/args.ts';
import { Output, programName, quote, strerror } from './support/output.ts';
import { joinUnder, planTargets } from './support/targets.ts';

const LONG = {
  archive: { key: 'a' }, recursive: { key: 'r' }, force: { key: 'f' }, interactive: { key: 'i' }, 'no-clobber': { key: 'n' },
  verbose: { key: 'v' }, preserve: { key: 'P', argument: 'optional' as const }, 'target-directory': { key: 't', argument: 'required' as const },
  'no-target-directory': { key: 'T' }, 'no-dereference': { key: 'd' }, dereference: { key: 'L' },
};

type Settings = { name: string; recursive: boolean; noClobber: boolean; verbose: boolean; preserve: boolean };

/** The `cp` program. */
export const cpCommand: CommandSpec = {
  name: 'cp',
  summary: 'copy files and directories',
  usage: 'cp [OPTION]... [-T] SOURCE DEST',
  options: [
    { flag: '-a, --archive', summary: 'same as -dR --preserve=all' },
    { flag: '-f, --force', summary: 'if an existing destination file cannot be opened, remove it and try again' },
    { flag: '-n, --no-clobber', summary: 'do not overwrite an existing file' },
    { flag: '-p', summary: 'same as --preserve=mode,ownership,timestamps' },
    { flag: '-r, -R, --recursive', summary: 'copy directories recursively' },
    { flag: '-t, --target-directory=DIRECTORY', summary: 'copy all SOURCE arguments into DIRECTORY', takesValue: true },
    { flag: '-v, --verbose', summary: 'explain what is being done' },
  ],
  run(inv) {
    const name = programName(inv, 'cp');
    const args = parseArgs(inv, name, { short: 'adfHilLnPprRst:TuvxZ', long: LONG });
    if (isFailure(args)) return args;
    const plan = planTargets(inv, name, args.operands, args.value('t'), args.has('T'));
    if (!Array.isArray(plan)) return plan;
    const settings: Settings = {
      name, recursive: args.has('r') || args.has('R') || args.has('a'), noClobber: args.has('n'), verbose: args.has('v'),
      preserve: args.has('p') || args.has('a') || args.has('P'),
    };
    const output = new Output();
    for (const { source, dest } of plan) copy(inv, source, dest, settings, output);
    return output.result();
  },
};

function copy(inv: Invocation, source: string, dest: string, settings: Settings, output: Output): void {
  const { proc } = inv;
  const { name } = settings;
  const st = proc.stat(source);
  const isBusybox = inv.flavour === 'busybox';
  if (!st.ok) return output.fail(`${name}: ${isBusybox ? "can't" : 'cannot'} stat ${quote(source)}: ${strerror(st.errno)}`);
  const existing = proc.stat(dest);
  if (existing.ok && existing.value.ino === st.value.ino) return output.fail(`${name}: ${quote(source)} and ${quote(dest)} are the same file`);
  if (st.value.type === 'dir') {
    if (!settings.recursive) return output.fail(`${name}: ${isBusybox ? '' : '-r not specified; '}omitting directory ${quote(source)}`);
    const from = st.value.path;
    const into = proc.resolve(dest);
    if (into === from || into.startsWith(from === '/' ? '/' : `${from}/`)) {
      return output.fail(`${name}: cannot copy a directory, ${quote(source)}, into itself, ${quote(dest)}`);
    }
    return copyTree(inv, source, dest, settings, output, existing.ok);
  }
  if (existing.ok && settings.noClobber) return;
  if (existing.ok && existing.value.type === 'dir') return output.fail(`${name}: cannot overwrite directory ${quote(dest)} with non-directory`);
  const data = proc.readFile(source);
  if (!data.ok) return output.fail(isBusybox ? `${name}: can't open ${quote(source)}: ${strerror(data.errno)}` : `${name}: cannot open ${quote(source)} for reading: ${strerror(data.errno)}`);
  const written = proc.writeFile(dest, data.value, { mode: st.value.mode & 0o777 });
  if (!written.ok) return output.fail(`${name}: ${isBusybox ? "can't create" : 'cannot create regular file'} ${quote(dest)}: ${strerror(written.errno)}`);
  if (settings.preserve) proc.chmod(dest, st.value.mode);
  if (settings.verbose) output.out(`${quote(source)} -> ${quote(dest)}\n`);
}

function copyTree(inv: Invocation, source: string, dest: string, settings: Settings, output: Output, destExists: boolean): void {
  const { proc } = inv;
  const { name } = settings;
  if (!destExists) {
    const made = proc.mkdir(dest, 0o700);
    if (!made.ok) return output.fail(`${name}: cannot create directory ${quote(dest)}: ${strerror(made.errno)}`);
    if (settings.verbose) output.out(`${quote(source)} -> ${quote(dest)}\n`);
  }
  const entries = proc.readdir(source);
  if (!entries.ok) return output.fail(`${name}: cannot access ${quote(source)}: ${strerror(entries.errno)}`);
  for (const entry of entries.value) copy(inv, joinUnder(source, entry), joinUnder(dest, entry), settings, output);
  const mode = proc.stat(source);
  if (mode.ok && !destExists) proc.chmod(dest, mode.value.mode);
}
