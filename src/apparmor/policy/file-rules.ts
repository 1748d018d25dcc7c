/**
 * The file class of a compiled profile: every file and link rule as a matcher plus its owner/other masks,
 * combined per path with `hfa.cc:accept_perms` union semantics (allow = ⋃ allow, deny = ⋃ deny, deny x
 * removes every exec mode, allow &= ~deny, quiet = non-audit deny, audit = audit-allow), and a per-path cache
 * so repeated decisions cost one map lookup. It does not decide requests: see evaluate-file.ts.
 */
import type { ExecMode } from '../parser/ast.ts';
import type { PatternMatcher } from './matchers.ts';
import { MAY } from './request.ts';
import { PERM, mapPolicyToKernel } from './perms.ts';

/** One file rule, compiled. `user`/`other` are the policy bits it puts in each half. */
export type FileEntry = {
  /** index into the profile's rule list (`CompiledProfile.rules`) */
  ruleIndex: number;
  matcher: PatternMatcher;
  isDeny: boolean;
  isAudit: boolean;
  owner: 'owner' | 'other' | undefined;
  user: number;
  other: number;
  execMode: ExecMode | undefined;
  execTarget: string | undefined;
  /** a fixed explanation instead of the AARE's (bare `file,` covers every path) */
  explanation?: string;
};

/** One (link name, target) pair rule: `link [subset] A -> B`, or a file rule with `l` (target: any path). */
export type LinkPairEntry = {
  ruleIndex: number;
  link: PatternMatcher;
  /** undefined: any target (`/foo l` ≡ `link subset /foo -> /**`) */
  target: PatternMatcher | undefined;
  isSubset: boolean;
  isDeny: boolean;
  isAudit: boolean;
  owner: 'owner' | 'other' | undefined;
};

/** The combined masks of one half (owner or other) at one path, in policy bits and kernel bits. */
export type HalfPerms = {
  allow: number;
  deny: number;
  audit: number;
  quiet: number;
  /** the exec mode in effect (exact-match rules win over globs), when `allow` has `PERM.EXEC` */
  execMode: ExecMode | undefined;
  execTarget: string | undefined;
  /** the rule that supplied the exec mode */
  execRule: number | undefined;
  /** `allow` mapped to kernel request bits, plus getattr (never mediated: `kernel:file.c aa_compute_fperms`) */
  kernelAllow: number;
  kernelAudit: number;
  kernelQuiet: number;
};

/** Everything the rules say about one path. */
export type PathPerms = {
  user: HalfPerms;
  other: HalfPerms;
  /** true when at least one rule matched the path */
  isMatched: boolean;
};

const CACHE_LIMIT = 4096;

/** The compiled file rules of one profile. */
export class FileRules {
  readonly entries: readonly FileEntry[];
  readonly pairs: readonly LinkPairEntry[];
  readonly #cache = new Map<string, PathPerms>();
  /** each entry's literal leading text: a path that does not start with it cannot match, so the DFA is skipped */
  readonly #prefixes: string[];
  /** likewise the literal trailing text: a path must end with it (skips building most automata a path never needs) */
  readonly #suffixes: string[];

  /**
   * @param entries - the file rules in profile order
   * @param pairs - the link pair rules in profile order
   */
  constructor(entries: FileEntry[], pairs: LinkPairEntry[]) {
    this.entries = entries;
    this.pairs = pairs;
    this.#prefixes = entries.map((e) => literalPrefix(e.matcher.pattern));
    this.#suffixes = entries.map((e) => literalSuffix(e.matcher.pattern));
  }

  /**
   * @param path - the path as the kernel matches it
   * @returns the combined masks (cached: later calls with the same path allocate nothing)
   */
  lookup(path: string): PathPerms {
    const known = this.#cache.get(path);
    if (known) return known;
    const perms = this.#compute(path);
    if (this.#cache.size >= CACHE_LIMIT) this.#cache.clear();
    this.#cache.set(path, perms);
    return perms;
  }

  /** @returns the indices (into `entries`) of every rule whose pattern matches `path` */
  matching(path: string): number[] {
    const out: number[] = [];
    for (let i = 0; i < this.entries.length; i++) if (this.#test(i, path)) out.push(i);
    return out;
  }

  #test(index: number, path: string): boolean {
    const entry = this.entries[index];
    return entry !== undefined && path.startsWith(this.#prefixes[index] ?? '') && path.endsWith(this.#suffixes[index] ?? '')
      && entry.matcher.test(path);
  }

  #compute(path: string): PathPerms {
    const matched: FileEntry[] = [];
    for (let i = 0; i < this.entries.length; i++) {
      const entry = this.entries[i];
      if (entry && this.#test(i, path)) matched.push(entry);
    }
    return {
      user: combineHalf(matched, 'user'),
      other: combineHalf(matched, 'other'),
      isMatched: matched.length > 0,
    };
  }
}

/**
 * The text a pattern's every match starts with: up to the first glob or escape character, and before any
 * `//` (which the AARE engine folds).
 */
function literalPrefix(pattern: string): string {
  const end = pattern.search(/[*?[\]{}\\@]|\/\//);
  return end < 0 ? pattern : pattern.slice(0, end);
}

/**
 * The text every match ends with: after the last glob character (the whole match's tail is that text byte for
 * byte), and after any `//` in it (which the AARE engine folds). None when the pattern has an escape: `\x41`
 * and the like stand for other characters, so the tail as written is not what matches.
 */
function literalSuffix(pattern: string): string {
  if (pattern.includes('\\')) return '';
  let start = pattern.length;
  while (start > 0 && !'*?[]{}@'.includes(pattern[start - 1] ?? '')) start--;
  const tail = pattern.slice(start);
  const fold = tail.lastIndexOf('//');
  return fold < 0 ? tail : tail.slice(fold + 1);
}

/** The exec bit and the link bit are handled apart from the plain letters. */
const SINGLE_PATH_DENY = ~PERM.LINK;

/** `hfa.cc:accept_perms` for one half: union, exact-over-glob exec choice, deny subtraction. */
function combineHalf(matched: readonly FileEntry[], half: 'user' | 'other'): HalfPerms {
  let allow = 0;
  let deny = 0;
  let audit = 0;
  let quiet = 0;
  let exact: FileEntry | undefined;
  let glob: FileEntry | undefined;
  for (const entry of matched) {
    const bits = entry[half];
    if (bits === 0) continue;
    if (entry.isDeny) {
      // as the kernel's pair check: a deny `l` only restricts the (link, target) pair, not the path alone
      const single = bits & SINGLE_PATH_DENY;
      deny |= single;
      if (!entry.isAudit) quiet |= single;
      continue;
    }
    allow |= bits;
    if (entry.isAudit) audit |= bits;
    if (bits & PERM.EXEC && entry.execMode !== undefined) {
      if (entry.matcher.isLiteral) exact ??= entry;
      else glob ??= entry;
    }
  }
  allow &= ~deny;
  quiet &= deny;
  const execEntry = allow & PERM.EXEC ? (exact ?? glob) : undefined;
  return {
    allow,
    deny,
    audit,
    quiet,
    execMode: execEntry?.execMode,
    execTarget: execEntry?.execTarget,
    execRule: execEntry?.ruleIndex,
    kernelAllow: mapPolicyToKernel(allow) | MAY.GETATTR,
    kernelAudit: mapPolicyToKernel(audit),
    kernelQuiet: mapPolicyToKernel(quiet),
  };
}
