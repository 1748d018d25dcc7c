// Property tests: the automaton agrees with a plain regex rendering of the parser's converted regex on
// random small globs and subjects (safe here: inputs are tiny), and intersection examples match both sides.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { aareCommonExample, aareIntersects, compileAare } from '../../src/apparmor/aare/index.ts';

const piece = fc.constantFrom('a', 'b', '/', '*', '**', '?', '[ab]', '[^a]', '{a,b}', '{,a/}', '{*,b}', '.');
const glob = fc.array(piece, { minLength: 1, maxLength: 7 }).map((parts) => parts.join(''));
const subject = fc.array(fc.constantFrom('a', 'b', '/', '.'), { maxLength: 8 }).map((chars) => chars.join(''));

/** The converted regex uses only constructs JavaScript reads the same way for this alphabet. */
function reference(regex: string): RegExp {
  return new RegExp(`^(?:${regex})$`);
}

describe('AARE properties', () => {
  it('matches exactly what the converted regex matches', () => {
    fc.assert(
      fc.property(glob, fc.array(subject, { minLength: 1, maxLength: 10 }), (pattern, subjects) => {
        const compiled = compileAare(pattern);
        if (!compiled.ok) return;
        const re = reference(compiled.matcher.regex);
        for (const s of subjects) expect(compiled.matcher.test(s), `${pattern} vs ${s}`).toBe(re.test(s));
      }),
      { numRuns: 400 },
    );
  });

  it('explains every match with parts that spell the subject', () => {
    fc.assert(
      fc.property(glob, subject, (pattern, s) => {
        const compiled = compileAare(pattern);
        if (!compiled.ok || !compiled.matcher.test(s)) return;
        expect(compiled.matcher.explain(s)?.parts.map((p) => p.matched).join('')).toBe(s);
      }),
      { numRuns: 400 },
    );
  });

  it('gives intersection examples that both globs match, and finds an overlap whenever a shared subject exists', () => {
    fc.assert(
      fc.property(glob, glob, fc.array(subject, { maxLength: 20 }), (a, b, subjects) => {
        const ca = compileAare(a);
        const cb = compileAare(b);
        if (!ca.ok || !cb.ok) return;
        const example = aareCommonExample(ca.matcher, cb.matcher);
        if (example !== undefined) {
          expect(ca.matcher.test(example) && cb.matcher.test(example), `${a} ∩ ${b} via ${example}`).toBe(true);
        }
        const shared = subjects.some((s) => ca.matcher.test(s) && cb.matcher.test(s));
        if (shared) expect(aareIntersects(ca.matcher, cb.matcher)).toBe(true);
        expect(aareIntersects(ca.matcher, cb.matcher)).toBe(example !== undefined);
      }),
      { numRuns: 300 },
    );
  });
});
