/**
 * `su` (util-linux 2.38): root switches to any user without a password; `su - user` starts a login
 * shell that takes over the terminal until `exit`; `-c CMD` runs one command as the user. Others are
 * asked for a password the simulation cannot read, so they fail as a wrong password does.
 */
import type { CommandResult } from '../host.ts';
import type { CommandSpec, Invocation } from '../registry.ts';
import { getopt } from './support/getopt.ts';

/** `su --help` of util-linux 2.38.1, as Debian 12 prints it. */
const HELP = `
Usage:
 su [options] [-] [<user> [<argument>...]]

Change the effective user ID and group ID to that of <user>.
A mere - implies -l.  If <user> is not given, root is assumed.

Options:
 -m, -p, --preserve-environment      do not reset environment variables
 -w, --whitelist-environment <list>  don't reset specified variables

 -g, --group <group>             specify the primary group
 -G, --supp-group <group>        specify a supplemental group

 -, -l, --login                  make the shell a login shell
 -c, --command <command>         pass a single command to the shell with -c
 --session-command <command>     pass a single command to the shell with -c
                                   and do not create a new session
 -f, --fast                      pass -f to the shell (for csh or tcsh)
 -s, --shell <shell>             run <shell> if /etc/shells allows it
 -P, --pty                       create a new pseudo-terminal

 -h, --help                      display this help
 -V, --version                   display version

For more details see su(1).
`;

function run(invocation: Invocation): CommandResult {
  const args = invocation.argv.slice(1);
  let isLogin = false;
  const rest: string[] = [];
  for (const arg of args) {
    if (arg === '-') isLogin = true;
    else rest.push(arg);
  }
  const parsed = getopt(rest, {
    short: 'lmpfhVPc:s:g:G:w:',
    long: {
      login: { key: 'l' }, command: { key: 'c', argument: 'required' }, shell: { key: 's', argument: 'required' }, help: { key: 'h' },
      version: { key: 'V' }, 'preserve-environment': { key: 'm' }, pty: { key: 'P' }, fast: { key: 'f' },
    },
  });
  if (!parsed.ok) return { stdout: '', stderr: `su: ${parsed.message}\nTry 'su --help' for more information.\n`, exitCode: 1 };
  if (parsed.options.some((o) => o.key === 'l')) isLogin = true;
  if (parsed.options.some((o) => o.key === 'V')) return { stdout: 'su from util-linux 2.38.1\n', stderr: '', exitCode: 0 };
  if (parsed.options.some((o) => o.key === 'h')) {
    return { stdout: HELP, stderr: '', exitCode: 0 };
  }
  const { proc } = invocation;
  const user = parsed.operands[0] ?? 'root';
  const uid = proc.uidOf(user);
  if (uid === undefined) {
    return { stdout: '', stderr: `su: user ${user} does not exist or the user entry does not contain all the required fields\n`, exitCode: 1 };
  }
  if (proc.uid !== 0) return { stdout: '', stderr: 'Password: \nsu: Authentication failure\n', exitCode: 1 };
  const command = parsed.options.findLast((o) => o.key === 'c')?.value;
  if (command !== undefined) {
    const home = user === 'root' ? '/root' : `/home/${user}`;
    const env = { ...invocation.context.env, HOME: home, USER: user, LOGNAME: user, SHELL: '/bin/bash' };
    const result = proc.exec({ argv: ['/bin/bash', '-c', command], env, uid, ...(isLogin ? { cwd: home } : {}) });
    return typeof result === 'string' ? { stdout: '', stderr: `su: failed to execute /bin/bash: ${result}\n`, exitCode: 126 } : result;
  }
  invocation.session?.startShell(user, { isLogin, pid: proc.pid });
  return { stdout: '', stderr: '', exitCode: 0 };
}

/** `su`. */
export const suCommand: CommandSpec = {
  name: 'su',
  summary: 'run a command with substitute user and group ID',
  usage: 'su [options] [-] [<user> [<argument>...]]',
  help: 'own',
  options: [
    { flag: '-l, --login', summary: 'make the shell a login shell' },
    { flag: '-c, --command', summary: 'pass a single command to the shell with -c', takesValue: true },
    { flag: '-s, --shell', summary: 'run <shell> if /etc/shells allows it', takesValue: true },
  ],
  run,
};
