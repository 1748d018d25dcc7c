// `?`: exactly one byte other than `/` and NUL (parser_regex.c: `[^/\x00]`). The kernel matches bytes, so a
// two-byte UTF-8 character is two `?`.
import { describe, expect, it } from 'vitest';
import { compileAare } from '../../src/apparmor/aare/index.ts';

function matcher(pattern: string) {
  const result = compileAare(pattern);
  if (!result.ok) throw new Error(`${pattern}: ${result.error.message}`);
  return result.matcher;
}

describe('AARE ?', () => {
  it.each([
    ['/tmp/?', '/tmp/a', true],
    ['/tmp/?', '/tmp/*', true],
    ['/tmp/?', '/tmp/\n', true],
    ['/tmp/?', '/tmp/', false],
    ['/tmp/?', '/tmp/ab', false],
    ['/tmp/a?/', '/tmp/a//', false],
    ['/tmp/??', '/tmp/ab', true],
    ['/tmp/?*', '/tmp/a', true],
    ['/tmp/??', '/tmp/é', true],
    ['/tmp/?', '/tmp/é', false],
  ])('%s matches %j: %s', (pattern, subject, expected) => {
    expect(matcher(pattern).test(subject)).toBe(expected);
  });

  it('converts ? to one non-slash, non-NUL class', () => {
    expect(matcher('/foo/user/ba?/').regex).toBe('/foo/user/ba[^/\\x00]/');
  });
});
