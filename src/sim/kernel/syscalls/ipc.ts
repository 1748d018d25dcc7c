/**
 * Signals and ptrace: the credential checks first (CAP_KILL / CAP_SYS_PTRACE across users), then
 * AppArmor on both ends (`kernel:ipc.c aa_may_signal`, `kernel:task.c aa_may_ptrace`): the caller's
 * profile with the target as peer, then the target's profile with the caller as peer (logged with the
 * caller's pid and comm). Unconfined ends are not asked.
 */
import { fail, ok, type Kernel, type SysResult } from '../kernel.ts';
import { labelName, type Task } from '../task.ts';
import { sysClose, sysOpen } from './open.ts';

const SIGNAL_NAMES: Record<number, string> = {
  0: 'exists', 1: 'hup', 2: 'int', 3: 'quit', 4: 'ill', 5: 'trap', 6: 'abrt', 7: 'bus', 8: 'fpe', 9: 'kill',
  10: 'usr1', 11: 'segv', 12: 'usr2', 13: 'pipe', 14: 'alrm', 15: 'term', 17: 'chld', 18: 'cont', 19: 'stop',
};

/**
 * @param signal - a signal number or name (`term`, `SIGTERM`, `0`)
 * @returns the name audit lines print (`exists` for 0)
 * @example signalName(15) // → 'term'
 */
export function signalName(signal: string | number): string {
  if (typeof signal === 'number' || /^\d+$/.test(signal)) return SIGNAL_NAMES[Number(signal)] ?? `unknown(${signal})`;
  return signal.toLowerCase().replace(/^sig/, '');
}

/**
 * kill(2).
 * @param kernel - the kernel
 * @param task - the sender
 * @param target - the receiving task
 * @param signal - signal name or number
 * @returns ok, EPERM (credentials) or EACCES (policy)
 */
export function sysKill(kernel: Kernel, task: Task, target: Task, signal: string | number): SysResult {
  if (task.uid !== target.uid && !kernel.capable(task, 'kill')) return fail('EPERM');
  const name = signalName(signal);
  const send = kernel.check(task, { class: 'signal', access: 'send', signal: name, peer: labelName(target.label) });
  if (!send.ok) return send;
  return kernel.checkAs(task, target.label, { class: 'signal', access: 'receive', signal: name, peer: labelName(task.label) });
}

function mayPtrace(kernel: Kernel, task: Task, target: Task, how: 'trace' | 'read'): SysResult {
  if (task.uid !== target.uid && !kernel.capable(task, 'sys_ptrace')) return fail('EPERM');
  const mine = kernel.check(task, { class: 'ptrace', access: how, peer: labelName(target.label) });
  if (!mine.ok) return mine;
  const theirs = how === 'trace' ? 'tracedby' : 'readby';
  return kernel.checkAs(task, target.label, { class: 'ptrace', access: theirs, peer: labelName(task.label) });
}

/**
 * ptrace(PTRACE_ATTACH).
 * @param kernel - the kernel
 * @param task - the tracer
 * @param target - the tracee
 * @returns ok or the errno
 */
export function sysPtraceAttach(kernel: Kernel, task: Task, target: Task): SysResult {
  return mayPtrace(kernel, task, target, 'trace');
}

/**
 * Reading `/proc/PID/environ`: the file open is mediated first, then proc's `mm_access` asks ptrace read.
 * @param kernel - the kernel
 * @param task - the reader
 * @param target - the task whose environment is read
 * @returns ok or the errno
 */
export function sysReadEnviron(kernel: Kernel, task: Task, target: Task): SysResult {
  const opened = sysOpen(kernel, task, `/proc/${target.pid}/environ`, { access: 'rdonly' });
  if (!opened.ok) return fail(opened.errno);
  const checked = mayPtrace(kernel, task, target, 'read');
  sysClose(task, opened.value);
  return checked.ok ? ok(undefined) : checked;
}
