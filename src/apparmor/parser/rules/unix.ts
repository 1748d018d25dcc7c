/** `unix [perms] [conds] [peer=(…)] ,` (`apparmor.d(5)` "Unix socket rules"; `yacc:unix_rule`). */
import type { Qualifiers, UnixRule } from '../ast.ts';
import type { Cursor } from '../cursor.ts';
import { checkModeLetters, parseConditionals, parsePerms } from './conditionals.ts';
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
  const end = c.expect('TOK_END_OF_RULE', 'TOK_CONDID or TOK_CONDLISTID or TOK_END_OF_RULE');
  checkPermWords(c, perms, UNIX_PERMS, (w) => checkModeLetters(w, 'unix'), end.line);
  const range = c.rangeFrom(start);
  const hasPeer = conditionals.some((cond) => cond.nested !== undefined);
  if (hasPeer && perms.some((p) => LOCAL_ONLY.includes(p.text))) {
    const message = "unix socket 'create', 'shutdown', 'setattr', 'getattr', 'bind', 'listen', 'setopt', and/or 'getopt' accesses cannot be used with peer socket conditionals";
    c.report('INVALID_UNIX_RULE', range, message, { line: end.line });
  }
  for (const cond of conditionals) {
    if (!UNIX_CONDS.includes(cond.name)) {
      c.report('INVALID_RULE_OPTION', cond.range, `invalid unix rule conditional "${cond.name}"`, { line: end.line });
    }
  }
  return { kind: 'unix', qualifiers, perms, conditionals, range };
}
