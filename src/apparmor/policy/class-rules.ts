/**
 * Compiled forms of the non-file classes: capability and network bit tables (as the kernel keeps them:
 * `caps.allow/audit/quiet`, `net.allow[family]` type masks), and rule lists for signal, ptrace, mount,
 * change_profile and rlimit, whose conditionals are matched per request. Building only; deciding is in
 * evaluate-*.ts.
 */
import type { Conditional, Word } from '../parser/ast.ts';
import { CAPABILITY_NAMES, FAMILY_NAMES, SOCK_TYPE_NAMES, familyNumber, sockTypeNumber } from './kernel-numbers.ts';
import type { PatternCache, PatternMatcher } from './matchers.ts';

/** Allow/deny/audit/quiet flags of one bit-table class, one slot per number, plus the rules per slot. */
export type BitTable = {
  allow: Uint8Array;
  deny: Uint8Array;
  audit: Uint8Array;
  quiet: Uint8Array;
  /** rule indices that mention each slot, for explanations */
  rules: number[][];
};

/** A qualifier summary shared by the list classes. */
export type ListEntryBase = { ruleIndex: number; isDeny: boolean; isAudit: boolean };

/** `signal` / `ptrace` rule: the access words it grants, an optional signal set and peer pattern. */
export type PeerEntry = ListEntryBase & {
  /** granted accesses: `send`/`receive` for signal, `read`/`trace`/`readby`/`tracedby` for ptrace */
  accesses: ReadonlySet<string>;
  /** signal rules only: the `set=` names, undefined = every signal */
  signals: ReadonlySet<string> | undefined;
  peer: PatternMatcher | undefined;
};

/** `mount` / `remount` / `umount` / `pivot_root` rule with its conditionals. */
export type MountEntry = ListEntryBase & {
  kind: 'mount' | 'remount' | 'umount' | 'pivot_root';
  mountpoint: PatternMatcher | undefined;
  source: PatternMatcher | undefined;
  fstypes: readonly PatternMatcher[] | undefined;
  /** `options=(…)`: exactly this set; undefined = any */
  optionsExact: readonly (readonly string[])[] | undefined;
  /** `options in (…)`: any subset */
  optionsIn: ReadonlySet<string> | undefined;
};

/** `change_profile [exec] -> target` rule. */
export type ChangeProfileEntry = ListEntryBase & {
  execPath: PatternMatcher | undefined;
  /** undefined: any profile */
  target: PatternMatcher | undefined;
};

/**
 * Creates an empty table.
 *
 * @param size - how many slots (capability or family numbers)
 * @returns the table, every flag 0
 * @example createBitTable(41).allow.length // → 41
 */
export function createBitTable(size: number): BitTable {
  return {
    allow: new Uint8Array(size),
    deny: new Uint8Array(size),
    audit: new Uint8Array(size),
    quiet: new Uint8Array(size),
    rules: Array.from({ length: size }, () => []),
  };
}

/**
 * Marks `slots` in a bit table for one rule (parser_yacc.y: deny rules set quiet unless `audit deny`).
 *
 * @param table - the table to update
 * @param slots - the slot numbers the rule covers
 * @param entry - the rule's qualifiers and index
 * @param bits - the bits to set in each slot (1 for capabilities, a type mask for network)
 */
export function markBitTable(table: BitTable, slots: readonly number[], entry: ListEntryBase, bits = 1): void {
  for (const slot of slots) {
    if (entry.isDeny) {
      table.deny[slot] = (table.deny[slot] ?? 0) | bits;
      if (!entry.isAudit) table.quiet[slot] = (table.quiet[slot] ?? 0) | bits;
    } else {
      table.allow[slot] = (table.allow[slot] ?? 0) | bits;
      if (entry.isAudit) table.audit[slot] = (table.audit[slot] ?? 0) | bits;
    }
    table.rules[slot]?.push(entry.ruleIndex);
  }
}

/**
 * @param names - the capability words of a rule (none: every capability)
 * @returns their kernel numbers (unknown names are skipped: the parser reports them)
 * @example capabilitySlots([]).length // → 41
 */
export function capabilitySlots(names: readonly Word[]): number[] {
  if (names.length === 0) return CAPABILITY_NAMES.map((_, i) => i);
  return names.map((w) => CAPABILITY_NAMES.indexOf(w.text)).filter((n) => n >= 0);
}

/** `parser/network.c network_mappings`: protocol keywords stand for a family's socket type. */
const PROTOCOL_MAPPINGS: Record<string, readonly [family: string, type: string][]> = {
  tcp: [['inet', 'stream'], ['inet6', 'stream']],
  udp: [['inet', 'dgram'], ['inet6', 'dgram']],
  icmp: [['inet', 'raw']],
};

const ALL_TYPES_MASK = SOCK_TYPE_NAMES.reduce((mask, name, i) => (name ? mask | (1 << i) : mask), 0);

/**
 * The (family, type-mask) pairs a 3.0 `network` rule covers: bare = every family and type, `network tcp` =
 * inet+inet6 stream, `network raw` = raw on every family (`parser/network.c net_find_mapping`).
 *
 * @param family - the family word, if any
 * @param typeOrProtocol - the type or protocol word, if any
 * @returns `[familyNumber, typeMask]` pairs
 * @example networkSlots(undefined, 'tcp') // → [[2, 2], [10, 2]]
 */
export function networkSlots(family: string | undefined, typeOrProtocol: string | undefined): [number, number][] {
  const families = family === undefined ? FAMILY_NAMES.map((_, i) => i).slice(1) : [familyNumber(family)];
  if (families.some((f) => f < 0)) return [];
  if (typeOrProtocol === undefined) return families.map((f) => [f, ALL_TYPES_MASK]);
  const mapped = PROTOCOL_MAPPINGS[typeOrProtocol];
  if (mapped) {
    return mapped
      .filter(([f]) => family === undefined || f === family)
      .map(([f, t]) => [familyNumber(f), 1 << sockTypeNumber(t)]);
  }
  const type = sockTypeNumber(typeOrProtocol);
  if (type < 0) return [];
  return families.map((f) => [f, 1 << type]);
}

/** Signal rule access words (`parser/signal.cc`): `r`/`read`/`receive` and `w`/`write`/`send`. */
const SIGNAL_ACCESS: Record<string, readonly string[]> = {
  send: ['send'], receive: ['receive'], r: ['receive'], w: ['send'], rw: ['send', 'receive'],
  read: ['receive'], write: ['send'],
};

/** Ptrace rule access words (`parser/ptrace.cc`): `r` = read, `w` = trace. */
const PTRACE_ACCESS: Record<string, readonly string[]> = {
  read: ['read'], readby: ['readby'], trace: ['trace'], tracedby: ['tracedby'], r: ['read'], w: ['trace'],
  rw: ['read', 'trace'],
};

/**
 * @param kind - `signal` or `ptrace`
 * @param perms - the access words written (none: all of them)
 * @returns the set of kernel access names granted
 * @example peerAccesses('signal', []) // → Set { 'send', 'receive' }
 */
export function peerAccesses(kind: 'signal' | 'ptrace', perms: readonly Word[]): Set<string> {
  const table = kind === 'signal' ? SIGNAL_ACCESS : PTRACE_ACCESS;
  const words = perms.length === 0 ? Object.keys(table) : perms.map((p) => p.text);
  const out = new Set<string>();
  for (const word of words) for (const access of table[word] ?? []) out.add(access);
  return out;
}

/**
 * @param conditionals - a rule's conditionals
 * @param name - the conditional to find (`peer`, `set`, `fstype` …)
 * @returns its values, or undefined when absent
 * @example conditionalValues([], 'peer') // → undefined
 */
export function conditionalValues(conditionals: readonly Conditional[], name: string): string[] | undefined {
  const found = conditionals.filter((c) => c.name === name);
  if (found.length === 0) return undefined;
  return found.flatMap((c) => c.values.map((v) => v.text));
}

/**
 * Compiles one value list into a single matcher (`{a,b}` when several), or undefined when absent.
 *
 * @param values - the values
 * @param patterns - the shared pattern cache
 * @returns the matcher
 * @example matcherFor(['unconfined', 'runc'], new PatternCache())?.pattern // → '{unconfined,runc}'
 */
export function matcherFor(values: readonly string[] | undefined, patterns: PatternCache): PatternMatcher | undefined {
  if (values === undefined || values.length === 0) return undefined;
  const text = values.length === 1 ? (values[0] ?? '') : `{${values.join(',')}}`;
  return patterns.get(text).matcher;
}
