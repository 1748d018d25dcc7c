/** `/usr/bin/pwd` (GNU coreutils): the working directory; `-L` trusts `$PWD` when it names it, `-P` (default) does not. */
import type { CommandSpec } from '../registry.ts';
import { isFailure, parseArgs } from './support/args.ts';
import { programName } from './support/output.ts';

/** The `pwd` program. */
export const pwdCommand: CommandSpec = {
  name: 'pwd',
  summary: 'print name of current/working directory',
  usage: 'pwd [OPTION]...',
  options: [
    { flag: '-L, --logical', summary: 'use PWD from environment, even if it contains symlinks' },
    { flag: '-P, --physical', summary: 'avoid all symlinks' },
  ],
  run(inv) {
    const name = programName(inv, 'pwd');
    const args = parseArgs(inv, name, { short: 'LP', long: { logical: { key: 'L' }, physical: { key: 'P' } } });
    if (isFailure(args)) return args;
    const stderr = args.operands.length > 0 ? `${name}: ignoring non-option arguments\n` : '';
    const logical = args.options.findLast((o) => o.key === 'L' || o.key === 'P')?.key === 'L';
    const envPwd = inv.context.env.PWD;
    if (logical && envPwd !== undefined && envPwd.startsWith('/')) return { stdout: `${envPwd}\n`, stderr, exitCode: 0 };
    const real = inv.proc.stat(inv.proc.cwd);
    return { stdout: `${real.ok ? real.value.path : inv.proc.cwd}\n`, stderr, exitCode: 0 };
  },
};
