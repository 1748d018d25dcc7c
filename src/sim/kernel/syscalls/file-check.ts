/**
 * The one shape every file hook uses: a `FileRequest` for the task's fsuid and the object's owner, asked
 * through `Kernel.check`. Directories are mediated with a trailing `/` (`kernel:file.c` path names).
 */
import type { FileOperation } from '../../../apparmor/index.ts';
import type { Inode } from '../fs.ts';
import type { Kernel, SysResult } from '../kernel.ts';
import type { Task } from '../task.ts';

/**
 * The name AppArmor matches for an object: directories get a trailing `/`.
 * @param path - canonical path
 * @param inode - the object, when it exists
 * @returns the mediated name
 * @example mediatedPath('/tmp/d', { type: 'dir' } as never) // → '/tmp/d/'
 */
export function mediatedPath(path: string, inode: Pick<Inode, 'type'> | undefined): string {
  return inode?.type === 'dir' && !path.endsWith('/') ? `${path}/` : path;
}

/**
 * Asks the task's profile about a file access.
 * @param kernel - the kernel
 * @param task - the task
 * @param operation - the audit `operation=` name
 * @param path - the mediated name (see `mediatedPath`)
 * @param mask - OR of `MAY.*`
 * @param ouid - the object's owner (the caller's fsuid for a creation)
 * @param target - for `link`: the existing file
 * @returns ok or the errno
 */
export function fileCheck(
  kernel: Kernel, task: Task, operation: FileOperation, path: string, mask: number, ouid: number, target?: string,
): SysResult {
  return kernel.check(task, {
    class: 'file', operation, path, mask, fsuid: task.fsuid, ouid,
    ...(target === undefined ? {} : { target }),
  });
}
