/**
 * `network [domain] [type | protocol] ,` (3.x, `yacc:network_rule`) and the 4.x+ fine-grained form
 * `network [perms] [domain] [type | protocol] [ip=… port=… peer=(…)] ,`.
 */
import type { Conditional, NetworkRule, Qualifiers, Word } from '../ast.ts';
import type { Cursor } from '../cursor.ts';
import { NETWORK_FAMILIES, NETWORK_PROTOCOLS, NETWORK_TYPES } from '../../vocabulary.ts';
import { checkConditionalShape, parseConditionals, parsePerms } from './conditionals.ts';
import { isValidIpCondition, isValidPortCondition } from './network-address.ts';

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
    const isFineGrained = bad !== undefined && (bad.text.includes('=') || bad.text.startsWith('('));
    const hint = isFineGrained
      ? ` (network permissions and ip=/port=/peer= conditionals were added in AppArmor 4.0; 3.0.8 knows only 'network [family] [type|protocol]')`
      : bad ? ` (unknown family, type or protocol '${bad.text}')` : '';
    const message = `Invalid network entry.${hint}`;
    const code = isFineGrained ? 'UNSUPPORTED_SYNTAX' : !bad ? 'INVALID_NETWORK_RULE' : bad === words[0] ? 'UNKNOWN_NETWORK_FAMILY' : 'UNKNOWN_NETWORK_TYPE';
    c.report(code, bad?.range ?? range, message, {
      line: end.line, upstream: 'Invalid network entry.',
    });
  }
  if (is5 && parts) checkFineGrained(c, perms, parts, conditionals, end.line);
  const safe = parts ?? { family: words[0], type: undefined, protocol: undefined };
  return { kind: 'network', qualifiers, perms, ...safe, conditionals, range };
}

const LOCAL_ONLY = ['create', 'bind', 'listen', 'shutdown', 'getattr', 'setattr', 'getopt', 'setopt'];

/** 4.x+ `network` conditionals: `ip=`/`port=` (also inside `peer=(…)`), valid values, inet families only. */
function checkFineGrained(c: Cursor, perms: Word[], parts: NetworkParts, conds: Conditional[], line: number): void {
  const fail = (cond: Conditional, message: string): void => c.report('INVALID_NETWORK_RULE', cond.range, message, { line });
  if (conds.length === 0) return;
  if (checkConditionalShape(c, conds, 'network', line)) return;
  const family = parts.family?.text;
  const hasAddress = conds.some((cond) => (cond.nested ?? [cond]).some((one) => one.name === 'ip' || one.name === 'port'));
  if (hasAddress && family !== undefined && family !== 'inet' && family !== 'inet6') {
    return fail(conds[0] as Conditional, `network rule: ip and port conditionals require an inet or inet6 family`);
  }
  for (const cond of conds) {
    const inner = cond.nested ?? [cond];
    if (cond.nested && perms.some((p) => LOCAL_ONLY.includes(p.text))) {
      return fail(cond, 'network rule: local access permissions cannot be used with peer conditionals');
    }
    if (!cond.nested && cond.name === 'peer') return fail(cond, 'network rule: peer needs a list of conditionals');
    const seen = new Set<string>();
    for (const one of inner) {
      const value = one.values[0]?.text ?? '';
      const isKnown = ['ip', 'port', 'interface', 'label', 'label:'].includes(one.name);
      if (!isKnown || one.values.length !== 1 || seen.has(one.name)) return fail(one, `invalid network rule conditional "${one.name}"`);
      seen.add(one.name);
      if (one.name === 'ip' && !isValidIpCondition(value)) return fail(one, `network rule: invalid ip '${value}'`);
      if (one.name === 'port' && !isValidPortCondition(value)) return fail(one, `network rule: invalid port '${value}'`);
    }
  }
}
