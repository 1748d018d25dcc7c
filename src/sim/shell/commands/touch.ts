/**
 * `touch` (GNU coreutils; busybox wording as a flavour): opens each file with O_WRONLY|O_CREAT (the write
 * check AppArmor makes) and updates its times. `-c` does not create.
 */
import type { CommandSpec, Invocation } from '../registry.ts';
import type { ProcStat } from '../../node/process-api.ts';
import { isFailure, missingOperand, parseArgs } from './support/args.ts';
import { Output, programName, quote, strerror } from './support/output.ts';

const LONG = { 'no-create': { key: 'c' }, 'no-dereference': { key: 'h' }, date: { key: 'd', argument: 'required' as const }, reference: { key: 'r', argument: 'required' as const }, time: { key: 'T', argument: 'required' as const } };
const USAGE = 'touch [-cham] [-d DATE] [-t DATE] [-r FILE] FILE...';

/** The `touch` program. */
export const touchCommand: CommandSpec = {
  name: 'touch',
  summary: 'change file timestamps',
  usage: 'touch [OPTION]... FILE...',
  options: [
    { flag: '-a', summary: 'change only the access time' },
    { flag: '-c, --no-create', summary: 'do not create any files' },
    { flag: '-d, --date=STRING', summary: 'parse STRING and use it instead of current time', takesValue: true },
    { flag: '-m', summary: 'change only the modification time' },
    { flag: '-r, --reference=FILE', summary: 'use this file\'s times instead of current time', takesValue: true },
  ],
  run(inv) {
    const name = programName(inv, 'touch');
    const args = parseArgs(inv, name, { short: 'acd:fhmr:t:', long: LONG }, 1, USAGE);
    if (isFailure(args)) return args;
    if (args.operands.length === 0) return missingOperand(inv, name, 'missing file operand', USAGE);
    const output = new Output();
    const reference = args.value('r');
    if (reference !== undefined) {
      const ref = inv.proc.stat(reference);
      if (!ref.ok) return { stdout: '', stderr: `${name}: failed to get attributes of ${quote(reference)}: ${strerror(ref.errno)}\n`, exitCode: 1 };
    }
    for (const file of args.operands) {
      if (file === '-') continue;
      const exists = inv.proc.stat(file);
      if (args.has('c') && !exists.ok) continue;
      // busybox touch.c calls utimes() first and opens (to create) only on ENOENT: no open, no audit
      if (inv.flavour === 'busybox' && exists.ok && maySetTimes(inv, exists.value)) continue;
      const touched = inv.proc.touch(file);
      // as touch.c: when the open fails, utimensat(NULL) still sets the times of an existing file; the
      // kernel allows that to the owner, CAP_FOWNER or a DAC writer, and AppArmor does not mediate it
      if (touched.ok || (exists.ok && maySetTimes(inv, exists.value))) continue;
      output.fail(inv.flavour === 'busybox' ? `${name}: ${file}: ${strerror(touched.errno)}` : `${name}: cannot touch ${quote(file)}: ${strerror(touched.errno)}`);
    }
    return output.result();
  },
};

/** `may_setattr` for ATTR_TOUCH: the owner, else CAP_FOWNER, else write permission by the mode bits. */
function maySetTimes(inv: Invocation, st: ProcStat): boolean {
  const { proc } = inv;
  if (proc.uid === st.uid || (proc.uid === 0 && proc.capable('fowner'))) return true;
  const shift = proc.gid === st.gid ? 3 : 0;
  return ((st.mode >> shift) & 0o2) !== 0 || (proc.uid === 0 && proc.capable('dac_override'));
}
