/**
 * Discretionary access control as `fs/namei.c generic_permission`, `may_create` and `may_delete` do it,
 * including the capability overrides that reach AppArmor (`dac_read_search` before `dac_override` for a
 * plain read, as the corpus logs them). Runs before AppArmor on existing files and after it on creation.
 * Not modelled: search (x) permission on each directory of a path walk, ACLs, and capabilities of
 * non-root users (root has them all, everyone else none).
 */
import { fail, ok, type Kernel, type SysResult } from './kernel.ts';
import type { Inode } from './fs.ts';
import type { Task } from './task.ts';

/** What an access wants from the mode bits. */
export type DacWant = { read?: boolean; write?: boolean; exec?: boolean };

/**
 * The owner/group/other bits check alone (`acl_permission_check`).
 * @param task - the task (its fsuid/fsgid/groups)
 * @param inode - the object
 * @param want - read/write/exec
 * @returns true when the mode bits allow it
 * @example modeAllows({ fsuid: 0, fsgid: 0, groups: [0] } as never, { uid: 0, gid: 0, mode: 0o600 } as never, { read: true }) // → true
 */
export function modeAllows(task: Task, inode: Inode, want: DacWant): boolean {
  const shift = task.fsuid === inode.uid ? 6 : inGroup(task, inode.gid) ? 3 : 0;
  const bits = (inode.mode >> shift) & 7;
  return (!want.read || (bits & 4) !== 0) && (!want.write || (bits & 2) !== 0) && (!want.exec || (bits & 1) !== 0);
}

/**
 * @param task - a task
 * @param gid - a group
 * @returns whether the task's fsgid or supplementary groups include it (`in_group_p`)
 * @example inGroup({ fsgid: 1000, groups: [1000] } as never, 0) // → false
 */
export function inGroup(task: Task, gid: number): boolean {
  return task.fsgid === gid || task.groups.includes(gid);
}

/**
 * `inode_permission` → `generic_permission`: mode bits, then the capability overrides.
 * @param kernel - the kernel (capability checks are mediated and logged)
 * @param task - the task
 * @param inode - the object
 * @param want - what the access needs
 * @returns ok, or EACCES
 */
export function inodePermission(kernel: Kernel, task: Task, inode: Inode, want: DacWant): SysResult {
  if (modeAllows(task, inode, want)) return ok(undefined);
  if (inode.type === 'dir') {
    if (!want.write && kernel.capable(task, 'dac_read_search')) return ok(undefined);
    return kernel.capable(task, 'dac_override') ? ok(undefined) : fail('EACCES');
  }
  if (want.read && !want.write && !want.exec && kernel.capable(task, 'dac_read_search')) return ok(undefined);
  if (!want.exec || (inode.mode & 0o111) !== 0) {
    if (kernel.capable(task, 'dac_override')) return ok(undefined);
  }
  return fail('EACCES');
}

/**
 * `may_create`: write and search permission on the parent directory.
 * @param kernel - the kernel
 * @param task - the task
 * @param dir - the parent directory's inode
 * @returns ok or EACCES
 */
export function mayCreate(kernel: Kernel, task: Task, dir: Inode): SysResult {
  return inodePermission(kernel, task, dir, { write: true, exec: true });
}

/**
 * `may_delete`: write and search on the directory, then the sticky-bit rule (`check_sticky`, CAP_FOWNER).
 * @param kernel - the kernel
 * @param task - the task
 * @param dir - the parent directory's inode
 * @param victim - the entry being removed or renamed away
 * @returns ok, EACCES or EPERM
 */
export function mayDelete(kernel: Kernel, task: Task, dir: Inode, victim: Inode): SysResult {
  const access = inodePermission(kernel, task, dir, { write: true, exec: true });
  if (!access.ok) return access;
  const isSticky = (dir.mode & 0o1000) !== 0;
  if (isSticky && task.fsuid !== victim.uid && task.fsuid !== dir.uid && !kernel.capable(task, 'fowner')) {
    return fail('EPERM');
  }
  return ok(undefined);
}
