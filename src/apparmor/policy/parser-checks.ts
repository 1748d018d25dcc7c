/**
 * The checks apparmor_parser 3.0.8 makes when it compiles a resolved profile, before anything is loaded: every
 * glob must convert (`parser_regex.c`), and rules that can match the same path must agree on the exec mode
 * (`aare_rules.cc` / `hfa.cc`: "has merged rule … with conflicting x modifiers"), where a rule without glob
 * characters wins over globs. Uses the AARE engine; compiles nothing else.
 */
import { aareIntersects, compileAare, scanAare, type AareMatcher } from '../aare/index.ts';
import type { Diagnostic } from '../diagnostics.ts';
import type { FileRule } from '../parser/ast.ts';
import type { ResolvedPolicy, ResolvedProfile, ResolvedRule } from './resolved-policy.ts';

/**
 * `isLiteral`: no glob at all. `isExact`: no wildcard (`*`, `?`, `[…]`), alternations allowed — apparmor_parser
 * treats such rules as exact matches, which take the exec mode over wildcard rules.
 */
type ExecEntry = {
  rule: FileRule & ResolvedRule; path: string; key: string; halves: ('user' | 'other')[]; isLiteral: boolean; isExact: boolean;
};

function hasWildcard(pattern: string): boolean {
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '\\') i++;
    else if (ch === '*' || ch === '?' || ch === '[') return true;
  }
  return false;
}

const SAFE: Record<string, string> = { px: 'Px', cx: 'Cx', ux: 'Ux', pix: 'Pix', cix: 'Cix', pux: 'PUx', cux: 'CUx' };
const UNSAFE: Record<string, string> = Object.fromEntries(Object.entries(SAFE).map(([k, v]) => [v, k]));

function execKey(rule: FileRule): string | undefined {
  const perms = rule.mode?.decoded;
  if (!perms || rule.qualifiers.access === 'deny') return undefined;
  let mode: string | undefined = perms.exec ?? (perms.isBareX && rule.target ? 'x' : undefined);
  if (!mode) return undefined;
  if (rule.safety === 'safe') mode = SAFE[mode] ?? mode;
  if (rule.safety === 'unsafe') mode = UNSAFE[mode] ?? mode;
  return rule.target ? `${mode} -> ${rule.target.text}` : mode;
}

function bareDiagnostic(rule: ResolvedRule, code: Diagnostic['code'], message: string): Diagnostic {
  return {
    code, severity: 'error', message: message.replace(/\n/g, '; '), range: rule.range, file: rule.file,
    upstream: { message, line: 0, isBare: true },
  };
}

/**
 * Runs the compile-time checks on every profile of a resolved policy.
 *
 * @param policy - the resolved policy
 * @param version - the language level
 * @returns one diagnostic per problem, worded as apparmor_parser prints it
 * @example checkCompile(resolvePolicy(parseProfile('profile t { /bin/cat ix, /bin/cat Px, }').ast))[0]?.code
 *   // → 'CONFLICTING_EXEC_MODES'
 */
export function checkCompile(policy: ResolvedPolicy, version: '3.0' | '5.0' = '3.0'): Diagnostic[] {
  const out: Diagnostic[] = [];
  const matchers = new Map<string, AareMatcher | undefined>();
  const visit = (profile: ResolvedProfile): void => {
    checkProfile(profile, matchers, out, version);
    profile.children.forEach(visit);
  };
  policy.profiles.forEach(visit);
  return out;
}

function compileCached(text: string, matchers: Map<string, AareMatcher | undefined>): AareMatcher | undefined {
  if (!matchers.has(text)) {
    const result = compileAare(text);
    matchers.set(text, result.ok ? result.matcher : undefined);
  }
  return matchers.get(text);
}

function checkProfile(profile: ResolvedProfile, matchers: Map<string, AareMatcher | undefined>, out: Diagnostic[], version: '3.0' | '5.0'): void {
  const entries: ExecEntry[] = [];
  checkAttachment(profile, out);
  for (const rule of profile.rules) {
    const globs = rule.kind === 'file' ? [rule.path?.text] : rule.kind === 'link' ? [rule.link.text, rule.target.text] : [];
    for (const glob of globs) {
      if (glob === undefined) continue;
      const result = compileAare(glob);
      if (result.ok) continue;
      if (result.error.kind === 'glob') {
        const message = `apparmor_parser: ${result.error.message}\napparmor_parser: Unable to parse input line '${glob}'\nERROR processing regexs for profile ${profile.name}, failed to load`;
        out.push(bareDiagnostic(rule, 'INVALID_GLOB', message));
      } else if (result.error.kind === 'regex') {
        // the converter passed it but libapparmor_re's regex parser did not: 3.0.8 prints only the last line
        out.push(bareDiagnostic(rule, 'INVALID_GLOB', `ERROR processing regexs for profile ${profile.name}, failed to load`));
      }
    }
    checkConditionalGlobs(rule, out);
    if (rule.kind !== 'file' || !rule.path) continue;
    const key = execKey(rule);
    if (!key) continue;
    const halves: ('user' | 'other')[] = rule.qualifiers.owner === 'owner' ? ['user'] : rule.qualifiers.owner === 'other' ? ['other'] : ['user', 'other'];
    const path = rule.path.text;
    entries.push({
      rule: rule as FileRule & ResolvedRule, path, key, halves, isLiteral: scanAare(path)?.kind === 'literal', isExact: !hasWildcard(path),
    });
  }
  checkExecConflicts(profile, entries, matchers, out);
  out.push(...checkTransitions(profile, version));
}

function checkExecConflicts(profile: ResolvedProfile, entries: ExecEntry[], matchers: Map<string, AareMatcher | undefined>, out: Diagnostic[]): void {
  for (let i = 0; i < entries.length; i++) {
    for (let j = i + 1; j < entries.length; j++) {
      const a = entries[i] as ExecEntry;
      const b = entries[j] as ExecEntry;
      if (a.key === b.key || !a.halves.some((h) => b.halves.includes(h))) continue;
      if (a.isLiteral && b.isLiteral) {
        if (a.path !== b.path) continue;
        const message = `profile ${profile.name}: has merged rule ${a.path} with conflicting x modifiers\nERROR merging rules for profile ${profile.name}, failed to load`;
        out.push(bareDiagnostic(b.rule, 'CONFLICTING_EXEC_MODES', message));
        return;
      }
      if (a.isExact !== b.isExact) continue;
      const ma = compileCached(a.path, matchers);
      const mb = compileCached(b.path, matchers);
      if (!ma || !mb || !(a.path === b.path || aareIntersects(ma, mb))) continue;
      const message = `profile has merged rule with conflicting x modifiers\nERROR processing regexs for profile ${profile.name}, failed to load`;
      out.push(bareDiagnostic(b.rule, 'CONFLICTING_EXEC_MODES', message));
      return;
    }
  }
}

/** 3.0.8's transition table holds 12 named targets per profile (`Profile X has too many specified profile transitions.`). */
const MAX_NAMED_TRANSITIONS = 12;

/**
 * Named-transition count and change_profile safe/unsafe conflicts of one profile.
 *
 * @param profile - a resolved profile
 * @param version - the language level (newer parsers lifted the 12-target limit)
 * @returns diagnostics worded as apparmor_parser's
 * @example checkTransitions(profileWith13NamedTargets)[0]?.message // → 'Profile p has too many specified profile transitions.'
 */
export function checkTransitions(profile: ResolvedProfile, version: '3.0' | '5.0' = '3.0'): Diagnostic[] {
  const out: Diagnostic[] = [];
  const targets = new Set<string>();
  let last: ResolvedRule | undefined;
  const onexec = new Map<string, string>();
  for (const rule of profile.rules) {
    if (rule.kind === 'file' && rule.target) {
      targets.add(rule.target.text);
      last = rule;
    }
    if (rule.kind === 'change_profile' && rule.execPath) {
      const target = rule.target?.text ?? '**';
      const safety = rule.safety === 'unsafe' ? 'unsafe' : 'safe';
      const seen = onexec.get(target);
      if (seen !== undefined && seen !== safety) {
        const message = `profile ${profile.name}: has merged rule ${target} with conflicting x modifiers\nERROR merging rules for profile ${profile.name}, failed to load`;
        out.push(bareDiagnostic(rule, 'CONFLICTING_EXEC_MODES', message));
      }
      onexec.set(target, safety);
    }
  }
  if (version === '3.0' && targets.size > MAX_NAMED_TRANSITIONS && last) {
    out.push(bareDiagnostic(last, 'LIMIT_EXCEEDED', `Profile ${profile.name} has too many specified profile transitions.`));
  }
  return out;
}

/** dbus, signal, ptrace and unix conditionals are AARE too; 3.0.8 rejects them when they do not convert. */
function checkConditionalGlobs(rule: ResolvedRule, out: Diagnostic[]): void {
  if (rule.kind !== 'dbus' && rule.kind !== 'signal' && rule.kind !== 'ptrace' && rule.kind !== 'unix') return;
  const values = rule.conditionals.flatMap((cond) => [...cond.values, ...(cond.nested ?? []).flatMap((n) => n.values)]);
  for (const value of values) {
    const result = compileAare(value.text);
    if (!result.ok && result.error.kind === 'glob') {
      out.push(bareDiagnostic(rule, 'INVALID_GLOB', `apparmor_parser: ${result.error.message}`));
      return;
    }
  }
}

/** The attachment is an AARE too (`regex.c:process_profile_name_xmatch`). */
function checkAttachment(profile: ResolvedProfile, out: Diagnostic[]): void {
  if (profile.attachment === undefined) return;
  const result = compileAare(profile.attachment);
  if (result.ok || result.error.kind !== 'glob') return;
  const message = `apparmor_parser: ${result.error.message}\napparmor_parser: Unable to parse input line '${profile.attachment}'`;
  out.push({
    code: 'INVALID_GLOB', severity: 'error', message: message.replace(/\n/g, '; '), range: profile.range, file: profile.file,
    upstream: { message, line: 0, isBare: true },
  });
}
