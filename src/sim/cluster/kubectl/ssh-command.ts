/**
 * `ssh NODE 'command'` between the cluster's nodes (as the seed's profile-loading loop uses it): the
 * command runs in a login shell of the same user on the other node, with ssh's standard input (a
 * here-doc) as its input; ssh exits with the remote status. An interactive `ssh NODE` needs the world's
 * terminal and is the world's business; without a command, stdin is read as the remote script, as ssh
 * does when stdin is not a terminal.
 */
import type { CommandSpec, Invocation } from '../../shell/registry.ts';
import type { CommandResult } from '../../shell/host.ts';
import { createShell } from '../../shell/shell.ts';
import { createShellHost } from '../../node/shell-host.ts';
import type { Cluster } from '../cluster.ts';

/**
 * The ssh command of a cluster's nodes, in front of the node's own ssh (which reaches only itself).
 * @param cluster the cluster whose nodes ssh reaches (by hostname, `node/NAME` or InternalIP)
 * @param local the node's own ssh: used for its own name, unknown hosts, bad options and interactive logins
 * @returns the command spec
 */
export function createSshCommand(cluster: Cluster, local: CommandSpec): CommandSpec {
  return { ...local, run: (inv) => runSsh(cluster, inv) ?? local.run(inv) };
}

// ssh's options that take a value (getopt string of OpenSSH 9.2)
const VALUED = new Set('BbcDEeFIiJLlmOopQRSWw'.split(''));

/** Runs on another node of the cluster, or returns undefined to let the local ssh answer. */
function runSsh(cluster: Cluster, inv: Invocation): CommandResult | undefined {
  const args = inv.argv.slice(1);
  let i = 0;
  for (; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === '--') { i++; break; }
    if (!arg.startsWith('-') || arg === '-') break;
    if (VALUED.has(arg[arg.length - 1] as string) && arg.length === 2) i++;
  }
  const [destination, ...words] = args.slice(i);
  if (destination === undefined) return undefined;
  const host = destination.replace(/^[^@]*@/, '').replace(/^node\//, '');
  const node = cluster.nodes.find((n) => n.name === host || n.ip === host);
  if (!node || node.host.hostname === inv.node.hostname) return undefined;
  const user = destination.includes('@') ? destination.slice(0, destination.indexOf('@')) : inv.proc.user;
  const uid = inv.proc.uidOf(user);
  // as the node's own ssh: only known accounts, and only your own unless you are root (keys are root's)
  if (uid === undefined || (uid !== inv.proc.uid && inv.proc.uid !== 0)) {
    return { stdout: '', stderr: `${user}@${host}: Permission denied (publickey).\n`, exitCode: 255 };
  }
  if (words.length === 0 && inv.context.stdin === '') {
    // an interactive login: the terminal's next lines go to a login shell on that node until `exit`
    cluster.syncClocks();
    inv.session?.startShell(user, { isLogin: true, node: node.host });
    return { stdout: '', stderr: '', exitCode: 0 };
  }
  const stdin = inv.context.stdin;
  const command = words.join(' ');
  const script = command === '' ? stdin : stdin === '' ? command : `{ ${command}\n} <<'__SSH_STDIN__'\n${stdin.replace(/\n$/, '')}\n__SSH_STDIN__`;
  cluster.syncClocks();
  const task = node.host.login(user);
  try {
    const shell = createShell(createShellHost(node.host, task), { isInteractive: false });
    const ran = shell.run(script);
    node.host.collectLog();
    return { stdout: ran.stdout, stderr: ran.stderr, exitCode: ran.exitCode };
  } finally {
    node.host.logout(task);
  }
}
