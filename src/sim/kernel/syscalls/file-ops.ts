/**
 * The path syscalls besides open: mkdir, rmdir, unlink, rename, link, symlink, mknod, chmod, chown,
 * truncate, stat, readlink, readdir, and the fd ones flock/fcntl locks and mmap. Each runs AppArmor and DAC
 * in the order of the Linux 6.1 VFS (`security_path_*` hooks before `may_create`/`may_delete`; DAC before
 * AppArmor for truncate). getattr and readlink are not mediated (kernel README behaviour 14).
 */
import { MAY } from '../../../apparmor/index.ts';
import { inGroup, inodePermission, mayCreate, mayDelete } from '../dac.ts';
import type { Inode } from '../fs.ts';
import { fail, ok, type Kernel, type SysResult } from '../kernel.ts';
import type { Task } from '../task.ts';
import { fileCheck, mediatedPath } from './file-check.ts';
import { revalidate, sysClose, sysOpen } from './open.ts';

const UMASK = 0o022;

/**
 * mkdir(2): AppArmor `mkdir` asks `c` on `path/`, then DAC on the parent.
 * @param kernel - the kernel
 * @param task - the task
 * @param path - the new directory
 * @param mode - permission bits before the umask
 * @returns ok, EEXIST, ENOENT or EACCES
 */
export function sysMkdir(kernel: Kernel, task: Task, path: string, mode = 0o777): SysResult {
  const parent = kernel.fs.lookupParent(path, { selfPid: task.pid });
  if (!parent.ok) return fail(parent.errno);
  if (kernel.fs.get(parent.path)) return fail('EEXIST');
  const checked = fileCheck(kernel, task, 'mkdir', `${parent.path}/`, MAY.CREATE, task.fsuid);
  if (!checked.ok) return checked;
  const dac = mayCreate(kernel, task, parent.dirInode);
  if (!dac.ok) return dac;
  kernel.fs.put(parent.path, { type: 'dir', mode: mode & ~UMASK, uid: task.fsuid, gid: task.fsgid, content: '' });
  return ok(undefined);
}

/**
 * rmdir(2) and unlink(2): AppArmor asks `d`, then `may_delete`.
 * @param kernel - the kernel
 * @param task - the task
 * @param path - the entry
 * @param isDir - true for rmdir
 * @returns ok, ENOENT, ENOTDIR, EISDIR, ENOTEMPTY, EACCES or EPERM
 */
export function sysRemove(kernel: Kernel, task: Task, path: string, isDir: boolean): SysResult {
  const parent = kernel.fs.lookupParent(path, { selfPid: task.pid });
  if (!parent.ok) return fail(parent.errno);
  const victim = kernel.fs.get(parent.path);
  if (!victim) return fail('ENOENT');
  if (isDir && victim.type !== 'dir') return fail('ENOTDIR');
  if (!isDir && victim.type === 'dir') return fail('EISDIR');
  const name = mediatedPath(parent.path, victim);
  const checked = fileCheck(kernel, task, isDir ? 'rmdir' : 'unlink', name, MAY.DELETE, victim.uid);
  if (!checked.ok) return checked;
  const dac = mayDelete(kernel, task, parent.dirInode, victim);
  if (!dac.ok) return dac;
  if (isDir && kernel.fs.list(parent.path).length > 0) return fail('ENOTEMPTY');
  kernel.fs.remove(parent.path);
  return ok(undefined);
}

/**
 * rename(2): `rename_src` asks r w d (+getattr/setattr) on the source, `rename_dest` w c (+setattr) on the
 * destination, both with the source's owner (`kernel:lsm.c apparmor_path_rename`); then DAC.
 * @param kernel - the kernel
 * @param task - the task
 * @param from - the existing name
 * @param to - the new name
 * @returns ok or the errno
 */
export function sysRename(kernel: Kernel, task: Task, from: string, to: string): SysResult {
  const src = kernel.fs.lookupParent(from, { selfPid: task.pid });
  if (!src.ok) return fail(src.errno);
  const inode = kernel.fs.get(src.path);
  if (!inode) return fail('ENOENT');
  const dst = kernel.fs.lookupParent(to, { selfPid: task.pid });
  if (!dst.ok) return fail(dst.errno);
  const srcMask = MAY.READ | MAY.GETATTR | MAY.WRITE | MAY.SETATTR | MAY.DELETE;
  const first = fileCheck(kernel, task, 'rename_src', mediatedPath(src.path, inode), srcMask, inode.uid);
  if (!first.ok) return first;
  const dstMask = MAY.WRITE | MAY.SETATTR | MAY.CREATE;
  const second = fileCheck(kernel, task, 'rename_dest', mediatedPath(dst.path, inode), dstMask, inode.uid);
  if (!second.ok) return second;
  const removable = mayDelete(kernel, task, src.dirInode, inode);
  if (!removable.ok) return removable;
  const existing = kernel.fs.get(dst.path);
  const room = existing ? mayDelete(kernel, task, dst.dirInode, existing) : mayCreate(kernel, task, dst.dirInode);
  if (!room.ok) return room;
  kernel.fs.move(src.path, dst.path);
  return ok(undefined);
}

/**
 * link(2): AppArmor `link` asks `l` on the new name with the existing file as `target=` (the engine
 * applies link rules and the subset test), then DAC on the new name's directory.
 * @param kernel - the kernel
 * @param task - the task
 * @param existing - the file linked to
 * @param name - the new name
 * @returns ok or the errno
 */
export function sysLink(kernel: Kernel, task: Task, existing: string, name: string): SysResult {
  const old = kernel.fs.lookup(existing, { follow: false, selfPid: task.pid });
  if (!old.ok) return fail(old.errno);
  if (old.inode.type === 'dir') return fail('EPERM');
  const parent = kernel.fs.lookupParent(name, { selfPid: task.pid });
  if (!parent.ok) return fail(parent.errno);
  if (kernel.fs.get(parent.path)) return fail('EEXIST');
  const checked = fileCheck(kernel, task, 'link', parent.path, MAY.LINK, old.inode.uid, old.path);
  if (!checked.ok) return checked;
  const dac = mayCreate(kernel, task, parent.dirInode);
  if (!dac.ok) return dac;
  kernel.fs.putLink(parent.path, old.inode);
  return ok(undefined);
}

/**
 * symlink(2), mknod(2) of a fifo or character device: AppArmor asks `c` (`symlink` / `mknod`), then DAC,
 * then (for a device) CAP_MKNOD.
 * @param kernel - the kernel
 * @param task - the task
 * @param path - the new name
 * @param kind - what to create
 * @param target - the symlink's target text
 * @returns ok or the errno
 */
export function sysMknod(kernel: Kernel, task: Task, path: string, kind: 'symlink' | 'fifo' | 'chr', target = ''): SysResult {
  const parent = kernel.fs.lookupParent(path, { selfPid: task.pid });
  if (!parent.ok) return fail(parent.errno);
  if (kernel.fs.get(parent.path)) return fail('EEXIST');
  const checked = fileCheck(kernel, task, kind === 'symlink' ? 'symlink' : 'mknod', parent.path, MAY.CREATE, task.fsuid);
  if (!checked.ok) return checked;
  const dac = mayCreate(kernel, task, parent.dirInode);
  if (!dac.ok) return dac;
  if (kind === 'chr' && !kernel.capable(task, 'mknod')) return fail('EPERM');
  const mode = kind === 'symlink' ? 0o777 : 0o644;
  kernel.fs.put(parent.path, {
    type: kind, mode, uid: task.fsuid, gid: task.fsgid, content: '', ...(kind === 'symlink' ? { target } : {}),
  });
  return ok(undefined);
}

/**
 * chmod(2): AppArmor `chmod` (w), then `setattr_prepare`: owner or CAP_FOWNER, and the setgid bit is
 * dropped unless the caller is in the file's group or has CAP_FSETID (asked even when the bit is not set).
 * @param kernel - the kernel
 * @param task - the task
 * @param path - the file
 * @param mode - the new permission bits
 * @returns the mode actually set, or the errno
 */
export function sysChmod(kernel: Kernel, task: Task, path: string, mode: number): SysResult<number> {
  const found = kernel.fs.lookup(path, { selfPid: task.pid });
  if (!found.ok) return fail(found.errno);
  const inode = found.inode;
  const checked = fileCheck(kernel, task, 'chmod', mediatedPath(found.path, inode), MAY.CHMOD, inode.uid);
  if (!checked.ok) return fail(checked.errno);
  if (task.fsuid !== inode.uid && !kernel.capable(task, 'fowner')) return fail('EPERM');
  let newMode = mode;
  if (!inGroup(task, inode.gid) && !kernel.capable(task, 'fsetid')) newMode &= ~0o2000;
  inode.mode = newMode;
  return ok(newMode);
}

/**
 * chown(2): AppArmor `chown` (w), then `chown_ok`/`chgrp_ok` (CAP_CHOWN unless the owner keeps the uid and
 * picks one of its groups).
 * @param kernel - the kernel
 * @param task - the task
 * @param path - the file
 * @param uid - new owner (-1 keeps it)
 * @param gid - new group (-1 keeps it)
 * @returns ok or the errno
 */
export function sysChown(kernel: Kernel, task: Task, path: string, uid: number, gid: number): SysResult {
  const found = kernel.fs.lookup(path, { selfPid: task.pid });
  if (!found.ok) return fail(found.errno);
  const inode = found.inode;
  const checked = fileCheck(kernel, task, 'chown', mediatedPath(found.path, inode), MAY.CHOWN, inode.uid);
  if (!checked.ok) return checked;
  const isOwner = task.fsuid === inode.uid;
  if (uid !== -1 && !(isOwner && uid === inode.uid) && !kernel.capable(task, 'chown')) return fail('EPERM');
  if (gid !== -1 && !(isOwner && (gid === inode.gid || inGroup(task, gid))) && !kernel.capable(task, 'chown')) {
    return fail('EPERM');
  }
  if (uid !== -1) inode.uid = uid;
  if (gid !== -1) inode.gid = gid;
  return ok(undefined);
}

/**
 * truncate(2): DAC write first, then AppArmor `truncate` (w).
 * @param kernel - the kernel
 * @param task - the task
 * @param path - the file
 * @returns ok or the errno
 */
export function sysTruncate(kernel: Kernel, task: Task, path: string): SysResult {
  const found = kernel.fs.lookup(path, { selfPid: task.pid });
  if (!found.ok) return fail(found.errno);
  if (found.inode.type === 'dir') return fail('EISDIR');
  const dac = inodePermission(kernel, task, found.inode, { write: true });
  if (!dac.ok) return dac;
  const checked = fileCheck(kernel, task, 'truncate', found.path, MAY.WRITE | MAY.SETATTR, found.inode.uid);
  if (!checked.ok) return checked;
  found.inode.content = '';
  return ok(undefined);
}

/**
 * stat(2) / lstat(2): not mediated.
 * @param kernel - the kernel
 * @param task - the task
 * @param path - the path
 * @param follow - false for lstat
 * @returns the inode or ENOENT/ENOTDIR
 */
export function sysStat(kernel: Kernel, task: Task, path: string, follow = true): SysResult<Inode> {
  const found = kernel.fs.lookup(path, { follow, selfPid: task.pid });
  return found.ok ? ok(found.inode) : fail(found.errno);
}

/**
 * readlink(2): not mediated; `/proc/PID/exe` reads the task's executable.
 * @param kernel - the kernel
 * @param task - the task
 * @param path - a symlink
 * @returns its target, or ENOENT/EINVAL
 */
export function sysReadlink(kernel: Kernel, task: Task, path: string): SysResult<string> {
  const found = kernel.fs.lookup(path, { follow: false, selfPid: task.pid });
  if (!found.ok) return fail(found.errno);
  if (found.inode.type !== 'symlink') return fail('EINVAL');
  return ok(found.inode.target === '@self' ? String(task.pid) : (found.inode.target ?? ''));
}

/**
 * open(O_DIRECTORY) + getdents64 + close.
 * @param kernel - the kernel
 * @param task - the task
 * @param path - the directory
 * @returns the entry names, or the errno of the open
 */
export function sysReaddir(kernel: Kernel, task: Task, path: string): SysResult<string[]> {
  const opened = sysOpen(kernel, task, path, { access: 'rdonly', directory: true });
  if (!opened.ok) return fail(opened.errno);
  const file = task.fds.get(opened.value);
  const checked = file ? revalidate(kernel, task, file, 'file_perm', MAY.READ) : ok(undefined);
  sysClose(task, opened.value);
  if (!checked.ok) return fail(checked.errno);
  const found = kernel.fs.lookup(path, { selfPid: task.pid });
  return ok(found.ok ? kernel.fs.list(found.path) : []);
}

/** The lock calls of the corpus' `lock` op. */
export type LockHow = 'flock' | 'flock_sh' | 'fcntl_read' | 'fcntl_write';

/**
 * flock(2)/fcntl(F_SETLK): `kernel:lsm.c apparmor_file_lock` asks `k`, plus `w` for a write lock (flock
 * LOCK_EX counts as one), revalidated against what the open granted.
 * @param kernel - the kernel
 * @param task - the task
 * @param fd - an open fd
 * @param how - which lock
 * @returns ok or the errno
 */
export function sysLock(kernel: Kernel, task: Task, fd: number, how: LockHow): SysResult {
  const file = task.fds.get(fd);
  if (!file) return fail('EBADF');
  if ((how === 'fcntl_read' && !file.canRead) || (how === 'fcntl_write' && !file.canWrite)) return fail('EBADF');
  const isWrite = how === 'flock' || how === 'fcntl_write';
  return revalidate(kernel, task, file, 'file_lock', MAY.LOCK | (isWrite ? MAY.WRITE : 0));
}

/**
 * mmap(2) of an open file: PROT_READ asks `r`, PROT_EXEC adds `m` (`kernel:lsm.c common_mmap`).
 * @param kernel - the kernel
 * @param task - the task
 * @param fd - an open fd
 * @param isExec - PROT_EXEC
 * @returns ok or the errno
 */
export function sysMmap(kernel: Kernel, task: Task, fd: number, isExec: boolean): SysResult {
  const file = task.fds.get(fd);
  if (!file) return fail('EBADF');
  if (!file.canRead) return fail('EACCES');
  return revalidate(kernel, task, file, 'file_mmap', MAY.READ | (isExec ? MAY.EXEC_MMAP : 0));
}
