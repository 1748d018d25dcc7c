/**
 * `ssh` inside the simulated cluster: the only host it reaches is this node (its hostname, `localhost`
 * or an address of its own), logged in by key as on exam nodes, so `ssh node01 'sudo apparmor_parser
 * -q <<EOF … EOF'` from the Kubernetes tutorial runs the script here as that user's shell would.
 * Without a command it opens a login shell. Other hosts do not resolve.
 */
import type { CommandResult } from '../host.ts';
import type { CommandSpec, Invocation } from '../registry.ts';
import { getopt } from './support/getopt.ts';

const USAGE = `usage: ssh [-46AaCfGgKkMNnqsTtVvXxYy] [-B bind_interface]
           [-b bind_address] [-c cipher_spec] [-D [bind_address:]port]
           [-E log_file] [-e escape_char] [-F configfile] [-I pkcs11]
           [-i identity_file] [-J [user@]host[:port]] [-L address]
           [-l login_name] [-m mac_spec] [-O ctl_cmd] [-o option] [-p port]
           [-Q query_option] [-R address] [-S ctl_path] [-W host:port]
           [-w local_tun[:remote_tun]] destination [command [argument ...]]
`;

function run(invocation: Invocation): CommandResult {
  const parsed = getopt(invocation.argv.slice(1), {
    short: '46AaCfGgKkMNnqsTtVvXxYyB:b:c:D:E:e:F:I:i:J:L:l:m:O:o:p:Q:R:S:W:w:',
    stopAtOperand: true,
  });
  if (!parsed.ok) return { stdout: '', stderr: `ssh: ${parsed.message.replace(/^invalid option -- '(.)'$/, 'illegal option -- $1')}\n${USAGE}`, exitCode: 255 };
  if (parsed.options.some((o) => o.key === 'V')) return { stdout: '', stderr: 'OpenSSH_9.2p1 Debian-2+deb12u3, OpenSSL 3.0.15 3 Sep 2024\n', exitCode: 0 };
  const [destination, ...command] = parsed.operands;
  if (destination === undefined) return { stdout: '', stderr: USAGE, exitCode: 255 };
  const { proc, node } = invocation;
  const at = destination.lastIndexOf('@');
  const host = at === -1 ? destination : destination.slice(at + 1);
  const user = at === -1 ? (parsed.options.findLast((o) => o.key === 'l')?.value ?? proc.user) : destination.slice(0, at);
  if (![node.hostname, 'localhost', '127.0.0.1', '::1'].includes(host)) {
    return { stdout: '', stderr: `ssh: Could not resolve hostname ${host}: Name or service not known\n`, exitCode: 255 };
  }
  const uid = proc.uidOf(user);
  if (uid === undefined || (uid !== proc.uid && proc.uid !== 0)) {
    return { stdout: '', stderr: `${user}@${host}: Permission denied (publickey).\n`, exitCode: 255 };
  }
  if (command.length === 0) {
    invocation.session?.startShell(user, { isLogin: true });
    return { stdout: '', stderr: '', exitCode: 0 };
  }
  const home = user === 'root' ? '/root' : `/home/${user}`;
  // Debian's sshd is built with a default PATH for users and a superuser PATH (with the sbin dirs) for root
  const path = uid === 0 ? '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' : '/usr/local/bin:/usr/bin:/bin:/usr/games';
  const env = { HOME: home, USER: user, LOGNAME: user, SHELL: '/bin/bash', PATH: path, PWD: home };
  // sshd hands the command line, joined by spaces, to the user's shell with -c
  const result = proc.exec({ argv: ['/bin/bash', '-c', command.join(' ')], env, cwd: home, uid, stdin: invocation.context.stdin });
  return typeof result === 'string' ? { stdout: '', stderr: `bash: ${result}\n`, exitCode: 255 } : result;
}

/** `ssh`. */
export const sshCommand: CommandSpec = {
  name: 'ssh',
  summary: 'log in to a node of the cluster and run a command there',
  usage: 'ssh [options] destination [command [argument ...]]',
  help: 'own',
  options: [
    { flag: '-l', summary: 'the user to log in as', takesValue: true },
    { flag: '-p', summary: 'the port to connect to', takesValue: true },
    { flag: '-i', summary: 'the identity file', takesValue: true },
    { flag: '-o', summary: 'an option in ssh_config format', takesValue: true },
    { flag: '-t', summary: 'force pseudo-terminal allocation' },
  ],
  run,
};
