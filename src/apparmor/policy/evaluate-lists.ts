/**
 * Decisions for the rule-list classes: signal and ptrace (one side each, `kernel:ipc.c`), mount/umount
 * (`kernel:mount.c`, with its "failed … match" info texts) and change_profile/change_onexec
 * (`kernel:domain.c aa_change_profile`). Each rule's conditionals are tested per request.
 */
import { renderAuditRecord, type AuditField } from '../audit/render.ts';
import type { MountEntry, PeerEntry } from './class-rules.ts';
import type { CompiledPolicy, CompiledProfile } from './compile.ts';
import type { AuditType, Decision, RuleMatch } from './decision.ts';
import { buildDecision, ruleMatch } from './explain.ts';
import { checkPermsOutcome, fileOutcome, type Outcome } from './outcome.ts';
import type { ChangeProfileRequest, MountRequest, PtraceRequest, SignalRequest } from './request.ts';

type Union = { allow: number; deny: number; audit: number; quiet: number; matches: RuleMatch[] };

function unionOf(profile: CompiledProfile, entries: readonly { entry: { ruleIndex: number; isDeny: boolean; isAudit: boolean }; why: string }[]): Union {
  const out: Union = { allow: 0, deny: 0, audit: 0, quiet: 0, matches: [] };
  for (const { entry, why } of entries) {
    if (entry.isDeny) {
      out.deny = 1;
      if (!entry.isAudit) out.quiet = 1;
    } else {
      out.allow = 1;
      if (entry.isAudit) out.audit = 1;
    }
    const match = ruleMatch(profile, entry.ruleIndex, why);
    if (match) out.matches.push(match);
  }
  return out;
}

function peerDecision(profile: CompiledProfile, request: SignalRequest | PtraceRequest, entries: readonly PeerEntry[]): Decision {
  const matching = entries
    .filter((e) => e.accesses.has(request.access))
    .filter((e) => request.class !== 'signal' || e.signals === undefined || e.signals.has(request.signal))
    .filter((e) => e.peer === undefined || e.peer.test(request.peer))
    .map((entry) => ({ entry, why: entry.peer ? entry.peer.explain(request.peer) : `any peer (${request.peer})` }));
  const u = unionOf(profile, matching);
  const outcome = checkPermsOutcome(profile, 1, u.allow, u.deny, u.audit, u.quiet);
  const fields: AuditField[] = [];
  if (outcome.requested) fields.push(['requested_mask', request.access, 'quoted']);
  if (outcome.requested && outcome.denied) fields.push(['denied_mask', request.access, 'quoted']);
  if (request.class === 'signal') fields.push(['signal', request.signal, 'raw']);
  fields.push(['peer', request.peer, 'untrusted']);
  const record = outcome.type === undefined ? undefined : renderAuditRecord(
    { type: outcome.type, operation: request.class, profile: profile.name },
    request,
    fields,
  );
  const deniedBits = u.allow && !u.deny ? 0 : 1;
  return buildDecision({
    profile,
    matches: u.matches,
    requestBits: 1,
    deniedBits,
    isExplicit: u.deny === 1,
    outcome,
    errno: 'EACCES',
    requested: request.access,
    denied: request.access,
    record,
    object: request.class === 'signal' ? `signal ${request.signal} with peer ${request.peer}` : `ptrace peer ${request.peer}`,
  });
}

/**
 * One side of a signal check: `send` in the sender's profile (peer = target label) or `receive` in the
 * target's profile (peer = sender label). The kernel asks both; the caller asks each side.
 *
 * @param profile - the profile of the side being checked
 * @param request - the side's request
 * @returns the decision (errno EACCES)
 * @example evaluateSignal(profileOf('profile p { signal (receive) peer=unconfined, }'),
 *   { class: 'signal', access: 'receive', signal: 'term', peer: 'unconfined' }).verdict // → 'allow'
 */
export function evaluateSignal(profile: CompiledProfile, request: SignalRequest): Decision {
  return peerDecision(profile, request, profile.signal);
}

/**
 * One side of a ptrace check: the tracer's `trace`/`read` or the tracee's `tracedby`/`readby`.
 *
 * @param profile - the profile of the side being checked
 * @param request - the side's request
 * @returns the decision (errno EACCES)
 * @example evaluatePtrace(profileOf('profile p { }'), { class: 'ptrace', access: 'trace', peer: 'unconfined' }).verdict
 *   // → 'deny'
 */
export function evaluatePtrace(profile: CompiledProfile, request: PtraceRequest): Decision {
  return peerDecision(profile, request, profile.ptrace);
}

/** `mount.c mnt_info_table`, indexed by the first component no rule matched. */
const MOUNT_INFO = ['failed mntpnt match', 'failed srcname match', 'failed type match', 'failed flags match', 'failed perms check'];

/** How many of (mountpoint, source, fstype, flags) a rule matches in order, as the mount DFA walks them. */
function mountProgress(entry: MountEntry, request: MountRequest): number {
  if (entry.mountpoint && !entry.mountpoint.test(request.path)) return 0;
  if (request.operation === 'umount') return 4;
  if (request.operation === 'pivotroot') return entry.source && !entry.source.test(request.source ?? '') ? 1 : 4;
  if (entry.source && !entry.source.test(request.source ?? 'none')) return 1;
  if (entry.fstypes && !entry.fstypes.some((t) => t.test(request.fstype ?? ''))) return 2;
  const flags = new Set(request.flags ?? []);
  const isExact = entry.optionsExact?.some((set) => set.length === flags.size && set.every((f) => flags.has(f))) ?? true;
  const isWithin = entry.optionsIn === undefined || [...flags].every((f) => entry.optionsIn?.has(f));
  if (entry.optionsExact && !isExact) return 3;
  if (!isWithin) return 3;
  return 4;
}

/**
 * mount / remount / umount: allowed when one rule matches every conditional; otherwise the info names the
 * first component no rule got past.
 *
 * @param profile - the task's profile
 * @param request - the mount call
 * @returns the decision (errno EACCES)
 * @example evaluateMount(profileOf('profile p { }'), { class: 'mount', operation: 'mount', path: '/mnt/' }).info
 *   // → 'failed mntpnt match'
 */
export function evaluateMount(profile: CompiledProfile, request: MountRequest): Decision {
  const kinds = { mount: 'mount', umount: 'umount', remount: 'remount', pivotroot: 'pivot_root' } as const;
  const kind = kinds[request.operation];
  const entries = profile.mount.filter((e) => e.kind === kind || (kind === 'remount' && e.kind === 'mount'));
  let best = 0;
  const full: { entry: MountEntry; why: string }[] = [];
  for (const entry of entries) {
    const progress = mountProgress(entry, request);
    best = Math.max(best, progress);
    if (progress === 4) full.push({ entry, why: `matches ${request.path}` });
  }
  const u = unionOf(profile, full);
  const allow = u.allow && !u.deny ? 1 : 0;
  const outcome = fileOutcome(profile, 1, allow, u.audit, u.quiet);
  const info = allow || kind === 'umount' || kind === 'pivot_root' ? undefined : MOUNT_INFO[best];
  const record = outcome.type === undefined ? undefined : renderAuditRecord(
    { type: outcome.type, operation: request.operation, ...(info ? { info, error: -13 } : {}), profile: profile.name, name: request.path },
    request,
    mountFields(request),
  );
  return buildDecision({
    profile, matches: u.matches, requestBits: 1, deniedBits: allow ? 0 : 1, isExplicit: u.deny === 1, outcome,
    errno: 'EACCES', requested: request.operation, denied: request.operation, record, object: request.path,
    ...(info && outcome.isDenied ? { info } : {}),
  });
}

function mountFields(request: MountRequest): AuditField[] {
  if (request.operation === 'umount') return [];
  if (request.operation === 'pivotroot') return request.source === undefined ? [] : [['srcname', request.source, 'untrusted']];
  const fields: AuditField[] = [];
  if (request.fstype !== undefined) fields.push(['fstype', request.fstype, 'untrusted']);
  fields.push(['srcname', request.source ?? 'none', 'untrusted']);
  const flags = request.flags ?? [];
  if (flags.length) {
    const rest = flags.filter((f) => f !== 'ro' && f !== 'rw');
    fields.push(['flags', [flags.includes('ro') ? 'ro' : 'rw', ...rest].join(', '), 'quoted']);
  }
  return fields;
}

/**
 * change_profile / change_onexec: the target must exist (else ENOENT, "label not found") and a
 * change_profile rule must allow it (a file-class permission, so plain deny rules are quiet).
 *
 * @param profile - the task's profile (undefined: unconfined, which may change to any existing label)
 * @param policy - the loaded profiles
 * @param request - the change
 * @returns the decision
 * @example evaluateChangeProfile(p, policy, { class: 'change_profile', operation: 'change_profile', target: 'nope' }).errno
 *   // → 'ENOENT' (info "label not found")
 */
export function evaluateChangeProfile(profile: CompiledProfile | undefined, policy: CompiledPolicy | undefined, request: ChangeProfileRequest): Decision {
  const exists = request.target === 'unconfined' || policy?.byName.has(request.target) === true;
  const label = profile?.name ?? 'unconfined';
  const full = (profile?.changeProfile ?? [])
    .filter((e) => (e.target === undefined || e.target.test(request.target)) && (e.execPath === undefined || (request.execPath !== undefined && e.execPath.test(request.execPath))))
    .map((entry) => ({ entry, why: entry.target ? entry.target.explain(request.target) : 'any profile' }));
  const u = profile ? unionOf(profile, full) : { allow: 1, deny: 0, audit: 0, quiet: 0, matches: [] };
  const allow = profile === undefined || (u.allow && !u.deny) ? 1 : 0;
  let outcome: Outcome;
  let info: string | undefined;
  if (!exists) {
    info = 'label not found';
    const type: AuditType = profile?.mode === 'complain' ? 'ALLOWED' : 'DENIED';
    outcome = { isDenied: true, type, requested: 1, denied: 1 };
  } else outcome = profile ? fileOutcome(profile, 1, allow, u.audit, u.quiet) : { isDenied: false, type: undefined, requested: 0, denied: 0 };
  const fields: AuditField[] = exists ? [['target', request.target, 'untrusted']] : [];
  const record = outcome.type === undefined ? undefined : renderAuditRecord(
    { type: outcome.type, operation: request.operation, ...(info ? { info, error: -2 } : {}), profile: label, name: request.target },
    request,
    fields,
  );
  const decision = buildDecision({
    profile, matches: u.matches, requestBits: 1,
    deniedBits: allow && exists ? 0 : 1, isExplicit: u.deny === 1, outcome, errno: exists ? 'EACCES' : 'ENOENT',
    requested: request.operation, denied: request.operation, record, object: `profile ${request.target}`,
    ...(info ? { info } : {}),
  });
  return profile === undefined && exists ? { ...decision, reason: 'unconfined' } : decision;
}
