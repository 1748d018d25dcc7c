/**
 * What a task asks the LSM for: one request per kernel permission check, in the kernel's own terms
 * (operation names of `kernel:include/audit.h`, permission bits of `kernel:include/perms.h`).
 * Types and the bit table only; `evaluate()` decides them and the simulator builds them from syscalls.
 */

/**
 * The kernel's file permission bits (`kernel:include/perms.h`, `AA_MAY_*`). A file request's `mask` is an OR
 * of these. Audit lines print them with the letters `"xwracd         km l"` in bit order.
 */
export const MAY = {
  EXEC: 0x1,
  WRITE: 0x2,
  READ: 0x4,
  APPEND: 0x8,
  CREATE: 0x10,
  DELETE: 0x20,
  OPEN: 0x40,
  RENAME: 0x80,
  SETATTR: 0x100,
  GETATTR: 0x200,
  SETCRED: 0x400,
  GETCRED: 0x800,
  CHMOD: 0x1000,
  CHOWN: 0x2000,
  CHGRP: 0x4000,
  LOCK: 0x8000,
  EXEC_MMAP: 0x10000,
  MPROT: 0x20000,
  LINK: 0x40000,
} as const;

/** Who asks, for the audit line: the kernel prints `pid=` and `comm=`; `stamp` is `audit(<stamp>)`. */
export type TaskContext = {
  pid?: number;
  comm?: string;
  /** e.g. `1795333803.048:60`; when given, the line starts `audit(<stamp>): ` after `type=1400 ` */
  stamp?: string;
};

/** The `operation=` names of file checks (`kernel:include/audit.h` `OP_*`). */
export type FileOperation =
  | 'open' | 'mknod' | 'mkdir' | 'rmdir' | 'unlink' | 'rename_src' | 'rename_dest' | 'link' | 'symlink'
  | 'truncate' | 'chmod' | 'chown' | 'getattr' | 'file_perm' | 'file_lock' | 'file_mmap' | 'file_mprotect'
  | 'file_inherit' | 'file_receive' | 'exec';

/**
 * One file permission check (`kernel:file.c aa_path_perm`).
 * `path` is what the kernel matched: resolved, with a trailing `/` for directories. `fsuid` is the task's,
 * `ouid` the file owner's (for a file being created, the caller's fsuid: `kernel:lsm.c common_perm_create`).
 */
export type FileRequest = TaskContext & {
  class: 'file';
  operation: FileOperation;
  path: string;
  /** OR of `MAY.*` bits as `include/file.h aa_map_file_to_perms` builds them, e.g. `MAY.READ` for
   * `open(O_RDONLY)`, `MAY.APPEND` for `O_WRONLY|O_APPEND`, `| MAY.CREATE` with `O_CREAT` */
  mask: number;
  fsuid: number;
  ouid: number;
  /** `link`: the existing file the new name points to (printed as `target=`) */
  target?: string;
};

/**
 * `execve` of `path` (`kernel:domain.c apparmor_bprm_creds_for_exec`). The decision carries the new label.
 * A pending `change_onexec` (how container runtimes enter a profile) is not an exec request: the x rules
 * are not consulted for it.
 */
export type ExecRequest = TaskContext & {
  class: 'exec';
  path: string;
  fsuid: number;
  ouid: number;
};

/** `capable(cap)` (`kernel:capability.c`). */
export type CapabilityRequest = TaskContext & {
  class: 'capability';
  /** the capability name without `CAP_`, lower case: `net_raw` */
  capability: string;
  /** `CAP_OPT_NOAUDIT` callers: checked but never logged outside complain mode */
  isNoAudit?: boolean;
};

/** The socket operations (`operation=`) of `kernel:net.c`. */
export type NetworkOperation =
  | 'create' | 'bind' | 'connect' | 'listen' | 'accept' | 'sendmsg' | 'recvmsg' | 'getsockname'
  | 'getpeername' | 'getsockopt' | 'setsockopt' | 'socket_shutdown';

/** A socket check by family/type (3.0 network mediation). `protocol` is printed only. */
export type NetworkRequest = TaskContext & {
  class: 'network';
  operation: NetworkOperation;
  /** `inet`, `inet6`, `unix`, `netlink`, `packet`, … */
  family: string;
  /** `stream`, `dgram`, `raw`, `seqpacket`, `rdm`, `packet`, `dccp` */
  type: string;
  protocol: number;
};

/**
 * One side of a signal check. The kernel asks both: the sender's profile for `send` with `peer` = the
 * target's label, then the target's profile for `receive` with `peer` = the sender's label (`kernel:ipc.c`).
 */
export type SignalRequest = TaskContext & {
  class: 'signal';
  access: 'send' | 'receive';
  /** `term`, `kill`, `hup`, `exists` (signal 0), `rtmin+3`, … */
  signal: string;
  /** the other side's label, e.g. `unconfined` or `docker-default` */
  peer: string;
};

/** One side of a ptrace check: the tracer asks `trace`/`read`, the tracee `tracedby`/`readby`. */
export type PtraceRequest = TaskContext & {
  class: 'ptrace';
  access: 'trace' | 'read' | 'tracedby' | 'readby';
  peer: string;
};

/** `mount(2)` / `umount(2)` (`kernel:mount.c`). `flags` are option words as in policy: `ro`, `bind`, … */
export type MountRequest = TaskContext & {
  class: 'mount';
  operation: 'mount' | 'umount' | 'remount' | 'pivotroot';
  /** the mount point, a directory ending in `/` (pivotroot: the new root) */
  path: string;
  /** the device or source (`none` when absent); pivotroot: the old root */
  source?: string;
  fstype?: string;
  flags?: string[];
  /** the data string, e.g. `size=1m` */
  data?: string;
};

/** `change_profile` / `change_onexec` to `target` (`kernel:domain.c aa_change_profile`). */
export type ChangeProfileRequest = TaskContext & {
  class: 'change_profile';
  operation: 'change_profile' | 'change_onexec';
  target: string;
  /** the executable of the current task, for rules written with an exec condition */
  execPath?: string;
};

/** `setrlimit` of `resource` to a hard limit `value` (`kernel:resource.c`). */
export type RlimitRequest = TaskContext & {
  class: 'rlimit';
  /** `nofile`, `nproc`, `cpu`, … */
  resource: string;
  value: number;
};

/** Any request `evaluate()` decides. */
export type AccessRequest =
  | FileRequest | ExecRequest | CapabilityRequest | NetworkRequest | SignalRequest | PtraceRequest
  | MountRequest | ChangeProfileRequest | RlimitRequest;
