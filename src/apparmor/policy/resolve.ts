/**
 * Resolution: follows includes through an injected reader, defines and expands variables, evaluates `if`
 * blocks, applies `alias` rewrites and flattens qualifier blocks, giving the `ResolvedPolicy` the evaluator
 * compiles. Errors are worded as apparmor_parser 3.0.8 words them. This module does no parsing of its own
 * (it calls the parser for included files) and no glob compilation (see `parser-checks.ts` and the evaluator).
 * About 360 lines: one class holds the resolver's state (symbol table, include caches, profile names, the error
 * order apparmor_parser uses); splitting it would thread that state through every helper.
 */
import type { Diagnostic, DiagnosticCode } from '../diagnostics.ts';
import type {
  AccessRule, BodyItem, Condition, Conditional, LanguageVersion, PolicyFile, ProfileNode, Qualifiers, TopLevelItem, Word,
} from '../parser/ast.ts';
import { LineCounter, type Range } from '../source.ts';
import { filterSlashes } from '../aare/filter-slashes.ts';
import { IncludeCache } from './include-cache.ts';
import { lookupInclude } from './includes.ts';
import type { IncludeReader, ResolvedPolicy, ResolvedProfile, ResolvedRule } from './resolved-policy.ts';
import { expandVariables, SymbolTable } from './variables.ts';

/** Options of `resolvePolicy`. */
export type ResolveOptions = {
  /** file access for includes; without it every include is missing */
  reader?: IncludeReader;
  /** `-I` directories, searched before `baseDir` */
  includeDirs?: readonly string[];
  /** the base directory, default `/etc/apparmor.d` */
  baseDir?: string;
  /** the main file's name (diagnostics of the main file carry no `file`) */
  fileName?: string;
  /** the main file's text, for the line numbers apparmor_parser prints */
  text?: string;
  /** working directory for relative `"quoted"` includes, default `/` */
  cwd?: string;
  version?: LanguageVersion;
  /** parsed include files kept between calls (the caller owns it); without it each call parses its includes */
  includes?: IncludeCache;
};

const EMPTY_READER: IncludeReader = { readFile: () => undefined, listDir: () => undefined };

/** The file being walked; `includedFrom` is the include directive in the main file that led here. */
type Source = { file: string | undefined; lines: LineCounter; includedFrom?: Range };

type Overlay = { audit: boolean; deny: boolean; owner: 'owner' | 'other' | undefined };

/**
 * Resolves a parsed policy file.
 *
 * @param ast - the parser's tree of the main file
 * @param options - reader, search path, names
 * @returns the profiles with includes inlined and variables expanded, plus diagnostics
 * @example resolvePolicy(parseProfile('@{D}=/tmp\nprofile p { @{D}//x r, }').ast).profiles[0]?.rules[0] // path '/tmp/x'
 */
export function resolvePolicy(ast: PolicyFile, options: ResolveOptions = {}): ResolvedPolicy {
  return new Resolver(options).run(ast);
}

class Resolver {
  readonly #options: ResolveOptions;
  readonly #reader: IncludeReader;
  readonly #includes: IncludeCache;
  readonly #searchDirs: string[];
  readonly #table = new SymbolTable();
  readonly #aliases: [string, string][] = [];
  readonly #diagnostics: Diagnostic[] = [];
  readonly #topCache = new Set<string>();
  readonly #profileNames = new Set<string>();
  #abi: string | undefined;
  /** variable-expansion errors: apparmor_parser finds them after parsing, walking each profile's rules backwards */
  readonly #postDiagnostics: Diagnostic[] = [];
  readonly #texts = new Map<string, string>();
  #sink: Diagnostic[] | undefined;
  /** 5.x `@{attach_path}` / `@{exec_path}` of the profile being resolved */
  #attachPath: string | undefined;

  constructor(options: ResolveOptions) {
    this.#options = options;
    this.#reader = options.reader ?? EMPTY_READER;
    this.#includes = options.includes ?? new IncludeCache();
    this.#searchDirs = [...(options.includeDirs ?? []), options.baseDir ?? '/etc/apparmor.d'];
  }

  run(ast: PolicyFile): ResolvedPolicy {
    const source: Source = { file: undefined, lines: new LineCounter(this.#options.text ?? '') };
    const profiles: ResolvedProfile[] = [];
    this.#walkTop(ast.items, source, profiles);
    const version = this.#options.version ?? '3.0';
    if (version === '3.0' || version === '5.0') this.#applyAliases(profiles);
    const diagnostics = [...this.#diagnostics, ...this.#postDiagnostics];
    return { profiles, variables: this.#table.expandedSets(), abi: this.#abi, diagnostics };
  }

  #report(
    code: DiagnosticCode, source: Source, range: Range, message: string,
    upstream?: { message?: string; isBare?: boolean; preface?: string; at?: Range },
  ): void {
    const line = source.lines.linePos((upstream?.at ?? range)[0]).line;
    const d: Diagnostic = { code, severity: 'error', message, range, upstream: { message: upstream?.message ?? message, line } };
    if (upstream?.isBare && d.upstream) d.upstream.isBare = true;
    if (upstream?.preface && d.upstream) d.upstream.preface = upstream.preface;
    if (source.file !== undefined) d.file = source.file;
    if (source.includedFrom) d.related = [{ message: 'in the file included here', range: source.includedFrom }];
    (this.#sink ?? this.#diagnostics).push(d);
  }

  #walkTop(items: readonly TopLevelItem[], source: Source, out: ResolvedProfile[]): void {
    for (const item of items) {
      switch (item.kind) {
        case 'include':
          this.#include(item.path, item.isMagic, item.ifExists, item.range, source, this.#topCache, 'policy', (items2, src) => this.#walkTop(items2 as TopLevelItem[], src, out));
          break;
        case 'variable': this.#defineVariable(item.name, item.operator, item.values.map((v) => v.text), item.range, source); break;
        case 'boolean':
          if (!this.#table.defineBoolean(item.name, item.value, item.operator)) {
            this.#report('VARIABLE_REDEFINED', source, item.range, `variable $${item.name} was previously declared`,
              { preface: `'${item.name}' is already defined`, at: this.#nextTokenRange(item.range, source) });
          }
          break;
        case 'alias': this.#aliases.push([item.from.text, item.to.text]); break;
        case 'abi': this.#checkAbi(item.path, item.isMagic, item.range, source); break;
        case 'profile': case 'hat': out.push(this.#profile(item, undefined, source)); break;
        case 'if': this.#walkTop(this.#chooseBranch(item.condition, item.then, item.else, source) as TopLevelItem[], source, out); break;
        default: break;
      }
    }
  }

  /**
   * apparmor_parser reports an assignment's errors once it has read the token after the value list (bison needs
   * it to end the list), so the line is that token's: skip blanks and comments after the assignment.
   */
  #nextTokenRange(range: Range, source: Source): Range {
    const text = source.file === undefined ? this.#options.text ?? '' : this.#texts.get(source.file) ?? '';
    const re = /(?:[ \t\r\n]+|#(?!include)[^\n]*)*/y;
    re.lastIndex = range[1];
    re.exec(text);
    return [re.lastIndex, re.lastIndex];
  }

  #defineVariable(name: string, operator: string, values: string[], range: Range, source: Source): void {
    const at = this.#nextTokenRange(range, source);
    if (operator === '=') {
      if (!this.#table.define(name, values)) {
        this.#report('VARIABLE_REDEFINED', source, range, `variable @{${name}} was previously declared`, { preface: `'${name}' is already defined`, at });
      }
    } else if (operator === '+=') {
      if (!this.#table.append(name, values)) {
        this.#report('VARIABLE_NOT_DECLARED', source, range,
          `variable @{${name}} was not previously declared, but is being assigned additional values`,
          { preface: `Failed to find declaration for: ${name}`, at });
      }
    } else this.#table.assign(name, values, operator === ':=');
  }

  #checkAbi(path: string, isMagic: boolean, range: Range, source: Source): void {
    this.#abi ??= path;
    if ((this.#options.version ?? '3.0') === '5.0' && isMagic && (path === 'kernel' || path === 'default')) return;
    const found = lookupInclude(this.#reader, path, isMagic, this.#searchDirs, this.#options.cwd ?? '/');
    if (!found.found) {
      // <kernel> asks for the running kernel's features, not a file
      const message = path === 'kernel' ? `failed to find features abi '${path}': No such file or directory` : `Could not open '${path}': No such file or directory`;
      this.#report('INVALID_ABI', source, range, message);
    }
  }

  #include(
    path: string, isMagic: boolean, ifExists: boolean, range: Range, source: Source, cache: Set<string>,
    context: 'policy' | 'body', walk: (items: readonly (TopLevelItem | BodyItem)[], src: Source) => void,
  ): void {
    const found = lookupInclude(this.#reader, path, isMagic, this.#searchDirs, this.#options.cwd ?? '/');
    if (!found.found) {
      if (!ifExists) this.#report('MISSING_INCLUDE', source, range, `Could not open '${found.fullPath ?? path}'`);
      return;
    }
    for (const file of found.files) {
      if (cache.has(file.path)) continue;
      cache.add(file.path);
      const { parsed, lines } = this.#includes.parse(file.path, file.text, this.#options.version ?? '3.0', context);
      const includedFrom = source.includedFrom ?? range;
      const related = [{ message: 'in the file included here', range: includedFrom }];
      for (const d of parsed.diagnostics) this.#diagnostics.push({ ...d, file: file.path, related });
      this.#texts.set(file.path, file.text);
      walk(parsed.ast.items, { file: file.path, lines, includedFrom });
    }
  }

  #chooseBranch(condition: Condition, then: BodyItem[], otherwise: BodyItem[] | undefined, source: Source): BodyItem[] {
    return this.#evaluate(condition, source) ? then : otherwise ?? [];
  }

  #evaluate(condition: Condition, source: Source): boolean {
    switch (condition.kind) {
      case 'boolean': {
        const value = this.#table.getBoolean(condition.name);
        if (value === undefined) {
          this.#report('UNDEFINED_VARIABLE', source, condition.range, `Unset boolean variable $${condition.name} used in if-expression`);
        }
        return value ?? false;
      }
      case 'defined':
        return condition.isBoolean ? this.#table.getBoolean(condition.name) !== undefined : this.#table.has(condition.name);
      case 'not': return !this.#evaluate(condition.operand, source);
      case 'literal': return condition.value;
      case 'and': return this.#evaluate(condition.left, source) && this.#evaluate(condition.right, source);
      case 'or': return this.#evaluate(condition.left, source) || this.#evaluate(condition.right, source);
      case 'compare': return this.#compare(condition, source);
    }
  }

  /** The values of a comparison operand: a variable's list, or the literal word. */
  #operand(word: Word, source: Source): string[] {
    const name = /^@\{([A-Za-z][A-Za-z0-9_]*)\}$/.exec(word.text)?.[1];
    if (name === undefined) return [this.#expand(word, source, '')];
    return this.#table.has(name) ? (this.#table.get(name) ?? []).map((v) => expandVariables(v, this.#table).text) : [this.#expand(word, source, '')];
  }

  /** 5.x `if a OP b`: `<`, `<=`, `>`, `>=` cannot mix one integer with strings or sets. */
  #compare(condition: Extract<Condition, { kind: 'compare' }>, source: Source): boolean {
    const left = this.#operand(condition.left, source);
    const right = this.#operand(condition.right, source);
    if (['<', '<=', '>', '>='].includes(condition.operator)) {
      // one integer on one side only is an error; two integers compare as numbers, anything else as sets
      const isNumber = (list: string[]): boolean => list.length === 1 && /^-?[0-9]+$/.test(list[0] ?? '');
      if (isNumber(left) !== isNumber(right)) {
        this.#report('INVALID_VARIABLE', source, condition.range,
          `'${condition.operator}' cannot compare a number with a string or set ('${condition.left.text}' ${condition.operator} '${condition.right.text}')`);
        return false;
      }
    }
    return compare(condition.operator, left.join(' '), right.join(' '));
  }

  #profile(node: ProfileNode, parent: string | undefined, source: Source): ResolvedProfile {
    const baseName = this.#expandText(node.name.text, node.name.range, source, undefined, false);
    const name = parent ? `${parent}//${baseName}` : baseName;
    const attachment = node.attachment
      ? this.#expandText(node.attachment.text, node.attachment.range, source, name, true)
      : baseName.startsWith('/') ? baseName : undefined;
    const profile: ResolvedProfile = {
      kind: node.kind, name, baseName, namespace: node.namespace, attachment, xattrs: node.xattrs, flags: node.flags,
      mode: node.flags?.mode ?? 'enforce', isAudit: node.flags?.audit ?? false, rules: [], children: [],
      range: node.headerRange, file: source.file ?? this.#options.fileName ?? '<input>',
    };
    this.#checkFlagPaths(node, source);
    const key = `${node.namespace ?? ''}:${name}`;
    if (this.#profileNames.has(key)) {
      const what = parent ? `hat ${baseName} in profile ${parent}` : `profile ${name}`;
      const bare = parent ? `Multiple definitions for hat ${baseName} in profile (null) exist,bailing out.` : `Multiple definitions for profile ${name} exist,bailing out.`;
      this.#report('DUPLICATE_PROFILE', source, node.name.range, `Multiple definitions for ${what}`, { message: bare, isBare: true });
    }
    this.#profileNames.add(key);
    const outerAttachPath = this.#attachPath;
    this.#attachPath = profile.attachment;
    const perRule: Diagnostic[][] = [];
    this.#walkBody(node.body, source, profile, { audit: false, deny: false, owner: undefined }, new Set(), perRule);
    this.#attachPath = outerAttachPath;
    for (const list of perRule.reverse()) this.#postDiagnostics.push(...list);
    return profile;
  }

  /** 5.x `attach_disconnected.path=` / `.ipc=` with variables: the expanded value must be absolute. */
  #checkFlagPaths(node: ProfileNode, source: Source): void {
    if (this.#options.version !== '5.0') return;
    for (const flag of node.flags?.list ?? []) {
      if (!flag.name.startsWith('attach_disconnected.') || !flag.value?.includes('@{')) continue;
      const value = this.#expandText(flag.value, flag.range, source, undefined, true);
      if (!value.startsWith('/')) {
        this.#report('INVALID_FLAG', source, flag.range, `Invalid profile flag: ${flag.name}=${flag.value}. ('${value}' is not an absolute path)`);
      }
    }
  }

  #walkBody(
    items: readonly (BodyItem | TopLevelItem)[], source: Source, profile: ResolvedProfile, overlay: Overlay, cache: Set<string>,
    perRule: Diagnostic[][],
  ): void {
    for (const item of items) {
      switch (item.kind) {
        case 'include':
          this.#include(item.path, item.isMagic, item.ifExists, item.range, source, cache, 'body', (inner, src) => this.#walkBody(inner, src, profile, overlay, cache, perRule));
          break;
        case 'abi': this.#checkAbi(item.path, item.isMagic, item.range, source); break;
        case 'qualifier_block':
          this.#walkBody(item.body, source, profile, mergeOverlay(overlay, item.qualifiers), cache, perRule);
          break;
        case 'if': this.#walkBody(this.#chooseBranch(item.condition, item.then, item.else, source), source, profile, overlay, cache, perRule); break;
        case 'profile': case 'hat': profile.children.push(this.#profile(item, profile.name, source)); break;
        case 'variable': case 'boolean': case 'alias': break;
        default: {
          const problems: Diagnostic[] = [];
          this.#sink = problems;
          profile.rules.push(this.#resolveRule(item, source, profile.name, overlay));
          this.#sink = undefined;
          perRule.push(problems);
          break;
        }
      }
    }
  }

  #resolveRule(rule: AccessRule, source: Source, profileName: string, overlay: Overlay): ResolvedRule {
    const qualifiers: Qualifiers = {
      ...rule.qualifiers,
      audit: rule.qualifiers.audit || overlay.audit,
      access: overlay.deny ? 'deny' : rule.qualifiers.access,
      owner: rule.qualifiers.owner ?? overlay.owner,
    };
    const w = (word: Word | undefined, isPath: boolean): Word | undefined =>
      word && { ...word, text: this.#expandText(word.text, word.range, source, profileName, isPath) };
    const conds = (list: Conditional[]): Conditional[] => list.map((cond) => ({
      ...cond, values: cond.values.map((v) => w(v, false) as Word), ...(cond.nested ? { nested: conds(cond.nested) } : {}),
    }));
    const file = source.file ?? this.#options.fileName ?? '<input>';
    switch (rule.kind) {
      case 'file': return { ...rule, qualifiers, path: w(rule.path, true), target: w(rule.target, false), file };
      case 'link': return { ...rule, qualifiers, link: w(rule.link, true) as Word, target: w(rule.target, true) as Word, file };
      case 'change_profile': return { ...rule, qualifiers, execPath: w(rule.execPath, true), target: w(rule.target, false), file };
      case 'mount': return { ...rule, qualifiers, conditionals: conds(rule.conditionals), source: w(rule.source, false), mountpoint: w(rule.mountpoint, true), file };
      case 'remount': case 'umount': return { ...rule, qualifiers, conditionals: conds(rule.conditionals), mountpoint: w(rule.mountpoint, true), file };
      case 'pivot_root': return { ...rule, qualifiers, conditionals: conds(rule.conditionals), newRoot: w(rule.newRoot, true), targetProfile: w(rule.targetProfile, false), file };
      case 'signal': case 'ptrace': case 'unix': case 'dbus': case 'io_uring':
        return { ...rule, qualifiers, conditionals: conds(rule.conditionals), file };
      case 'mqueue': return { ...rule, qualifiers, conditionals: conds(rule.conditionals), name: w(rule.name, false), file };
      default: return { ...rule, qualifiers, file };
    }
  }

  #expand(word: Word, source: Source, profileName: string): string {
    return this.#expandText(word.text, word.range, source, profileName, false);
  }

  #expandText(text: string, range: Range, source: Source, profileName: string | undefined, isPath: boolean): string {
    if (!text.includes('@{')) return isPath ? foldSlashes(text) : text;
    // @{profile_name} exists inside a profile, not in its own header
    const builtins = new Map(profileName === undefined ? [] : [['profile_name', profileName]]);
    if (profileName !== undefined && this.#attachPath !== undefined && this.#options.version === '5.0') {
      builtins.set('attach_path', this.#attachPath);
      builtins.set('exec_path', this.#attachPath);
    }
    const { text: expanded, problems } = expandVariables(text, this.#table, builtins);
    for (const problem of problems) {
      if (problem.kind === 'undefined') {
        const message = problem.by
          ? `Variable @{${problem.by}} references undefined variable @{${problem.name}}`
          : `Found reference to variable ${problem.name}, but is never declared`;
        this.#report('UNDEFINED_VARIABLE', source, range, message, { isBare: true });
      } else {
        const message = `Variable @{${problem.name}} is referenced recursively (by @{${problem.by ?? problem.name}})`;
        this.#report('VARIABLE_CYCLE', source, range, message, { isBare: true });
      }
    }
    return isPath ? foldSlashes(expanded) : expanded;
  }

  /** `alias FROM -> TO,`: each file rule under FROM gets a rewritten copy (`parser_alias.c`). */
  #applyAliases(profiles: ResolvedProfile[]): void {
    if (this.#aliases.length === 0) return;
    const visit = (p: ResolvedProfile): void => {
      const copies: ResolvedRule[] = [];
      for (const rule of p.rules) {
        if (rule.kind !== 'file' || !rule.path) continue;
        for (const [from, to] of this.#aliases) {
          if (rule.path.text.startsWith(from)) {
            const text = foldSlashes(to + rule.path.text.slice(from.length));
            copies.push({ ...rule, path: { ...rule.path, text }, isAliasCopy: true });
          }
        }
      }
      p.rules.push(...copies);
      p.children.forEach(visit);
    };
    profiles.forEach(visit);
  }
}

/** `filterSlashes(text).text`, without building its offset map when there is nothing to fold (most paths). */
function foldSlashes(text: string): string {
  return text.includes('//') ? filterSlashes(text).text : text;
}

function mergeOverlay(overlay: Overlay, q: Qualifiers): Overlay {
  return { audit: overlay.audit || q.audit, deny: overlay.deny || q.access === 'deny', owner: q.owner ?? overlay.owner };
}

function compare(operator: string, left: string, right: string): boolean {
  const l = Number(left);
  const r = Number(right);
  const numeric = !Number.isNaN(l) && !Number.isNaN(r);
  switch (operator) {
    case '==': return left === right;
    case '!=': return left !== right;
    case '<': return numeric ? l < r : left < right;
    case '<=': return numeric ? l <= r : left <= right;
    case '>': return numeric ? l > r : left > right;
    case '>=': return numeric ? l >= r : left >= right;
    case 'in': return right.split(/\s+/).includes(left);
    default: return false;
  }
}
