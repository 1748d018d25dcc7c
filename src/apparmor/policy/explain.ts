/**
 * Assembles `Decision` objects from a kernel outcome and the matching rules, so every class explains itself
 * the same way: verdict, reason, the deciding rule, every match, errno, audit record and a one-line summary.
 */
import type { CompiledProfile } from './compile.ts';
import type { AuditRecord, Decision, DecisionReason, Errno, ExecTransition, RuleMatch, RuleRef } from './decision.ts';
import type { Outcome } from './outcome.ts';
import { PERM, formatKernelFileMask, mapPolicyToKernel } from './perms.ts';

/** Everything a class evaluator knows once the kernel logic has run. */
export type DecisionParts = {
  /** the profile decided for (undefined for an unconfined task) */
  profile: CompiledProfile | undefined;
  matches: RuleMatch[];
  requestBits: number;
  /** requested bits the rules do not allow (0 when the rules allow everything) */
  deniedBits: number;
  /** true when some denied bit is denied by a deny rule rather than by the absence of an allow */
  isExplicit: boolean;
  outcome: Outcome;
  errno: Errno;
  requested: string;
  denied: string;
  record: AuditRecord | undefined;
  /** what was checked, for the summary: a path, a capability, `inet stream` … */
  object: string;
  info?: string;
  transition?: ExecTransition;
};

/**
 * @param parts - the evaluator's findings
 * @returns the decision
 * @example buildDecision({ …, deniedBits: 1, isExplicit: false, outcome: { isDenied: true, … }, matches: [] }).reason
 *   // → 'implicit-deny', with the summary "no rule matches …"
 */
export function buildDecision(parts: DecisionParts): Decision {
  const { outcome, matches } = parts;
  const isRuleDenied = parts.deniedBits !== 0 || parts.info !== undefined;
  const reason: DecisionReason = !isRuleDenied
    ? 'explicit-allow'
    : !outcome.isDenied
      ? 'complain-allowed'
      : parts.isExplicit
        ? 'explicit-deny'
        : 'implicit-deny';
  const decidedBy = pickDecider(reason, matches);
  const decision: Decision = {
    verdict: outcome.isDenied ? 'deny' : 'allow',
    reason,
    matches,
    audit: parts.record !== undefined,
    requested: parts.requested,
    denied: isRuleDenied ? parts.denied : '',
    summary: summarize(parts, reason),
  };
  if (decidedBy) decision.decidedBy = decidedBy;
  if (outcome.isDenied) decision.errno = parts.errno;
  if (parts.info !== undefined) decision.info = parts.info;
  if (parts.record) decision.record = parts.record;
  if (outcome.type === 'KILLED') decision.isKilled = true;
  if (parts.transition) decision.transition = parts.transition;
  return decision;
}

/** The deny rule that refuses some requested bit, or the allow rule granting the most of the request. */
function pickDecider(reason: DecisionReason, matches: readonly RuleMatch[]): RuleRef | undefined {
  const relevant = (effect: 'allow' | 'deny') => matches.filter((m) => m.effect === effect && m.applies && m.covers !== '');
  if (reason === 'explicit-deny') return relevant('deny')[0]?.rule;
  if (reason !== 'explicit-allow') return undefined;
  let best: RuleMatch | undefined;
  for (const m of relevant('allow')) if (!best || (m.covers?.length ?? 0) > (best.covers?.length ?? 0)) best = m;
  return best?.rule;
}

function summarize(parts: DecisionParts, reason: DecisionReason): string {
  const logged = parts.record ? `logged as apparmor="${parts.record.type}"` : 'not logged';
  const what = parts.denied || parts.requested;
  switch (reason) {
    case 'explicit-allow':
      return `${parts.requested || 'the request'} on ${parts.object} is allowed by a matching rule (${logged})`;
    case 'explicit-deny':
      return `a deny rule matches ${parts.object}, so ${what} is denied (${parts.record ? logged : 'not logged: plain deny rules are quiet'})`;
    case 'complain-allowed':
      return `complain mode: ${what} on ${parts.object} is not granted by any rule, so it is allowed and ${logged}`;
    case 'implicit-deny': {
      const lead = parts.matches.length === 0
        ? `no rule matches ${parts.object}`
        : `no matching rule grants ${what} on ${parts.object}`;
      return `${lead}, so it is denied (implicit deny${parts.info ? `: ${parts.info}` : ''}; ${logged})`;
    }
    default:
      return `${parts.object}: unconfined`;
  }
}

/**
 * Every file rule matching `path`, with the AARE's explanation (the slow, explaining path).
 *
 * @param profile - the profile
 * @param path - the path as matched
 * @param isOwner - fsuid equals the file owner
 * @param request - the requested kernel bits, to fill each match's `covers`
 * @returns the matches in profile order
 * @example fileMatches(profileOf('profile p { /tmp/* r, }'), '/tmp/a', true)[0]?.perms // → 'r'
 */
export function fileMatches(profile: CompiledProfile, path: string, isOwner: boolean, request = 0): RuleMatch[] {
  const out: RuleMatch[] = [];
  for (const index of profile.file.matching(path)) {
    const entry = profile.file.entries[index];
    const info = entry && profile.rules[entry.ruleIndex];
    if (!entry || !info) continue;
    const bits = isOwner ? entry.user : entry.other;
    out.push({
      covers: formatKernelFileMask(request & mapPolicyToKernel(info.effect === 'deny' ? bits & ~PERM.LINK : bits)),
      rule: info.ref,
      effect: info.effect,
      isAudit: info.isAudit,
      owner: info.owner,
      applies: (isOwner ? entry.user : entry.other) !== 0,
      perms: info.perms,
      why: entry.explanation ?? entry.matcher.explain(path),
    });
  }
  return out;
}

/**
 * A match for a non-file rule (capability, network, signal …), whose "why" is a plain sentence.
 *
 * @param profile - the profile
 * @param ruleIndex - the rule's index in `profile.rules`
 * @param why - why it matched
 * @returns the match, or undefined for an unknown index
 * @example ruleMatch(profileOf('profile p { capability chown, }'), 0, 'names chown')?.perms // → 'chown'
 */
export function ruleMatch(profile: CompiledProfile, ruleIndex: number, why: string): RuleMatch | undefined {
  const info = profile.rules[ruleIndex];
  if (!info) return undefined;
  return { rule: info.ref, effect: info.effect, isAudit: info.isAudit, owner: info.owner, applies: true, perms: info.perms, why };
}
