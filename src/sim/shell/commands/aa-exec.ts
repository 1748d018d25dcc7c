/**
 * `aa-exec` (AppArmor 3.0.8): `aa_change_onexec(PROFILE)` on its own task, then execvp of the program,
 * so the program starts confined by PROFILE. Messages carry the `[pid]` prefix the real tool prints.
 */
import { ERRNO_TEXT } from '../../kernel/index.ts';
import type { CommandResult } from '../host.ts';
import type { CommandSpec, Invocation } from '../registry.ts';
import { getopt } from './support/getopt.ts';

const USAGE_TAIL = `
Confine <prog> with the specified PROFILE.

OPTIONS:
  -p PROFILE, --profile=PROFILE\t\tPROFILE to confine <prog> with
  -n NAMESPACE, --namespace=NAMESPACE\tNAMESPACE to confine <prog> in
  -d, --debug\t\t\t\tshow messages with debugging information
  -i, --immediate\t\t\tchange profile immediately instead of at exec
  -v, --verbose\t\t\t\tshow messages with stats
  -h, --help\t\t\t\tdisplay this help

`;

function usage(argv0: string): string {
  return `USAGE: ${argv0} [OPTIONS] <prog> <args>\n${USAGE_TAIL}`;
}

function run(invocation: Invocation): CommandResult {
  const argv0 = invocation.argv[0] ?? 'aa-exec';
  const { proc } = invocation;
  const prefix = `[${proc.pid}] aa-exec: ERROR: `;
  const parsed = getopt(invocation.argv.slice(1), {
    short: 'dhivp:n:',
    stopAtOperand: true,
    long: {
      profile: { key: 'p', argument: 'required' }, namespace: { key: 'n', argument: 'required' }, debug: { key: 'd' },
      immediate: { key: 'i' }, verbose: { key: 'v' }, help: { key: 'h' },
    },
  });
  if (!parsed.ok) return { stdout: '', stderr: `${argv0}: ${parsed.message}\n${usage(argv0)}`, exitCode: 1 };
  const values = (key: string): string[] => parsed.options.filter((o) => o.key === key).map((o) => o.value ?? '');
  const has = (key: string): boolean => parsed.options.some((o) => o.key === key);
  if (has('h')) return { stdout: usage(argv0), stderr: '', exitCode: 0 };
  if (values('p').length > 1) return { stdout: '', stderr: `${prefix}Multiple -p/--profile parameters given\n`, exitCode: 1 };
  if (values('n').length > 1) return { stdout: '', stderr: `${prefix}Multiple -n/--namespace parameters given\n`, exitCode: 1 };
  if (parsed.operands.length === 0) return { stdout: '', stderr: usage(argv0), exitCode: 1 };
  const isVerbose = has('v') || has('d');
  let stderr = '';
  const profile = values('p')[0];
  const namespace = values('n')[0];
  if (profile !== undefined || namespace !== undefined) {
    const name = namespace === undefined ? (profile ?? '') : `:${namespace}:${profile ?? ''}`;
    const call = has('i') ? 'aa_change_profile' : 'aa_change_onexec';
    if (isVerbose) stderr += `[${proc.pid}] ${call}("${name}")\n`;
    const changed = proc.changeOnexec(name);
    if (!changed.ok) {
      const what = profile !== undefined ? 'profile' : 'namespace';
      const target = profile ?? namespace ?? '';
      const message = changed.errno === 'ENOENT' ? `${what} '${target}' does not exist`
        : changed.errno === 'EACCES' || changed.errno === 'EPERM' ? `insufficient permissions to change to the ${what} '${target}'`
          : changed.errno === 'EINVAL' ? 'AppArmor interface not available' : ERRNO_TEXT[changed.errno];
      return { stdout: '', stderr: `${stderr}${prefix}${message}\n`, exitCode: 1 };
    }
  }
  if (isVerbose) stderr += `[${proc.pid}] exec ${parsed.operands.join(' ')}\n`;
  const result = proc.exec({ argv: parsed.operands, stdin: invocation.context.stdin });
  if (typeof result === 'string') {
    return { stdout: '', stderr: `${stderr}${prefix}Failed to execute "${parsed.operands[0] ?? ''}": ${ERRNO_TEXT[result]}\n`, exitCode: 1 };
  }
  return { ...result, stderr: stderr + result.stderr };
}

/** `aa-exec`. */
export const aaExecCommand: CommandSpec = {
  name: 'aa-exec',
  summary: 'confine a program with the specified AppArmor profile',
  usage: 'aa-exec [OPTIONS] <prog> <args>',
  help: 'own',
  options: [
    { flag: '-p, --profile', summary: 'PROFILE to confine <prog> with', takesValue: true },
    { flag: '-n, --namespace', summary: 'NAMESPACE to confine <prog> in', takesValue: true },
    { flag: '-d, --debug', summary: 'show messages with debugging information' },
    { flag: '-i, --immediate', summary: 'change profile immediately instead of at exec' },
    { flag: '-v, --verbose', summary: 'show messages with stats' },
    { flag: '-h, --help', summary: 'display this help' },
  ],
  run,
};
