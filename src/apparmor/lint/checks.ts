/**
 * Semantic checks that apparmor_parser does not make: rules that are legal but probably not what the author
 * meant. Warnings and infos only (the parser reports real errors). Tuned to stay silent on the real profiles and
 * abstractions in the conformance data; only rules written in the main file are checked, not included ones.
 */
import type { Diagnostic, DiagnosticCode, Severity } from '../diagnostics.ts';
import type { FileRule } from '../parser/ast.ts';
import type { ResolvedPolicy, ResolvedProfile, ResolvedRule } from '../policy/resolved-policy.ts';
import { aareIntersects, compileAare, scanAare, type AareMatcher } from '../aare/index.ts';
import type { BodyItem, PolicyFile, TopLevelItem } from '../parser/ast.ts';

/** Options of `lintPolicy`. */
export type LintOptions = {
  /** the main file's name as given to the resolver (rules from other files are not linted) */
  fileName?: string;
  /**
   * Facts about the node the policy will run on. `mergedUsr` (the simulated node, Debian, Ubuntu): `/bin`,
   * `/sbin`, `/lib*` are symlinks into `/usr`, and the kernel only ever sees the resolved path.
   */
  mergedUsr?: boolean;
  /** the main file's tree, for checks on how things are written (`#include`) */
  ast?: PolicyFile;
};

/** `#include` still works but apparmor_parser calls it deprecated (`--warn=deprecated`); `include` is the spelling. */
function lintSyntax(ast: PolicyFile, out: Diagnostic[]): void {
  const visit = (items: readonly (TopLevelItem | BodyItem)[]): void => {
    for (const item of items) {
      if (item.kind === 'include' && item.keyword === '#include') {
        out.push({ code: 'DEPRECATED_SYNTAX', severity: 'info', message: "'#include' is deprecated: write 'include' (without '#')", range: item.range });
      } else if (item.kind === 'profile' || item.kind === 'hat' || item.kind === 'qualifier_block') visit(item.body);
    }
  };
  visit(ast.items);
}

/** How many allow × deny pairs `DENY_MATCHES_NOTHING` may look at in one profile. */
const MAX_OVERLAP_PAIRS = 5000;

const MERGED_DIRS = ['/bin/', '/sbin/', '/lib/', '/lib32/', '/lib64/', '/libx32/'];

function diag(rule: ResolvedRule, code: DiagnosticCode, severity: Severity, message: string): Diagnostic {
  return { code, severity, message, range: rule.range };
}

function lintFileRule(rule: FileRule & ResolvedRule, options: LintOptions, out: Diagnostic[]): void {
  const path = rule.path?.text;
  const perms = rule.mode?.decoded;
  // an alternation such as {/home/*,/root}/ (an expanded @{HOME}) starts with '{'
  if (path !== undefined && !path.startsWith('/') && !path.startsWith('{')) {
    out.push(diag(rule, 'INVALID_PATH', 'warning',
      `'${path}' is not an absolute path: the kernel always asks with absolute paths, so this rule never matches`));
  }
  if (perms?.exec === 'ux' || perms?.exec === 'Ux') {
    out.push(diag(rule, 'DANGEROUS_UX', 'warning',
      `'${perms.exec}' runs ${path ?? 'the program'} unconfined: nothing it does is mediated any more${perms.exec === 'ux' ? ', and its environment is not even scrubbed' : ''}; prefer Px or Cx to a profile written for it`));
  }
  if (options.mergedUsr && path && MERGED_DIRS.some((d) => path.startsWith(d))) {
    const real = `/usr${path}`;
    out.push(diag(rule, rule.qualifiers.access === 'deny' ? 'NO_OP_RULE' : 'SYMLINK_PATH', 'warning',
      `${path.split('/').slice(0, 2).join('/')} is a symlink into /usr on this node; the kernel checks the resolved path (${real}), so this rule never matches: write ${real}`));
  }
}

/** `/tmp/foo r,` next to `/tmp/foo/** …`: the first one almost certainly meant the directory `/tmp/foo/`. */
function lintDirectories(profile: ResolvedProfile, mainFile: string, out: Diagnostic[]): void {
  // sorted once, so each rule's "is there a path under it" is a binary search, not a scan of every rule
  let sorted: string[] | undefined;
  for (const rule of profile.rules) {
    if (rule.kind !== 'file' || !rule.path || rule.file !== mainFile) continue;
    const path = rule.path.text;
    if (path.endsWith('/') || !rule.mode?.decoded.read) continue;
    sorted ??= sortedFilePaths(profile);
    if (!hasPathWithPrefix(sorted, `${path}/`, path.length + 1)) continue;
    const hasDir = sorted[lowerBound(sorted, `${path}/`)] === `${path}/` || hasPathWithPrefix(sorted, `${path}{`, 0);
    // the pattern scan costs most, so it comes last
    if (!hasDir && scanAare(path)?.kind === 'literal') {
      out.push(diag(rule, 'DIRECTORY_WITHOUT_SLASH', 'warning',
        `${path} matches only a file named so; directories are checked with a trailing slash, so listing the directory needs ${path}/`));
    }
  }
}

function sortedFilePaths(profile: ResolvedProfile): string[] {
  const paths = new Set<string>();
  for (const rule of profile.rules) if (rule.kind === 'file' && rule.path) paths.add(rule.path.text);
  return [...paths].sort();
}

/** @returns the index of the first string in `sorted` not less than `key` */
function lowerBound(sorted: readonly string[], key: string): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((sorted[mid] ?? '') < key) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** @returns true when some path in `sorted` starts with `prefix` and is longer than `minLength` */
function hasPathWithPrefix(sorted: readonly string[], prefix: string, minLength: number): boolean {
  for (let i = lowerBound(sorted, prefix); i < sorted.length && (sorted[i] ?? '').startsWith(prefix); i++) if ((sorted[i] ?? '').length > minLength) return true;
  return false;
}

/**
 * The literal start every matching path has; escapes make it differ from the matched text, so they give ''.
 * A string matching two patterns starts with both prefixes, so one must extend the other: checking that first
 * skips the automaton search for unrelated rules (without it, lint took seconds on a 1,000-line profile).
 */
function literalPrefix(path: string): string {
  const prefix = scanAare(path)?.literalPrefix ?? '';
  return prefix.includes('\\') ? '' : prefix;
}

// The editor lints after every keystroke, mostly the same rule pairs again, and the automaton search is what
// costs: remember the answers by pattern text (bounded; compileAare keeps a cache the same way).
const INTERSECT_CACHE_SIZE = 50_000;
const intersectCache = new Map<string, boolean>();

function cachedIntersects(allow: string, allowMatcher: AareMatcher, deny: string, denyMatcher: AareMatcher): boolean {
  const key = `${allow}\0${deny}`;
  let answer = intersectCache.get(key);
  if (answer === undefined) {
    answer = aareIntersects(allowMatcher, denyMatcher);
    if (intersectCache.size >= INTERSECT_CACHE_SIZE) intersectCache.clear();
    intersectCache.set(key, answer);
  }
  return answer;
}

/**
 * A deny rule that no allow rule overlaps changes no decision; it only turns logged implicit denials into silent
 * ones (apparmor.d(5): deny rules are quiet). Checked on file rules with the AARE engine.
 */
function lintDenyOverlaps(profile: ResolvedProfile, mainFile: string, out: Diagnostic[]): void {
  const files = profile.rules.filter((r): r is FileRule & ResolvedRule => r.kind === 'file');
  if (files.some((r) => r.isBare && r.qualifiers.access === 'allow')) return;
  const denies = files.filter((r) => r.qualifiers.access === 'deny').length;
  if (denies === 0) return;
  const allows = files.filter((r) => r.qualifiers.access === 'allow' && r.path).map((r) => r.path?.text ?? '');
  const compiled = allows.flatMap((path) => {
    const result = compileAare(path);
    return result.ok ? [{ path, matcher: result.matcher }] : [];
  });
  // each pair may cost a DFA product; past this budget the check would slow the editor down, so it is skipped
  // (checked before the literal prefixes are taken: scanning every allow rule is itself a cost per keystroke)
  if (denies * compiled.length > MAX_OVERLAP_PAIRS) return;
  const matchers = compiled.map((m) => ({ ...m, prefix: literalPrefix(m.path) }));
  for (const rule of files) {
    if (rule.qualifiers.access !== 'deny' || !rule.path || rule.file !== mainFile || rule.isAliasCopy) continue;
    const deny = compileAare(rule.path.text);
    if (!deny.ok) continue;
    const denyPrefix = literalPrefix(rule.path.text);
    const overlaps = (m: (typeof matchers)[number]): boolean =>
      (m.prefix.startsWith(denyPrefix) || denyPrefix.startsWith(m.prefix)) && cachedIntersects(m.path, m.matcher, rule.path?.text ?? '', deny.matcher);
    if (matchers.some(overlaps)) continue;
    // an info, not a warning: abstractions deny defensively what the including profile may allow
    out.push(diag(rule, 'DENY_MATCHES_NOTHING', 'info',
      `no allow rule covers ${rule.path.text}, so this deny changes nothing except that the denial is no longer logged`));
  }
}

/**
 * `/usr/bin/cat ix,` next to `/usr/bin/* Px,`: apparmor_parser accepts it and the rule without wildcards wins the
 * exec mode for its path (`aare_rules.cc` exact match), which readers of the glob rule may not expect.
 */
function lintExecOverrides(profile: ResolvedProfile, mainFile: string, out: Diagnostic[]): void {
  const exec = profile.rules.filter((r): r is FileRule & ResolvedRule =>
    r.kind === 'file' && r.qualifiers.access === 'allow' && r.path !== undefined && r.mode?.decoded.exec !== undefined);
  const literals = exec.filter((r) => scanAare(r.path?.text ?? '')?.kind === 'literal');
  for (const glob of exec) {
    if (glob.file !== mainFile || scanAare(glob.path?.text ?? '')?.kind === 'literal') continue;
    const matcher = compileAare(glob.path?.text ?? '');
    if (!matcher.ok) continue;
    for (const literal of literals) {
      const path = literal.path?.text ?? '';
      if (literal.mode?.decoded.exec === glob.mode?.decoded.exec || !matcher.matcher.test(path)) continue;
      out.push(diag(glob, 'EXEC_MODE_OVERRIDDEN', 'info',
        `for ${path} the rule without wildcards wins: it runs with ${literal.mode?.decoded.exec}, not ${glob.mode?.decoded.exec}`));
    }
  }
}

function lintProfile(profile: ResolvedProfile, options: LintOptions, out: Diagnostic[]): void {
  const mainFile = options.fileName ?? '<input>';
  for (const rule of profile.rules) {
    if (rule.file !== mainFile || rule.isAliasCopy) continue;
    if (rule.kind === 'file') lintFileRule(rule as FileRule & ResolvedRule, options, out);
    if (rule.qualifiers.access === 'deny' && !rule.qualifiers.audit) {
      out.push(diag(rule, 'QUIET_DENY', 'info',
        'deny rules are silent: the request fails but no audit line is logged; write "audit deny" to see it in the log'));
    }
  }
  lintDirectories(profile, mainFile, out);
  lintDenyOverlaps(profile, mainFile, out);
  lintExecOverrides(profile, mainFile, out);
  for (const child of profile.children) lintProfile(child, options, out);
}

/**
 * Lints a resolved policy.
 *
 * @param policy - the resolved policy (from `resolvePolicy` / `checkPolicy`)
 * @param options - the main file's name and facts about the node
 * @returns warnings and infos, in rule order
 * @example lintPolicy(checkPolicy('profile p { /bin/x ux, }').policy)[0]?.code // → 'DANGEROUS_UX'
 */
export function lintPolicy(policy: ResolvedPolicy, options: LintOptions = {}): Diagnostic[] {
  const out: Diagnostic[] = [];
  if (options.ast) lintSyntax(options.ast, out);
  for (const profile of policy.profiles) lintProfile(profile, options, out);
  return out;
}
