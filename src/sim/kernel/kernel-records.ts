/**
 * Audit records the kernel writes on its own, outside any rule decision: profile load/replace/remove
 * (`apparmor="STATUS"`) and a change_profile to a label that does not exist (`info="label not found"`).
 * Same layout as the engine's records (`kernel:audit.c audit_pre`, then `pid=`/`comm=`).
 */
import { untrustedString as auditString } from '../../apparmor/index.ts';
import type { Task } from './task.ts';

/**
 * The STATUS record of a profile load as `apparmor_parser` causes it.
 * @param operation - `profile_load`, `profile_replace` or `profile_remove`
 * @param name - the profile's full name
 * @param pid - the parser's pid
 * @returns the record line
 * @example statusRecord('profile_load', 'p', 7) // → 'type=1400 apparmor="STATUS" operation="profile_load" profile="unconfined" name="p" pid=7 comm="apparmor_parser"'
 */
export function statusRecord(operation: string, name: string, pid: number): string {
  return `type=1400 apparmor="STATUS" operation="${operation}" profile="unconfined" name=${auditString(name)} pid=${pid} comm="apparmor_parser"`;
}

/**
 * The record of a change_profile/change_onexec/change_hat whose target label is not loaded (logged even
 * for unconfined tasks, `kernel:domain.c aa_change_profile`).
 * @param task - the calling task
 * @param operation - `change_profile`, `change_onexec`
 * @param profile - the caller's label name
 * @param target - the missing label
 * @returns the record line
 * @example labelNotFoundRecord({ pid: 7, comm: 'aaop' } as Task, 'change_profile', 'unconfined', 'p')
 * // → 'type=1400 apparmor="DENIED" operation="change_profile" info="label not found" error=-2 profile="unconfined" name="p" pid=7 comm="aaop"'
 */
export function labelNotFoundRecord(task: Task, operation: string, profile: string, target: string): string {
  return `type=1400 apparmor="DENIED" operation="${operation}" info="label not found" error=-2 profile=${auditString(profile)} name=${auditString(target)} pid=${task.pid} comm=${auditString(task.comm)}`;
}
