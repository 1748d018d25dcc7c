/**
 * The types of a resolved policy: profiles with includes inlined, variables and aliases expanded, qualifier
 * blocks and conditionals flattened. The evaluator compiles this; it is data only.
 */
import type { Diagnostic } from '../diagnostics.ts';
import type { AccessRule, ProfileFlags, ProfileMode, XattrCondition } from '../parser/ast.ts';
import type { Range } from '../source.ts';

/**
 * One rule of a resolved profile: the AST rule with every path/glob field replaced by its final AARE text
 * (variables expanded into `{a,b}` alternations, slashes folded), qualifier-block prefixes merged into
 * `qualifiers`, plus the file it came from (`range` points into that file).
 */
export type ResolvedRule = AccessRule & {
  /** the file the rule was written in: the main file's name or an include path as opened */
  file: string;
  /** true when the rule is a copy made by an `alias` rewrite */
  isAliasCopy?: boolean;
};

/** A profile, hat or child profile after resolution. */
export type ResolvedProfile = {
  kind: 'profile' | 'hat';
  /** the full name, `parent//child` for hats and children */
  name: string;
  /** the name as declared inside its parent (equal to `name` at top level) */
  baseName: string;
  namespace: string | undefined;
  /** the exec attachment AARE: the attachment, else the name when it starts with `/`, else undefined */
  attachment: string | undefined;
  xattrs: XattrCondition[];
  flags: ProfileFlags | undefined;
  /** the mode in effect (`enforce` when no mode flag is given) */
  mode: ProfileMode;
  /** the `audit` flag */
  isAudit: boolean;
  rules: ResolvedRule[];
  /** hats and child profiles, in source order */
  children: ResolvedProfile[];
  /** the header range in `file` */
  range: Range;
  file: string;
};

/** The result of `resolvePolicy`. */
export type ResolvedPolicy = {
  profiles: ResolvedProfile[];
  /** the variables in effect after the preamble, fully expanded (e.g. `@{PROC}` → `['/proc/']`) */
  variables: ReadonlyMap<string, readonly string[]>;
  /** the `abi` declared, if any */
  abi: string | undefined;
  diagnostics: Diagnostic[];
};

/** Injected file access for includes (the engine never touches a real filesystem). */
export type IncludeReader = {
  /** @returns the file's text, or undefined when it does not exist or is a directory */
  readFile(path: string): string | undefined;
  /** @returns the entry names of a directory, or undefined when it is not a directory */
  listDir(path: string): string[] | undefined;
};
