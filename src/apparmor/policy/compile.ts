/**
 * Compiles a resolved policy into per-class permission tables (APPARMOR.md §7.1): one `CompiledProfile` per
 * profile, hat and child, with the implicit rules the parser adds (`policy.c`). It decides nothing: see
 * evaluate.ts. Never throws on user input; patterns that do not compile match nothing and yield a diagnostic.
 */
import type { Diagnostic } from '../diagnostics.ts';
import type { ProfileMode } from '../parser/ast.ts';
import { type BitTable, type ChangeProfileEntry, type MountEntry, type PeerEntry, createBitTable } from './class-rules.ts';
import { compileRule, type ProfileBuild } from './compile-rules.ts';
import type { RuleRef } from './decision.ts';
import { FileRules } from './file-rules.ts';
import { CAPABILITY_NAMES, FAMILY_NAMES } from './kernel-numbers.ts';
import { PatternCache, type PatternMatcher } from './matchers.ts';
import type { ResolvedPolicy, ResolvedProfile } from './resolved-policy.ts';

/** One rule as the evaluator explains it: where it is and what it says. */
export type RuleInfo = {
  ref: RuleRef;
  effect: 'allow' | 'deny';
  isAudit: boolean;
  owner: 'owner' | 'other' | undefined;
  /** what it grants or denies, as written: `rw`, `Px`, `net_raw`, `inet stream`, `send` */
  perms: string;
};

/** A profile ready for `evaluate()`. */
export type CompiledProfile = {
  /** full name (`parent//child` for hats and children) */
  name: string;
  baseName: string;
  kind: 'profile' | 'hat';
  mode: ProfileMode;
  /** the `audit` flag: every access is logged */
  isAudit: boolean;
  /** the exec attachment, when the profile has one (a name starting with `/` counts) */
  attachment: PatternMatcher | undefined;
  /** every rule, by index: the resolved rules first, then the implicit ones */
  rules: RuleInfo[];
  file: FileRules;
  capability: BitTable;
  network: BitTable;
  signal: PeerEntry[];
  ptrace: PeerEntry[];
  mount: MountEntry[];
  changeProfile: ChangeProfileEntry[];
  /** `set rlimit` hard limits by resource name */
  rlimits: Map<string, { value: number; ruleIndex: number }>;
  /** hats and child profiles by their base name */
  children: Map<string, CompiledProfile>;
  parent: CompiledProfile | undefined;
  source: ResolvedProfile;
};

/** The result of {@link compilePolicy}. */
export type CompiledPolicy = {
  /** top-level profiles in source order */
  profiles: CompiledProfile[];
  /** every profile, hat and child by full name */
  byName: Map<string, CompiledProfile>;
  diagnostics: Diagnostic[];
};

/**
 * Compiles every profile of a resolved policy.
 *
 * @param resolved - the output of `resolvePolicy`
 * @param patterns - a pattern cache to share between calls (optional)
 * @returns the compiled profiles and any compile diagnostics (invalid globs)
 * @example compilePolicy(resolvePolicy(parseProfile('profile p { /tmp/** r, }').ast, …)).byName.get('p')
 *   // → a CompiledProfile whose file rules allow `r` on `/tmp/a`
 */
export function compilePolicy(resolved: ResolvedPolicy, patterns = new PatternCache()): CompiledPolicy {
  const byName = new Map<string, CompiledProfile>();
  const diagnostics: Diagnostic[] = [];
  const profiles = resolved.profiles.map((p) => compileProfile(p, undefined, patterns, byName, diagnostics));
  return { profiles, byName, diagnostics };
}

function compileProfile(
  source: ResolvedProfile,
  parent: CompiledProfile | undefined,
  patterns: PatternCache,
  byName: Map<string, CompiledProfile>,
  diagnostics: Diagnostic[],
): CompiledProfile {
  const build: ProfileBuild = {
    name: source.name,
    patterns,
    diagnostics,
    rules: [],
    fileEntries: [],
    pairs: [],
    capability: createBitTable(CAPABILITY_NAMES.length),
    network: createBitTable(FAMILY_NAMES.length),
    signal: [],
    ptrace: [],
    mount: [],
    changeProfile: [],
    rlimits: new Map(),
  };
  source.rules.forEach((rule, index) => compileRule(build, rule, index));
  addImplicitRules(build, source);
  // a child named by a path (`profile /usr/bin/x { }` inside a profile) attaches by that path for `cx`
  const attachText = source.attachment ?? (source.baseName.startsWith('/') ? source.baseName : undefined);
  const attachment = attachText === undefined ? undefined : patterns.get(attachText).matcher;
  const profile: CompiledProfile = {
    name: source.name,
    baseName: source.baseName,
    kind: source.kind,
    mode: source.mode,
    isAudit: source.isAudit,
    attachment,
    rules: build.rules,
    file: new FileRules(build.fileEntries, build.pairs),
    capability: build.capability,
    network: build.network,
    signal: build.signal,
    ptrace: build.ptrace,
    mount: build.mount,
    changeProfile: build.changeProfile,
    rlimits: build.rlimits,
    children: new Map(),
    parent,
    source,
  };
  byName.set(profile.name, profile);
  for (const child of source.children) {
    profile.children.set(child.baseName, compileProfile(child, profile, patterns, byName, diagnostics));
  }
  return profile;
}

/**
 * The file rules `apparmor_parser` adds on its own (`policy.c:add_proc_access`, `profile_add_hat_rules`),
 * checked with `apparmor_parser -D rule-exprs`: any change_profile rule, and any hat or profile with hats,
 * may read the apparmor probes and write its own `attr/current`.
 */
function addImplicitRules(build: ProfileBuild, source: ResolvedProfile): void {
  const hasHats = source.kind === 'hat' || source.children.some((c) => c.kind === 'hat');
  const hasChangeProfile = build.changeProfile.length > 0;
  if (!hasHats && !hasChangeProfile) return;
  const reason = hasChangeProfile
    ? 'added by apparmor_parser for change_profile rules (policy.c add_proc_access)'
    : 'added by apparmor_parser for hats (policy.c profile_add_hat_rules)';
  const writable = hasChangeProfile ? '/proc/*/attr/{apparmor/,}{current,exec}' : '/proc/[0-9]*/attr/{apparmor/,}current';
  const implicit: [string, 'r' | 'w'][] = [
    ['/proc/*/attr/apparmor/', 'r'],
    ['/sys/module/apparmor/parameters/enabled', 'r'],
    [writable, 'w'],
  ];
  for (const [path, perm] of implicit) {
    compileRule(build, {
      kind: 'file',
      qualifiers: { audit: false, access: 'allow', isAllowExplicit: false, owner: undefined, range: source.range },
      isBare: false,
      hasFileKeyword: false,
      safety: undefined,
      path: { text: path, raw: path, range: source.range },
      mode: {
        text: perm,
        range: source.range,
        decoded: {
          read: perm === 'r', write: false, append: false, link: false, lock: false, mmap: false,
          isBareX: false, exec: undefined,
        },
      },
      isModeLeading: false,
      target: undefined,
      range: source.range,
      file: source.file,
    }, -1, { reason, isWriteOnly: perm === 'w' });
  }
}
