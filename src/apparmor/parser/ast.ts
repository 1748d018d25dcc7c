/**
 * The syntax tree of an AppArmor policy file, as written (variables unexpanded, includes not followed).
 * Names follow the `apparmor.d(5)` productions and keywords verbatim. Every node carries its source `range`.
 * This is not the resolved policy: see `policy/resolved.ts` for what the evaluator compiles.
 */
import type { Range } from '../source.ts';

/** A string as written plus where it was; `text` has quotes removed, `raw` keeps them. */
export type Word = { text: string; raw: string; range: Range };

/** The language level the parser accepts: apparmor_parser 3.0.8, or the v5.0.2 upstream test expectations. */
export type LanguageVersion = '3.0' | '5.0';

/** `[priority=N] [audit] [allow|deny] [owner|other]` — the prefix of any rule (`yacc:opt_prefix`). */
export type Qualifiers = {
  audit: boolean;
  access: 'allow' | 'deny';
  /** true when the word `allow` was written (the default is allow either way) */
  isAllowExplicit: boolean;
  owner: 'owner' | 'other' | undefined;
  /** 4.1+/5.x `priority=N` (−1000..1000) */
  priority?: number;
  range: Range;
};

/** The transition letters of a file rule (`misc.c:parse_sub_mode`), normalised: `PIx` → `Pix`, `Pux` → `PUx`. */
export type ExecMode =
  | 'ix' | 'px' | 'Px' | 'cx' | 'Cx' | 'ux' | 'Ux'
  | 'pix' | 'Pix' | 'cix' | 'Cix' | 'pux' | 'PUx' | 'cux' | 'CUx';

/** File permission letters, decoded. `exec` is set when an exec mode is given; `x` alone is `isBareX`. */
export type FilePermissions = {
  read: boolean;
  write: boolean;
  append: boolean;
  link: boolean;
  lock: boolean;
  mmap: boolean;
  /** `x` without a transition letter (valid only in deny rules or with `-> target`) */
  isBareX: boolean;
  exec: ExecMode | undefined;
};

/** A permission string as written (`text`, e.g. `rwPix`) and decoded (`decoded`). */
export type FileMode = { text: string; range: Range; decoded: FilePermissions };

/** `NAME=VALUE`, `NAME=(V1 V2)` or `NAME in (V1 V2)`: a rule conditional (TOK_CONDID / TOK_CONDLISTID). */
export type Conditional = {
  name: string;
  operator: '=' | 'in';
  values: Word[];
  /** true when the value list was parenthesised */
  isList: boolean;
  /** `peer=(label=… addr=…)` nests conditionals */
  nested?: Conditional[];
  range: Range;
};

type RuleBase = { qualifiers: Qualifiers; range: Range };

/** `[QUALIFIERS] [file] ( FILEGLOB ACCESS | ACCESS FILEGLOB ) [-> EXEC_TARGET] ,` and bare `file,`. */
export type FileRule = RuleBase & {
  kind: 'file';
  /** `file,` alone: every path, `rwalkm ix` */
  isBare: boolean;
  hasFileKeyword: boolean;
  /** `safe` / `unsafe` before the rule (`yacc:file_rule_tail`) */
  safety: 'safe' | 'unsafe' | undefined;
  path: Word | undefined;
  mode: FileMode | undefined;
  /** permissions written before the path (`rw /p,`) */
  isModeLeading: boolean;
  target: Word | undefined;
};

/** `[QUALIFIERS] link [subset] FILEGLOB -> FILEGLOB ,` (also `l /a -> /b,`). */
export type LinkRule = RuleBase & {
  kind: 'link';
  isSubset: boolean;
  /** true for the `l /a -> /b,` spelling */
  isModeForm: boolean;
  link: Word;
  target: Word;
};

/** `capability [NAME ...] ,` — no names means every capability. */
export type CapabilityRule = RuleBase & { kind: 'capability'; names: Word[] };

/** `network [perms] [domain] [type | protocol] [conds] ,` (3.x form plus the 4.x+ fine-grained form). */
export type NetworkRule = RuleBase & {
  kind: 'network';
  perms: Word[];
  family: Word | undefined;
  type: Word | undefined;
  protocol: Word | undefined;
  conditionals: Conditional[];
};

/** `signal [perms] [set=(…)] [peer=AARE] ,`. */
export type SignalRule = RuleBase & { kind: 'signal'; perms: Word[]; conditionals: Conditional[] };

/** `ptrace [perms] [peer=AARE] ,`. */
export type PtraceRule = RuleBase & { kind: 'ptrace'; perms: Word[]; conditionals: Conditional[] };

/** `mount [conds] [SOURCE] [-> MOUNTPOINT] ,`. */
export type MountRule = RuleBase & {
  kind: 'mount';
  conditionals: Conditional[];
  source: Word | undefined;
  mountpoint: Word | undefined;
};

/** `remount [conds] [MOUNTPOINT] ,`. */
export type RemountRule = RuleBase & { kind: 'remount'; conditionals: Conditional[]; mountpoint: Word | undefined };

/** `umount [conds] [MOUNTPOINT] ,`. */
export type UmountRule = RuleBase & { kind: 'umount'; conditionals: Conditional[]; mountpoint: Word | undefined };

/** `pivot_root [oldroot=GLOB] [NEWROOT] [-> PROFILE] ,`. */
export type PivotRootRule = RuleBase & {
  kind: 'pivot_root';
  conditionals: Conditional[];
  newRoot: Word | undefined;
  targetProfile: Word | undefined;
};

/** `unix [perms] [conds] [peer=(conds)] ,`. */
export type UnixRule = RuleBase & { kind: 'unix'; perms: Word[]; conditionals: Conditional[] };

/** `dbus [perms] [conds] [peer=(conds)] ,`. */
export type DbusRule = RuleBase & { kind: 'dbus'; perms: Word[]; conditionals: Conditional[] };

/** `change_profile [[safe|unsafe] EXEC_GLOB] [-> PROFILE] ,`. */
export type ChangeProfileRule = RuleBase & {
  kind: 'change_profile';
  safety: 'safe' | 'unsafe' | undefined;
  execPath: Word | undefined;
  target: Word | undefined;
};

/** `set rlimit NAME <= VALUE ,`. */
export type RlimitRule = RuleBase & { kind: 'rlimit'; resource: Word; value: Word };

/** 4.x+ `userns [create] ,`. */
export type UsernsRule = RuleBase & { kind: 'userns'; perms: Word[] };

/** 4.x+ `mqueue [perms] [type=…] [label=…] [NAME] ,`. */
export type MqueueRule = RuleBase & { kind: 'mqueue'; perms: Word[]; conditionals: Conditional[]; name: Word | undefined };

/** 4.x+ `io_uring [sqpoll override_creds] [label=…] ,`. */
export type IoUringRule = RuleBase & { kind: 'io_uring'; perms: Word[]; conditionals: Conditional[] };

/** 4.x+ `all ,`: every access of every class. */
export type AllRule = RuleBase & { kind: 'all' };

/** Every rule that grants or denies something (what the evaluator compiles). */
export type AccessRule =
  | FileRule | LinkRule | CapabilityRule | NetworkRule | SignalRule | PtraceRule | MountRule | RemountRule
  | UmountRule | PivotRootRule | UnixRule | DbusRule | ChangeProfileRule | RlimitRule | UsernsRule | MqueueRule
  | IoUringRule | AllRule;

/** `( #include | include ) [if exists] ( <MAGIC> | "PATH" )` — a line rule, no comma. */
export type IncludeRule = {
  kind: 'include';
  path: string;
  /** `<magic>` (search path) vs `"quoted"` (as written) */
  isMagic: boolean;
  ifExists: boolean;
  /** how it was spelled */
  keyword: '#include' | 'include';
  range: Range;
};

/** `abi ( <MAGIC> | "PATH" ) ,`. */
export type AbiRule = { kind: 'abi'; path: string; isMagic: boolean; range: Range };

/** `@{NAME} ( = | += | ?= | := ) VALUES` (the last two are 4.x+). */
export type VariableAssignment = {
  kind: 'variable';
  name: string;
  operator: '=' | '+=' | '?=' | ':=';
  values: Word[];
  range: Range;
};

/** `$NAME = true|false`. */
export type BooleanAssignment = {
  kind: 'boolean';
  name: string;
  value: boolean;
  /** 5.x adds `?=` (unless set) and `:=` (override); absent means `=` */
  operator?: '=' | '?=' | ':=';
  range: Range;
};

/** `alias FROM -> TO ,` (preamble only). */
export type AliasRule = { kind: 'alias'; from: Word; to: Word; range: Range };

/** The condition of an `if`: `$BOOL`, `defined @{X}`, `defined $X`, `not …`, `a and b`, 5.x comparisons. */
export type Condition =
  | { kind: 'boolean'; name: string; range: Range }
  | { kind: 'defined'; name: string; isBoolean: boolean; range: Range }
  | { kind: 'not'; operand: Condition; range: Range }
  | { kind: 'and' | 'or'; left: Condition; right: Condition; range: Range }
  | { kind: 'compare'; operator: string; left: Word; right: Word; range: Range }
  /** 5.x `if true` / `if false` */
  | { kind: 'literal'; value: boolean; range: Range };

/** `if COND { … } [else if … | else { … }]`. */
export type IfBlock = {
  kind: 'if';
  condition: Condition;
  then: BodyItem[];
  else: BodyItem[] | undefined;
  range: Range;
};

/** `QUALIFIERS { rules }`: the prefix applies to every rule inside (`audit { … }`, `owner { … }`). */
export type QualifierBlock = { kind: 'qualifier_block'; qualifiers: Qualifiers; body: BodyItem[]; range: Range };

/** A profile flag as written: `complain`, `attach_disconnected`, `kill.signal=hup`. */
export type ProfileFlag = { name: string; value: string | undefined; range: Range };

/** The profile mode derived from the flags (DESIGN.md §3.3 names). */
export type ProfileMode = 'enforce' | 'complain' | 'kill' | 'unconfined' | 'default_allow' | 'prompt';

/** `flags=( … )` decoded; `list` keeps every flag as written. */
export type ProfileFlags = {
  list: ProfileFlag[];
  mode: ProfileMode | undefined;
  audit: boolean;
  hasFlagsKeyword: boolean;
  range: Range;
};

/** `xattrs=( name=value … )` in a profile header. */
export type XattrCondition = { name: string; value: Word | undefined; range: Range };

/**
 * A profile or hat:
 * `[profile] NAME [ATTACHMENT] [xattrs=(…)] [flags=(…)] { … }`, `hat NAME …`, `^NAME …`.
 */
export type ProfileNode = {
  kind: 'profile' | 'hat';
  /** the keyword that introduced it: `profile`, `hat`, `^`, or none (bare path) */
  keyword: 'profile' | 'hat' | '^' | undefined;
  /** the name as written (without `:ns:` and without `^`), variables unexpanded */
  name: Word;
  /** `:ns:` or `:ns://` prefix */
  namespace: string | undefined;
  attachment: Word | undefined;
  xattrs: XattrCondition[];
  /** 5.x `+ identities=(…)` (each `+` group's values, in order); absent when none */
  identities?: Word[];
  flags: ProfileFlags | undefined;
  body: BodyItem[];
  /** the range of the header up to `{` */
  headerRange: Range;
  range: Range;
};

/** Anything that can appear inside a profile body. */
export type BodyItem =
  | AccessRule | IncludeRule | AbiRule | QualifierBlock | IfBlock | ProfileNode | BooleanAssignment
  | VariableAssignment;

/** Anything that can appear at the top level of a file. */
export type TopLevelItem =
  | IncludeRule | AbiRule | VariableAssignment | BooleanAssignment | AliasRule | ProfileNode | IfBlock
  | AccessRule;

/** A whole policy file. */
export type PolicyFile = { kind: 'policy'; items: TopLevelItem[]; range: Range };

/** Every node kind, for exhaustive switches. */
export type AstNode = TopLevelItem | BodyItem;
