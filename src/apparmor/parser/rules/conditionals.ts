/**
 * Pieces shared by the non-file rules: permission lists (`send`, `(send, receive)`, `rw`) and conditionals
 * (`set=(hup term)`, `peer=foo`, `fstype in (ext4 xfs)`, `peer=(label=foo addr=@bar)`), as the `opt_conds`,
 * `cond_list` and `opt_*_perm` productions of `parser_yacc.y`.
 */
import type { Conditional, Word } from '../ast.ts';
import type { Cursor } from '../cursor.ts';
import type { TokenKind } from '../../lexer/tokens.ts';

const PERM_TOKENS: ReadonlySet<TokenKind> = new Set<TokenKind>([
  'TOK_MODE', 'TOK_CREATE', 'TOK_LISTEN', 'TOK_ACCEPT', 'TOK_CONNECT', 'TOK_GETATTR', 'TOK_SETATTR', 'TOK_GETOPT',
  'TOK_SETOPT', 'TOK_SHUTDOWN', 'TOK_BIND', 'TOK_SEND', 'TOK_RECEIVE', 'TOK_READ', 'TOK_WRITE', 'TOK_EAVESDROP',
  'TOK_TRACE', 'TOK_TRACEDBY', 'TOK_READBY', 'TOK_SQPOLL', 'TOK_OVERRIDE_CREDS', 'TOK_DELETE', 'TOK_OPEN_MQ',
]);

/**
 * Parses `opt_X_perm`: one permission word, or a parenthesised list of them.
 * `opt_perm = [ perm | '(' perm ( [','] perm )* ')' ]`
 *
 * @param c - the cursor, after the rule keyword
 * @returns the permission words as written (empty when none)
 */
export function parsePerms(c: Cursor): Word[] {
  if (PERM_TOKENS.has(c.peek().kind)) return [c.word(c.next())];
  if (!c.at('TOK_OPENPAREN')) return [];
  c.next();
  const perms: Word[] = [];
  while (c.at('TOK_VALUE') || PERM_TOKENS.has(c.peek().kind)) perms.push(c.word(c.next()));
  c.expect('TOK_CLOSEPAREN', 'TOK_CLOSEPAREN');
  return perms;
}

/**
 * Parses `opt_conds` and `opt_cond_list`: `NAME=VALUE`, `NAME=(V …)`, `NAME in (V …)`, `peer=( … )`.
 *
 * @param c - the cursor
 * @returns the conditionals in source order
 */
export function parseConditionals(c: Cursor): Conditional[] {
  const conds: Conditional[] = [];
  for (;;) {
    const token = c.peek();
    if (token.kind === 'TOK_CONDID') conds.push(parseCond(c));
    else if (token.kind === 'TOK_CONDLISTID') conds.push(parseCondList(c));
    else return conds;
  }
}

function parseValueList(c: Cursor): Word[] {
  c.expect('TOK_OPENPAREN', 'TOK_OPENPAREN');
  const values: Word[] = [];
  while (c.at('TOK_VALUE')) values.push(c.word(c.next()));
  c.expect('TOK_CLOSEPAREN', 'TOK_VALUE or TOK_CLOSEPAREN');
  return values;
}

function parseCond(c: Cursor): Conditional {
  const name = c.next();
  const start = name.range[0];
  if (c.accept('TOK_IN')) {
    const values = parseValueList(c);
    return { name: name.text, operator: 'in', values, isList: true, range: c.rangeFrom(start) };
  }
  if (!c.accept('TOK_EQUALS')) return { name: name.text, operator: '=', values: [], isList: false, range: name.range };
  if (c.at('TOK_OPENPAREN')) {
    const values = parseValueList(c);
    return { name: name.text, operator: '=', values, isList: true, range: c.rangeFrom(start) };
  }
  const value = c.expect('TOK_VALUE', 'TOK_VALUE or TOK_OPENPAREN');
  return { name: name.text, operator: '=', values: [c.word(value)], isList: false, range: c.rangeFrom(start) };
}

/**
 * Parses one `NAME=( … )` group (`cond_list`), e.g. a profile header's `xattrs=(…)`.
 *
 * @param c - the cursor, at a TOK_CONDLISTID
 * @returns the group, with its members in `nested`
 */
export function parseCondList(c: Cursor): Conditional {
  const name = c.next();
  c.expect('TOK_EQUALS', 'TOK_EQUALS');
  c.expect('TOK_OPENPAREN', 'TOK_OPENPAREN');
  const nested: Conditional[] = [];
  while (c.at('TOK_CONDID')) {
    const inner = c.next();
    const values: Word[] = [];
    let isList = false;
    const equals = c.accept('TOK_EQUALS');
    if (equals) {
      // the lexer folds `=(` into one token in LIST_COND_MODE
      isList = equals.raw.includes('(');
      while (c.at('TOK_VALUE')) values.push(c.word(c.next()));
    }
    nested.push({ name: inner.text, operator: '=', values, isList, range: c.rangeFrom(inner.range[0]) });
  }
  c.expect('TOK_CLOSEPAREN', 'TOK_CONDID or TOK_CLOSEPAREN');
  return { name: name.text, operator: '=', values: [], isList: true, nested, range: c.rangeFrom(name.range[0]) };
}

/**
 * Validates a permission written as `rw`-style letters (`parse_X_mode` in `parser_misc.c`).
 *
 * @param word - the permission as written
 * @param ruleName - `signal`, `ptrace`, `dbus` or `unix`, used in the error
 * @returns apparmor_parser's error, or undefined when valid
 * @example checkModeLetters('fo', 'signal') // → "Internal: unexpected signal mode character 'f' in input"
 */
export function checkModeLetters(word: string, ruleName: string): string | undefined {
  for (const ch of word) {
    if (!'rwRW'.includes(ch)) return `Internal: unexpected ${ruleName} mode character '${ch}' in input`;
  }
  return undefined;
}

/** How a rule kind words its conditional-shape errors (`dbus.cc`, `signal.cc`, `ptrace.cc`, `af_unix.cc`). */
type ShapeWording = { once: (n: string) => string; isIn: (n: string) => string; single: (n: string) => string };

const WORDING: Record<string, ShapeWording> = {
  unix: {
    once: (n) => `socket rule conditional "${n}" can only be specified once`,
    isIn: (n) => `unknown rule: keyword 'in' is not allowed in '${n}' socket conditional`,
    single: (n) => `unknown rule: conditional '${n}' only supports a single value`,
  },
};

function wording(ruleName: string): ShapeWording {
  return WORDING[ruleName] ?? {
    once: (n) => `${ruleName} conditional "${n}" can only be specified once`,
    isIn: () => `keyword "in" is not allowed in ${ruleName} rules`,
    single: (n) => `${ruleName} conditional "${n}" only supports a single value`,
  };
}

/**
 * Checks the shape of conditionals as apparmor_parser 3.0.8 does for dbus, signal, ptrace and unix rules: each
 * one at most once, no `in`, one value (except the listed multi-value ones).
 *
 * @param c - the cursor (diagnostics sink)
 * @param conds - the rule's conditionals
 * @param ruleName - `dbus`, `signal`, `ptrace` or `unix`
 * @param line - the line apparmor_parser blames
 * @param multiValued - conditionals that take lists (e.g. `set` of signal)
 * @returns true when a problem was reported
 */
export function checkConditionalShape(c: Cursor, conds: Conditional[], ruleName: string, line: number, multiValued: readonly string[] = []): boolean {
  const words = wording(ruleName);
  const seen = new Set<string>();
  for (const cond of conds) {
    let message: string | undefined;
    if (cond.operator === 'in') message = words.isIn(cond.name);
    else if (seen.has(cond.name) && !multiValued.includes(cond.name)) message = words.once(cond.name);
    else if (!cond.nested && cond.values.length > 1 && !multiValued.includes(cond.name)) message = words.single(cond.name);
    seen.add(cond.name);
    if (message) {
      c.report('INVALID_RULE_OPTION', cond.range, message, { line });
      return true;
    }
  }
  return false;
}
