// Backslash escapes (parser_regex.c + lib.c:strn_escseq) and the regex metacharacters AARE keeps literal.
import { describe, expect, it } from 'vitest';
import { compileAare } from '../../src/apparmor/aare/index.ts';

function matcher(pattern: string) {
  const result = compileAare(pattern);
  if (!result.ok) throw new Error(`${pattern}: ${result.error.message}`);
  return result.matcher;
}

describe('AARE escapes', () => {
  it.each([
    ['/tmp/\\*', '/tmp/*', true],
    ['/tmp/\\*', '/tmp/a', false],
    ['/tmp/\\{a\\}', '/tmp/{a}', true],
    ['/tmp/\\[x\\]', '/tmp/[x]', true],
    ['/tmp/a\\?', '/tmp/a?', true],
    ['/tmp/a\\,b', '/tmp/a,b', true],
    ['/tmp/a\\\\b', '/tmp/a\\b', true],
    ['/tmp/\\\\*', '/tmp/\\abc', true],
    ['/tmp/a\\x41', '/tmp/aA', true],
    ['/tmp/a\\101', '/tmp/aA', true],
    ['/tmp/a\\d065', '/tmp/aA', true],
    ['/tmp/a\\tb', '/tmp/a\tb', true],
    ['/tmp/a\\777', '/tmp/a?7', true],
  ])('%s matches %j: %s', (pattern, subject, expected) => {
    expect(matcher(pattern).test(subject)).toBe(expected);
  });

  it.each(['.', '+', '|', '(', ')', '^', '$'])('keeps %s literal', (c) => {
    const m = matcher(`/tmp/a${c}b`);
    expect(m.test(`/tmp/a${c}b`)).toBe(true);
    expect(m.isLiteral).toBe(true);
  });

  it('drops the backslash before an ordinary character and warns, as the parser does', () => {
    const result = compileAare('/tmp/a\\qb');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.matcher.regex).toBe('/tmp/aqb');
    expect(result.warnings).toEqual([
      { message: "Character q was quoted unnecessarily, dropped preceding quote ('\\') character", offset: 6, kind: 'glob' },
    ]);
  });

  it('turns an escaped dash inside a class back into a range, as the parser does', () => {
    const m = matcher('/tmp/[a\\-z]');
    expect(m.regex).toBe('/tmp/[a-z]');
    expect(m.test('/tmp/m')).toBe(true);
  });
});
