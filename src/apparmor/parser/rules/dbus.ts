/** `dbus [perms] [conds] [peer=(…)] ,` (`apparmor.d(5)` "DBus rules"; `yacc:dbus_rule`). */
import type { DbusRule, Qualifiers } from '../ast.ts';
import type { Cursor } from '../cursor.ts';
import { checkConditionalShape, checkModeLetters, parseConditionals, parsePerms } from './conditionals.ts';
import { checkPermWords } from './perm-words.ts';

const DBUS_PERMS = ['bind', 'send', 'receive', 'read', 'write', 'eavesdrop'];
const MESSAGE_CONDS = ['path', 'interface', 'member', 'peer'];
const DBUS_CONDS = ['bus', 'name', 'path', 'interface', 'member', 'peer'];

/**
 * Parses a dbus rule after its qualifiers.
 * `DBUS RULE = 'dbus' [ PERMS ] [ bus=… path=… interface=… member=… name=… ] [ 'peer' '=' '(' … ')' ] ','`
 *
 * @param c - the cursor, at `dbus`
 * @param qualifiers - the parsed prefix
 * @param start - offset where the rule starts
 * @returns the rule
 */
export function parseDbusRule(c: Cursor, qualifiers: Qualifiers, start: number): DbusRule {
  c.next();
  const perms = parsePerms(c);
  const conditionals = parseConditionals(c);
  // bison's default reductions of opt_conds/opt_cond_list leave only TOK_END_OF_RULE expected
  const end = c.expect('TOK_END_OF_RULE', 'TOK_END_OF_RULE');
  checkPermWords(c, perms, DBUS_PERMS, (w) => checkModeLetters(w, 'dbus'), end.line);
  const range = c.rangeFrom(start);
  if (checkConditionalShape(c, conditionals, 'dbus', end.line)) return { kind: 'dbus', qualifiers, perms, conditionals, range };
  const words = perms.map((p) => p.text);
  const names = conditionals.map((cond) => cond.name);
  if (words.includes('bind') && names.some((n) => MESSAGE_CONDS.includes(n))) {
    c.report('INVALID_DBUS_RULE', range, 'dbus "bind" access cannot be used with message rule conditionals', { line: end.line });
  } else if (words.includes('eavesdrop') && names.some((n) => MESSAGE_CONDS.includes(n) || n === 'name')) {
    c.report('INVALID_DBUS_RULE', range, 'dbus "eavesdrop" access can only contain a bus conditional', { line: end.line });
  } else if (names.includes('name') && words.some((w) => w !== 'bind')) {
    c.report('INVALID_DBUS_RULE', range, 'dbus "send" and "receive" accesses cannot be used with name conditional', { line: end.line });
  }
  for (const cond of conditionals) {
    if (!DBUS_CONDS.includes(cond.name)) {
      c.report('INVALID_RULE_OPTION', cond.range, `invalid dbus conditional "${cond.name}"`, { line: end.line });
    }
  }
  return { kind: 'dbus', qualifiers, perms, conditionals, range };
}
