/**
 * `network [domain] [type | protocol] ,` (3.x, `yacc:network_rule`) and the 4.x+ fine-grained form
 * `network [perms] [domain] [type | protocol] [ip=… port=… peer=(…)] ,`.
 */
import type { NetworkRule, Qualifiers, Word } from '../ast.ts';
import type { Cursor } from '../cursor.ts';
import { NETWORK_FAMILIES, NETWORK_PROTOCOLS, NETWORK_TYPES } from '../../vocabulary.ts';
import { parseConditionals, parsePerms } from './conditionals.ts';

type NetworkParts = Pick<NetworkRule, 'family' | 'type' | 'protocol'>;

/** `network_entry()`: a family, then a type or protocol; or a lone type/protocol. */
function classify(words: Word[]): NetworkParts | undefined {
  const [first, second] = words;
  const parts: NetworkParts = { family: undefined, type: undefined, protocol: undefined };
  if (!first) return parts;
  const isType = (w: Word): boolean => NETWORK_TYPES.includes(w.text);
  const isProtocol = (w: Word): boolean => NETWORK_PROTOCOLS.includes(w.text);
  if (NETWORK_FAMILIES.includes(first.text)) {
    parts.family = first;
    if (!second) return parts;
    if (isType(second)) parts.type = second;
    else if (isProtocol(second)) parts.protocol = second;
    else return undefined;
    return parts;
  }
  if (second) return undefined;
  if (isType(first)) parts.type = first;
  else if (isProtocol(first)) parts.protocol = first;
  else return undefined;
  return parts;
}

/**
 * Parses a network rule after its qualifiers.
 * `NETWORK RULE = 'network' [ DOMAIN ] [ TYPE | PROTOCOL ] ','`
 *
 * @param c - the cursor, at `network`
 * @param qualifiers - the parsed prefix
 * @param start - offset where the rule starts
 * @returns the rule
 */
export function parseNetworkRule(c: Cursor, qualifiers: Qualifiers, start: number): NetworkRule {
  c.next();
  const is5 = c.version === '5.0';
  const perms = is5 ? parsePerms(c) : [];
  const words: Word[] = [];
  while (c.at('TOK_ID') && (is5 || words.length < 2)) words.push(c.word(c.next()));
  const conditionals = is5 ? parseConditionals(c) : [];
  const end = c.expect('TOK_END_OF_RULE', 'TOK_END_OF_RULE');
  const parts = classify(words.slice(0, 2));
  const range = c.rangeFrom(start);
  if (!parts || words.length > 2) {
    const bad = words.find((w) => !NETWORK_FAMILIES.includes(w.text) && !NETWORK_TYPES.includes(w.text) && !NETWORK_PROTOCOLS.includes(w.text));
    const message = bad ? `Invalid network entry. (unknown family, type or protocol '${bad.text}')` : 'Invalid network entry.';
    c.report(bad ? 'UNKNOWN_NETWORK_FAMILY' : 'INVALID_NETWORK_RULE', bad?.range ?? range, message, {
      line: end.line, upstream: 'Invalid network entry.',
    });
  }
  const safe = parts ?? { family: words[0], type: undefined, protocol: undefined };
  return { kind: 'network', qualifiers, perms, ...safe, conditionals, range };
}
