/** `set rlimit NAME <= VALUE ,` (`apparmor.d(5)` "rlimit rules"; `yacc:rules TOK_SET TOK_RLIMIT`). */
import type { Qualifiers, RlimitRule } from '../ast.ts';
import type { Cursor } from '../cursor.ts';
import { RLIMITS } from '../../vocabulary.ts';

const SIZE_LIMITS = ['fsize', 'data', 'stack', 'core', 'rss', 'as', 'memlock', 'msgqueue'];
const COUNT_LIMITS = ['nofile', 'nproc', 'locks', 'sigpending', 'rtprio'];

function timeInSeconds(value: number, unit: string): number | undefined {
  const units: [string, number][] = [['us', 1e-6], ['microseconds', 1e-6], ['ms', 1e-3], ['milliseconds', 1e-3],
    ['s', 1], ['sec', 1], ['seconds', 1], ['m', 60], ['min', 60], ['minutes', 60], ['h', 3600], ['hours', 3600],
    ['d', 86400], ['days', 86400], ['week', 604800], ['weeks', 604800]];
  if (unit === '') return value;
  const found = units.find(([u]) => u === unit);
  return found ? value * found[1] : undefined;
}

/** @returns apparmor_parser's error for a value, or undefined when valid (as the `TOK_SET TOK_RLIMIT` action). */
function checkValue(resource: string, value: string, unit: string): string | undefined {
  if (value === 'infinity') return undefined;
  const n = Number.parseInt(value, 10);
  const suffix = unit ? ` ${unit}` : ' ';
  if (resource === 'cpu') {
    if (n < 0) return `RLIMIT '${resource}' invalid value ${value}`;
    const seconds = timeInSeconds(n, unit);
    if (seconds === undefined) return `RLIMIT '${resource}' invalid value ${value}`;
    if (seconds < 1) return `RLIMIT '${resource} ${value}' < minimum value of 1s`;
    return undefined;
  }
  if (resource === 'rttime') return n < 0 || unit === 'm' || timeInSeconds(n, unit) === undefined ? `RLIMIT '${resource}' invalid value ${value}${suffix}` : undefined;
  if (COUNT_LIMITS.includes(resource)) return unit || n < 0 ? `RLIMIT '${resource}' invalid value ${value}${suffix}` : undefined;
  if (resource === 'nice') {
    if (unit) return `RLIMIT '${resource}' invalid value ${value}${suffix}`;
    return n < -20 || n > 19 ? `RLIMIT '${resource}' out of range (-20 .. 19) ${n}` : undefined;
  }
  if (SIZE_LIMITS.includes(resource)) {
    if (n < 0) return `RLIMIT '${resource}' invalid value ${value}${suffix}`;
    if (unit && !['K', 'KB', 'M', 'MB', 'G', 'GB'].includes(unit)) return `RLIMIT '${resource}' invalid value ${value}${suffix}`;
  }
  return undefined;
}

/**
 * Parses an rlimit rule (never qualified).
 * `RLIMIT RULE = 'set' 'rlimit' NAME '<=' VALUE [ UNIT ] ','`
 *
 * @param c - the cursor, at `set`
 * @param qualifiers - the (empty) prefix
 * @param start - offset where the rule starts
 * @returns the rule
 */
export function parseRlimitRule(c: Cursor, qualifiers: Qualifiers, start: number): RlimitRule {
  c.next();
  c.expect('TOK_RLIMIT', 'TOK_RLIMIT');
  const resource = c.expect('TOK_ID', 'TOK_ID');
  c.expect('TOK_LE', 'TOK_LE');
  const value = c.expect('TOK_VALUE', 'TOK_VALUE');
  const unit = c.accept('TOK_ID');
  const end = c.expect('TOK_END_OF_RULE', 'TOK_ID or TOK_END_OF_RULE');
  const range = c.rangeFrom(start);
  const text = unit ? `${value.text}${unit.text}` : value.text;
  const raw = unit ? `${value.raw}${unit.range[0] > value.range[1] ? ' ' : ''}${unit.raw}` : value.raw;
  const valueWord = { text, raw, range: [value.range[0], (unit ?? value).range[1]] as const };
  if (!RLIMITS.includes(resource.text)) {
    c.report('INVALID_RLIMIT', resource.range, `INVALID RLIMIT '${resource.text}'\n`, { line: end.line });
  } else {
    const error = checkValue(resource.text, value.text, unit?.text ?? '');
    if (error) c.report('INVALID_RLIMIT', valueWord.range, `${error}\n`, { line: end.line });
  }
  return { kind: 'rlimit', qualifiers, resource: c.word(resource), value: valueWord, range };
}
