/**
 * Per-rule compilation: turns one resolved rule into entries of the profile's class tables (file masks with
 * owner/other halves, link pairs, capability/network bits, signal/ptrace/mount/change_profile lists, rlimits)
 * and records it in the profile's rule list for explanations. The profile assembly is in compile.ts.
 */
import type { Diagnostic } from '../diagnostics.ts';
import type { FilePermissions, FileRule, LinkRule, MountRule, NetworkRule, RemountRule, UmountRule } from '../parser/ast.ts';
import {
  type BitTable, type ChangeProfileEntry, type ListEntryBase, type MountEntry, type PeerEntry, capabilitySlots,
  conditionalValues, markBitTable, matcherFor, networkSlots, peerAccesses,
} from './class-rules.ts';
import type { RuleInfo } from './compile.ts';
import type { FileEntry, LinkPairEntry } from './file-rules.ts';
import type { PatternCache, PatternMatcher } from './matchers.ts';
import { PERM } from './perms.ts';
import type { ResolvedRule } from './resolved-policy.ts';

/** The tables of one profile while it is being compiled. */
export type ProfileBuild = {
  name: string;
  patterns: PatternCache;
  diagnostics: Diagnostic[];
  rules: RuleInfo[];
  fileEntries: FileEntry[];
  pairs: LinkPairEntry[];
  capability: BitTable;
  network: BitTable;
  signal: PeerEntry[];
  ptrace: PeerEntry[];
  mount: MountEntry[];
  changeProfile: ChangeProfileEntry[];
  rlimits: Map<string, { value: number; ruleIndex: number }>;
};

/** Marks a rule the parser adds by itself. */
export type ImplicitRule = { reason: string; isWriteOnly: boolean };

/** `file,` compiles to `/{**,}` with `rwalkm ix` (`yacc:file_rule`). */
const BARE_FILE_PATH = '/{**,}';

/**
 * Compiles one rule into `build`.
 *
 * @param build - the profile's tables
 * @param rule - the resolved rule
 * @param sourceIndex - its index in the resolved profile (-1 for implicit rules)
 * @param implicit - set for rules the parser adds itself
 */
export function compileRule(build: ProfileBuild, rule: ResolvedRule, sourceIndex: number, implicit?: ImplicitRule): void {
  const ruleIndex = build.rules.length;
  const isDeny = rule.qualifiers.access === 'deny';
  const isAudit = rule.qualifiers.audit;
  const base: ListEntryBase = { ruleIndex, isDeny, isAudit };
  build.rules.push({
    ref: {
      profile: build.name,
      kind: rule.kind,
      index: sourceIndex,
      range: rule.range,
      file: rule.file,
      ...(implicit ? { implicitReason: implicit.reason } : {}),
    },
    effect: isDeny ? 'deny' : 'allow',
    isAudit,
    owner: rule.qualifiers.owner,
    perms: describePerms(rule),
  });
  switch (rule.kind) {
    case 'file': return compileFileRule(build, rule, base, implicit);
    case 'link': return compileLinkRule(build, rule, base);
    case 'capability': return markBitTable(build.capability, capabilitySlots(rule.names), base);
    case 'network': return compileNetworkRule(build, rule, base);
    case 'unix': {
      // kernels without af_unix mediation (the corpus's 6.1) get `unix` rules downgraded to `network unix [type]`
      const type = conditionalValues(rule.conditionals, 'type')?.[0];
      for (const [family, mask] of networkSlots('unix', type)) markBitTable(build.network, [family], base, mask);
      return;
    }
    case 'signal':
    case 'ptrace': {
      const peer = matcherFor(conditionalValues(rule.conditionals, 'peer'), build.patterns);
      const set = rule.kind === 'signal' ? conditionalValues(rule.conditionals, 'set') : undefined;
      const entry: PeerEntry = { ...base, accesses: peerAccesses(rule.kind, rule.perms), signals: set && new Set(set), peer };
      (rule.kind === 'signal' ? build.signal : build.ptrace).push(entry);
      return;
    }
    case 'mount':
    case 'remount':
    case 'umount': return compileMountRule(build, rule, base);
    case 'pivot_root':
      // kernel:mount.c aa_pivotroot matches the new root, then the old root
      build.mount.push({
        ...base, kind: 'pivot_root', mountpoint: rule.newRoot && compilePattern(build, rule.newRoot.text, rule),
        source: matcherFor(conditionalValues(rule.conditionals, 'oldroot'), build.patterns),
        fstypes: undefined, optionsExact: undefined, optionsIn: undefined,
      });
      return;
    case 'change_profile':
      build.changeProfile.push({
        ...base,
        execPath: rule.execPath && build.patterns.get(rule.execPath.text).matcher,
        target: rule.target && build.patterns.get(rule.target.text).matcher,
      });
      return;
    case 'rlimit': {
      const value = parseRlimitValue(rule.value.text);
      const known = build.rlimits.get(rule.resource.text);
      if (!Number.isNaN(value) && (!known || value < known.value)) build.rlimits.set(rule.resource.text, { value, ruleIndex });
      return;
    }
    default:
      return;
  }
}

/** Policy bits of decoded permission letters (`misc.c:parse_sub_mode`: `w` sets write and append). */
function policyBits(decoded: FilePermissions): number {
  let bits = 0;
  if (decoded.read) bits |= PERM.READ;
  if (decoded.write) bits |= PERM.WRITE | PERM.APPEND;
  if (decoded.append) bits |= PERM.APPEND;
  if (decoded.link) bits |= PERM.LINK;
  if (decoded.lock) bits |= PERM.LOCK;
  if (decoded.mmap) bits |= PERM.MMAP;
  if (decoded.exec !== undefined || decoded.isBareX) bits |= PERM.EXEC;
  return bits;
}

function halves(bits: number, owner: 'owner' | 'other' | undefined): { user: number; other: number } {
  return { user: owner === 'other' ? 0 : bits, other: owner === 'owner' ? 0 : bits };
}

function compilePattern(build: ProfileBuild, text: string, rule: ResolvedRule): PatternMatcher {
  const { matcher, error } = build.patterns.get(text);
  if (error !== undefined) {
    build.diagnostics.push({ code: 'INVALID_GLOB', severity: 'error', message: error, range: rule.range, file: rule.file });
  }
  return matcher;
}

function compileFileRule(build: ProfileBuild, rule: FileRule & ResolvedRule, base: ListEntryBase, implicit?: ImplicitRule): void {
  const isDeny = base.isDeny;
  const pathText = rule.isBare ? BARE_FILE_PATH : rule.path?.text;
  if (pathText === undefined) return;
  let bits: number;
  if (rule.isBare) bits = PERM.READ | PERM.WRITE | PERM.APPEND | PERM.LINK | PERM.LOCK | PERM.MMAP | PERM.EXEC;
  else if (rule.mode) bits = policyBits(rule.mode.decoded);
  else return;
  if (implicit?.isWriteOnly) bits = PERM.WRITE;
  const matcher = compilePattern(build, pathText, rule);
  // `x -> target` compiles like `Px -> target` (same accept bits in apparmor_parser -D rule-exprs)
  const execMode = rule.isBare ? 'ix' : (rule.mode?.decoded.exec ?? (rule.mode?.decoded.isBareX && !isDeny ? 'Px' : undefined));
  const { user, other } = halves(bits, rule.qualifiers.owner);
  build.fileEntries.push({
    ...base,
    matcher,
    owner: rule.qualifiers.owner,
    user,
    other,
    execMode: isDeny ? undefined : execMode,
    execTarget: rule.target?.text,
    ...(rule.isBare ? { explanation: 'bare file, covers every path (/{**,}) with rwalkm and ix' } : {}),
  });
  if (bits & PERM.LINK) {
    // parser_regex.c: an `l` perm also adds the pair rule `path \0 /[^/].*` with the link-subset flag
    build.pairs.push({ ...base, link: matcher, target: undefined, isSubset: true, owner: rule.qualifiers.owner });
  }
}

function compileLinkRule(build: ProfileBuild, rule: LinkRule & ResolvedRule, base: ListEntryBase): void {
  const link = compilePattern(build, rule.link.text, rule);
  const target = compilePattern(build, rule.target.text, rule);
  build.pairs.push({ ...base, link, target, isSubset: rule.isSubset, owner: rule.qualifiers.owner });
  if (!base.isDeny) {
    const { user, other } = halves(PERM.LINK, rule.qualifiers.owner);
    build.fileEntries.push({ ...base, matcher: link, owner: rule.qualifiers.owner, user, other, execMode: undefined, execTarget: undefined });
  }
}

function compileNetworkRule(build: ProfileBuild, rule: NetworkRule & ResolvedRule, base: ListEntryBase): void {
  const typeOrProtocol = rule.type?.text ?? rule.protocol?.text;
  for (const [family, mask] of networkSlots(rule.family?.text, typeOrProtocol)) {
    markBitTable(build.network, [family], base, mask);
  }
}

function compileMountRule(build: ProfileBuild, rule: (MountRule | RemountRule | UmountRule) & ResolvedRule, base: ListEntryBase): void {
  const conds = rule.conditionals;
  const fstypes = conditionalValues(conds, 'fstype') ?? conditionalValues(conds, 'vfstype');
  const exact = conds.filter((c) => (c.name === 'options' || c.name === 'option') && c.operator === '=');
  const within = conds.filter((c) => (c.name === 'options' || c.name === 'option') && c.operator === 'in');
  build.mount.push({
    ...base,
    kind: rule.kind,
    mountpoint: rule.mountpoint && compilePattern(build, rule.mountpoint.text, rule),
    source: rule.kind === 'mount' && rule.source ? compilePattern(build, rule.source.text, rule) : undefined,
    fstypes: fstypes?.map((t) => build.patterns.get(t).matcher),
    optionsExact: exact.length ? exact.map((c) => c.values.map((v) => v.text)) : undefined,
    optionsIn: within.length ? new Set(within.flatMap((c) => c.values.map((v) => v.text))) : undefined,
  });
}

/** `set rlimit` values: a number with an optional size or time unit, or `infinity`. */
function parseRlimitValue(text: string): number {
  if (text === 'infinity') return Number.POSITIVE_INFINITY;
  const match = /^(-?\d+)\s*([a-zA-Z]*)$/.exec(text);
  if (!match) return Number.NaN;
  const units: Record<string, number> = { '': 1, K: 1024, KB: 1024, M: 1024 ** 2, MB: 1024 ** 2, G: 1024 ** 3, GB: 1024 ** 3 };
  return Number(match[1]) * (units[match[2] ?? ''] ?? 1);
}

/** The rule's grant as written, for `RuleMatch.perms`. */
function describePerms(rule: ResolvedRule): string {
  switch (rule.kind) {
    case 'file': return rule.isBare ? 'rwalkmix' : (rule.mode?.text ?? '');
    case 'link': return 'l';
    case 'capability': return rule.names.length ? rule.names.map((n) => n.text).join(' ') : 'all capabilities';
    case 'network':
      return [rule.family?.text, rule.type?.text ?? rule.protocol?.text].filter(Boolean).join(' ') || 'all networking';
    case 'signal':
    case 'ptrace':
      return rule.perms.length ? rule.perms.map((p) => p.text).join(' ') : 'all';
    default:
      return rule.kind;
  }
}
