/**
 * open(2)/creat(2) and the read/write revalidation of open files, in the kernel's order: DAC then
 * AppArmor `open` for an existing file; AppArmor `mknod` (c), DAC on the directory, then AppArmor `open`
 * for a new one (`kernel:lsm.c apparmor_path_mknod`, `apparmor_file_open`); `file_perm` on read/write
 * only when the request exceeds what was granted at open (`kernel:file.c aa_file_perm`).
 */
import { MAY } from '../../../apparmor/index.ts';
import { inodePermission, mayCreate } from '../dac.ts';
import type { Inode } from '../fs.ts';
import { fail, ok, type Kernel, type SysResult } from '../kernel.ts';
import type { OpenFile, Task } from '../task.ts';
import { labelText } from '../task.ts';
import { fileCheck, mediatedPath } from './file-check.ts';

/** The open(2) flags the model understands. */
export type OpenFlags = {
  access: 'rdonly' | 'wronly' | 'rdwr';
  creat?: boolean;
  excl?: boolean;
  append?: boolean;
  trunc?: boolean;
  directory?: boolean;
  nofollow?: boolean;
  /** the mode of a created file, before the umask (default 0666) */
  mode?: number;
};

const UMASK = 0o022;

/**
 * Parses a comma list such as `wronly,creat,append` (the corpus' `flags`).
 * @param text - flag words; `rdonly` when empty
 * @returns the flags
 * @example parseOpenFlags('wronly,creat') // → { access: 'wronly', creat: true }
 */
export function parseOpenFlags(text: string): OpenFlags {
  const words = text.split(/[,|\s]+/).map((w) => w.trim().toLowerCase().replace(/^o_/, '')).filter(Boolean);
  const access = words.includes('rdwr') ? 'rdwr' : words.includes('wronly') ? 'wronly' : 'rdonly';
  const flags: OpenFlags = { access };
  for (const word of words) {
    if (word === 'creat' || word === 'create') flags.creat = true;
    if (word === 'excl') flags.excl = true;
    if (word === 'append') flags.append = true;
    if (word === 'trunc') flags.trunc = true;
    if (word === 'directory') flags.directory = true;
    if (word === 'nofollow') flags.nofollow = true;
  }
  return flags;
}

/**
 * The request bits of an open (`kernel:include/file.h aa_map_file_to_perms`): write becomes append with
 * O_APPEND, O_TRUNC adds write, O_CREAT adds create.
 * @param flags - the open flags
 * @returns OR of `MAY.*`
 * @example openRequestMask({ access: 'rdwr' }) === (MAY.READ | MAY.WRITE) // → true
 */
export function openRequestMask(flags: OpenFlags): number {
  let mask = 0;
  if (flags.access !== 'rdonly') mask |= MAY.WRITE;
  if (flags.access !== 'wronly') mask |= MAY.READ;
  if (flags.append && mask & MAY.WRITE) mask = (mask & ~MAY.WRITE) | MAY.APPEND;
  if (flags.trunc) mask |= MAY.WRITE;
  if (flags.creat) mask |= MAY.CREATE;
  return mask;
}

/**
 * open(2).
 * @param kernel - the kernel
 * @param task - the calling task
 * @param path - the path as given
 * @param flags - open flags
 * @returns the new fd, or ENOENT/EEXIST/EISDIR/ENOTDIR/EACCES/EPERM
 */
export function sysOpen(kernel: Kernel, task: Task, path: string, flags: OpenFlags): SysResult<number> {
  const follow = !(flags.nofollow || (flags.creat && flags.excl));
  const found = kernel.fs.lookup(path, { follow, selfPid: task.pid });
  if (!found.ok) {
    if (found.errno !== 'ENOENT' || !flags.creat) return fail(found.errno);
    return createAndOpen(kernel, task, path, flags);
  }
  if (flags.creat && flags.excl) return fail('EEXIST');
  const inode = found.inode;
  if (inode.type === 'dir' && flags.access !== 'rdonly') return fail('EISDIR');
  if (flags.directory && inode.type !== 'dir') return fail('ENOTDIR');
  const wantsWrite = flags.access !== 'rdonly' || flags.trunc === true;
  const dac = inodePermission(kernel, task, inode, { read: flags.access !== 'wronly', write: wantsWrite });
  if (!dac.ok) return fail(dac.errno);
  const mask = openRequestMask(flags);
  const checked = fileCheck(kernel, task, 'open', mediatedPath(found.path, inode), mask, inode.uid);
  if (!checked.ok) return fail(checked.errno);
  if (flags.trunc && inode.type === 'file') inode.content = '';
  return ok(installFd(task, found.path, flags, mask));
}

function createAndOpen(kernel: Kernel, task: Task, path: string, flags: OpenFlags): SysResult<number> {
  const parent = kernel.fs.lookupParent(path, { selfPid: task.pid });
  if (!parent.ok) return fail(parent.errno);
  const created = fileCheck(kernel, task, 'mknod', parent.path, MAY.CREATE, task.fsuid);
  if (!created.ok) return fail(created.errno);
  const dac = mayCreate(kernel, task, parent.dirInode);
  if (!dac.ok) return fail(dac.errno);
  const mode = (flags.mode ?? 0o666) & ~UMASK;
  kernel.fs.put(parent.path, { type: 'file', mode, uid: task.fsuid, gid: task.fsgid, content: '' });
  const mask = openRequestMask(flags);
  const opened = fileCheck(kernel, task, 'open', parent.path, mask, task.fsuid);
  if (!opened.ok) return fail(opened.errno);
  return ok(installFd(task, parent.path, flags, mask));
}

function installFd(task: Task, path: string, flags: OpenFlags, mask: number): number {
  let fd = 3;
  while (task.fds.has(fd)) fd++;
  const file: OpenFile = {
    path,
    canRead: flags.access !== 'wronly',
    canWrite: flags.access !== 'rdonly',
    isAppend: flags.append === true,
    allow: task.label === undefined ? 0 : mask,
    label: task.label,
  };
  task.fds.set(fd, file);
  return fd;
}

/**
 * Opens a file as if before entering a profile (an fd inherited from an unconfined parent).
 * @param task - the task, still unconfined
 * @param path - canonical path
 * @param flags - open flags
 * @returns the fd
 */
export function installInheritedFd(task: Task, path: string, flags: OpenFlags): number {
  let fd = 3;
  while (task.fds.has(fd)) fd++;
  task.fds.set(fd, {
    path, canRead: flags.access !== 'wronly', canWrite: flags.access !== 'rdonly',
    isAppend: flags.append === true, allow: 0, label: undefined,
  });
  return fd;
}

/**
 * Revalidates an open file for `request` (`kernel:file.c aa_file_perm`): skipped for unconfined tasks,
 * files opened unconfined, and requests within what the same label was granted; otherwise a path check
 * under `operation`, after which the grant is cached.
 * @param kernel - the kernel
 * @param task - the task using the fd
 * @param file - the open file
 * @param operation - `file_perm`, `file_lock` or `file_mmap`
 * @param request - OR of `MAY.*`
 * @returns ok or the errno
 */
export function revalidate(
  kernel: Kernel, task: Task, file: OpenFile, operation: 'file_perm' | 'file_lock' | 'file_mmap', request: number,
): SysResult {
  if (task.label === undefined || file.label === undefined) return ok(undefined);
  if ((request & ~file.allow) === 0 && file.label === task.label) return ok(undefined);
  const inode = kernel.fs.get(file.path);
  if (!inode) return ok(undefined);
  const checked = fileCheck(kernel, task, operation, mediatedPath(file.path, inode), request, inode.uid);
  if (!checked.ok) return checked;
  file.allow |= request;
  file.label = task.label;
  return ok(undefined);
}

/**
 * read(2) of up to `bytes` bytes.
 * @param kernel - the kernel
 * @param task - the task
 * @param fd - an open fd
 * @param bytes - at most this many characters
 * @returns the data read, or EBADF/EACCES
 */
export function sysRead(kernel: Kernel, task: Task, fd: number, bytes = 256): SysResult<string> {
  const file = task.fds.get(fd);
  if (!file || !file.canRead) return fail('EBADF');
  const checked = revalidate(kernel, task, file, 'file_perm', MAY.READ);
  if (!checked.ok) return fail(checked.errno);
  return ok(contentOf(kernel, file.path).slice(0, bytes));
}

/**
 * write(2).
 * @param kernel - the kernel
 * @param task - the task
 * @param fd - an open fd
 * @param data - what to write
 * @returns the byte count, or EBADF/EACCES
 */
export function sysWrite(kernel: Kernel, task: Task, fd: number, data: string): SysResult<number> {
  const file = task.fds.get(fd);
  if (!file || !file.canWrite) return fail('EBADF');
  const checked = revalidate(kernel, task, file, 'file_perm', MAY.WRITE);
  if (!checked.ok) return fail(checked.errno);
  const inode = kernel.fs.get(file.path);
  if (inode?.type === 'file') inode.content = file.isAppend ? inode.content + data : data;
  return ok(data.length);
}

/**
 * close(2).
 * @param task - the task
 * @param fd - the fd
 * @returns ok or EBADF
 */
export function sysClose(task: Task, fd: number): SysResult {
  return task.fds.delete(fd) ? ok(undefined) : fail('EBADF');
}

/** What reading a file yields; `/proc/PID/attr/current` shows that task's label. */
function contentOf(kernel: Kernel, path: string): string {
  const attr = /^\/proc\/(\d+)\/attr\/(?:apparmor\/)?current$/.exec(path);
  if (attr) {
    const target = kernel.tasks.get(Number(attr[1]));
    return `${labelText(target?.label)}\n`;
  }
  const inode: Inode | undefined = kernel.fs.get(path);
  return inode?.content ?? '';
}
