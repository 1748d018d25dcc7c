/**
 * `env` (GNU coreutils): prints the environment, or runs a command with `NAME=VALUE` changes, `-i`
 * (empty environment) and `-u NAME`. The command is a fork + execve through the process API.
 */
import type { CommandSpec } from '../registry.ts';
import { isFailure, parseArgs } from './support/args.ts';
import { programName, quote, strerror } from './support/output.ts';

/** The `env` program. */
export const envCommand: CommandSpec = {
  name: 'env',
  summary: 'run a program in a modified environment',
  usage: 'env [OPTION]... [-] [NAME=VALUE]... [COMMAND [ARG]...]',
  options: [
    { flag: '-i, --ignore-environment', summary: 'start with an empty environment' },
    { flag: '-u, --unset=NAME', summary: 'remove variable from the environment', takesValue: true },
    { flag: '-0, --null', summary: 'end each output line with NUL, not newline' },
  ],
  run(inv) {
    const name = programName(inv, 'env');
    const args = parseArgs(inv, name, {
      short: 'iu:0C:', stopAtOperand: true,
      long: { 'ignore-environment': { key: 'i' }, unset: { key: 'u', argument: 'required' }, null: { key: '0' }, chdir: { key: 'C', argument: 'required' } },
    }, 125);
    if (isFailure(args)) return args;
    const operands = [...args.operands];
    if (operands[0] === '-') operands.shift();
    const env: Record<string, string> = args.has('i') || inv.argv[1] === '-' ? {} : { ...inv.context.env };
    for (const option of args.options) if (option.key === 'u' && option.value !== undefined) delete env[option.value];
    while (operands.length > 0 && /^[^=]+=/.test(operands[0] ?? '')) {
      const assignment = operands.shift() ?? '';
      const cut = assignment.indexOf('=');
      env[assignment.slice(0, cut)] = assignment.slice(cut + 1);
    }
    if (operands.length === 0) {
      const end = args.has('0') ? '\0' : '\n';
      return { stdout: Object.entries(env).map(([k, v]) => `${k}=${v}${end}`).join(''), stderr: '', exitCode: 0 };
    }
    const cwd = args.value('C');
    const result = inv.proc.spawn({ argv: operands, env, stdin: inv.context.stdin, ...(cwd === undefined ? {} : { cwd: inv.proc.resolve(cwd) }) });
    if (typeof result !== 'string') return result;
    const what = inv.flavour === 'busybox' ? `can't execute ${quote(operands[0] ?? '')}` : quote(operands[0] ?? '');
    return { stdout: '', stderr: `${name}: ${what}: ${strerror(result)}\n`, exitCode: result === 'ENOENT' ? 127 : 126 };
  },
};
