/**
 * The evaluator's entry points: `evaluate()` decides any request for a task's profile and explains it as
 * data (DESIGN.md §5), and `decideFile()` is the allocation-free fast path for file checks that only need
 * the verdict. Unconfined tasks (no profile, or the `unconfined` flag) are not mediated (`kernel:lsm.c`).
 */
import type { AuditCache } from '../audit/cache.ts';
import type { CompiledPolicy, CompiledProfile } from './compile.ts';
import type { Decision } from './decision.ts';
import { evaluateExec, evaluateUnconfinedExec } from './exec.ts';
import { evaluateFile } from './evaluate-file.ts';
import { evaluateChangeProfile, evaluateMount, evaluatePtrace, evaluateSignal } from './evaluate-lists.ts';
import { evaluateCapability, evaluateNetwork, evaluateRlimit } from './evaluate-tables.ts';
import type { AccessRequest } from './request.ts';

/** What `evaluate()` needs besides the profile and the request. */
export type EvaluateOptions = {
  /** every loaded profile: exec transitions (px/cx, attachment) and change_profile targets are looked up here */
  policy?: CompiledPolicy;
  /** the caller's capability audit cache (`kernel:capability.c`); without one every record is logged */
  auditCache?: AuditCache;
  /** false skips the per-rule explanations (`matches` stays empty); the verdict and record are unchanged */
  isExplained?: boolean;
};

function unconfinedDecision(request: AccessRequest): Decision {
  return {
    verdict: 'allow',
    reason: 'unconfined',
    matches: [],
    audit: false,
    requested: '',
    denied: '',
    summary: `the task is unconfined, so AppArmor does not mediate this ${request.class} request`,
  };
}

/**
 * Decides one request as the kernel would for a task confined by `profile`.
 *
 * @param profile - the task's profile; undefined for an unconfined task
 * @param request - the request (see request.ts)
 * @param options - the loaded policy, the audit cache, whether to explain
 * @returns the decision: verdict, reason, matches, errno and the audit record
 * @example evaluate(policy.byName.get('k8s-apparmor-example-deny-write'),
 *   { class: 'file', operation: 'mknod', path: '/tmp/test', mask: MAY.CREATE, fsuid: 0, ouid: 0 }).reason
 *   // → 'explicit-deny' (and no audit record: plain deny rules are quiet)
 */
export function evaluate(profile: CompiledProfile | undefined, request: AccessRequest, options: EvaluateOptions = {}): Decision {
  const isUnconfined = profile === undefined || profile.mode === 'unconfined';
  if (request.class === 'exec' && isUnconfined) return evaluateUnconfinedExec(options.policy, request);
  if (request.class === 'change_profile') return evaluateChangeProfile(isUnconfined ? undefined : profile, options.policy, request);
  if (isUnconfined) return unconfinedDecision(request);
  const isExplained = options.isExplained ?? true;
  switch (request.class) {
    case 'file': return evaluateFile(profile, request, isExplained);
    case 'exec': return evaluateExec(profile, options.policy, request, isExplained);
    case 'capability': return evaluateCapability(profile, request, options.auditCache);
    case 'network': return evaluateNetwork(profile, request);
    case 'signal': return evaluateSignal(profile, request);
    case 'ptrace': return evaluatePtrace(profile, request);
    case 'mount': return evaluateMount(profile, request);
    case 'rlimit': return evaluateRlimit(profile, request);
  }
}

/**
 * The fast path: is a file request allowed? Same verdict as `evaluate()` (complain mode allows unless every
 * denied bit is explicitly, quietly denied), but no explanation, no record and no allocation once the path
 * has been seen.
 *
 * @param profile - the task's profile; undefined for an unconfined task
 * @param path - the path as the kernel matches it
 * @param mask - OR of `MAY.*` bits
 * @param fsuid - the task's fsuid
 * @param ouid - the file owner's uid
 * @returns true when the syscall may go ahead
 * @example decideFile(dockerDefault, '/proc/sysrq-trigger', MAY.WRITE, 0, 0) // → false
 */
export function decideFile(profile: CompiledProfile | undefined, path: string, mask: number, fsuid: number, ouid: number): boolean {
  if (profile === undefined || profile.mode === 'unconfined') return true;
  const perms = profile.file.lookup(path);
  const half = fsuid === ouid ? perms.user : perms.other;
  const denied = mask & ~half.kernelAllow;
  if (denied === 0) return true;
  if (profile.mode !== 'complain') return false;
  return (denied & ~half.kernelQuiet) !== 0 || profile.isAudit;
}
