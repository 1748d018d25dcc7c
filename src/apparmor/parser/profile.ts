/**
 * Profile, hat and child-profile headers (`yacc:profile`, `profile_base`, `hat`, `local_profile`, `flags`):
 * `[profile|hat|^] NAME [ATTACHMENT] [xattrs=(…)] [[flags=](…)] { … }`, with 3.0.8's checks and wording.
 */
import type { BodyItem, Conditional, ProfileFlag, ProfileFlags, ProfileMode, ProfileNode, Word, XattrCondition } from './ast.ts';
import type { Cursor } from './cursor.ts';
import { ERRNO_NAMES, isKnownSignal, PROFILE_FLAGS_3_0, PROFILE_FLAGS_NEWER, PROFILE_MODES_3_0 } from '../vocabulary.ts';
import { parseCondList } from './rules/conditionals.ts';

const MODES_5_0 = [...PROFILE_MODES_3_0, 'default_allow', 'prompt'];
const FLAGS_5_0 = [...PROFILE_FLAGS_3_0, 'interruptible', 'debug', 'attach_disconnected.ipc'];
const VALUED_FLAGS_5_0 = ['kill.signal', 'error', 'attach_disconnected.path', 'attach_disconnected.ipc'];
const PATH_CONFLICTS: [string, string][] = [
  ['chroot_relative', 'namespace_relative'], ['mediate_deleted', 'delegate_deleted'],
  ['attach_disconnected', 'no_attach_disconnected'], ['chroot_attach', 'chroot_no_attach'],
];

function flagError(c: Cursor, flag: ProfileFlag, line: number): string | undefined {
  const full = flag.value === undefined ? flag.name : `${flag.name}=${flag.value}`;
  if (c.version === '3.0') {
    if (full === 'debug') return "Profile flag 'debug' is no longer valid.";
    if (PROFILE_MODES_3_0.includes(full) || PROFILE_FLAGS_3_0.includes(full)) return undefined;
    const since = PROFILE_FLAGS_NEWER[flag.name];
    const message = `Invalid profile flag: ${full}.`;
    const hint = since ? ` ('${flag.name}' was added in AppArmor ${since}; apparmor_parser 3.0.8 rejects it)` : '';
    c.report('INVALID_FLAG', flag.range, `${message}${hint}`, { line, upstream: message });
    return '';
  }
  if (flag.value === undefined && (MODES_5_0.includes(full) || FLAGS_5_0.includes(full))) return undefined;
  if (flag.value === undefined || !VALUED_FLAGS_5_0.includes(flag.name)) return `Invalid profile flag: ${full}.`;
  const value = flag.value;
  if (flag.name === 'kill.signal') return isKnownSignal(value) && !value.startsWith('exists') ? undefined : `unknown signal "${value}" in flags`;
  if (flag.name === 'error') return ERRNO_NAMES.includes(value) ? undefined : `unknown error code "${value}" in flags`;
  // attach_disconnected.path/ipc must be absolute; values with variables are checked after expansion
  if (value.includes('@{') || value.startsWith('/')) return undefined;
  return `Invalid profile flag: ${full}. (the path must begin with '/')`;
}

/** `flags: [flags=] ( flagval ( [,] flagval )* )`, checked as `yacc:flagvals`. */
function parseFlags(c: Cursor): ProfileFlags | undefined {
  const start = c.peek().range[0];
  let hasFlagsKeyword = false;
  if (c.at('TOK_CONDID')) {
    const id = c.next();
    if (id.text !== 'flags') c.report('INVALID_FLAG', id.range, `expected flags= got ${id.text}=`, { line: id.line });
    c.expect('TOK_EQUALS', 'TOK_EQUALS');
    hasFlagsKeyword = true;
  } else if (!c.at('TOK_OPENPAREN')) return undefined;
  c.expect('TOK_OPENPAREN', 'TOK_OPENPAREN');
  const list: ProfileFlag[] = [];
  let mode: ProfileMode | undefined;
  let isAudit = false;
  while (c.at('TOK_VALUE')) {
    const token = c.next();
    const eq = token.text.indexOf('=');
    const flag: ProfileFlag = eq < 0 ? { name: token.text, value: undefined, range: token.range }
      : { name: token.text.slice(0, eq), value: token.text.slice(eq + 1), range: token.range };
    list.push(flag);
    const error = flagError(c, flag, token.line);
    if (error) c.report('INVALID_FLAG', flag.range, error, { line: token.line });
    if (error !== undefined) continue;
    if ((c.version === '3.0' ? PROFILE_MODES_3_0 : MODES_5_0).includes(flag.name)) {
      const next = flag.name as ProfileMode;
      if (mode && mode !== next) {
        c.report('CONFLICTING_FLAGS', flag.range, `Profile flag '${mode}' conflicts with '${next}'`, { line: c.peek().line });
      }
      mode ??= next;
    } else if (flag.name === 'audit') isAudit = true;
    checkPathConflicts(c, list, flag, c.peek().line);
  }
  if (c.version === '5.0' && list.some((f) => f.name === 'no_attach_disconnected') && list.some((f) => f.name === 'attach_disconnected.ipc')) {
    c.report('CONFLICTING_FLAGS', [start, c.peek().range[0]], 'Profile flag attach_disconnected.ipc conflicts with no_attach_disconnected', { line: c.peek().line });
  }
  if (list.length === 0) c.syntaxError('TOK_VALUE');
  c.expect('TOK_CLOSEPAREN', 'TOK_VALUE or TOK_CLOSEPAREN');
  return { list, mode, audit: isAudit, hasFlagsKeyword, range: c.rangeFrom(start) };
}

function checkPathConflicts(c: Cursor, list: ProfileFlag[], flag: ProfileFlag, line: number): void {
  if (c.version === '5.0' && flag.name.startsWith('attach_disconnected.ipc')) {
    const ipc = list.filter((f) => f.name === 'attach_disconnected.ipc');
    if (list.some((f) => f.name === 'no_attach_disconnected') || new Set(ipc.map((f) => f.value)).size > 1) {
      c.report('CONFLICTING_FLAGS', flag.range, 'Profile flag attach_disconnected.ipc conflicts with another flag', { line });
    }
  }
  for (const [a, b] of PATH_CONFLICTS) {
    if ((flag.name === a || flag.name === b) && list.some((f) => f.name === a) && list.some((f) => f.name === b)) {
      c.report('CONFLICTING_FLAGS', flag.range, `Profile flag ${a} conflicts with ${b}`, { line });
    }
  }
}

/** 5.x `( '+' 'identities' '=' '(' VALUE ( [','] VALUE )* ')' )*` after the attachment. */
function parseIdentities(c: Cursor): Word[] {
  const out: Word[] = [];
  while (c.accept('TOK_PLUS')) {
    const name = c.peek();
    if (name.kind !== 'TOK_CONDID' || name.text !== 'identities') c.syntaxError('TOK_IDENTITIES');
    out.push(...parseIdentityList(c));
  }
  return out;
}

function parseIdentityList(c: Cursor): Word[] {
  const name = c.next();
  c.expect('TOK_EQUALS', 'TOK_EQUALS');
  c.expect('TOK_OPENPAREN', 'TOK_OPENPAREN');
  const values: Word[] = [];
  while (c.at('TOK_VALUE')) values.push(c.word(c.next()));
  const close = c.expect('TOK_CLOSEPAREN', 'TOK_VALUE or TOK_CLOSEPAREN');
  if (values.length === 0) c.report('INVALID_ATTACHMENT', name.range, 'identities=() needs at least one identity', { line: close.line });
  for (const value of values) {
    const isQuoted = value.raw.startsWith('"');
    if (value.text.includes('\\') || (isQuoted && !value.text.startsWith('/'))) {
      c.report('INVALID_ATTACHMENT', value.range, `invalid identity '${value.raw}'`, { line: close.line });
    }
  }
  return values;
}

function splitNamespace(text: string): { namespace: string | undefined; name: string } {
  const m = /^:([^:]+):(?:\/\/)?(.*)$/.exec(text);
  return m ? { namespace: m[1], name: m[2] ?? '' } : { namespace: undefined, name: text };
}

/**
 * Parses a profile, hat or child profile.
 * `PROFILE = [ 'profile' | 'hat' | '^' ] NAME [ ATTACHMENT ] [ xattrs=(…) ] [ FLAGS ] '{' RULES '}'`
 *
 * @param c - the cursor, at the keyword or the name
 * @param parseBody - the body parser (passed in to keep the module graph acyclic)
 * @param isTopLevel - true at file level (a bare name needs a `/`, namespace or keyword)
 * @returns the profile node
 */
export function parseProfileHeader(c: Cursor, parseBody: (c: Cursor) => BodyItem[], isTopLevel: boolean): ProfileNode {
  const first = c.peek();
  const start = first.range[0];
  const keywords = { TOK_PROFILE: 'profile', TOK_HAT: 'hat', TOK_CARET: '^' } as const;
  const keyword = first.kind in keywords ? keywords[first.kind as keyof typeof keywords] : undefined;
  if (keyword) c.next();
  const nameToken = c.expect('TOK_ID', 'TOK_ID');
  const { namespace, name } = splitNamespace(nameToken.text);
  let attachment: Word | undefined;
  if (c.at('TOK_ID') || c.at('TOK_SET_VAR')) attachment = c.word(c.next());
  const xattrs: XattrCondition[] = [];
  let badGroup: Conditional | undefined;
  if (c.at('TOK_CONDLISTID')) {
    for (const cond of [parseCondList(c)]) {
      if (cond.name !== 'xattrs') badGroup = cond;
      for (const inner of cond.nested ?? []) xattrs.push({ name: inner.name, value: inner.values[0], range: inner.range });
    }
  }
  const identities = c.version === '5.0' ? parseIdentities(c) : [];
  const flags = parseFlags(c);
  c.expect('TOK_OPEN', 'TOK_OPEN');
  const headerRange = c.rangeFrom(start);
  const body = parseBody(c);
  const close = c.expect('TOK_CLOSE', 'TOK_ID or TOK_MODE or TOK_SET_VAR');
  const isHat = keyword === 'hat' || keyword === '^';
  const node: ProfileNode = {
    kind: isHat ? 'hat' : 'profile', keyword, name: { ...c.word(nameToken), text: name }, namespace, attachment, xattrs,
    flags, body, headerRange, range: c.rangeFrom(start),
  };
  if (identities.length > 0) node.identities = identities;
  if (attachment && !(attachment.text.startsWith('/') || attachment.text.startsWith('@{'))) {
    c.report('INVALID_ATTACHMENT', attachment.range, "Profile attachment must begin with a '/' or variable.", { line: close.line });
  }
  if (badGroup) c.report('INVALID_ATTACHMENT', badGroup.range, `profile id: invalid conditional group ${badGroup.name}=()`, { line: close.line });
  if (isHat && xattrs.length > 0) c.report('INVALID_ATTACHMENT', headerRange, "hat profiles can't use xattrs matches", { line: close.line });
  if (nameToken.text.startsWith(':')) {
    const close = nameToken.text.indexOf(':', 1);
    if (close < 0) c.report('INVALID_PROFILE_NAME', nameToken.range, `Namespace not terminated: ${nameToken.text}`, { line: c.peek(-1).line });
    else if (close === 1) c.report('INVALID_PROFILE_NAME', nameToken.range, `Empty namespace: ${nameToken.text}`, { line: c.peek(-1).line });
    else if (name === '') c.report('INVALID_PROFILE_NAME', nameToken.range, `Empty named transition profile name: ${nameToken.text}`, { line: c.peek(-1).line });
  }
  if (isTopLevel && !keyword && !namespace && !name.startsWith('/') && !nameToken.text.startsWith(':')) {
    const message = "Profile names must begin with a '/', namespace or keyword 'profile' or 'hat'.";
    c.report('INVALID_PROFILE_NAME', nameToken.range, message, { line: close.line });
  }
  return node;
}
