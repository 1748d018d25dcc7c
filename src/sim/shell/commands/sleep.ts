/**
 * `sleep` (GNU coreutils): validates its intervals (`1.5`, `2m`, `1h`, `inf`) and returns at once — the
 * simulated node has no wall clock to wait on.
 */
import type { CommandSpec } from '../registry.ts';
import { isFailure, missingOperand, parseArgs } from './support/args.ts';
import { programName, quote, usageError } from './support/output.ts';

const INTERVAL = /^(\d+\.?\d*|\.\d+|inf(inity)?)[smhd]?$/i;

/** The `sleep` program. */
export const sleepCommand: CommandSpec = {
  name: 'sleep',
  summary: 'delay for a specified amount of time',
  usage: 'sleep NUMBER[SUFFIX]...',
  options: [],
  run(inv) {
    const name = programName(inv, 'sleep');
    const args = parseArgs(inv, name, { short: '' });
    if (isFailure(args)) return args;
    if (args.operands.length === 0) return missingOperand(inv, name, 'missing operand', 'sleep [N]...');
    const bad = args.operands.filter((o) => !INTERVAL.test(o));
    if (bad.length > 0) {
      if (inv.flavour === 'busybox') return { stdout: '', stderr: `${name}: invalid number '${bad[0]}'\n`, exitCode: 1 };
      // usageError adds the first line's prefix; as sleep.c, every bad interval gets its own line
      const lines = bad.map((b, k) => `${k === 0 ? '' : `${name}: `}invalid time interval ${quote(b)}`).join('\n');
      return usageError(inv, name, lines);
    }
    return { stdout: '', stderr: '', exitCode: 0 };
  },
};
