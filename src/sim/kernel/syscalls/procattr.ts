/**
 * Label changes through `/proc/self/attr/*`, as libapparmor does them: open the `apparmor/` file (falling
 * back to the old one), which is file-mediated like any write, then the kernel's `aa_change_profile` /
 * `aa_change_hat`. A target that is not loaded is ENOENT and logged even for unconfined tasks.
 */
import { fail, ok, type Kernel, type SysResult } from '../kernel.ts';
import { labelNotFoundRecord } from '../kernel-records.ts';
import { labelName, type Task } from '../task.ts';
import { sysClose, sysOpen } from './open.ts';

/**
 * Opens `/proc/PID/attr/apparmor/<file>` for writing, then `/proc/PID/attr/<file>` (libapparmor's order).
 * @returns ok once one of them opened, else the last errno
 */
function openAttr(kernel: Kernel, task: Task, file: 'current' | 'exec'): SysResult {
  let result: SysResult = fail('ENOENT');
  for (const path of [`/proc/${task.pid}/attr/apparmor/${file}`, `/proc/${task.pid}/attr/${file}`]) {
    const opened = sysOpen(kernel, task, path, { access: 'wronly' });
    if (opened.ok) {
      sysClose(task, opened.value);
      return ok(undefined);
    }
    result = fail(opened.errno);
  }
  return result;
}

/**
 * `aa_change_profile` (now) or `aa_change_onexec` (at the next exec), by writing the attr file.
 * @param kernel - the kernel
 * @param task - the task
 * @param target - the full name of the profile to change to
 * @param operation - `change_profile` or `change_onexec`
 * @param viaProcAttr - false to skip the attr-file open (the harness enters profiles this way while unconfined)
 * @returns ok, ENOENT (not loaded) or EACCES
 */
export function sysChangeProfile(
  kernel: Kernel, task: Task, target: string, operation: 'change_profile' | 'change_onexec', viaProcAttr = true,
): SysResult {
  if (viaProcAttr) {
    const opened = openAttr(kernel, task, operation === 'change_profile' ? 'current' : 'exec');
    if (!opened.ok) return opened;
  }
  const profile = kernel.profiles.find(target);
  if (!profile) {
    kernel.log(labelNotFoundRecord(task, operation, labelName(task.label), target));
    return fail('ENOENT');
  }
  const checked = kernel.check(task, { class: 'change_profile', operation, target, execPath: task.exe });
  if (!checked.ok) return checked;
  if (operation === 'change_profile') {
    task.label = profile;
    task.hatParent = undefined;
  } else {
    task.onexec = profile.name;
  }
  return ok(undefined);
}

/**
 * `aa_change_hat` into a hat of the current profile (or of the profile whose hat the task is in).
 * @param kernel - the kernel
 * @param task - the task
 * @param hat - the hat's base name
 * @param viaProcAttr - false to skip the attr-file open
 * @returns ok, ENOENT (no such hat; not logged) or EACCES
 */
export function sysChangeHat(kernel: Kernel, task: Task, hat: string, viaProcAttr = true): SysResult {
  if (viaProcAttr) {
    const opened = openAttr(kernel, task, 'current');
    if (!opened.ok) return opened;
  }
  const parent = task.hatParent ?? task.label;
  if (parent === undefined) return fail('EPERM');
  const profile = kernel.profiles.find(`${parent.name}//${hat}`);
  if (!profile?.isHat) return fail('ENOENT');
  task.hatParent = parent;
  task.label = profile;
  return ok(undefined);
}
