/** `capability [NAME ...] ,` (`apparmor.d(5)` "Capability rules"; `yacc:capability`). */
import type { CapabilityRule, Qualifiers } from '../ast.ts';
import type { Cursor } from '../cursor.ts';
import { CAPABILITIES } from '../../vocabulary.ts';

/**
 * Parses a capability rule after its qualifiers. Names are checked as apparmor_parser checks them.
 * `CAPABILITY RULE = 'capability' [ NAME ... ] ','`
 *
 * @param c - the cursor, at `capability`
 * @param qualifiers - the parsed prefix
 * @param start - offset where the rule starts
 * @returns the rule
 */
export function parseCapabilityRule(c: Cursor, qualifiers: Qualifiers, start: number): CapabilityRule {
  c.next();
  const names = [];
  while (c.at('TOK_ID')) {
    const token = c.next();
    names.push(c.word(token));
    if (!CAPABILITIES.includes(token.text)) {
      // the `caps: caps TOK_ID` action runs once the next token is read
      const hint = /^CAP_/i.test(token.text) ? ` (write it lower case without CAP_: ${token.text.slice(4).toLowerCase()})` : '';
      c.report('UNKNOWN_CAPABILITY', token.range, `Invalid capability ${token.text}.${hint}`, {
        line: c.peek().line, upstream: `Invalid capability ${token.text}.`,
      });
    }
  }
  c.expect('TOK_END_OF_RULE', 'TOK_ID or TOK_END_OF_RULE');
  return { kind: 'capability', qualifiers, names, range: c.rangeFrom(start) };
}
