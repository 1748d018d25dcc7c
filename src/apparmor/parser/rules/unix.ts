/** `unix [perms] [conds] [peer=(…)] ,` (`apparmor.d(5)` "Unix socket rules"; `yacc:unix_rule`). */
import type { Conditional, Qualifiers, UnixRule } from '../ast.ts';
import type { Cursor } from '../cursor.ts';
import { checkConditionalShape, checkModeLetters, parseConditionals, parsePerms } from './conditionals.ts';
import { checkPermWords } from './perm-words.ts';

const UNIX_PERMS = [
  'create', 'bind', 'listen', 'accept', 'connect', 'shutdown', 'getattr', 'setattr', 'getopt', 'setopt', 'send',
  'receive', 'read', 'write',
];
const LOCAL_ONLY = ['create', 'shutdown', 'setattr', 'getattr', 'bind', 'listen', 'setopt', 'getopt'];
const UNIX_CONDS = ['type', 'protocol', 'addr', 'label', 'attr', 'opt', 'peer'];

/**
 * Parses a unix rule after its qualifiers.
 * `UNIX RULE = 'unix' [ PERMS ] [ type=… protocol=… addr=… label=… attr=… opt=… ] [ 'peer' '=' '(' … ')' ] ','`
 *
 * @param c - the cursor, at `unix`
 * @param qualifiers - the parsed prefix
 * @param start - offset where the rule starts
 * @returns the rule
 */
export function parseUnixRule(c: Cursor, qualifiers: Qualifiers, start: number): UnixRule {
  c.next();
  const perms = parsePerms(c);
  const conditionals = parseConditionals(c);
  // bison's default reductions of opt_conds/opt_cond_list leave only TOK_END_OF_RULE expected
  const end = c.expect('TOK_END_OF_RULE', 'TOK_END_OF_RULE');
  checkPermWords(c, perms, UNIX_PERMS, (w) => checkModeLetters(w, 'unix'), end.line);
  const range = c.rangeFrom(start);
  if (checkConditionalShape(c, conditionals, 'unix', end.line) || checkUnixConditionals(c, conditionals, end.line)) {
    return { kind: 'unix', qualifiers, perms, conditionals, range };
  }
  const hasPeer = conditionals.some((cond) => cond.nested !== undefined);
  if (hasPeer && perms.some((p) => LOCAL_ONLY.includes(p.text))) {
    const message = "unix socket 'create', 'shutdown', 'setattr', 'getattr', 'bind', 'listen', 'setopt', and/or 'getopt' accesses cannot be used with peer socket conditionals";
    c.report('INVALID_UNIX_RULE', range, message, { line: end.line });
  }
  for (const cond of conditionals) {
    if (!UNIX_CONDS.includes(cond.name)) {
      c.report('INVALID_RULE_OPTION', cond.range, `unix rule: invalid conditional '${cond.name}'`, { line: end.line });
    }
  }
  return { kind: 'unix', qualifiers, perms, conditionals, range };
}

/** `af_unix.cc`: `label` only inside `peer=(…)`, peer holds `addr`/`label`, `addr` is `@…`, `none` or `auto`. */
function checkUnixConditionals(c: Cursor, conds: Conditional[], line: number): boolean {
  const fail = (cond: Conditional, message: string): boolean => {
    c.report('INVALID_UNIX_RULE', cond.range, message, { line });
    return true;
  };
  for (const cond of conds) {
    if (cond.name === 'label' && !cond.nested) return fail(cond, "unknown rule: 'label' conditional is only valid in the peer expression");
    const inner = cond.nested ?? [cond];
    for (const one of inner) {
      if (cond.nested && one.name !== 'addr' && one.name !== 'label') return fail(one, `unix rule: invalid peer conditional '${one.name}'`);
      if (one.name !== 'addr') continue;
      const value = one.values[0]?.text ?? '';
      if (!(value.startsWith('@') || value === 'none' || value === 'auto')) return fail(one, `unix rule: invalid value for addr='${value}'`);
    }
  }
  return false;
}

