/**
 * The process API over the kernel model: binds one task and its working directory to the syscalls, so
 * a command does everything as its own process. Live pseudo-files (the loaded-profile list) are filled
 * in here; audit records go to the kernel's log through the syscalls themselves.
 */
import type { CommandResult } from '../shell/host.ts';
import {
  labelName, labelText, sysBind, sysChmod, sysChown, sysClose, sysKill, sysLink, sysMkdir, sysMknod, sysOpen, sysRead,
  sysReaddir, sysReadlink, sysRemove, sysRename, sysSocket, sysSocketOp, sysStat, sysTruncate, sysWrite,
  protocolNumber, sysChangeProfile, USERS, type Errno, type FileSystem, type Inode, type Kernel, type OpenFlags, type SysResult, type Task,
} from '../kernel/index.ts';
import type { KernelLogEntry } from './kernel-log.ts';
import type {
  PolicyLoadOptions, PolicyLoadOutcome, ProcessApi, ProcInfo, ProcResult, ProcStat, SpawnRequest,
} from './process-api.ts';

/** What the process API needs from the node besides the kernel. */
export type ProcessHost = {
  kernel: Kernel;
  /** fork + exec + run of another program as a child of `parent` */
  spawn(parent: Task, request: SpawnRequest & { cwd: string; env: Readonly<Record<string, string>> }): CommandResult | Errno;
  /** execve in place: `task` becomes the program */
  exec(task: Task, request: SpawnRequest & { cwd: string; env: Readonly<Record<string, string>>; uid?: number }): CommandResult | Errno;
  /** the processes, as `ps` shows them */
  processes(): ProcInfo[];
  /** compile/load policy as `task` */
  loadPolicy(task: Task, text: string, file: string, options: PolicyLoadOptions): PolicyLoadOutcome;
  /** remove a profile as `task` */
  removeProfile(task: Task, name: string): ProcResult;
  /** the kernel's stamped log */
  log(): readonly KernelLogEntry[];
  /** empties the ring buffer (journald keeps its copy) */
  clearLog(): void;
  /** every stamped record since boot (journald's copy) */
  journal(): readonly KernelLogEntry[];
  /** the group table */
  groups: readonly { name: string; gid: number }[];
};

const PROFILES_FILE = '/sys/kernel/security/apparmor/profiles';
/** the groups whose members may read the whole journal */
const ADM_GID = 4;
const JOURNAL_GID = 999;

type IdentityKeys = 'pid' | 'uid' | 'gid' | 'groups' | 'user' | 'label' | 'cwd' | 'resolve';
type FileKeys = 'readFile' | 'writeFile' | 'touch' | 'open' | 'read' | 'write' | 'close' | 'mkdir' | 'unlink' | 'rmdir' | 'rename'
  | 'link' | 'symlink' | 'chmod' | 'chown' | 'truncate' | 'stat' | 'lstat' | 'readdir' | 'readlink';
type FileCalls = Pick<ProcessApi, FileKeys>;
type SystemCalls = Omit<ProcessApi, IdentityKeys | FileKeys>;

/**
 * Normalises `path` against `cwd` without resolving symlinks (the kernel walks the result).
 * @param cwd - an absolute directory
 * @param path - absolute or relative
 * @returns an absolute path
 * @example absolutePath('/home/user', 'a/../b') // → '/home/user/a/../b'
 */
export function absolutePath(cwd: string, path: string): string {
  if (path.startsWith('/')) return path;
  return cwd === '/' ? `/${path}` : `${cwd}/${path}`;
}

/**
 * Finds a program as execvp does: a name with a slash is a path, otherwise each `PATH` directory in turn
 * (an empty entry is the working directory).
 * @param fs - the node's file system
 * @param name - argv[0]
 * @param env - the environment (PATH)
 * @param cwd - the working directory
 * @returns the path to exec, or ENOENT
 */
export function findProgram(fs: FileSystem, name: string, env: Readonly<Record<string, string>>, cwd: string): string | 'ENOENT';
/**
 * Every match of a name in `PATH`, in order (what dash tries one after the other).
 * @param fs - the node's file system
 * @param name - argv[0] without a slash
 * @param env - the environment (PATH)
 * @param cwd - the working directory
 * @param isEvery - true
 * @returns the paths that exist as files
 */
export function findProgram(fs: FileSystem, name: string, env: Readonly<Record<string, string>>, cwd: string, isEvery: true): string[];
export function findProgram(
  fs: FileSystem, name: string, env: Readonly<Record<string, string>>, cwd: string, isEvery = false,
): string | 'ENOENT' | string[] {
  if (name === '') return isEvery ? [] : 'ENOENT';
  if (name.includes('/')) return isEvery ? [absolutePath(cwd, name)] : absolutePath(cwd, name);
  const matches: string[] = [];
  for (const dir of (env.PATH ?? '/usr/bin:/bin').split(':')) {
    const path = absolutePath(cwd, `${dir === '' ? '.' : dir}/${name}`);
    const found = fs.lookup(path);
    if (!found.ok || found.inode.type !== 'file') continue;
    if (!isEvery) return path;
    matches.push(path);
  }
  return isEvery ? matches : 'ENOENT';
}

function result<T, U = T>(r: SysResult<T>, map?: (value: T) => U): ProcResult<U> {
  if (!r.ok) return { ok: false, errno: r.errno };
  return { ok: true, value: (map ? map(r.value) : r.value) as U };
}

function toStat(kernel: Kernel, inode: Inode, path: string): ProcStat {
  let nlink = 0;
  if (inode.type !== 'dir') nlink = 1;
  else nlink = 2 + kernel.fs.list(path).filter((n) => kernel.fs.get(`${path === '/' ? '' : path}/${n}`)?.type === 'dir').length;
  const size = inode.type === 'symlink' ? (inode.target ?? '').length : inode.type === 'dir' ? 4096 : inode.content.length;
  return {
    type: inode.type, mode: inode.mode, uid: inode.uid, gid: inode.gid, size, ino: inode.ino, nlink, path,
    ...(inode.type === 'symlink' && inode.target !== undefined ? { target: inode.target } : {}),
  };
}

/**
 * Opening another task's `/proc/PID/attr/*` runs the ptrace read check (`proc_pid_attr_open` →
 * `__mem_open(PTRACE_MODE_READ_FSCREDS)`), which AppArmor mediates and logs, but the kernel ignores its
 * result: the read goes on either way.
 */
function checkAttrPeek(kernel: Kernel, task: Task, path: string): void {
  const found = kernel.fs.lookup(path, { selfPid: task.pid });
  const pid = found.ok ? /^\/proc\/(\d+)\/attr\//.exec(found.path)?.[1] : undefined;
  const target = pid === undefined ? undefined : kernel.tasks.get(Number(pid));
  if (target === undefined || target === task) return;
  const peer = labelName(target.label);
  if (!kernel.check(task, { class: 'ptrace', access: 'read', peer }).ok) return;
  kernel.checkAs(task, target.label, { class: 'ptrace', access: 'readby', peer: labelName(task.label) });
}

/** The file calls: open/read/write and the path syscalls, with the live pseudo-files filled in. */
function fileCalls(kernel: Kernel, task: Task, cwd: string): FileCalls {
  const at = (path: string): string => absolutePath(cwd, path);
  const readAll = (fd: number, path: string): ProcResult<string> => {
    const read = sysRead(kernel, task, fd, Number.MAX_SAFE_INTEGER);
    sysClose(task, fd);
    if (!read.ok) return { ok: false, errno: read.errno };
    const canonical = kernel.fs.lookup(path, { selfPid: task.pid });
    if (canonical.ok && canonical.path === PROFILES_FILE) {
      const lines = kernel.profiles.listing();
      return { ok: true, value: lines.map((l) => `${l}\n`).join('') };
    }
    return { ok: true, value: read.value };
  };
  // as apparmorfs.c profiles_open: only a policy viewer (root in the init namespace) may read the list
  const isPolicyViewDenied = (path: string): boolean => {
    const found = kernel.fs.lookup(at(path), { selfPid: task.pid });
    return found.ok && found.path === PROFILES_FILE && task.uid !== 0;
  };
  const open = (path: string, flags: OpenFlags): ProcResult<number> =>
    isPolicyViewDenied(path) ? { ok: false, errno: 'EACCES' } : result(sysOpen(kernel, task, at(path), flags));
  return {
    readFile(path) {
      if (isPolicyViewDenied(path)) return { ok: false, errno: 'EACCES' };
      checkAttrPeek(kernel, task, at(path));
      const opened = sysOpen(kernel, task, at(path), { access: 'rdonly' });
      if (!opened.ok) return { ok: false, errno: opened.errno };
      const inode = kernel.fs.lookup(at(path), { selfPid: task.pid });
      if (inode.ok && inode.inode.type === 'dir') {
        sysClose(task, opened.value);
        return { ok: false, errno: 'EISDIR' };
      }
      return readAll(opened.value, at(path));
    },
    writeFile(path, data, options = {}) {
      const flags: OpenFlags = {
        access: 'wronly', creat: options.create !== false, excl: options.exclusive === true,
        ...(options.append ? { append: true } : { trunc: true }),
        ...(options.mode === undefined ? {} : { mode: options.mode }),
      };
      const opened = sysOpen(kernel, task, at(path), flags);
      if (!opened.ok) return { ok: false, errno: opened.errno };
      const written = data === '' ? { ok: true as const, value: 0 } : sysWrite(kernel, task, opened.value, data);
      sysClose(task, opened.value);
      return written.ok ? { ok: true, value: undefined } : { ok: false, errno: written.errno };
    },
    touch(path) {
      const opened = sysOpen(kernel, task, at(path), { access: 'wronly', creat: true });
      if (!opened.ok) return { ok: false, errno: opened.errno };
      sysClose(task, opened.value);
      return { ok: true, value: undefined };
    },
    open,
    read: (fd) => result(sysRead(kernel, task, fd, Number.MAX_SAFE_INTEGER)),
    write: (fd, data) => result(sysWrite(kernel, task, fd, data)),
    close: (fd) => result(sysClose(task, fd)),
    mkdir: (path, mode) => result(sysMkdir(kernel, task, at(path), mode)),
    unlink: (path) => result(sysRemove(kernel, task, at(path), false)),
    rmdir: (path) => result(sysRemove(kernel, task, at(path), true)),
    rename: (from, to) => result(sysRename(kernel, task, at(from), at(to))),
    link: (existing, name) => result(sysLink(kernel, task, at(existing), at(name))),
    symlink: (target, path) => result(sysMknod(kernel, task, at(path), 'symlink', target)),
    chmod: (path, mode) => result(sysChmod(kernel, task, at(path), mode)),
    chown: (path, uid, gid) => result(sysChown(kernel, task, at(path), uid, gid)),
    truncate: (path) => result(sysTruncate(kernel, task, at(path))),
    stat(path) {
      const found = kernel.fs.lookup(at(path), { selfPid: task.pid });
      return result(sysStat(kernel, task, at(path)), (inode) => toStat(kernel, inode, found.path));
    },
    lstat(path) {
      const found = kernel.fs.lookup(at(path), { follow: false, selfPid: task.pid });
      return result(sysStat(kernel, task, at(path), false), (inode) => toStat(kernel, inode, found.path));
    },
    readdir: (path) => result(sysReaddir(kernel, task, at(path))),
    readlink: (path) => result(sysReadlink(kernel, task, at(path))),
  };
}

/** Everything else: processes, policy, log, sockets, signals, capabilities and the user tables. */
function systemCalls(host: ProcessHost, task: Task, cwd: string, env: Readonly<Record<string, string>>): SystemCalls {
  const kernel = host.kernel;
  return {
    spawn: (request) => host.spawn(task, { ...request, cwd: request.cwd ?? cwd, env: request.env ?? env }),
    exec: (request) => host.exec(task, { ...request, cwd: request.cwd ?? cwd, env: request.env ?? env }),
    changeOnexec: (profile) => result(sysChangeProfile(kernel, task, profile, 'change_onexec')),
    loadPolicy: (text, file, options) => host.loadPolicy(task, text, file, options),
    removeProfile: (name) => host.removeProfile(task, name),
    loadedProfiles: () => kernel.profiles.listing().map((line) => {
      const cut = line.lastIndexOf(' (');
      return { name: line.slice(0, cut), mode: line.slice(cut + 2, -1) };
    }),
    syslog: () => (kernel.capable(task, 'syslog') ? { ok: true, value: host.log() } : { ok: false, errno: 'EPERM' }),
    journal: () => (task.uid === 0 || task.groups.some((g) => g === ADM_GID || g === JOURNAL_GID)
      ? { ok: true, value: host.journal() } : { ok: false, errno: 'EACCES' }),
    syslogClear: () => {
      if (!kernel.capable(task, 'syslog')) return { ok: false, errno: 'EPERM' };
      host.clearLog();
      return { ok: true, value: undefined };
    },
    socket: (family, type, protocol) => result(sysSocket(kernel, task, family, type, protocolNumber(protocol))),
    bind: (fd, port) => result(sysBind(kernel, task, fd, port)),
    connect: (fd) => result(sysSocketOp(kernel, task, fd, 'connect')),
    listen: (fd) => result(sysSocketOp(kernel, task, fd, 'listen')),
    sendmsg: (fd) => result(sysSocketOp(kernel, task, fd, 'sendmsg')),
    kill(pid, signal) {
      const target = kernel.tasks.get(pid);
      if (!target) return { ok: false, errno: 'ESRCH' };
      return result(sysKill(kernel, task, target, signal));
    },
    capable: (capability) => kernel.capable(task, capability),
    limitCapabilities(keep) {
      task.keptCapabilities = new Set(keep.filter((capability) => kernel.capget(task, capability)));
    },
    processes: () => host.processes(),
    userName: (uid) => USERS.find((u) => u.uid === uid)?.name,
    groupName: (gid) => host.groups.find((g) => g.gid === gid)?.name,
    uidOf: (name) => USERS.find((u) => u.name === name)?.uid,
    gidOf: (name) => host.groups.find((g) => g.name === name)?.gid,
  };
}

/**
 * Creates the process API of one task.
 * @param host - the node (kernel, spawning, process table)
 * @param task - the task the command runs as
 * @param cwd - its working directory
 * @param env - its environment (children inherit it)
 * @returns the API
 */
export function createProcessApi(host: ProcessHost, task: Task, cwd: string, env: Readonly<Record<string, string>>): ProcessApi {
  const at = (path: string): string => absolutePath(cwd, path);
  return {
    pid: task.pid,
    uid: task.uid,
    gid: task.gid,
    groups: [...task.groups],
    user: USERS.find((u) => u.uid === task.uid)?.name ?? String(task.uid),
    get label() {
      return labelText(task.label);
    },
    cwd,
    resolve: at,
    ...fileCalls(host.kernel, task, cwd),
    ...systemCalls(host, task, cwd, env),
  };
}
