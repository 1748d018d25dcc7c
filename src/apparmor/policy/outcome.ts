/**
 * The kernel's shared audit/mode logic, as data: given what a profile allows, audits and quiets, decide the
 * syscall's fate and whether and how it is logged. `fileOutcome` follows `kernel:file.c aa_audit_file` +
 * `audit.c aa_audit`; `checkPermsOutcome` follows `lib.c aa_check_perms` + `aa_apply_modes_to_perms`.
 */
import type { AuditType } from './decision.ts';
import type { CompiledProfile } from './compile.ts';

/** What the kernel does with one check. */
export type Outcome = {
  /** the syscall is refused */
  isDenied: boolean;
  /** the record type, or undefined when nothing is logged */
  type: AuditType | undefined;
  /** the bits printed as `requested_mask` */
  requested: number;
  /** the bits printed as `denied_mask` (0 for AUDIT records) */
  denied: number;
};

/**
 * `aa_audit_file`: denied bits are reported only where not quiet; a denial that is entirely quiet returns the
 * error silently even in complain mode (explicit deny wins); complain converts the rest to ALLOWED.
 *
 * @param profile - the profile (mode and audit flag)
 * @param request - requested bits
 * @param allow - allowed bits
 * @param audit - force-audit bits
 * @param quiet - quiet bits
 * @param isForcedError - the check failed for another reason (e.g. transition not found) even if bits allow
 * @returns the outcome
 * @example fileOutcome(enforceProfile, MAY.WRITE, MAY.READ, 0, MAY.WRITE) // → { isDenied: true, type: undefined, … } (quiet)
 */
export function fileOutcome(
  profile: CompiledProfile,
  request: number,
  allow: number,
  audit: number,
  quiet: number,
  isForcedError = false,
): Outcome {
  const isError = isForcedError || (request & ~allow) !== 0;
  if (!isError) {
    const shown = request & (profile.isAudit ? 0xffffffff : audit);
    return { isDenied: false, type: shown ? 'AUDIT' : undefined, requested: shown, denied: 0 };
  }
  let reported = request & ~allow;
  if (!profile.isAudit && reported & quiet) reported &= ~quiet;
  if (!reported && !isForcedError) return { isDenied: true, type: undefined, requested: 0, denied: 0 };
  const type: AuditType = profile.mode === 'kill' ? 'KILLED' : profile.mode === 'complain' ? 'ALLOWED' : 'DENIED';
  return { isDenied: type !== 'ALLOWED', type, requested: reported, denied: reported & ~allow };
}

/**
 * `aa_check_perms` after `aa_apply_modes_to_perms`, for the classes mediated through the policy DFA
 * (network, signal, ptrace): kill mode kills, complain makes denials ALLOWED unless every denied bit is quiet.
 *
 * @param profile - the profile (mode and audit flag)
 * @param request - requested bits
 * @param allow - allowed bits
 * @param deny - explicitly denied bits
 * @param audit - force-audit bits
 * @param quiet - quiet bits
 * @returns the outcome
 * @example checkPermsOutcome(complainProfile, 1, 0, 0, 0, 0) // → { isDenied: false, type: 'ALLOWED', requested: 1, denied: 1 }
 */
export function checkPermsOutcome(
  profile: CompiledProfile,
  request: number,
  allow: number,
  deny: number,
  audit: number,
  quiet: number,
): Outcome {
  const all = 0xffffffff;
  const auditMask = profile.isAudit ? all : audit;
  const quietMask = profile.isAudit ? 0 : quiet;
  let denied = request & (~allow | deny);
  if (!denied) {
    const shown = request & auditMask;
    return { isDenied: false, type: shown ? 'AUDIT' : undefined, requested: shown, denied: 0 };
  }
  const type: AuditType = profile.mode === 'kill' ? 'KILLED' : profile.mode === 'complain' ? 'ALLOWED' : 'DENIED';
  denied &= ~quietMask;
  // aa_check_perms returns before the complain conversion when nothing is left to log
  if (!denied) return { isDenied: true, type: undefined, requested: 0, denied: 0 };
  return { isDenied: type !== 'ALLOWED', type, requested: request, denied };
}
