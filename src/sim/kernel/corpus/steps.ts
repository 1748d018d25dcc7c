/**
 * Step bookkeeping for an op: each syscall the corpus helper makes is one step (`{call, ret}` or
 * `{call, ret: -1, errno, errname, error}`); the first failing step ends the op. Shared by the op runner
 * and the capability actions.
 */
import { ERRNO, ERRNO_TEXT, type Errno } from '../errno.ts';
import type { SysResult } from '../kernel.ts';
import type { OpStep } from './case-format.ts';

/** The steps of one op so far, and its first failure. */
export class StepLog {
  readonly steps: OpStep[] = [];
  failure: { call: string; errno: Errno } | undefined;

  /**
   * Records a syscall's outcome.
   * @param call - the step name as the corpus prints it, e.g. `open`, `flock(LOCK_EX)`
   * @param result - the syscall result
   * @param ret - the return value to print on success (default 0)
   * @returns true when the step succeeded
   */
  record(call: string, result: SysResult<unknown>, ret = 0): boolean {
    if (result.ok) {
      this.steps.push({ call, ret });
      return true;
    }
    this.fail(call, result.errno);
    return false;
  }

  /**
   * Records a failing step.
   * @param call - the step name
   * @param errno - the error
   */
  fail(call: string, errno: Errno): void {
    this.steps.push({ call, ret: -1, errno: ERRNO[errno], errname: errno, error: ERRNO_TEXT[errno] });
    this.failure ??= { call, errno };
  }
}
