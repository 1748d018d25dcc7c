/** `mv` (GNU coreutils): rename(2) through the process API (AppArmor asks rename_src, then rename_dest). */
import type { CommandSpec } from '../registry.ts';
import { isFailure, parseArgs } from './support/args.ts';
import { Output, programName, quote, strerror } from './support/output.ts';
import { planTargets } from './support/targets.ts';

const LONG = {
  force: { key: 'f' }, interactive: { key: 'i' }, 'no-clobber': { key: 'n' }, verbose: { key: 'v' },
  'target-directory': { key: 't', argument: 'required' as const }, 'no-target-directory': { key: 'T' },
};

/** The `mv` program. */
export const mvCommand: CommandSpec = {
  name: 'mv',
  summary: 'move (rename) files',
  usage: 'mv [OPTION]... [-T] SOURCE DEST',
  options: [
    { flag: '-f, --force', summary: 'do not prompt before overwriting' },
    { flag: '-n, --no-clobber', summary: 'do not overwrite an existing file' },
    { flag: '-t, --target-directory=DIRECTORY', summary: 'move all SOURCE arguments into DIRECTORY', takesValue: true },
    { flag: '-T, --no-target-directory', summary: 'treat DEST as a normal file' },
    { flag: '-v, --verbose', summary: 'explain what is being done' },
  ],
  run(inv) {
    const name = programName(inv, 'mv');
    const args = parseArgs(inv, name, { short: 'fint:TuvZ', long: LONG });
    if (isFailure(args)) return args;
    const plan = planTargets(inv, name, args.operands, args.value('t'), args.has('T'));
    if (!Array.isArray(plan)) return plan;
    const output = new Output();
    for (const { source, dest } of plan) {
      const st = inv.proc.lstat(source);
      if (!st.ok) {
        output.fail(inv.flavour === 'busybox' ? `${name}: can't rename ${quote(source)}: ${strerror(st.errno)}` : `${name}: cannot stat ${quote(source)}: ${strerror(st.errno)}`);
        continue;
      }
      const existing = inv.proc.lstat(dest);
      if (existing.ok && existing.value.ino === st.value.ino) {
        output.fail(`${name}: ${quote(source)} and ${quote(dest)} are the same file`);
        continue;
      }
      if (existing.ok && args.has('n')) continue;
      if (existing.ok && existing.value.type === 'dir' && st.value.type !== 'dir') {
        output.fail(`${name}: cannot overwrite directory ${quote(dest)} with non-directory`);
        continue;
      }
      const from = st.value.path;
      if (st.value.type === 'dir' && inv.proc.resolve(dest).startsWith(`${from}/`)) {
        // rename(2) fails with EINVAL; mv.c words it itself
        output.fail(`${name}: cannot move ${quote(source)} to a subdirectory of itself, ${quote(dest)}`);
        continue;
      }
      const renamed = inv.proc.rename(source, dest);
      if (!renamed.ok) {
        output.fail(inv.flavour === 'busybox' ? `${name}: can't rename ${quote(source)}: ${strerror(renamed.errno)}` : `${name}: cannot move ${quote(source)} to ${quote(dest)}: ${strerror(renamed.errno)}`);
      }
      else if (args.has('v')) output.out(`renamed ${quote(source)} -> ${quote(dest)}\n`);
    }
    return output.result();
  },
};
