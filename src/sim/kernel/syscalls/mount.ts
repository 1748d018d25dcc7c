/**
 * mount(2)/umount(2): CAP_SYS_ADMIN first (`may_mount`), then AppArmor's mount rules on the mount point
 * (mediated as a directory, `name="/tmp/m/"`); setrlimit(2): CAP_SYS_RESOURCE to raise a hard limit, then
 * the profile's `set rlimit` ceiling (`kernel:resource.c aa_task_setrlimit`).
 */
import { fail, ok, type Kernel, type SysResult } from '../kernel.ts';
import type { Task } from '../task.ts';
import { mediatedPath } from './file-check.ts';

/** The arguments of mount(2) in policy terms. */
export type MountArgs = { source?: string; fstype?: string; flags?: string[]; data?: string };

/**
 * mount(2) or umount(2).
 * @param kernel - the kernel
 * @param task - the task
 * @param operation - `mount` or `umount`
 * @param path - the mount point
 * @param args - source, fstype, flags, data
 * @returns ok, EPERM, ENOENT or EACCES
 */
export function sysMount(kernel: Kernel, task: Task, operation: 'mount' | 'umount', path: string, args: MountArgs = {}): SysResult {
  if (!kernel.capable(task, 'sys_admin')) return fail('EPERM');
  const found = kernel.fs.lookup(path, { selfPid: task.pid });
  if (!found.ok) return fail(found.errno);
  return kernel.check(task, {
    class: 'mount', operation, path: mediatedPath(found.path, found.inode),
    ...(args.source === undefined ? {} : { source: args.source }),
    ...(args.fstype === undefined ? {} : { fstype: args.fstype }),
    ...(args.flags === undefined ? {} : { flags: args.flags }),
    ...(args.data === undefined ? {} : { data: args.data }),
  });
}

/**
 * setrlimit(2) with soft = hard = `value`.
 * @param kernel - the kernel
 * @param task - the task
 * @param resource - `nofile`, `nproc`, …
 * @param value - the new soft and hard limit
 * @returns ok, EPERM or EACCES
 */
export function sysSetrlimit(kernel: Kernel, task: Task, resource: string, value: number): SysResult {
  const current = task.rlimits.get(resource) ?? [Infinity, Infinity];
  if (value > current[1] && !kernel.capable(task, 'sys_resource')) return fail('EPERM');
  const checked = kernel.check(task, { class: 'rlimit', resource, value });
  if (!checked.ok) return checked;
  task.rlimits.set(resource, [value, value]);
  return ok(undefined);
}
