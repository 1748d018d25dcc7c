/**
 * File decisions (`kernel:file.c aa_path_perm`, `aa_path_link`): pick the owner or other half, test every
 * requested bit against the combined allow mask, and let `fileOutcome` decide logging and complain mode.
 * Exec transitions are in exec.ts; the shared decision assembly is in explain.ts.
 */
import { type AuditField, renderAuditRecord } from '../audit/render.ts';
import type { CompiledProfile } from './compile.ts';
import type { Decision } from './decision.ts';
import { buildDecision, fileMatches } from './explain.ts';
import type { HalfPerms } from './file-rules.ts';
import { type Outcome, fileOutcome } from './outcome.ts';
import { FILE_AUDIT_MASK, formatKernelFileMask, mapPolicyToKernel } from './perms.ts';
import { MAY, type FileRequest } from './request.ts';

/**
 * The half of a path's masks that applies: owner when fsuid equals the file's uid (`aa_compute_fperms`).
 *
 * @param profile - the profile
 * @param path - the path as matched
 * @param fsuid - the task's fsuid
 * @param ouid - the object's owner
 * @returns the masks
 * @example fileHalf(profileOf('profile p { owner /a r, }'), '/a', 0, 1000).allow // → 0 (other half)
 */
export function fileHalf(profile: CompiledProfile, path: string, fsuid: number, ouid: number): HalfPerms {
  const perms = profile.file.lookup(path);
  return fsuid === ouid ? perms.user : perms.other;
}

/**
 * Decides a file request for a confined profile.
 *
 * @param profile - the task's profile
 * @param request - the file request
 * @param isExplained - false skips the per-rule explanations (the fast path)
 * @returns the decision with its audit record
 * @example evaluateFile(perm_r, { class: 'file', operation: 'open', path: '/tmp/p/g', mask: MAY.READ, fsuid: 0, ouid: 0 }).reason
 *   // → 'implicit-deny' (logged: requested_mask="r" denied_mask="r")
 */
export function evaluateFile(profile: CompiledProfile, request: FileRequest, isExplained = true): Decision {
  if (request.operation === 'link' && request.target !== undefined) return evaluateLink(profile, request, request.target, isExplained);
  const half = fileHalf(profile, request.path, request.fsuid, request.ouid);
  const outcome = fileOutcome(profile, request.mask, half.kernelAllow, half.kernelAudit, half.kernelQuiet);
  const deniedBits = request.mask & ~half.kernelAllow;
  const isExplicit = (deniedBits & mapPolicyToKernel(half.deny)) !== 0;
  return finishFile(profile, request, outcome, { deniedBits, isExplicit, isExplained, info: undefined });
}

type FinishArgs = { deniedBits: number; isExplicit: boolean; isExplained: boolean; info: string | undefined };

function finishFile(profile: CompiledProfile, request: FileRequest, outcome: Outcome, args: FinishArgs): Decision {
  const record = outcome.type === undefined ? undefined : renderAuditRecord(
    {
      type: outcome.type,
      operation: request.operation,
      ...(args.info === undefined ? {} : { info: args.info, error: -13 }),
      profile: profile.name,
      name: request.path,
    },
    request,
    fileFields(outcome, request),
  );
  const matches = args.isExplained ? fileMatches(profile, request.path, request.fsuid === request.ouid, request.mask) : [];
  return buildDecision({
    profile,
    matches,
    requestBits: request.mask,
    deniedBits: args.deniedBits,
    isExplicit: args.isExplicit,
    outcome,
    errno: 'EACCES',
    requested: formatKernelFileMask(request.mask),
    denied: formatKernelFileMask(args.deniedBits),
    record,
    object: request.path,
    ...(args.info === undefined ? {} : { info: args.info }),
  });
}

/** `file_audit_cb`: requested/denied masks, fsuid/ouid, and `target=` for links. */
function fileFields(outcome: Outcome, request: FileRequest): AuditField[] {
  const fields: AuditField[] = [];
  if (outcome.requested & FILE_AUDIT_MASK) fields.push(['requested_mask', formatKernelFileMask(outcome.requested), 'quoted']);
  if (outcome.denied & FILE_AUDIT_MASK) fields.push(['denied_mask', formatKernelFileMask(outcome.denied), 'quoted']);
  if (outcome.requested & FILE_AUDIT_MASK) {
    fields.push(['fsuid', request.fsuid, 'raw'], ['ouid', request.ouid, 'raw']);
  }
  if (request.target !== undefined) fields.push(['target', request.target, 'untrusted']);
  return fields;
}

/**
 * `aa_path_link`: `l` on the new name, then the (name, target) pair, then, for subset pairs, the new name's
 * other permissions must be a subset of the target's ("link not subset of target").
 */
function evaluateLink(profile: CompiledProfile, request: FileRequest, target: string, isExplained: boolean): Decision {
  const isOwner = request.fsuid === request.ouid;
  const link = fileHalf(profile, request.path, request.fsuid, request.ouid);
  let allow = link.kernelAllow;
  let audit = link.kernelAudit;
  let quiet = link.kernelQuiet;
  let mask: number = MAY.LINK;
  let info: string | undefined;
  let isExplicit = false;
  if (allow & MAY.LINK) {
    const pair = pairPerms(profile, request.path, target, isOwner);
    audit = pair.audit;
    quiet = pair.quiet;
    if (!pair.isAllowed) {
      info = 'target restricted';
      allow = 0;
      isExplicit = pair.isDenied;
    } else if (pair.isSubset) {
      const targetHalf = fileHalf(profile, target, request.fsuid, request.ouid);
      mask = allow & ~MAY.LINK;
      allow &= targetHalf.kernelAllow | MAY.LINK;
      mask |= FILE_AUDIT_MASK & (allow & ~targetHalf.kernelAllow);
      if (!(mask & ~allow) && allow & MAY.EXEC && link.execMode !== targetHalf.execMode) {
        allow &= ~MAY.EXEC;
        mask |= MAY.EXEC;
        info = 'link not subset of target';
      }
    }
  }
  const outcome = fileOutcome(profile, mask, allow, audit, quiet);
  const linkRequest: FileRequest = { ...request, mask, target };
  return finishFile(profile, linkRequest, outcome, { deniedBits: mask & ~allow, isExplicit, isExplained, info });
}

type PairPerms = { isAllowed: boolean; isDenied: boolean; isSubset: boolean; audit: number; quiet: number };

/** The pair half of the link check: allow/deny/audit/quiet of every pair rule matching (name, target). */
function pairPerms(profile: CompiledProfile, link: string, target: string, isOwner: boolean): PairPerms {
  let isAllowed = false;
  let isDenied = false;
  let isSubset = false;
  let audit = 0;
  let quiet = 0;
  for (const pair of profile.file.pairs) {
    if (pair.owner === (isOwner ? 'other' : 'owner')) continue;
    if (!pair.link.test(link) || (pair.target !== undefined && !pair.target.test(target))) continue;
    if (pair.isDeny) {
      isDenied = true;
      if (!pair.isAudit) quiet |= MAY.LINK;
    } else {
      isAllowed = true;
      isSubset ||= pair.isSubset;
      if (pair.isAudit) audit |= MAY.LINK;
    }
  }
  return { isAllowed: isAllowed && !isDenied, isDenied, isSubset, audit, quiet };
}
