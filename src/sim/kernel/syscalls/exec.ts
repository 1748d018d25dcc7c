/**
 * execve(2) with AppArmor's domain transitions (`kernel:domain.c apparmor_bprm_creds_for_exec`): a pending
 * change_onexec wins without consulting x rules; an unconfined task attaches a profile by path; a confined
 * one needs an x rule whose mode picks the new label. After the exec, what the new image does first is
 * modelled too: the kernel maps the binary (SIGSEGV when a new profile lacks `r` on it), ld.so opens its
 * cache and libc, and an interpreter opens its script. What the program does next is `programs.ts`.
 */
import { MAY } from '../../../apparmor/index.ts';
import { LD_SO_CACHE } from '../base-image.ts';
import { inodePermission } from '../dac.ts';
import { fail, ok, type Kernel, type SysResult } from '../kernel.ts';
import type { LoadedProfile } from '../profile-set.ts';
import { commOf, type Task } from '../task.ts';
import { fileCheck } from './file-check.ts';
import { sysMmap } from './file-ops.ts';
import { sysClose, sysOpen } from './open.ts';

/** What happened to the new image. */
export type ExecOutcome = {
  /** the label after the exec (undefined = unconfined) */
  label: LoadedProfile | undefined;
  /** AT_SECURE: the environment was scrubbed */
  isSecure: boolean;
  /** exit status when the startup failed or the program ran (see programs.ts) */
  exit?: number;
  /** the fatal signal, e.g. 11 when the binary could not be mapped */
  signal?: number;
  stderr: string;
  /** the resolved executable */
  path: string;
};

/**
 * Picks the label an exec lands in, logging what the kernel logs.
 * @param kernel - the kernel
 * @param task - the task calling execve
 * @param path - the resolved executable path
 * @param ouid - the executable's owner
 * @returns the new label and AT_SECURE, or the errno (EACCES for a denied or impossible transition)
 */
export function execTransition(
  kernel: Kernel, task: Task, path: string, ouid: number,
): SysResult<{ label: LoadedProfile | undefined; isSecure: boolean }> {
  if (task.onexec !== undefined) {
    const target = kernel.profiles.find(task.onexec);
    task.onexec = undefined;
    return target ? ok({ label: target, isSecure: false }) : fail('ENOENT');
  }
  if (task.label === undefined) return ok({ label: kernel.profiles.attachFor(path), isSecure: false });
  const decision = kernel.mediate(task, { class: 'exec', path, fsuid: task.fsuid, ouid });
  if (decision === undefined) return ok({ label: task.label, isSecure: false });
  if (decision.verdict === 'deny') return fail(decision.errno ?? 'EACCES');
  const transition = decision.transition;
  if (transition === undefined || transition.mode === 'ix') return ok({ label: task.label, isSecure: transition?.isSecure ?? false });
  if (transition.label === 'unconfined') return ok({ label: undefined, isSecure: transition.isSecure });
  const target = kernel.profiles.find(transition.label) ?? kernel.profiles.createNull(transition.label, task.label);
  return target ? ok({ label: target, isSecure: transition.isSecure }) : fail('EACCES');
}

/**
 * execve(2) of `path` by `task` (the task becomes the new image).
 * @param kernel - the kernel
 * @param task - the task calling execve (usually a fork of the caller)
 * @param path - the path as given
 * @param argv0 - the program name the new image sees (ld.so and shells print it); default the path's base name
 * @returns the outcome once the image started (or failed to), or the errno of execve itself
 */
export function sysExecve(kernel: Kernel, task: Task, path: string, argv0 = commOf(path)): SysResult<ExecOutcome> {
  const found = kernel.fs.lookup(path, { selfPid: task.pid });
  if (!found.ok) return fail(found.errno);
  if (found.inode.type !== 'file') return fail('EACCES');
  const dac = inodePermission(kernel, task, found.inode, { exec: true });
  if (!dac.ok) return fail(dac.errno);
  const oldLabel = task.label;
  const transition = execTransition(kernel, task, found.path, found.inode.uid);
  if (!transition.ok) return fail(transition.errno);
  task.label = transition.value.label;
  task.hatParent = undefined;
  task.exe = found.path;
  // the kernel names the task after the path as given (`/bin/sh` runs as `sh`, not `dash`)
  task.comm = commOf(path);
  for (const [fd] of task.fds) sysClose(task, fd);
  const outcome: ExecOutcome = { label: task.label, isSecure: transition.value.isSecure, stderr: '', path: found.path };
  if (oldLabel !== undefined && task.label !== undefined && task.label !== oldLabel) {
    // the kernel maps the binary with the fd opened under the old label; the new one revalidates it
    if (!fileCheck(kernel, task, 'file_mmap', found.path, MAY.READ, found.inode.uid).ok) return ok({ ...outcome, signal: 11 });
  }
  return ok(startImage(kernel, task, outcome, found.inode.content, path, argv0));
}

/** ld.so, or the interpreter of a `#!` script, before the program's own code runs. */
function startImage(kernel: Kernel, task: Task, outcome: ExecOutcome, content: string, path: string, argv0: string): ExecOutcome {
  const inode = kernel.fs.get(outcome.path);
  if (content.startsWith('#!')) {
    const interpreter = content.slice(2).split('\n')[0]?.trim().split(/\s+/)[0] ?? '/bin/sh';
    const interp = kernel.fs.lookup(interpreter, { selfPid: task.pid });
    if (interp.ok && interp.inode.exec?.kind === 'dynamic' && !loadLibc(kernel, task)) {
      return { ...outcome, exit: 127, stderr: libcError(interpreter) };
    }
    // the kernel runs `interpreter path`: dash opens the script by the path exec was given
    const script = sysOpen(kernel, task, path, { access: 'rdonly' });
    if (!script.ok) return { ...outcome, exit: 2, stderr: `${interpreter}: 0: cannot open ${path}: Permission denied\n` };
    sysClose(task, script.value);
    return { ...outcome, exit: 0 };
  }
  if (inode?.exec?.kind === 'dynamic' && !loadLibc(kernel, task)) {
    return { ...outcome, exit: 127, stderr: libcError(argv0) };
  }
  return { ...outcome, exit: 0 };
}

/**
 * What glibc's ld.so opens: the cache, then libc by the cache's path; without the cache it searches the
 * trusted directories (`/lib/x86_64-linux-gnu`, then `/usr/lib/x86_64-linux-gnu`: one file on merged /usr,
 * so a denial is logged twice). libc is then mapped executable.
 * @returns true when libc was mapped
 */
function loadLibc(kernel: Kernel, task: Task): boolean {
  const cache = sysOpen(kernel, task, LD_SO_CACHE, { access: 'rdonly' });
  const candidates = cache.ok
    ? ['/lib/x86_64-linux-gnu/libc.so.6']
    : ['/lib/x86_64-linux-gnu/libc.so.6', '/usr/lib/x86_64-linux-gnu/libc.so.6'];
  if (cache.ok) sysClose(task, cache.value);
  for (const candidate of candidates) {
    const libc = sysOpen(kernel, task, candidate, { access: 'rdonly' });
    if (!libc.ok) continue;
    const mapped = sysMmap(kernel, task, libc.value, true);
    sysClose(task, libc.value);
    return mapped.ok;
  }
  return false;
}

function libcError(program: string): string {
  return `${program}: error while loading shared libraries: libc.so.6: cannot open shared object file: No such file or directory\n`;
}
