/**
 * What `evaluate()` answers (DESIGN.md §5): the verdict, why, every rule that matched with its source range,
 * the errno the syscall gets and the audit line the kernel would print. Data only, rendered by the trace UI
 * and by `dmesg`; nothing here is a pre-formatted explanation except `summary` and the audit line itself.
 */
import type { AccessRule, ExecMode } from '../parser/ast.ts';
import type { Range } from '../source.ts';

/** Points at one rule of a compiled profile: where it was written and what kind it is. */
export type RuleRef = {
  /** the full name of the profile the rule belongs to */
  profile: string;
  kind: AccessRule['kind'];
  /** the index of the rule in the resolved profile's `rules`; -1 for a rule the parser adds itself */
  index: number;
  /** the rule's range in `file` */
  range: Range;
  /** the file the rule was written in (an include path for abstractions) */
  file: string;
  /** for rules the parser adds (`policy.c:add_proc_access`, hats): why it exists */
  implicitReason?: string;
};

/** One rule that matched the request, whether or not it decided it. */
export type RuleMatch = {
  rule: RuleRef;
  effect: 'allow' | 'deny';
  isAudit: boolean;
  /** the rule's `owner`/`other` qualifier */
  owner: 'owner' | 'other' | undefined;
  /** false when the rule matched the object but not the request's owner half (e.g. `owner` rule, fsuid ≠ ouid) */
  applies: boolean;
  /** what the rule grants or denies, as written in policy: `rw`, `Px`, `send receive`, `net_raw` */
  perms: string;
  /** why the object matched, from the AARE matcher (e.g. `'** matched "a/b"'`) or the class's conditionals */
  why: string;
  /** file rules: the requested permissions this rule grants (allow) or refuses (deny), as the log prints them */
  covers?: string;
};

/** `allow` or `deny`: what the syscall sees (complain mode allows). */
export type Verdict = 'allow' | 'deny';

/** How the verdict came about. */
export type DecisionReason = 'explicit-allow' | 'explicit-deny' | 'implicit-deny' | 'complain-allowed' | 'unconfined';

/** The errno a denied check returns: files/network `EACCES`, capabilities `EPERM`, missing labels `ENOENT`. */
export type Errno = 'EACCES' | 'EPERM' | 'ENOENT';

/** The `apparmor=` value of an audit record (`kernel:audit.c aa_audit_type`). */
export type AuditType = 'AUDIT' | 'ALLOWED' | 'DENIED' | 'HINT' | 'STATUS' | 'ERROR' | 'KILLED';

/** One audit record: the ordered fields and the line exactly as the kernel prints it (no dmesg prefix). */
export type AuditRecord = {
  type: AuditType;
  /** `[key, printed value]` in print order; quoted values keep their quotes */
  fields: [key: string, value: string][];
  /** `type=1400 audit(…): apparmor="DENIED" operation=…` (the `audit(…): ` part only when a stamp is given) */
  line: string;
};

/** Where an exec lands (`kernel:domain.c`). */
export type ExecTransition = {
  /** the new label, e.g. `exec-target`, `parent//child`, `unconfined`, `p//null-/bin/x` */
  label: string;
  /** the rule's mode, `ix` for inherit, or `attach` when an unconfined task attached a profile by path */
  mode: ExecMode | 'attach' | 'unconfined' | 'null-complain';
  /** AT_SECURE: the environment is scrubbed (upper-case modes) */
  isSecure: boolean;
  /** true when a `pix`/`cix`/`pux`/`cux` target was missing and the fallback was used */
  isFallback: boolean;
};

/** The evaluator's answer for one request. */
export type Decision = {
  verdict: Verdict;
  reason: DecisionReason;
  /** the rule that decided: the deny rule for an explicit deny, an allow rule for an allow */
  decidedBy?: RuleRef;
  /** every rule that matched the request's object, in profile order */
  matches: RuleMatch[];
  /** true when the kernel writes an audit record for this request */
  audit: boolean;
  /** the errno the syscall fails with; absent when allowed */
  errno?: Errno;
  /** the requested permissions as the log prints them (`wc`, `create`, `send`, a capability name) */
  requested: string;
  /** the denied part, same form; empty when allowed */
  denied: string;
  /** the kernel's `info=` text when it gives one, e.g. `profile transition not found` */
  info?: string;
  /** the record the kernel logs; absent when `audit` is false */
  record?: AuditRecord;
  /** kill mode: the task gets SIGKILL */
  isKilled?: boolean;
  /** exec only: the new label when the exec goes ahead */
  transition?: ExecTransition;
  /** one plain sentence for learners, e.g. `no rule matches /tmp/x, so write is denied (implicit deny)` */
  summary: string;
};
