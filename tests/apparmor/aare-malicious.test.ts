// Length and blow-up limits (picomatch's malicious.js, for AARE). Assertions are about results, never
// timings: the engine simulates automata, so there is no backtracking to blow up, and the caches are capped.
import { describe, expect, it } from 'vitest';
import { compileAare, MAX_AARE_LENGTH } from '../../src/apparmor/aare/index.ts';
import { MAX_DFA_STATES } from '../../src/apparmor/aare/dfa.ts';

function matcher(pattern: string) {
  const result = compileAare(pattern);
  if (!result.ok) throw new Error(`${pattern}: ${result.error.message}`);
  return result.matcher;
}

describe('AARE malicious inputs', () => {
  it('rejects a pattern longer than the limit with a limit error', () => {
    const result = compileAare(`/${'a'.repeat(MAX_AARE_LENGTH)}`);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.kind).toBe('limit');
  });

  it('accepts a pattern exactly at the limit', () => {
    const pattern = `/${'a*'.repeat(MAX_AARE_LENGTH / 2 - 1)}a`;
    expect(pattern.length).toBe(MAX_AARE_LENGTH);
    expect(compileAare(pattern).ok).toBe(true);
  });

  it('answers a 4 KiB path against stacked ** globs', () => {
    const m = matcher('/**/**/**/**/**/x');
    const path = `/${'a/'.repeat(2047)}x`;
    expect(path.length).toBe(4096);
    expect(m.test(path)).toBe(true);
    expect(m.test(`${path}y`)).toBe(false);
  });

  it('answers the classic exponential-backtracking shapes', () => {
    const stars = matcher(`/${'*a'.repeat(30)}`);
    expect(stars.test(`/${'a'.repeat(5000)}b`)).toBe(false);
    expect(stars.test(`/${'a'.repeat(5000)}`)).toBe(true);
    const alternation = matcher(`/{a,a,aa}{a,a,aa}{a,a,aa}{a,a,aa}{a,a,aa}{a,a,aa}b`);
    expect(alternation.test(`/${'a'.repeat(4000)}`)).toBe(false);
  });

  it('keeps the DFA cache bounded on patterns with many states', () => {
    // [^a] after ** forces the DFA to remember every position of the last 16 bytes: 2^16 potential states.
    const m = matcher(`/**[^a]${'?'.repeat(15)}`);
    let s = '/';
    let seed = 12345;
    for (let i = 0; i < 20000; i++) {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      s += (seed >> 16) % 2 === 0 ? 'a' : 'b';
    }
    expect(m.test(s)).toBe(s.at(-16) !== 'a');
    expect(m.dfa.flushes).toBeGreaterThan(0);
    expect(m.dfa.size).toBeLessThanOrEqual(MAX_DFA_STATES);
  });

  it('still explains a long match, as one part when it exceeds the explanation budget', () => {
    const m = matcher(`/${'?*'.repeat(1500)}`);
    const subject = `/${'a'.repeat(4200)}`;
    const explanation = m.explain(subject);
    expect(explanation?.parts).toEqual([{ token: m.pattern, matched: subject }]);
  });

  it('matches a 64 KiB subject without error', () => {
    expect(matcher('/**').test(`/${'x'.repeat(65536)}`)).toBe(true);
  });
});
