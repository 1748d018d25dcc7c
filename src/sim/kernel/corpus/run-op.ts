/**
 * One corpus op, done the way the corpus helper (`aaop`) does it: start a task as the op's user, open any
 * `preopen` fd while still unconfined, enter the profile (change_profile, then change_hat), make the
 * op's syscalls, and report the steps, the outcome and the audit records logged meanwhile.
 * `cmd` ops run real programs and are left to the node simulator.
 */
import { dmesgLine, normaliseAuditLine } from '../audit-line.ts';
import { ERRNO } from '../errno.ts';
import type { Kernel } from '../kernel.ts';
import { HELPER_PATH } from '../base-image.ts';
import type { Task } from '../task.ts';
import { sysChangeHat, sysChangeProfile } from '../syscalls/procattr.ts';
import { parseOpenFlags, sysOpen } from '../syscalls/open.ts';
import type { CaseOp, OpResult } from './case-format.ts';
import { StepLog } from './steps.ts';
import { runFileOp } from './file-op.ts';
import { runProcessOp } from './process-op.ts';

/** The text reported for ops the kernel model cannot answer. */
export const CMD_UNSUPPORTED = 'cmd ops run real programs; answered once the simulated node exists';

/** What an op body reports besides its steps. */
export type OpExtras = Partial<Pick<OpResult, 'data' | 'exit' | 'signal' | 'stdout' | 'stderr' | 'label' | 'at_secure' | 'cap_granted'>>;

/** Everything an op body needs. */
export type OpContext = { kernel: Kernel; task: Task; op: CaseOp; log: StepLog; preopenFd: number | undefined };

/**
 * Runs one op.
 * @param kernel - the case's kernel (profiles loaded, files laid)
 * @param op - the op with `as`/`user` already defaulted from the case
 * @param clock - a counter for the dmesg stamps of this run
 * @returns the op's result in the corpus format
 */
export function runOp(kernel: Kernel, op: CaseOp, clock: { serial: number }): OpResult {
  if (op.op === 'cmd') return { unsupported: CMD_UNSUPPORTED, audit: [], audit_norm: [] };
  const mark = kernel.auditMark();
  const before = new Set(kernel.tasks.keys());
  const task = kernel.spawn({ exe: HELPER_PATH, user: op.user ?? 'root' });
  const log = new StepLog();
  let preopenFd: number | undefined;
  if (typeof op.preopen === 'string' && typeof op.path === 'string') {
    const opened = sysOpen(kernel, task, op.path, parseOpenFlags(op.preopen));
    preopenFd = opened.ok ? opened.value : undefined;
  }
  const extras: OpExtras = enter(kernel, task, op, log) ? runBody({ kernel, task, op, log, preopenFd }) : {};
  if (task.killedBy !== undefined) extras.signal = task.killedBy;
  for (const other of [...kernel.tasks.values()]) if (!before.has(other.pid)) kernel.exit(other);
  const records = kernel.auditSince(mark);
  const audit = records.map((record) => dmesgLine(record, 10 + clock.serial / 1000, clock.serial++));
  const result: OpResult = { allowed: log.failure === undefined, ...extras, steps: log.steps, audit, audit_norm: records.map(normaliseAuditLine) };
  if (op.op === 'capability') result.allowed = extras.cap_granted ?? false;
  if ((op.op === 'exec' || op.op === 'probe') && log.failure?.call !== 'enter_profile') {
    result.allowed = log.steps.some((s) => s.call === 'execve' && s.ret === 0);
  }
  if (log.failure) {
    result.errno = log.failure.errno;
    result.errno_num = ERRNO[log.failure.errno];
    result.failed_call = log.failure.call;
    if (log.failure.call === 'enter_profile') result.enter_failed = true;
  }
  return result;
}

/** change_profile into `as` (unconfined: nothing to do), then change_hat into `hat`. */
function enter(kernel: Kernel, task: Task, op: CaseOp, log: StepLog): boolean {
  if (op.as !== undefined && op.as !== null && op.as !== 'unconfined') {
    const entered = sysChangeProfile(kernel, task, op.as, 'change_profile', false);
    if (!entered.ok) return log.record('enter_profile', entered);
  }
  if (typeof op.hat === 'string') {
    const hat = sysChangeHat(kernel, task, op.hat);
    if (!hat.ok) return log.record('enter_profile', hat);
  }
  return true;
}

function runBody(context: OpContext): OpExtras {
  if (context.op.op === 'noop') return {};
  const fileResult = runFileOp(context);
  if (fileResult !== undefined) return fileResult;
  const processResult = runProcessOp(context);
  if (processResult !== undefined) return processResult;
  context.log.fail(context.op.op, 'EINVAL');
  return {};
}
