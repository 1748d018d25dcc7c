/**
 * `ln` (GNU coreutils; busybox wording as a flavour): hard links (AppArmor `l` with the target's subset
 * check) and, with `-s`, symlinks (AppArmor `c`); `-f` replaces, `-v` reports.
 */
import type { CommandSpec } from '../registry.ts';
import { isFailure, parseArgs } from './support/args.ts';
import { Output, programName, quote, strerror } from './support/output.ts';
import { planTargets } from './support/targets.ts';

const LONG = {
  symbolic: { key: 's' }, force: { key: 'f' }, verbose: { key: 'v' }, 'no-dereference': { key: 'n' }, relative: { key: 'r' },
  'target-directory': { key: 't', argument: 'required' as const }, 'no-target-directory': { key: 'T' }, interactive: { key: 'i' },
};

/** The `ln` program. */
export const lnCommand: CommandSpec = {
  name: 'ln',
  summary: 'make links between files',
  usage: 'ln [OPTION]... [-T] TARGET LINK_NAME',
  options: [
    { flag: '-f, --force', summary: 'remove existing destination files' },
    { flag: '-s, --symbolic', summary: 'make symbolic links instead of hard links' },
    { flag: '-t, --target-directory=DIRECTORY', summary: 'specify the DIRECTORY in which to create the links', takesValue: true },
    { flag: '-v, --verbose', summary: 'print name of each linked file' },
  ],
  run(inv) {
    const name = programName(inv, 'ln');
    const args = parseArgs(inv, name, { short: 'bdFfinLPrsSt:Tv', long: LONG });
    if (isFailure(args)) return args;
    const plan = planTargets(inv, name, args.operands, args.value('t'), args.has('T'), true);
    if (!Array.isArray(plan)) return plan;
    const isSymbolic = args.has('s');
    const output = new Output();
    for (const { source, dest } of plan) {
      if (!isSymbolic) {
        const st = inv.proc.lstat(source);
        if (!st.ok) {
          output.fail(`${name}: failed to access ${quote(source)}: ${strerror(st.errno)}`);
          continue;
        }
        if (st.value.type === 'dir') {
          output.fail(`${name}: ${source}: hard link not allowed for directory`);
          continue;
        }
      }
      if (args.has('f') && inv.proc.lstat(dest).ok) inv.proc.unlink(dest);
      const made = isSymbolic ? inv.proc.symlink(source, dest) : inv.proc.link(source, dest);
      if (!made.ok) {
        if (inv.flavour === 'busybox') output.fail(`${name}: ${dest}: ${strerror(made.errno)}`);
        else if (isSymbolic) output.fail(`${name}: failed to create symbolic link ${quote(dest)}: ${strerror(made.errno)}`);
        else output.fail(`${name}: failed to create hard link ${quote(dest)} => ${quote(source)}: ${strerror(made.errno)}`);
        continue;
      }
      if (args.has('v')) output.out(`${quote(dest)} ${isSymbolic ? '->' : '=>'} ${quote(source)}\n`);
    }
    return output.result();
  },
};
