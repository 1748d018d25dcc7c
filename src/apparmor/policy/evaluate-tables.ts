/**
 * Decisions for the bit-table classes: capability (`kernel:capability.c profile_capable` + `audit_caps` with
 * its de-duplication cache), network by family/type (`kernel:net.c aa_profile_af_perm`), and rlimit
 * (`kernel:resource.c profile_setrlimit`).
 */
import type { AuditCache } from '../audit/cache.ts';
import { renderAuditRecord, type AuditField } from '../audit/render.ts';
import type { BitTable } from './class-rules.ts';
import type { CompiledProfile } from './compile.ts';
import type { AuditType, Decision, RuleMatch } from './decision.ts';
import { buildDecision, ruleMatch } from './explain.ts';
import { capabilityNumber, familyNumber, sockTypeNumber } from './kernel-numbers.ts';
import { checkPermsOutcome, type Outcome } from './outcome.ts';
import type { CapabilityRequest, NetworkRequest, RlimitRequest } from './request.ts';

function tableMatches(profile: CompiledProfile, table: BitTable, slot: number, bit: number, why: string): RuleMatch[] {
  const out: RuleMatch[] = [];
  for (const index of new Set(table.rules[slot] ?? [])) {
    const match = ruleMatch(profile, index, why);
    if (match) out.push(match);
  }
  return bit === 0 ? [] : out;
}

function denialType(profile: CompiledProfile): AuditType {
  return profile.mode === 'kill' ? 'KILLED' : profile.mode === 'complain' ? 'ALLOWED' : 'DENIED';
}

/**
 * `profile_capable` + `audit_caps`: allowed iff in the allow set and not denied; a quiet deny is silent;
 * repeated records for the same profile and capability are dropped through `cache`.
 *
 * @param profile - the task's profile
 * @param request - the capability check
 * @param cache - the caller's per-CPU audit cache (none: every record is logged)
 * @returns the decision (errno EPERM)
 * @example evaluateCapability(profileOf('profile p { }'), { class: 'capability', capability: 'chown' }).record?.line
 *   // → 'type=1400 apparmor="DENIED" operation="capable" profile="p" pid=<pid> comm="?" capability=0  capname="chown"'
 */
export function evaluateCapability(profile: CompiledProfile, request: CapabilityRequest, cache?: AuditCache): Decision {
  const cap = capabilityNumber(request.capability);
  const table = profile.capability;
  const isAllowed = cap >= 0 && table.allow[cap] === 1 && table.deny[cap] !== 1;
  const isComplain = profile.mode === 'complain';
  let type: AuditType | undefined;
  let info: string | undefined;
  // audit_caps returns the error before the complain conversion for quiet (explicitly denied) capabilities
  let isQuietDenial = false;
  if (request.isNoAudit && !isComplain) type = undefined;
  else if (isAllowed) type = profile.isAudit || table.audit[cap] === 1 ? 'AUDIT' : undefined;
  else if (profile.mode !== 'kill' && table.quiet[cap] === 1 && !profile.isAudit) isQuietDenial = true;
  else type = denialType(profile);
  if (request.isNoAudit && isComplain) info = 'optional: no audit';
  if (type !== undefined && cap >= 0 && cache?.isDuplicate(profile, cap)) type = undefined;
  const isDenied = !isAllowed && (!isComplain || isQuietDenial);
  const outcome: Outcome = { isDenied, type, requested: 1, denied: isAllowed ? 0 : 1 };
  const record = type === undefined ? undefined : renderAuditRecord(
    { type, operation: 'capable', ...(info ? { info } : {}), profile: profile.name },
    request,
    [['capname', request.capability, 'quoted']],
    cap,
  );
  return buildDecision({
    profile,
    matches: tableMatches(profile, table, cap, 1, `names capability ${request.capability}`),
    requestBits: 1,
    deniedBits: isAllowed ? 0 : 1,
    isExplicit: table.deny[cap] === 1,
    outcome,
    errno: 'EPERM',
    requested: request.capability,
    denied: request.capability,
    record,
    object: `capability ${request.capability}`,
  });
}

/** The `net_mask_names` word each socket operation requests. */
const NETWORK_PERM: Record<NetworkRequest['operation'], string> = {
  create: 'create', bind: 'bind', connect: 'connect', listen: 'listen', accept: 'accept', sendmsg: 'send',
  recvmsg: 'receive', getsockname: 'getattr', getpeername: 'getattr', getsockopt: 'getopt', setsockopt: 'setopt',
  socket_shutdown: 'shutdown',
};

/**
 * `aa_profile_af_perm`: the family's type bit decides every socket permission (3.0 network rules).
 *
 * @param profile - the task's profile
 * @param request - the socket check
 * @returns the decision (errno EACCES)
 * @example evaluateNetwork(profileOf('profile p { network tcp, }'),
 *   { class: 'network', operation: 'create', family: 'inet6', type: 'stream', protocol: 6 }).verdict // → 'allow'
 */
export function evaluateNetwork(profile: CompiledProfile, request: NetworkRequest): Decision {
  const family = familyNumber(request.family);
  const type = sockTypeNumber(request.type);
  const table = profile.network;
  const bit = type >= 0 ? 1 << type : 0;
  const has = (mask: Uint8Array): number => (family >= 0 && ((mask[family] ?? 0) & bit) !== 0 ? 1 : 0);
  const outcome = checkPermsOutcome(profile, 1, has(table.allow), has(table.deny), has(table.audit), has(table.quiet));
  const perm = NETWORK_PERM[request.operation];
  const fields: AuditField[] = [
    ['family', request.family, 'quoted'],
    ['sock_type', request.type, 'quoted'],
    ['protocol', request.protocol, 'raw'],
  ];
  if (outcome.requested) fields.push(['requested_mask', perm, 'quoted']);
  if (outcome.requested && outcome.denied) fields.push(['denied_mask', perm, 'quoted']);
  const record = outcome.type === undefined ? undefined : renderAuditRecord(
    { type: outcome.type, operation: request.operation, profile: profile.name },
    request,
    fields,
  );
  const deniedBits = has(table.allow) && !has(table.deny) ? 0 : 1;
  return buildDecision({
    profile,
    matches: tableMatches(profile, table, family, bit, `covers ${request.family} ${request.type} sockets`)
      .filter((m) => m.rule.kind === 'network'),
    requestBits: 1,
    deniedBits,
    isExplicit: has(table.deny) === 1,
    outcome,
    errno: 'EACCES',
    requested: perm,
    denied: perm,
    record,
    object: `${request.family} ${request.type} sockets`,
  });
}

/**
 * `profile_setrlimit`: raising a hard limit above a `set rlimit` value fails; never quiet.
 *
 * @param profile - the task's profile
 * @param request - the setrlimit call
 * @returns the decision (errno EACCES)
 * @example evaluateRlimit(profileOf('profile p { set rlimit nofile <= 256, }'),
 *   { class: 'rlimit', resource: 'nofile', value: 512 }).verdict // → 'deny'
 */
export function evaluateRlimit(profile: CompiledProfile, request: RlimitRequest): Decision {
  const limit = profile.rlimits.get(request.resource);
  const isOver = limit !== undefined && request.value > limit.value;
  const type: AuditType | undefined = isOver ? denialType(profile) : profile.isAudit ? 'AUDIT' : undefined;
  const outcome: Outcome = { isDenied: isOver && type !== 'ALLOWED', type, requested: 1, denied: isOver ? 1 : 0 };
  const record = type === undefined ? undefined : renderAuditRecord(
    { type, operation: 'setrlimit', profile: profile.name },
    request,
    [['rlimit', request.resource, 'raw'], ['value', request.value, 'raw']],
  );
  const match = limit ? ruleMatch(profile, limit.ruleIndex, `limits ${request.resource} to ${limit.value}`) : undefined;
  return buildDecision({
    profile,
    matches: match ? [match] : [],
    requestBits: 1,
    deniedBits: isOver ? 1 : 0,
    isExplicit: isOver,
    outcome,
    errno: 'EACCES',
    requested: `${request.resource}=${request.value}`,
    denied: `${request.resource}=${request.value}`,
    record,
    object: `rlimit ${request.resource}`,
  });
}
