/**
 * The recursive-descent parser: one function per `apparmor.d` production, mirroring the grammar of
 * apparmor_parser 3.0.8 (`parser_yacc.y`) so that it accepts and rejects what 3.0.8 does and words syntax errors
 * as bison does. Unlike apparmor_parser it does not stop at the first error: it resyncs to `,`, `}` or a rule on a new line.
 * Variables, includes and aliases are not expanded here (see `policy/resolve.ts`).
 */
import type { Diagnostic } from '../diagnostics.ts';
import { tokenize } from '../lexer/lexer.ts';
import type { Token } from '../lexer/tokens.ts';
import type {
  AbiRule, AliasRule, BodyItem, BooleanAssignment, IncludeRule, LanguageVersion, PolicyFile, Qualifiers, TopLevelItem,
  VariableAssignment,
} from './ast.ts';
import { Cursor, SyntaxAbort } from './cursor.ts';
import { parseConditionalBlock } from './conditional.ts';
import { parseProfileHeader } from './profile.ts';
import { parseCapabilityRule } from './rules/capability.ts';
import { parseChangeProfileRule } from './rules/change-profile.ts';
import { parseDbusRule } from './rules/dbus.ts';
import { parseFileRule, parseLinkRule } from './rules/file.ts';
import { parseMountRule } from './rules/mount.ts';
import { parseNetworkRule } from './rules/network.ts';
import { parseNewerRule } from './rules/newer.ts';
import { parsePtraceRule } from './rules/ptrace.ts';
import { parseRlimitRule } from './rules/rlimit.ts';
import { parseSignalRule } from './rules/signal.ts';
import { parseUnixRule } from './rules/unix.ts';

/** Options of `parsePolicy`. */
export type ParseOptions = {
  /** language level; default `'3.0'` (apparmor_parser 3.0.8) */
  version?: LanguageVersion;
  /**
   * `'policy'` (default) parses a whole file: preamble then profiles. `'body'` parses the inside of a profile
   * (what an abstraction holds, since includes are textual).
   */
  context?: 'policy' | 'body';
};

/** The result of parsing: the tree and every diagnostic found, in source order of discovery. */
export type ParseResult = { ast: PolicyFile; diagnostics: Diagnostic[] };

const RULE_START = 'TOK_ID or TOK_MODE or TOK_SET_VAR';

/**
 * Parses policy text into a syntax tree, recovering after errors.
 *
 * @param text - the policy text
 * @param options - language level and context
 * @returns the tree and the diagnostics
 * @example parsePolicy('profile p { /tmp/** rw, }').ast.items[0]?.kind // → 'profile'
 */
export function parsePolicy(text: string, options: ParseOptions = {}): ParseResult {
  const version = options.version ?? '3.0';
  const c = new Cursor(tokenize(text, version), version);
  const items = options.context === 'body' ? parseBody(c, true) : parsePolicyFile(c);
  return { ast: { kind: 'policy', items: items as TopLevelItem[], range: [0, text.length] }, diagnostics: c.diagnostics };
}

/** `list = preamble profilelist`: preamble items, then profiles; `include` may appear anywhere. */
function parsePolicyFile(c: Cursor): TopLevelItem[] {
  const items: TopLevelItem[] = [];
  let hasProfile = false;
  while (!c.at('EOF')) {
    try {
      const item = parseTopLevelItem(c, hasProfile);
      if (item) items.push(item);
      if (item?.kind === 'profile') hasProfile = true;
    } catch (error) {
      if (!(error instanceof SyntaxAbort)) throw error;
      c.resync(error.token);
      if (c.at('TOK_CLOSE')) c.next();
    }
  }
  return items;
}

/** `preamble: ( alias | varassign | abi_rule )*`, then `profilelist: profile*` (includes are textual, anywhere). */
function parseTopLevelItem(c: Cursor, hasProfile: boolean): TopLevelItem | undefined {
  const token = c.peek();
  switch (token.kind) {
    case 'INCLUDE': return parseInclude(c);
    case 'TOK_ID': case 'TOK_PROFILE': case 'TOK_CARET': case 'TOK_HAT':
      return parseProfileHeader(c, parseBody, true);
    case 'TOK_ALIAS': case 'TOK_SET_VAR': case 'TOK_BOOL_VAR': case 'TOK_ABI':
      if (hasProfile) return c.syntaxError('end of file');
      if (token.kind === 'TOK_ALIAS') return parseAlias(c);
      if (token.kind === 'TOK_ABI') return parseAbi(c);
      return token.kind === 'TOK_SET_VAR' ? parseVariableAssignment(c) : parseBooleanAssignment(c);
    case 'TOK_IF':
      // 5.x allows conditionals around profiles; 3.0.8 only inside them
      if (c.version === '5.0') return parseConditionalBlock(c, parseBody);
      return c.syntaxError('end of file');
    default:
      // bison's state after the preamble expects only more profiles or the end
      return c.syntaxError('end of file');
  }
}

/** `include_rule`: the lexer has read it whole; apparmor_parser opens the file right there. */
function parseInclude(c: Cursor): IncludeRule {
  const token = c.next();
  const inc = token.include as NonNullable<Token['include']>;
  return { kind: 'include', path: inc.path, isMagic: inc.isMagic, ifExists: inc.ifExists, keyword: inc.keyword, range: token.range };
}

/**
 * `alias: TOK_ALIAS TOK_ID TOK_ARROW TOK_ID TOK_END_OF_RULE`.
 *
 * @param c - the cursor, at `alias`
 * @returns the alias rule
 */
function parseAlias(c: Cursor): AliasRule {
  const start = c.next().range[0];
  const from = c.expect('TOK_ID', 'TOK_ID');
  c.expect('TOK_ARROW', 'TOK_ARROW');
  const to = c.expect('TOK_ID', 'TOK_ID');
  c.expect('TOK_END_OF_RULE', 'TOK_END_OF_RULE');
  return { kind: 'alias', from: c.word(from), to: c.word(to), range: c.rangeFrom(start) };
}

/** `abi_rule: TOK_ABI ( TOK_ID | TOK_VALUE ) TOK_END_OF_RULE`. */
function parseAbi(c: Cursor): AbiRule {
  const start = c.next().range[0];
  const token = c.peek();
  if (token.kind !== 'TOK_ID' && token.kind !== 'TOK_VALUE') c.syntaxError('TOK_ID or TOK_VALUE');
  c.next();
  c.expect('TOK_END_OF_RULE', 'TOK_END_OF_RULE');
  return { kind: 'abi', path: token.text, isMagic: token.kind === 'TOK_ID', range: c.rangeFrom(start) };
}

/** `varassign: TOK_SET_VAR ( TOK_EQUALS | TOK_ADD_ASSIGN ) valuelist` (5.x also `?=` and `:=`). */
function parseVariableAssignment(c: Cursor): VariableAssignment {
  const nameToken = c.next();
  const opToken = c.peek();
  const operators: Record<string, VariableAssignment['operator']> = {
    TOK_EQUALS: '=', TOK_ADD_ASSIGN: '+=', TOK_COND_ASSIGN: '?=', TOK_OVERRIDE_ASSIGN: ':=',
  };
  const operator = operators[opToken.kind];
  if (!operator) return c.syntaxError('TOK_EQUALS or TOK_ADD_ASSIGN');
  c.next();
  const values = [];
  while (c.at('TOK_VALUE')) values.push(c.word(c.next()));
  if (values.length === 0) c.syntaxError('TOK_VALUE');
  const name = nameToken.text.replace(/^@\{?/, '').replace(/\}$/, '');
  return { kind: 'variable', name, operator, values, range: c.rangeFrom(nameToken.range[0]) };
}

/** `varassign: TOK_BOOL_VAR TOK_EQUALS TOK_VALUE`. */
function parseBooleanAssignment(c: Cursor): BooleanAssignment {
  const nameToken = c.next();
  let operator: '=' | '?=' | ':=' = '=';
  if (c.version === '5.0' && c.accept('TOK_COND_ASSIGN')) operator = '?=';
  else if (c.version === '5.0' && c.accept('TOK_OVERRIDE_ASSIGN')) operator = ':=';
  else c.expect('TOK_EQUALS', 'TOK_EQUALS');
  const value = c.expect('TOK_VALUE', 'TOK_VALUE');
  const name = nameToken.text.replace(/^\$\{?/, '').replace(/\}$/, '');
  const lowered = value.text.toLowerCase();
  if (lowered !== 'true' && lowered !== 'false') {
    const message = `Invalid boolean assignment for (${nameToken.text}): ${value.text} is not true or false`;
    c.report('INVALID_VARIABLE', value.range, message, { line: value.line });
  }
  const node: BooleanAssignment = { kind: 'boolean', name, value: lowered === 'true', range: c.rangeFrom(nameToken.range[0]) };
  if (operator !== '=') node.operator = operator;
  return node;
}

/**
 * `opt_prefix: [priority=N] opt_audit_flag opt_perm_mode opt_owner_flag`.
 *
 * @param c - the cursor, at the start of a rule
 * @returns the qualifiers (all defaults when none are written)
 */
export function parseQualifiers(c: Cursor): Qualifiers {
  const start = c.peek().range[0];
  const q: Qualifiers = { audit: false, access: 'allow', isAllowExplicit: false, owner: undefined, range: [start, start] };
  if (c.at('TOK_PRIORITY')) {
    c.next();
    c.expect('TOK_EQUALS', 'TOK_EQUALS');
    const value = c.expect('TOK_VALUE', 'TOK_VALUE');
    q.priority = Number.parseInt(value.text, 10);
    if (q.priority < -1000 || q.priority > 1000) {
      c.report('INVALID_RULE_OPTION', value.range, `Invalid priority ${value.text}: must be between -1000 and 1000`, { line: value.line });
    }
  }
  if (c.accept('TOK_AUDIT')) q.audit = true;
  if (c.accept('TOK_ALLOW')) q.isAllowExplicit = true;
  else if (c.accept('TOK_DENY')) q.access = 'deny';
  if (c.accept('TOK_OWNER')) q.owner = 'owner';
  else if (c.accept('TOK_OTHER')) q.owner = 'other';
  q.range = c.rangeFrom(start);
  return q;
}

/**
 * `rules`: the items of a profile body (or an included file) up to `}` or EOF.
 *
 * @param c - the cursor
 * @param isTopLevel - true when parsing a whole included file (ends at EOF, not `}`)
 * @returns the items
 */
export function parseBody(c: Cursor, isTopLevel = false): BodyItem[] {
  const items: BodyItem[] = [];
  for (;;) {
    const token = c.peek();
    if (token.kind === 'TOK_CLOSE' && !isTopLevel) return items;
    if (token.kind === 'EOF') {
      if (!isTopLevel) c.syntaxError(RULE_START);
      return items;
    }
    try {
      const item = parseBodyItem(c);
      if (item) items.push(item);
    } catch (error) {
      if (!(error instanceof SyntaxAbort)) throw error;
      if (error.token.kind === 'EOF') return items;
      c.resync(error.token);
      if (isTopLevel && c.at('TOK_CLOSE')) c.next();
    }
  }
}

/** One item of `rules`: `abi_rule | hat | local_profile | cond_rule | TOK_SET TOK_RLIMIT … | opt_prefix rule`. */
function parseBodyItem(c: Cursor): BodyItem | undefined {
  const token = c.peek();
  switch (token.kind) {
    case 'INCLUDE': return parseInclude(c);
    case 'TOK_ABI': return parseAbi(c);
    case 'TOK_CARET': case 'TOK_HAT': case 'TOK_PROFILE': return parseProfileHeader(c, parseBody, false);
    case 'TOK_IF': return parseConditionalBlock(c, parseBody);
    case 'TOK_SET': return parseRlimitRule(c, parseQualifiers(c), token.range[0]);
    default: return parseQualifiedRule(c);
  }
}

/** `rules: rules opt_prefix ( rule | network_rule | mnt_rule | … | TOK_OPEN rules TOK_CLOSE )`. */
function parseQualifiedRule(c: Cursor): BodyItem {
  const start = c.peek().range[0];
  const qualifiers = parseQualifiers(c);
  const token = c.peek();
  const rule = dispatchRule(c, qualifiers, start);
  const item = rule ?? parseQualifierBlock(c, qualifiers, start);
  if (qualifiers.owner && item.kind !== 'file' && item.kind !== 'link' && item.kind !== 'qualifier_block') {
    checkOwnerAllowed(c, item.kind, token);
  }
  return item;
}

/** Picks the rule production from the first token after `opt_prefix`; undefined for a qualifier block. */
function dispatchRule(c: Cursor, q: Qualifiers, start: number): BodyItem | undefined {
  switch (c.peek().kind) {
    case 'TOK_ID': case 'TOK_SET_VAR': case 'TOK_MODE': case 'TOK_FILE': case 'TOK_SAFE': case 'TOK_UNSAFE':
      return parseFileRule(c, q, start);
    case 'TOK_LINK': return parseLinkRule(c, q, start);
    case 'TOK_CAPABILITY': return parseCapabilityRule(c, q, start);
    case 'TOK_NETWORK': return parseNetworkRule(c, q, start);
    case 'TOK_SIGNAL': return parseSignalRule(c, q, start);
    case 'TOK_PTRACE': return parsePtraceRule(c, q, start);
    case 'TOK_UNIX': return parseUnixRule(c, q, start);
    case 'TOK_DBUS': return parseDbusRule(c, q, start);
    case 'TOK_CHANGE_PROFILE': return parseChangeProfileRule(c, q, start);
    case 'TOK_MOUNT': case 'TOK_REMOUNT': case 'TOK_UMOUNT': case 'TOK_PIVOTROOT': return parseMountRule(c, q, start);
    case 'TOK_USERNS': case 'TOK_MQUEUE': case 'TOK_IO_URING': case 'TOK_ALL': return parseNewerRule(c, q, start);
    case 'TOK_OPEN': return undefined;
    default: return c.syntaxError(RULE_START);
  }
}

/** `rules: rules opt_prefix TOK_OPEN rules TOK_CLOSE` — a qualifier block; `deny { }` is rejected by 3.0.8. */
function parseQualifierBlock(c: Cursor, qualifiers: Qualifiers, start: number): BodyItem {
  c.next();
  const body = parseBody(c);
  const close = c.expect('TOK_CLOSE', RULE_START);
  const range = c.rangeFrom(start);
  if (qualifiers.access === 'deny' && c.version === '3.0') {
    c.report('QUALIFIER_NOT_ALLOWED', qualifiers.range, 'deny prefix not allowed', { line: close.line });
  }
  return { kind: 'qualifier_block', qualifiers, body, range };
}

/** 3.0.8 allows `owner` only on file rules ("owner prefix not allowed on capability rules"). */
function checkOwnerAllowed(c: Cursor, kind: string, token: Token): void {
  const names: Record<string, string> = {
    capability: 'owner prefix not allowed on capability rules', network: 'owner prefix not allowed',
    mount: 'owner prefix not allowed on mount rules', remount: 'owner prefix not allowed on mount rules',
    umount: 'owner prefix not allowed on mount rules', pivot_root: 'owner prefix not allowed on mount rules',
    dbus: 'owner prefix not allowed on dbus rules', signal: 'owner prefix not allowed on signal rules',
    ptrace: 'owner prefix not allowed on ptrace rules', unix: 'owner prefix not allowed on unix rules',
    change_profile: 'owner prefix not allowed on unix rules', all: 'owner prefix not allowed on all rules',
    userns: 'owner prefix not allowed on userns rules', io_uring: 'owner prefix not allowed on io_uring rules',
  };
  const message = names[kind];
  if (!message) return;
  const prev = c.peek(-1);
  c.report('QUALIFIER_NOT_ALLOWED', token.range, message, { line: prev.line });
}
