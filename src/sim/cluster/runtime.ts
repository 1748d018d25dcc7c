/**
 * The container runtime of a node (Docker in the old era, containerd in the new): its default AppArmor
 * profile, creating a container as a process confined by the resolved profile, and `exec` into it. A
 * container is a small SimNode of its own (own file system, hostname = pod name, PID 1 = the container's
 * process) whose kernel holds the same loaded profiles as the host's. Not the kubelet: admission and pod
 * status live in kubelet.ts.
 */
import { SimNode } from '../node/node.ts';
import { findProgram } from '../node/process.ts';
import { CommandRegistry } from '../shell/registry.ts';
import { createShell } from '../shell/shell.ts';
import { createShellHost } from '../node/shell-host.ts';
import type { CommandResult } from '../shell/host.ts';
import type { ImageRef } from './images.ts';

/** The runtimes the simulated nodes run. */
export type RuntimeName = 'docker' | 'containerd';

const PROC_AND_SYS_RULES = `  deny @{PROC}/* w,   # no writes to files directly in /proc
  # no writes outside /proc/<pid>/** and /proc/sys/**
  deny @{PROC}/{[^1-9/],[^1-9/][^0-9/],[^1-9s/][^0-9y/][^0-9s/],[^1-9/][^0-9/][^0-9/][^0-9/]*}/** w,
  deny @{PROC}/sys/[^k]** w,  # /proc/sys only under kernel/
  deny @{PROC}/sys/kernel/{?,??,[^s][^h][^m]**} w,  # and there only shm*
  deny @{PROC}/sysrq-trigger rwklx,
  deny @{PROC}/kcore rwklx,

  deny mount,

  deny /sys/[^f]*/** wklx,
  deny /sys/f[^s]*/** wklx,
  deny /sys/fs/[^c]*/** wklx,
  deny /sys/fs/c[^g]*/** wklx,
  deny /sys/fs/cg[^r]*/** wklx,
  deny /sys/firmware/** rwklx,
  deny /sys/devices/virtual/powercap/** rwklx,
  deny /sys/kernel/security/** rwklx,
`;

/**
 * The default profile a runtime generates and loads at start: the rules of moby/profiles' apparmor
 * template (docker-default) and containerd's contrib/apparmor template (cri-containerd.apparmor.d),
 * written here from those public templates' rule lists.
 * @param runtime the runtime
 * @returns the profile text
 * @example defaultProfileText('containerd').includes('profile cri-containerd.apparmor.d') // → true
 */
export function defaultProfileText(runtime: RuntimeName): string {
  const name = runtime === 'docker' ? 'docker-default' : 'cri-containerd.apparmor.d';
  const extraNetwork = runtime === 'docker' ? '  deny network alg,\n' : '';
  return `abi <abi/3.0>,
#include <tunables/global>

profile ${name} flags=(attach_disconnected,mediate_deleted) {
  #include <abstractions/base>

  network,
${extraNetwork}  capability,
  file,
  umount,
  # the host, runc, crun and the manager may signal the container; its processes signal each other
  signal (receive) peer=unconfined,
  signal (receive) peer=runc,
  signal (receive) peer=crun,
  signal (send,receive) peer=${name},

${PROC_AND_SYS_RULES}
  # processes in the container may trace each other
  ptrace (trace,tracedby,read,readby) peer=${name},
}
`;
}

/** A created container: its own small node and the confinement of its PID 1. */
export type Container = {
  readonly node: SimNode;
  /** the node it runs on: its kernel log receives the container's audit records */
  readonly host: SimNode;
  /** the label text of PID 1 (`name (enforce)` or `unconfined`) */
  readonly label: string;
  /** what the main process printed (kubectl logs) */
  readonly logs: string;
};

/** Why the runtime could not create a container (containerd's wording). */
export type CreateFailure = { readonly error: string };

/**
 * Creates and starts a container on a host: replays the host's loaded policy into the container's
 * kernel, confines PID 1 and runs the command once for its output.
 * @param host the node the pod is bound to
 * @param options pod name, image, command and the profile label to apply (`unconfined` for none)
 * @returns the container, or the runtime's error (a Localhost profile that is not loaded)
 */
export function createContainer(host: SimNode, options: {
  readonly podName: string; readonly image: ImageRef; readonly command: readonly string[]; readonly profile: string; readonly runtime: RuntimeName;
}): Container | CreateFailure {
  const isConfined = options.profile !== 'unconfined';
  if (isConfined && host.kernel.profiles.find(options.profile) === undefined) {
    // containerd contrib/apparmor + the CRI plugin's generateApparmorSpecOpts wrap
    return { error: `failed to get container spec opts: failed to generate apparmor spec opts: apparmor profile not found ${options.profile}` };
  }
  const registry = options.image.image?.flavour === 'busybox' ? busyboxRegistry(host.registry) : host.registry;
  const node = new SimNode(registry, { hostname: options.podName, clock: host.clock.snapshot() });
  const root = node.kernel.tasks.get(1);
  for (const op of host.policyOps) {
    if (!root) break;
    if (op.op === 'load') node.loadPolicy(root, op.text, op.file, { action: 'replace', isComplain: op.isComplain, isKernelLoad: true });
    else node.removeProfile(root, op.name);
  }
  node.discardLog();
  // an image has no AppArmor configuration of its own (the policy above was loaded by the host), and
  // busybox has no os-release
  const fs = node.kernel.fs;
  fs.remove('/etc/apparmor.d');
  if (options.image.image?.flavour === 'busybox') for (const path of ['/etc/os-release', '/usr/lib/os-release']) fs.remove(path);
  const sshd = node.kernel.tasks.get(612);
  if (sshd) node.kernel.exit(sshd);
  if (root) {
    root.exe = '/bin/sh';
    root.comm = options.command[0]?.split('/').pop() ?? 'sh';
    root.label = isConfined ? node.kernel.profiles.find(options.profile) : undefined;
  }
  const container: Container = { node, host, label: root?.label ? `${root.label.name} (${root.label.mode})` : 'unconfined', logs: '' };
  const run = runInContainer(container, options.command, '');
  return { ...container, logs: run.stdout + run.stderr };
}

/**
 * Runs a command inside a container, as a child of its PID 1 (so with its confinement), in its own
 * file system and with the image's command wording.
 * @param container the container
 * @param argv the command line (`kubectl exec POD -- touch /tmp/test`)
 * @param stdin what kubectl passes with `-i`
 * @returns the command's output and exit status
 */
export function runInContainer(container: Container, argv: readonly string[], stdin: string): CommandResult {
  const node = container.node;
  const pid1 = node.kernel.tasks.get(1);
  const mark = node.kernel.auditMark();
  const task = node.login('root', pid1);
  // exec'd processes start with the container's confinement (runc applies the profile to each exec)
  task.label = pid1?.label;
  try {
    const shell = createShell(createShellHost(node, task), { flavour: 'sh', isInteractive: false, cwd: '/', argv0: 'sh' });
    const line = argv.map(shellQuote).join(' ');
    const result = shell.run(stdin === '' ? line : `${line} <<'__KUBECTL_STDIN__'\n${stdin.replace(/\n$/, '')}\n__KUBECTL_STDIN__`);
    // one kernel: the container's AppArmor records land in the host's log (dmesg, journalctl on the node)
    for (const record of node.kernel.auditSince(mark)) container.host.kernel.log(record);
    container.host.collectLog();
    node.collectLog();
    return { stdout: result.stdout, stderr: result.stderr, exitCode: result.exitCode };
  } finally {
    node.logout(task);
  }
}

/**
 * Whether the program exists in the container (kubectl exec's `executable file not found in $PATH`).
 * @param container the container
 * @param program argv[0]
 * @returns true when the runtime could exec it
 */
export function hasProgram(container: Container, program: string): boolean {
  return findProgram(container.node.kernel.fs, program, { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' }, '/') !== 'ENOENT';
}

const busyboxRegistries = new WeakMap<CommandRegistry, CommandRegistry>();

/** The node's commands with BusyBox wording (`touch: /tmp/test: Permission denied`), for busybox images. */
function busyboxRegistry(registry: CommandRegistry): CommandRegistry {
  const cached = busyboxRegistries.get(registry);
  if (cached) return cached;
  const wrapped = new CommandRegistry(registry.list().map((spec) => ({ ...spec, run: (inv) => spec.run({ ...inv, flavour: 'busybox' }) })));
  busyboxRegistries.set(registry, wrapped);
  return wrapped;
}

function shellQuote(word: string): string {
  return /^[A-Za-z0-9_./=:@%+,-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}
