/**
 * `sudo` (1.9.13, as on Debian 12), configured as cloud and exam nodes are: members of `sudo` run
 * anything as root without a password. Runs the command in place as root with sudo's reset
 * environment; `-i`/`-s` (or a bare shell) start a root shell that takes over the terminal.
 */
import type { CommandResult } from '../host.ts';
import type { CommandSpec, Invocation } from '../registry.ts';
import { getopt } from './support/getopt.ts';

const USAGE = `usage: sudo -h | -K | -k | -V
usage: sudo -v [-ABkNnS] [-g group] [-h host] [-p prompt] [-u user]
usage: sudo -l [-ABkNnS] [-g group] [-h host] [-p prompt] [-U user]
            [-u user] [command [arg ...]]
usage: sudo [-ABbEHkNnPS] [-r role] [-t type] [-C num] [-D directory]
            [-g group] [-h host] [-p prompt] [-R directory] [-T timeout]
            [-u user] [VAR=value] [-i | -s] [command [arg ...]]
usage: sudo -e [-ABkNnS] [-r role] [-t type] [-C num] [-D directory]
            [-g group] [-h host] [-p prompt] [-R directory] [-T timeout]
            [-u user] file ...
`;

const SECURE_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
const SHELLS = new Set(['bash', 'sh', 'dash', '/bin/bash', '/bin/sh', '/usr/bin/bash', '/usr/bin/sh']);

function run(invocation: Invocation): CommandResult {
  const parsed = getopt(invocation.argv.slice(1), {
    short: 'AbEeHhiKklnPSsVvu:g:p:C:D:R:T:U:r:t:',
    stopAtOperand: true,
    long: {
      login: { key: 'i' }, shell: { key: 's' }, user: { key: 'u', argument: 'required' }, help: { key: 'h' },
      version: { key: 'V' }, 'preserve-env': { key: 'E', argument: 'optional' }, 'non-interactive': { key: 'n' },
    },
  });
  if (!parsed.ok) return { stdout: '', stderr: `sudo: ${parsed.message}\n${USAGE}`, exitCode: 1 };
  const has = (key: string): boolean => parsed.options.some((o) => o.key === key);
  if (has('h')) return { stdout: `sudo - execute a command as another user\n\n${USAGE}`, stderr: '', exitCode: 0 };
  if (has('V')) return { stdout: 'Sudo version 1.9.13p3\n', stderr: '', exitCode: 0 };
  if (has('k') || has('K') || has('v')) return { stdout: '', stderr: '', exitCode: 0 };
  const { proc } = invocation;
  const target = parsed.options.findLast((o) => o.key === 'u')?.value ?? 'root';
  const uid = /^#\d+$/.test(target) ? Number(target.slice(1)) : proc.uidOf(target);
  if (uid === undefined) return { stdout: '', stderr: `sudo: unknown user ${target}\nsudo: error initializing audit plugin sudoers_audit\n`, exitCode: 1 };
  const user = proc.userName(uid) ?? String(uid);
  const command = parsed.operands;
  const isShell = has('i') || has('s') || (command.length === 1 && SHELLS.has(command[0] ?? ''));
  if (isShell && (command.length === 0 || SHELLS.has(command[0] ?? '')) && command.length <= 1) {
    if (!invocation.session) return { stdout: '', stderr: '', exitCode: 0 };
    invocation.session.startShell(user, { isLogin: has('i'), pid: proc.pid });
    return { stdout: '', stderr: '', exitCode: 0 };
  }
  if (command.length === 0) return { stdout: '', stderr: USAGE, exitCode: 1 };
  const home = user === 'root' ? '/root' : `/home/${user}`;
  const env: Record<string, string> = {
    ...(invocation.context.env.TERM ? { TERM: invocation.context.env.TERM } : {}),
    PATH: SECURE_PATH, HOME: home, USER: user, LOGNAME: user, SHELL: '/bin/bash',
    SUDO_USER: proc.user, SUDO_UID: String(proc.uid), SUDO_GID: String(proc.gid), SUDO_COMMAND: command.join(' '),
  };
  const result = proc.exec({ argv: command, env, uid, stdin: invocation.context.stdin });
  if (result === 'ENOENT') return { stdout: '', stderr: `sudo: ${command[0] ?? ''}: command not found\n`, exitCode: 1 };
  if (typeof result === 'string') return { stdout: '', stderr: `sudo: unable to execute ${command[0] ?? ''}: Permission denied\n`, exitCode: 1 };
  return result;
}

/** `sudo`. */
export const sudoCommand: CommandSpec = {
  name: 'sudo',
  summary: 'execute a command as another user',
  usage: 'sudo [-u user] [-i | -s] [command [arg ...]]',
  help: 'own',
  options: [
    { flag: '-u, --user', summary: 'run command (or edit file) as specified user name or ID', takesValue: true },
    { flag: '-i, --login', summary: 'run login shell as the target user; a command may also be specified' },
    { flag: '-s, --shell', summary: 'run shell as the target user; a command may also be specified' },
    { flag: '-h, --help', summary: 'display help message and exit' },
    { flag: '-V, --version', summary: 'display version information and exit' },
  ],
  run,
};
