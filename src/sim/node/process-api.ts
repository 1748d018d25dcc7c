/**
 * The process API: everything a simulated command may do, as the task that runs it, through the kernel
 * model. Types only; `process.ts` implements them over `Kernel`. Every call returns data or an errno
 * name (never throws) and leaves the audit records the kernel would in the kernel log.
 */
import type { CommandResult } from '../shell/host.ts';
import type { Errno } from '../kernel/index.ts';
import type { KernelLogEntry } from './kernel-log.ts';

export type { Errno } from '../kernel/index.ts';

/** What a call gives back: a value, or the errno the syscall failed with. */
export type ProcResult<T = undefined> = { ok: true; value: T } | { ok: false; errno: Errno };

/** What `stat`/`lstat` report. */
export type ProcStat = {
  type: 'file' | 'dir' | 'symlink' | 'fifo' | 'chr';
  /** permission bits, e.g. 0o644 (with setuid/setgid/sticky) */
  mode: number;
  uid: number;
  gid: number;
  /** bytes of content (a symlink: the length of its target) */
  size: number;
  ino: number;
  /** number of names sharing the inode */
  nlink: number;
  /** the canonical path the walk ended at */
  path: string;
  /** a symlink's target (lstat only) */
  target?: string;
};

/** How to open a file for `writeFile`. */
export type WriteOptions = {
  /** O_APPEND instead of O_TRUNC */
  append?: boolean;
  /** O_CREAT (default true) */
  create?: boolean;
  /** O_EXCL (with create) */
  exclusive?: boolean;
  /** the mode a created file gets before the umask (default 0o666) */
  mode?: number;
};

/** One process as `ps` and `aa-status` see it. */
export type ProcInfo = {
  pid: number;
  /** the parent's pid (0 for init) */
  ppid: number;
  comm: string;
  /** the executable's canonical path */
  exe: string;
  /** the command line, as `ps -f` shows it */
  args: readonly string[];
  uid: number;
  user: string;
  /** `unconfined` or the profile's full name */
  profile: string;
  /** `enforce`, `complain`, `kill`, `unconfined` (unconfined tasks: `unconfined`) */
  mode: string;
};

/** How `loadPolicy` treats the kernel: add new profiles only, replace, or compile without loading (`-Q`). */
export type PolicyLoadOptions = {
  action: 'add' | 'replace';
  /** `-C`: every profile in complain mode */
  isComplain: boolean;
  /** false for `-Q`: compile only */
  isKernelLoad: boolean;
  /** `-I` directories searched before `/etc/apparmor.d` */
  includeDirs?: readonly string[];
};

/** What compiling (and loading) one policy file gave. */
export type PolicyLoadOutcome = {
  /** false when the parser rejected the text; `stderr` then holds apparmor_parser's message */
  accepted: boolean;
  stderr: string;
  /** the profiles in the parser's load order; `errno` when the kernel refused that one */
  profiles: { name: string; errno?: Errno }[];
};

/** How to run another program as a child process. */
export type SpawnRequest = {
  /** argv; argv[0] is looked up in PATH unless it contains a slash */
  argv: readonly string[];
  /** standard input (default: none) */
  stdin?: string;
  /** environment (default: the caller's) */
  env?: Readonly<Record<string, string>>;
  /** working directory (default: the caller's) */
  cwd?: string;
};

/**
 * A command's view of the system, as its own task. Relative paths are resolved against the command's
 * working directory. Reads of `/proc/<pid>/attr/current` and `/sys/kernel/security/apparmor/profiles`
 * are live.
 */
export type ProcessApi = {
  /** this task's pid */
  readonly pid: number;
  readonly uid: number;
  readonly gid: number;
  /** the supplementary group ids (`getgroups`), the primary group first */
  readonly groups: readonly number[];
  /** the user name of `uid` */
  readonly user: string;
  /** the confinement label text: `unconfined` or `name (mode)` */
  readonly label: string;
  /** the command's working directory */
  readonly cwd: string;

  /** @returns an absolute path for `path` relative to the working directory (no symlink resolution) */
  resolve(path: string): string;
  /** open(O_RDONLY) + read + close. */
  readFile(path: string): ProcResult<string>;
  /** open(O_WRONLY|O_CREAT|O_TRUNC or O_APPEND) + write + close. */
  writeFile(path: string, data: string, options?: WriteOptions): ProcResult;
  /** open(O_WRONLY|O_CREAT) + close without writing: what `touch` does (a write check on existing files). */
  touch(path: string): ProcResult;
  /** open() with explicit flags, e.g. `{ access: 'rdwr' }`; returns the fd for `read`/`write`/`close`. */
  open(path: string, flags: { access: 'rdonly' | 'wronly' | 'rdwr'; creat?: boolean; excl?: boolean; append?: boolean; trunc?: boolean; directory?: boolean; nofollow?: boolean; mode?: number }): ProcResult<number>;
  read(fd: number): ProcResult<string>;
  write(fd: number, data: string): ProcResult<number>;
  close(fd: number): ProcResult;
  mkdir(path: string, mode?: number): ProcResult;
  /** unlink(2) */
  unlink(path: string): ProcResult;
  rmdir(path: string): ProcResult;
  rename(from: string, to: string): ProcResult;
  /** link(2): a hard link `name` to `existing` */
  link(existing: string, name: string): ProcResult;
  /** symlink(2): `path` pointing at `target` */
  symlink(target: string, path: string): ProcResult;
  /** chmod(2); returns the mode set (setgid may be dropped) */
  chmod(path: string, mode: number): ProcResult<number>;
  chown(path: string, uid: number, gid: number): ProcResult;
  truncate(path: string): ProcResult;
  /** stat(2), following symlinks */
  stat(path: string): ProcResult<ProcStat>;
  /** lstat(2) */
  lstat(path: string): ProcResult<ProcStat>;
  /** open(O_DIRECTORY) + getdents: the names without `.` and `..`, sorted */
  readdir(path: string): ProcResult<string[]>;
  readlink(path: string): ProcResult<string>;

  /**
   * fork + execve of another program, with AppArmor's exec transitions, then runs it to completion.
   * @returns its result, or the errno of execve (`ENOENT` when no such program: the caller prints)
   */
  spawn(request: SpawnRequest): CommandResult | Errno;
  /**
   * execve in place: this task becomes the program (same pid), as `aa-exec`, `sudo` and `su` do; a
   * pending `changeOnexec` applies here. `uid` switches user (only setuid programs such as sudo may).
   * @returns the program's result, or the errno of execve
   */
  exec(request: SpawnRequest & { uid?: number }): CommandResult | Errno;
  /** writes `exec PROFILE` to `/proc/self/attr/exec` (aa_change_onexec): the next exec enters PROFILE */
  changeOnexec(profile: string): ProcResult;

  /**
   * Compiles a policy file through the engine and (unless `isKernelLoad` is false) loads it into the
   * kernel as `apparmor_parser` does through `.load`/`.replace`: needs CAP_MAC_ADMIN and an
   * unconfined task; logs one STATUS record per profile.
   */
  loadPolicy(text: string, file: string, options: PolicyLoadOptions): PolicyLoadOutcome;
  /** Removes a loaded profile with its children (`.remove`): ENOENT when it is not loaded. */
  removeProfile(name: string): ProcResult;
  /** the kernel's loaded profiles with their modes, as `/sys/kernel/security/apparmor/profiles` lists them */
  loadedProfiles(): readonly { name: string; mode: string }[];

  /**
   * syslog(SYSLOG_ACTION_READ_ALL): the kernel ring buffer. Debian sets `kernel.dmesg_restrict=1`, so
   * this needs CAP_SYSLOG (EPERM otherwise).
   */
  syslog(): ProcResult<readonly KernelLogEntry[]>;
  /**
   * The kernel messages journald stored (kept when the ring buffer is cleared): readable by root and by
   * the `adm` and `systemd-journal` groups, EACCES otherwise.
   */
  journal(): ProcResult<readonly KernelLogEntry[]>;
  /** syslog(SYSLOG_ACTION_CLEAR): empties the ring buffer (`dmesg -C`); CAP_SYSLOG, EPERM otherwise */
  syslogClear(): ProcResult;

  /** socket(2); `family` inet/inet6/unix/netlink/packet, `type` stream/dgram/raw */
  socket(family: string, type: string, protocol?: number | string): ProcResult<number>;
  bind(fd: number, port: number): ProcResult;
  connect(fd: number): ProcResult;
  listen(fd: number): ProcResult;
  sendmsg(fd: number): ProcResult;
  /** kill(2) of another task by pid with a signal name (`TERM`) or number */
  kill(pid: number, signal: string | number): ProcResult;
  /** capable(): root has every capability unless its profile denies it (the denial is logged) */
  capable(capability: string): boolean;
  /**
   * What a program that limits its own capabilities does (iputils' limit_capabilities): read the
   * permitted set with capget (which AppArmor masks by the profile, silently) and keep only `keep` of it.
   * Dropped capabilities then fail before AppArmor is asked, so they log nothing.
   */
  limitCapabilities(keep: readonly string[]): void;
  /** the processes of the node */
  processes(): readonly ProcInfo[];
  /** a user name by uid, or undefined */
  userName(uid: number): string | undefined;
  /** a group name by gid, or undefined */
  groupName(gid: number): string | undefined;
  /** a uid by user name, or undefined */
  uidOf(name: string): number | undefined;
  /** a gid by group name, or undefined */
  gidOf(name: string): number | undefined;
};
