/**
 * Exec decisions and transitions (`kernel:domain.c profile_transition`, `x_to_label`, `find_attach`): the x
 * permission and its mode pick the new label; px/cx targets are looked up by name or by attachment (longest
 * literal prefix wins, a tie attaches nothing); pix/cix and pux/cux fall back; complain mode runs an exec
 * without x in a `//null-` learning profile. Unconfined tasks attach by path only.
 */
import { renderAuditRecord, type AuditField } from '../audit/render.ts';
import type { CompiledPolicy, CompiledProfile } from './compile.ts';
import type { Decision, ExecTransition } from './decision.ts';
import { fileHalf } from './evaluate-file.ts';
import { buildDecision, fileMatches } from './explain.ts';
import { fileOutcome } from './outcome.ts';
import type { ExecRequest } from './request.ts';
import { MAY } from './request.ts';

/**
 * The kernel's attachment search over `candidates` (`find_attach`): the matching profile with the longest
 * literal prefix; two equally long matches conflict and attach nothing.
 *
 * @param candidates - top-level profiles (px) or the current profile's children (cx)
 * @param path - the binary's resolved path
 * @returns the profile, or undefined (with `isConflict` when a tie caused it)
 * @example findAttachment(policy.profiles, '/usr/bin/x').profile?.name // → 'x' for `profile x /usr/bin/* {}`
 */
export function findAttachment(candidates: Iterable<CompiledProfile>, path: string): { profile?: CompiledProfile; isConflict: boolean } {
  let best: CompiledProfile | undefined;
  let bestLength = -1;
  let isConflict = false;
  for (const candidate of candidates) {
    const attachment = candidate.attachment;
    if (attachment === undefined || !attachment.test(path)) continue;
    const length = attachment.isLiteral ? path.length : attachment.literalPrefixLength;
    if (length < bestLength) continue;
    if (length === bestLength) {
      isConflict = true;
      continue;
    }
    best = candidate;
    bestLength = length;
    isConflict = false;
  }
  return isConflict || !best ? { isConflict } : { profile: best, isConflict };
}

/**
 * An exec from an unconfined task: it attaches the best matching profile, or stays unconfined.
 *
 * @param policy - the loaded profiles (none: stays unconfined)
 * @param request - the exec
 * @returns an allow decision whose transition names the new label
 * @example evaluateUnconfinedExec(undefined, { class: 'exec', path: '/bin/ls', fsuid: 0, ouid: 0 }).transition?.label
 *   // → 'unconfined'
 */
export function evaluateUnconfinedExec(policy: CompiledPolicy | undefined, request: ExecRequest): Decision {
  const found = policy ? findAttachment(policy.profiles, request.path) : { isConflict: false };
  const label = found.profile?.name ?? 'unconfined';
  return {
    verdict: 'allow',
    reason: 'unconfined',
    matches: [],
    audit: false,
    requested: 'x',
    denied: '',
    transition: { label, mode: found.profile ? 'attach' : 'unconfined', isSecure: false, isFallback: false },
    summary: found.profile
      ? `an unconfined task executing ${request.path} attaches profile ${label} (longest attachment match)`
      : `an unconfined task executing ${request.path} stays unconfined: no profile attaches to it${found.isConflict ? ' (conflicting profile attachments)' : ''}`,
  };
}

type Resolution = { label?: string; info?: string; lookupName?: string; isFallback: boolean };

/** `x_to_label`: the new label for an allowed exec, with the kernel's fallback and info texts. */
function resolveTransition(profile: CompiledProfile, policy: CompiledPolicy | undefined, mode: string, target: string | undefined, path: string): Resolution {
  const kind = mode.toLowerCase().replace('x', '');
  let found: CompiledProfile | undefined;
  let lookupName: string | undefined;
  if (kind.startsWith('p')) {
    lookupName = target ?? path;
    found = target !== undefined ? policy?.byName.get(target) : policy && findAttachment(policy.profiles, path).profile;
  } else if (kind.startsWith('c')) {
    // x_table_lookup does not report a child name it failed to find; a by-path search reports the path
    lookupName = target === undefined ? path : undefined;
    found = target !== undefined ? profile.children.get(target) : findAttachment(profile.children.values(), path).profile;
  }
  if (found) return { label: found.name, lookupName, isFallback: false };
  if (kind.endsWith('i')) return { label: profile.name, info: 'ix fallback', lookupName, isFallback: kind !== 'i' };
  if (kind.endsWith('u')) return { label: 'unconfined', info: 'ux fallback', lookupName, isFallback: kind !== 'u' };
  return { info: 'profile transition not found', lookupName, isFallback: false };
}

/**
 * An exec from a confined task (`profile_transition`).
 *
 * @param profile - the task's profile
 * @param policy - every loaded profile, for px/cx lookups
 * @param request - the exec
 * @param isExplained - false skips per-rule explanations
 * @returns the decision, with `transition` when the exec goes ahead
 * @example evaluateExec(profileOf('profile p { /tmp/x ix, }'), undefined, { class: 'exec', path: '/tmp/x', fsuid: 0, ouid: 0 })
 *   .transition // → { label: 'p', mode: 'ix', isSecure: false, isFallback: false }
 */
export function evaluateExec(profile: CompiledProfile, policy: CompiledPolicy | undefined, request: ExecRequest, isExplained = true): Decision {
  const half = fileHalf(profile, request.path, request.fsuid, request.ouid);
  let allow = half.kernelAllow;
  let resolution: Resolution = { isFallback: false };
  let transition: ExecTransition | undefined;
  const mode = half.execMode ?? 'ix';
  if (allow & MAY.EXEC) {
    resolution = resolveTransition(profile, policy, mode, half.execTarget, request.path);
    if (resolution.label === undefined) allow &= ~MAY.EXEC;
    else {
      const isInherit = resolution.label === profile.name && resolution.info !== undefined;
      const isSecure = !isInherit && /^[PCU]/.test(mode);
      transition = { label: resolution.label, mode: half.execMode ?? 'ix', isSecure, isFallback: resolution.isFallback };
    }
  } else if (profile.mode === 'complain') {
    transition = { label: `${profile.name}//null-${request.path}`, mode: 'null-complain', isSecure: false, isFallback: false };
  }
  const outcome = fileOutcome(profile, MAY.EXEC, allow, half.kernelAudit, half.kernelQuiet);
  // profile_transition ignores aa_audit_file's answer: the exec goes ahead exactly when a new label exists
  const isDenied = transition === undefined;
  const targetText = transition?.label ?? resolution.lookupName;
  const record = outcome.type === undefined ? undefined : renderAuditRecord(
    {
      type: outcome.type,
      operation: 'exec',
      ...(resolution.info === undefined ? {} : { info: resolution.info, error: isDenied ? -13 : 0 }),
      profile: profile.name,
      name: request.path,
    },
    request,
    execFields(outcome.requested, outcome.denied, request, targetText),
  );
  const deniedBits = allow & MAY.EXEC ? 0 : MAY.EXEC;
  return buildDecision({
    profile,
    matches: isExplained ? fileMatches(profile, request.path, request.fsuid === request.ouid, MAY.EXEC) : [],
    requestBits: MAY.EXEC,
    deniedBits,
    isExplicit: (half.deny & 1) !== 0,
    outcome: { ...outcome, isDenied },
    errno: 'EACCES',
    requested: 'x',
    denied: deniedBits ? 'x' : '',
    record,
    object: request.path,
    ...(resolution.info !== undefined && isDenied ? { info: resolution.info } : {}),
    ...(transition ? { transition } : {}),
  });
}

function execFields(requested: number, denied: number, request: ExecRequest, target: string | undefined): AuditField[] {
  const fields: AuditField[] = [];
  if (requested) fields.push(['requested_mask', 'x', 'quoted']);
  if (denied) fields.push(['denied_mask', 'x', 'quoted']);
  if (requested) fields.push(['fsuid', request.fsuid, 'raw'], ['ouid', request.ouid, 'raw']);
  if (target !== undefined) fields.push(['target', target, 'untrusted']);
  return fields;
}
