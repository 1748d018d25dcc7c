/** `signal [perms] [set=(…)] [peer=AARE] ,` (`apparmor.d(5)` "Signal rules"; `yacc:signal_rule`). */
import type { Qualifiers, SignalRule } from '../ast.ts';
import type { Cursor } from '../cursor.ts';
import { isKnownSignal } from '../../vocabulary.ts';
import { checkConditionalShape, checkModeLetters, parseConditionals, parsePerms } from './conditionals.ts';
import { checkPermWords } from './perm-words.ts';

/**
 * Parses a signal rule after its qualifiers.
 * `SIGNAL RULE = 'signal' [ PERMS ] [ 'set' '=' SIGNALS ] [ 'peer' '=' AARE ] ','`
 *
 * @param c - the cursor, at `signal`
 * @param qualifiers - the parsed prefix
 * @param start - offset where the rule starts
 * @returns the rule
 */
export function parseSignalRule(c: Cursor, qualifiers: Qualifiers, start: number): SignalRule {
  c.next();
  const perms = parsePerms(c);
  const conditionals = parseConditionals(c);
  const end = c.expect('TOK_END_OF_RULE', 'TOK_CONDID or TOK_END_OF_RULE');
  checkPermWords(c, perms, ['send', 'receive', 'read', 'write'], (w) => checkModeLetters(w, 'signal'), end.line);
  if (checkConditionalShape(c, conditionals, 'signal', end.line, ['set'])) return { kind: 'signal', qualifiers, perms, conditionals, range: c.rangeFrom(start) };
  for (const cond of conditionals) {
    if (cond.name === 'set') {
      for (const value of cond.values) {
        for (const name of value.text.split(',').filter((s) => s !== '')) {
          if (!isKnownSignal(name)) {
            c.report('UNKNOWN_SIGNAL', value.range, `unknown signal "${name}"`, { line: end.line });
          }
        }
      }
    } else if (cond.name !== 'peer' || cond.values.length !== 1) {
      c.report('INVALID_RULE_OPTION', cond.range, `invalid signal rule conditional "${cond.name}"`, { line: end.line });
    }
  }
  return { kind: 'signal', qualifiers, perms, conditionals, range: c.rangeFrom(start) };
}
