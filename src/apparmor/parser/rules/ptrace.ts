/** `ptrace [perms] [peer=AARE] ,` (`apparmor.d(5)` "PTrace rules"; `yacc:ptrace_rule`). */
import type { PtraceRule, Qualifiers } from '../ast.ts';
import type { Cursor } from '../cursor.ts';
import { checkConditionalShape, checkModeLetters, parseConditionals, parsePerms } from './conditionals.ts';
import { checkPermWords } from './perm-words.ts';

/**
 * Parses a ptrace rule after its qualifiers.
 * `PTRACE RULE = 'ptrace' [ PERMS ] [ 'peer' '=' AARE ] ','`
 *
 * @param c - the cursor, at `ptrace`
 * @param qualifiers - the parsed prefix
 * @param start - offset where the rule starts
 * @returns the rule
 */
export function parsePtraceRule(c: Cursor, qualifiers: Qualifiers, start: number): PtraceRule {
  c.next();
  const perms = parsePerms(c);
  const conditionals = parseConditionals(c);
  const end = c.expect('TOK_END_OF_RULE', 'TOK_CONDID or TOK_END_OF_RULE');
  checkPermWords(c, perms, ['trace', 'read', 'write', 'tracedby', 'readby'], (w) => checkModeLetters(w, 'ptrace'), end.line);
  if (checkConditionalShape(c, conditionals, 'ptrace', end.line)) return { kind: 'ptrace', qualifiers, perms, conditionals, range: c.rangeFrom(start) };
  for (const cond of conditionals) {
    if (cond.name !== 'peer' || cond.values.length !== 1) {
      c.report('INVALID_RULE_OPTION', cond.range, `invalid ptrace rule conditional "${cond.name}"`, { line: end.line });
    }
  }
  return { kind: 'ptrace', qualifiers, perms, conditionals, range: c.rangeFrom(start) };
}
