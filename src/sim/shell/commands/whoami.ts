/** `whoami` (GNU coreutils): the effective user's name. */
import type { CommandSpec } from '../registry.ts';
import { isFailure, parseArgs } from './support/args.ts';
import { programName, quote, usageError } from './support/output.ts';

/** The `whoami` program. */
export const whoamiCommand: CommandSpec = {
  name: 'whoami',
  summary: 'print effective user name',
  usage: 'whoami [OPTION]...',
  options: [],
  run(inv) {
    const name = programName(inv, 'whoami');
    const args = parseArgs(inv, name, { short: '' });
    if (isFailure(args)) return args;
    if (args.operands.length > 0) return usageError(inv, name, `extra operand ${quote(args.operands[0] ?? '')}`);
    const user = inv.proc.userName(inv.proc.uid);
    if (user === undefined) return { stdout: '', stderr: `${name}: cannot find name for user ID ${inv.proc.uid}\n`, exitCode: 1 };
    return { stdout: `${user}\n`, stderr: '', exitCode: 0 };
  },
};
