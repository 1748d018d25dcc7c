/**
 * The Try-an-access panel's view model, computed from the engine (no DOM): the verdict for one subject,
 * the deciding rule with its source range (to highlight), every other matching rule, the implicit-deny
 * explanation, what complain mode would change and the exact audit line; plus batch access tests.
 */
import { evaluate, readBundledFile, type CompiledPolicy, type CompiledProfile, type RuleMatch, type RuleRef } from '../../apparmor/index.ts';
import { parseAccessTests, parseSubject } from './access-subject.ts';
import { MAIN_FILE } from './analysis.ts';

/** One rule as the panel lists it. */
export type RuleView = {
  /** the rule as written (or why the parser added it) */
  text: string;
  /** `[start, end)` in the editor's text, when the rule is written there */
  range: [number, number] | undefined;
  /** the include it comes from, when not the editor's own file */
  file: string | undefined;
  /** 1-based line in the editor's text (or in `file`) */
  line: number | undefined;
  effect: 'allow' | 'deny';
  perms: string;
  why: string;
  /** false when an `owner`/`other` rule matched the path but not the file's owner */
  applies: boolean;
};

/** The panel's answer for one subject. */
export type TryAccessView = {
  subject: string;
  profile: string;
  verdict: 'allow' | 'deny';
  /** `ALLOWED by file,` · `DENIED by deny /** w,` · `DENIED: no rule allows it (implicit deny)` */
  headline: string;
  summary: string;
  deciding: RuleView | undefined;
  others: RuleView[];
  /** set for implicit denials: why nothing matched */
  implicitDeny: string | undefined;
  /** what complain mode would change */
  complain: string;
  /** the kernel's audit line, or undefined when the access is not logged */
  auditLine: string | undefined;
  /** a sentence about logging: logged, or quiet and why */
  logNote: string;
};

/** The task the panel pretends to be, so audit lines carry a pid and comm as the kernel prints them. */
const TASK_PID = 4242;
const COMM_BY_VERB: Readonly<Record<string, string>> = { read: 'cat', create: 'touch', delete: 'rm', link: 'ln', lock: 'flock' };

const lineOf = (source: string, offset: number): number => source.slice(0, offset).split('\n').length;

function ruleText(text: string, ref: RuleRef): Pick<RuleView, 'text' | 'range' | 'file' | 'line'> {
  if (ref.index === -1 || ref.implicitReason) {
    return { text: `(implicit) ${ref.implicitReason ?? 'added by the parser'}`, range: undefined, file: undefined, line: undefined };
  }
  if (ref.file === MAIN_FILE) {
    return { text: text.slice(ref.range[0], ref.range[1]), range: [ref.range[0], ref.range[1]], file: undefined, line: lineOf(text, ref.range[0]) };
  }
  const source = readBundledFile(ref.file);
  if (source === undefined) return { text: '(rule in an included file)', range: undefined, file: ref.file, line: undefined };
  return { text: source.slice(ref.range[0], ref.range[1]), range: undefined, file: ref.file, line: lineOf(source, ref.range[0]) };
}

function ruleView(text: string, match: RuleMatch): RuleView {
  return { ...ruleText(text, match.rule), effect: match.effect, perms: match.perms, why: match.why, applies: match.applies };
}

const sameRule = (a: RuleRef, b: RuleRef | undefined): boolean => b !== undefined && a.index === b.index && a.profile === b.profile;

/**
 * Picks the profile the panel evaluates against.
 *
 * @param policy - the compiled document
 * @param name - a profile name chosen by the learner; default the first profile
 * @returns the profile, or undefined when the document has none
 */
export function pickProfile(policy: CompiledPolicy, name?: string): CompiledProfile | undefined {
  return (name === undefined ? undefined : policy.byName.get(name)) ?? policy.profiles[0];
}

function complainNote(profile: CompiledProfile, policy: CompiledPolicy, verdict: 'allow' | 'deny', request: Parameters<typeof evaluate>[1]): string {
  if (profile.mode === 'complain') return 'The profile is already in complain mode.';
  const complained = evaluate({ ...profile, mode: 'complain' }, request, { policy });
  if (complained.verdict === verdict) return `Complain mode would not change this: ${complained.summary}.`;
  const logged = complained.record ? ` and logged as apparmor="${complained.record.type}"` : '';
  return `In complain mode this would be allowed${logged}: complain mode reports instead of enforcing.`;
}

/**
 * Evaluates one subject line against a profile of the document.
 *
 * @param text - the editor's text (to quote rules)
 * @param policy - the compiled document (`compileAnalysis`)
 * @param subjectLine - e.g. `write /tmp/test`
 * @param profileName - which profile; default the first
 * @returns the view, or an error message for the learner
 * @example tryAccess(denyWriteText, policy, 'write /tmp/test').headline // → 'DENIED by deny /** w,'
 */
export function tryAccess(text: string, policy: CompiledPolicy, subjectLine: string, profileName?: string): TryAccessView | { error: string } {
  const parsed = parseSubject(subjectLine);
  if ('error' in parsed) return parsed;
  const profile = pickProfile(policy, profileName);
  if (!profile) return { error: 'The document has no profile to evaluate against.' };
  const verb = parsed.text.split(' ')[0] ?? '';
  const request = { ...parsed.request, pid: TASK_PID, comm: COMM_BY_VERB[verb] ?? 'sh' };
  const decision = evaluate(profile, request, { policy });
  const deciding = decision.matches.find((m) => sameRule(m.rule, decision.decidedBy));
  const decidingView = deciding ? ruleView(text, deciding) : decision.decidedBy ? { ...ruleText(text, decision.decidedBy), effect: decision.verdict, perms: '', why: '', applies: true } : undefined;
  const word = decision.verdict === 'allow' ? 'ALLOWED' : 'DENIED';
  const headline = decidingView ? `${word} by ${decidingView.text}` : decision.reason === 'implicit-deny' ? `${word}: no rule allows it (implicit deny)` : `${word} (${decision.reason})`;
  const auditLine = decision.record?.line;
  const isQuietDeny = decision.verdict === 'deny' && !auditLine;
  return {
    subject: parsed.text,
    profile: profile.name,
    verdict: decision.verdict,
    headline,
    summary: decision.summary,
    deciding: decidingView,
    others: decision.matches.filter((m) => !sameRule(m.rule, decision.decidedBy)).map((m) => ruleView(text, m)),
    implicitDeny: decision.reason === 'implicit-deny'
      ? `No rule of ${profile.name} grants ${decision.requested || 'this'}${decision.matches.length ? ' (the rules that matched grant other permissions)' : ''}, and AppArmor denies everything a profile does not allow.`
      : undefined,
    complain: complainNote(profile, policy, decision.verdict, request),
    auditLine,
    logNote: auditLine
      ? `The kernel logs this line (dmesg, /var/log/audit/audit.log), here as if ${request.comm} with pid ${TASK_PID} asked:`
      : isQuietDeny ? 'The denial is quiet: plain deny rules log nothing (write "audit deny" to see it in the log).' : 'Nothing is logged: allowed accesses are not audited unless a rule says audit.',
  };
}

/** One access test's outcome. */
export type AccessTestResult = { subject: string; line: number; expected: 'allow' | 'deny'; actual: 'allow' | 'deny' | undefined; isPass: boolean; note: string };

/**
 * Runs an access test list (`subject -> allow|deny` per line) against a profile of the document.
 *
 * @param text - the editor's text
 * @param policy - the compiled document
 * @param tests - the list's text
 * @param profileName - which profile; default the first
 * @returns one result per test line (unreadable lines fail with a note)
 * @example runAccessTests(denyWriteText, policy, 'write /tmp/test -> deny')[0]?.isPass // → true
 */
export function runAccessTests(text: string, policy: CompiledPolicy, tests: string, profileName?: string): AccessTestResult[] {
  const { tests: list, badLines } = parseAccessTests(tests);
  const results: AccessTestResult[] = list.map((test) => {
    const view = tryAccess(text, policy, test.subject, profileName);
    if ('error' in view) return { ...test, actual: undefined, isPass: false, note: view.error };
    return { ...test, actual: view.verdict, isPass: view.verdict === test.expected, note: view.headline };
  });
  for (const line of badLines) results.push({ subject: '', line, expected: 'allow', actual: undefined, isPass: false, note: 'write "subject -> allow" or "subject -> deny"' });
  return results.sort((a, b) => a.line - b.line);
}
