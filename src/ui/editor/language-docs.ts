/**
 * The short explanations the editor shows in hover and completion: rule keywords, file permissions, exec
 * modes, qualifiers, profile flags and capabilities. Data only; wording follows `apparmor.d(5)` and
 * `capabilities(7)`. Not a reference: each entry is one or two sentences for a learner.
 */

/** Rule keywords and qualifiers → what they do. */
export const KEYWORD_DOCS: Readonly<Record<string, string>> = {
  profile: 'Starts a profile: `profile NAME [ATTACHMENT] [flags=(…)] { rules }`. The name is what pods reference with `localhostProfile`.',
  hat: 'Declares a hat (a sub-profile a task can switch to with change_hat): `hat NAME { … }` or `^NAME { … }`.',
  include: 'Pulls in the rules of another file: `include <abstractions/base>` searches /etc/apparmor.d; `"file"` is relative. No comma after it.',
  abi: 'Pins the feature ABI the policy was written for: `abi <abi/3.0>,`. Rules of newer classes are then not enforced by newer kernels.',
  capability: 'Allows (or with deny, refuses) Linux capabilities: `capability net_admin,`. A bare `capability,` allows all of them.',
  network: 'Allows sockets by address family and type: `network inet stream,`. A bare `network,` allows every socket.',
  file: 'A bare `file,` allows every file access (rwlkm and ix) on every path; `file /path rw,` is a file rule with the keyword spelled out.',
  signal: 'Mediates signals: `signal (send) set=(term, kill) peer=NAME,`. Both sides are checked: the sender for send, the target for receive.',
  ptrace: 'Mediates ptrace and /proc access to other tasks: `ptrace (read) peer=NAME,`. Both tracer and tracee are checked.',
  mount: 'Allows mount(2): `mount fstype=tmpfs options=(rw,nosuid) none -> /mnt/,`. A bare `mount,` allows any mount.',
  umount: 'Allows umount(2) of a mount point: `umount /mnt/,`.',
  remount: 'Allows remounting a mount point with new options: `remount options=(ro) /data/,`.',
  pivot_root: 'Allows pivot_root(2): `pivot_root oldroot=/old/ /new/,`.',
  unix: 'Mediates Unix domain sockets: `unix (connect, send) type=stream peer=(label=NAME),`.',
  dbus: 'Mediates D-Bus messages: `dbus send bus=system path=/org/… interface=… member=…,`.',
  change_profile: 'Allows the task to switch profile: `change_profile -> NAME,` (container runtimes use change_onexec).',
  set: '`set rlimit RESOURCE <= VALUE,` lowers a hard resource limit for confined tasks.',
  rlimit: '`set rlimit RESOURCE <= VALUE,` lowers a hard resource limit for confined tasks.',
  deny: 'Refuses what the rule names, even if another rule allows it. Deny rules are quiet: the request fails without an audit line (add `audit` to log it).',
  audit: 'Logs every access the rule decides (allowed with apparmor="AUDIT", denied with apparmor="DENIED").',
  allow: 'The default: the rule grants what it names. Written out only for clarity.',
  owner: 'The rule applies only to files the task owns (fsuid equals the file owner uid).',
  other: 'The rule applies only to files the task does not own.',
  flags: 'Profile flags: `flags=(complain)` logs instead of denying, `flags=(attach_disconnected)` names paths outside the namespace.',
  alias: 'Rewrites paths before matching: `alias /usr/ -> /mnt/usr/,` (in the preamble only).',
  userns: 'Allows creating user namespaces: `userns,` (4.0+ policy).',
  all: 'Allows everything: `all,` (4.0+ policy).',
};

/** File permission letters → meaning (`apparmor.d(5)` "Access Modes"). */
export const PERMISSION_DOCS: Readonly<Record<string, string>> = {
  r: 'read: open the file for reading (or list a directory).',
  w: 'write: open for writing, truncate, create, delete or rename. Implies append; do not combine with `a`.',
  a: 'append: open for appending only (O_APPEND). Conflicts with `w`, which already includes it.',
  l: 'link: create a hard link with this path as the new name.',
  k: 'lock: take a file lock (flock/fcntl).',
  m: 'memory map executable: mmap with PROT_EXEC (shared libraries need `mr`).',
  x: 'execute, only with `deny` (`deny /bin/sh x,`); an allow rule needs an exec mode such as ix or px.',
};

/** Exec modes → where the exec'ed program runs (`apparmor.d(5)` "Execute Modes"). */
export const EXEC_MODE_DOCS: Readonly<Record<string, string>> = {
  ix: 'inherit execute: the program runs under the current profile (same rules).',
  px: 'discrete profile execute: the program runs under the profile attached to its path (or `-> name`); the exec fails if there is none. Environment kept.',
  Px: 'discrete profile execute, scrubbed: like px, and the environment is cleaned (AT_SECURE).',
  cx: 'child profile execute: the program runs under a child profile of this one (`profile child { }` inside). Environment kept.',
  Cx: 'child profile execute, scrubbed: like cx, and the environment is cleaned.',
  ux: 'unconfined execute: the program runs without any AppArmor confinement. Dangerous; environment kept.',
  Ux: 'unconfined execute, scrubbed: like ux, with the environment cleaned. Still unconfined.',
  pix: 'px, falling back to ix when the target profile does not exist.',
  Pix: 'Px, falling back to ix when the target profile does not exist.',
  cix: 'cx, falling back to ix when the child profile does not exist.',
  Cix: 'Cx, falling back to ix when the child profile does not exist.',
  pux: 'px, falling back to unconfined (ux) when the target profile does not exist.',
  PUx: 'Px, falling back to Ux when the target profile does not exist.',
  cux: 'cx, falling back to unconfined (ux) when the child profile does not exist.',
  CUx: 'Cx, falling back to Ux when the child profile does not exist.',
};

/** Profile flags → meaning. */
export const FLAG_DOCS: Readonly<Record<string, string>> = {
  enforce: 'Enforce mode (the default): denials fail and are logged.',
  complain: 'Complain mode: what the profile would deny is allowed and logged as apparmor="ALLOWED"; explicit deny rules still deny.',
  kill: 'Kill mode: a denied task is killed with SIGKILL.',
  unconfined: 'The profile does not mediate anything (used for named unconfined labels).',
  audit: 'Every access is logged, allowed or not.',
  attach_disconnected: 'Paths outside the task\u2019s mount namespace are named from its root instead of failing (containers need this).',
  no_attach_disconnected: 'Disconnected paths are not attached to the root (the default).',
  mediate_deleted: 'Deleted files are mediated by their former path.',
  delegate_deleted: 'Access to deleted files is delegated.',
  chroot_relative: 'Paths are named relative to the task\u2019s chroot.',
  namespace_relative: 'Paths are named relative to the mount namespace (the default).',
  chroot_attach: 'Disconnected paths are attached to the chroot.',
  chroot_no_attach: 'Disconnected paths are not attached to the chroot.',
};

/** Capabilities → what they let a task do (`capabilities(7)`), for the common ones. */
export const CAPABILITY_DOCS: Readonly<Record<string, string>> = {
  chown: 'Change the owner and group of any file.',
  dac_override: 'Bypass file read, write and execute permission checks.',
  dac_read_search: 'Bypass file read and directory search permission checks.',
  fowner: 'Bypass checks that require the caller to own the file (chmod, utime…).',
  fsetid: 'Keep set-user-ID and set-group-ID bits when a file is modified.',
  kill: 'Send signals to processes of other users.',
  setgid: 'Change group IDs.',
  setuid: 'Change user IDs.',
  setpcap: 'Change capability sets of the process.',
  net_bind_service: 'Bind to ports below 1024.',
  net_admin: 'Configure network interfaces, routes, firewall rules (iptables).',
  net_raw: 'Use RAW and PACKET sockets (ping, packet capture).',
  ipc_lock: 'Lock memory (mlock).',
  sys_module: 'Load and unload kernel modules.',
  sys_rawio: 'Raw I/O on devices (iopl, /dev/mem).',
  sys_chroot: 'Use chroot(2).',
  sys_ptrace: 'Trace any process with ptrace.',
  sys_admin: 'A catch-all of administrative operations: mount, sethostname, namespaces, … (very broad).',
  sys_boot: 'Reboot the system.',
  sys_nice: 'Raise process priority and change scheduling.',
  sys_resource: 'Override resource limits.',
  sys_time: 'Set the system clock.',
  mknod: 'Create device special files.',
  audit_write: 'Write records to the kernel audit log.',
  setfcap: 'Set file capabilities.',
  mac_override: 'Override Mandatory Access Control (not used by AppArmor).',
  mac_admin: 'Configure MAC policy: load and replace AppArmor profiles.',
  syslog: 'Read and configure the kernel log (dmesg).',
  bpf: 'Use privileged BPF operations.',
  perfmon: 'Use performance monitoring (perf_event_open).',
  checkpoint_restore: 'Checkpoint/restore operations (CRIU).',
};
