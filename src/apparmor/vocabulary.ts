/**
 * The words of the policy language that apparmor_parser 3.0.8 accepts, as checked against it (see
 * `conformance/parser/probes-3.0.8.json`): capabilities, network families/types/protocols, signals, rlimits,
 * profile flags and mount options. Data only.
 */

/** Capability names, lower case without `CAP_` (`capability chown,`), in kernel bit order. */
export const CAPABILITIES: readonly string[] = [
  'chown', 'dac_override', 'dac_read_search', 'fowner', 'fsetid', 'kill', 'setgid', 'setuid', 'setpcap',
  'linux_immutable', 'net_bind_service', 'net_broadcast', 'net_admin', 'net_raw', 'ipc_lock', 'ipc_owner',
  'sys_module', 'sys_rawio', 'sys_chroot', 'sys_ptrace', 'sys_pacct', 'sys_admin', 'sys_boot', 'sys_nice',
  'sys_resource', 'sys_time', 'sys_tty_config', 'mknod', 'lease', 'audit_write', 'audit_control', 'setfcap',
  'mac_override', 'mac_admin', 'syslog', 'wake_alarm', 'block_suspend', 'audit_read', 'perfmon', 'bpf',
  'checkpoint_restore',
];

/** Address families a `network` rule accepts (3.0.8's `af_names`). */
export const NETWORK_FAMILIES: readonly string[] = [
  'unix', 'inet', 'ax25', 'ipx', 'appletalk', 'netrom', 'bridge', 'atmpvc', 'x25', 'inet6', 'rose', 'netbeui',
  'security', 'key', 'netlink', 'packet', 'ash', 'econet', 'atmsvc', 'rds', 'sna', 'irda', 'pppox', 'wanpipe',
  'llc', 'ib', 'mpls', 'can', 'tipc', 'bluetooth', 'iucv', 'rxrpc', 'isdn', 'phonet', 'ieee802154', 'caif', 'alg',
  'nfc', 'vsock', 'kcm', 'qipcrtr', 'smc', 'xdp', 'mctp', 'unspec',
];

/** Socket types a `network` rule accepts. */
export const NETWORK_TYPES: readonly string[] = ['stream', 'dgram', 'seqpacket', 'rdm', 'raw', 'packet'];

/** Protocols a 3.x `network` rule accepts. */
export const NETWORK_PROTOCOLS: readonly string[] = ['tcp', 'udp', 'icmp'];

/** Signal names of `signal set=(…)`, besides `rtmin+0` … `rtmin+32`. */
export const SIGNALS: readonly string[] = [
  'hup', 'int', 'quit', 'ill', 'trap', 'abrt', 'bus', 'fpe', 'kill', 'usr1', 'segv', 'usr2', 'pipe', 'alrm', 'term',
  'stkflt', 'chld', 'cont', 'stop', 'stp', 'ttin', 'ttou', 'urg', 'xcpu', 'xfsz', 'vtalrm', 'prof', 'winch', 'io',
  'pwr', 'sys', 'emt', 'exists',
];

/** Resource names of `set rlimit NAME <= VALUE,`. */
export const RLIMITS: readonly string[] = [
  'cpu', 'fsize', 'data', 'stack', 'core', 'rss', 'nofile', 'ofile', 'as', 'nproc', 'memlock', 'locks',
  'sigpending', 'msgqueue', 'nice', 'rtprio', 'rttime',
];

/** Profile flags 3.0.8 accepts (besides the modes). */
export const PROFILE_FLAGS_3_0: readonly string[] = [
  'audit', 'chroot_relative', 'namespace_relative', 'mediate_deleted', 'delegate_deleted', 'attach_disconnected',
  'no_attach_disconnected', 'chroot_attach', 'chroot_no_attach',
];

/** Profile modes 3.0.8 accepts as flags. */
export const PROFILE_MODES_3_0: readonly string[] = ['enforce', 'complain', 'kill', 'unconfined'];

/** Flags and modes added in 4.x/5.x (with the release that added them). */
export const PROFILE_FLAGS_NEWER: Readonly<Record<string, string>> = {
  default_allow: '4.0', prompt: '4.1', interruptible: '4.1', debug: '4.0', 'kill.signal': '4.1', error: '4.1',
  'attach_disconnected.path': '4.0', 'attach_disconnected.ipc': '4.1',
};

/** Mount option words (`options=(…)`), as `mount.cc`'s table. */
export const MOUNT_OPTIONS: readonly string[] = [
  'ro', 'r', 'read-only', 'rw', 'w', 'suid', 'nosuid', 'dev', 'nodev', 'exec', 'noexec', 'sync', 'async',
  'remount', 'mand', 'nomand', 'dirsync', 'symfollow', 'nosymfollow', 'atime', 'noatime', 'diratime', 'nodiratime',
  'bind', 'B', 'move', 'M', 'rbind', 'R', 'verbose', 'silent', 'loud', 'acl', 'noacl', 'unbindable', 'make-unbindable',
  'runbindable', 'make-runbindable', 'private', 'make-private', 'rprivate', 'make-rprivate', 'slave', 'make-slave',
  'rslave', 'make-rslave', 'shared', 'make-shared', 'rshared', 'make-rshared', 'relatime', 'norelatime', 'iversion',
  'noiversion', 'strictatime', 'nostrictatime', 'lazytime', 'nolazytime', 'user', 'nouser',
];

/**
 * @param name - a signal name as written in `set=(…)`
 * @returns true when apparmor_parser 3.0.8 knows it (`rtmin+0` … `rtmin+32` included)
 * @example isKnownSignal('rtmin+33') // → false
 */
export function isKnownSignal(name: string): boolean {
  const rt = /^rtmin\+([0-9]+)$/.exec(name);
  if (rt) return Number(rt[1]) <= 32;
  return SIGNALS.includes(name);
}

/** errno names accepted by the 4.x+ `error=` profile flag (Linux `asm-generic/errno*.h`). */
export const ERRNO_NAMES: readonly string[] = [
  'EPERM', 'ENOENT', 'ESRCH', 'EINTR', 'EIO', 'ENXIO', 'E2BIG', 'ENOEXEC', 'EBADF', 'ECHILD', 'EAGAIN', 'ENOMEM',
  'EACCES', 'EFAULT', 'ENOTBLK', 'EBUSY', 'EEXIST', 'EXDEV', 'ENODEV', 'ENOTDIR', 'EISDIR', 'EINVAL', 'ENFILE',
  'EMFILE', 'ENOTTY', 'ETXTBSY', 'EFBIG', 'ENOSPC', 'ESPIPE', 'EROFS', 'EMLINK', 'EPIPE', 'EDOM', 'ERANGE',
  'EDEADLK', 'ENAMETOOLONG', 'ENOLCK', 'ENOSYS', 'ENOTEMPTY', 'ELOOP', 'EWOULDBLOCK', 'ENOMSG', 'EIDRM', 'ECHRNG',
  'EL2NSYNC', 'EL3HLT', 'EL3RST', 'ELNRNG', 'EUNATCH', 'ENOCSI', 'EL2HLT', 'EBADE', 'EBADR', 'EXFULL', 'ENOANO',
  'EBADRQC', 'EBADSLT', 'EDEADLOCK', 'EBFONT', 'ENOSTR', 'ENODATA', 'ETIME', 'ENOSR', 'ENONET', 'ENOPKG', 'EREMOTE',
  'ENOLINK', 'EADV', 'ESRMNT', 'ECOMM', 'EPROTO', 'EMULTIHOP', 'EDOTDOT', 'EBADMSG', 'EOVERFLOW', 'ENOTUNIQ',
  'EBADFD', 'EREMCHG', 'ELIBACC', 'ELIBBAD', 'ELIBSCN', 'ELIBMAX', 'ELIBEXEC', 'EILSEQ', 'ERESTART', 'ESTRPIPE',
  'EUSERS', 'ENOTSOCK', 'EDESTADDRREQ', 'EMSGSIZE', 'EPROTOTYPE', 'ENOPROTOOPT', 'EPROTONOSUPPORT',
  'ESOCKTNOSUPPORT', 'EOPNOTSUPP', 'ENOTSUP', 'EPFNOSUPPORT', 'EAFNOSUPPORT', 'EADDRINUSE', 'EADDRNOTAVAIL',
  'ENETDOWN', 'ENETUNREACH', 'ENETRESET', 'ECONNABORTED', 'ECONNRESET', 'ENOBUFS', 'EISCONN', 'ENOTCONN',
  'ESHUTDOWN', 'ETOOMANYREFS', 'ETIMEDOUT', 'ECONNREFUSED', 'EHOSTDOWN', 'EHOSTUNREACH', 'EALREADY', 'EINPROGRESS',
  'ESTALE', 'EUCLEAN', 'ENOTNAM', 'ENAVAIL', 'EISNAM', 'EREMOTEIO', 'EDQUOT', 'ENOMEDIUM', 'EMEDIUMTYPE',
  'ECANCELED', 'ENOKEY', 'EKEYEXPIRED', 'EKEYREVOKED', 'EKEYREJECTED', 'EOWNERDEAD', 'ENOTRECOVERABLE', 'ERFKILL',
  'EHWPOISON',
];
