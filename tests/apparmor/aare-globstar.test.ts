// `**`: any run of characters including `/` (parser_regex.c). After a slash and before a slash or the end it
// needs one first character that is not `/`, so `/dir/**` never matches `/dir/` itself.
import { describe, expect, it } from 'vitest';
import { compileAare } from '../../src/apparmor/aare/index.ts';

function matcher(pattern: string) {
  const result = compileAare(pattern);
  if (!result.ok) throw new Error(`${pattern}: ${result.error.message}`);
  return result.matcher;
}

describe('AARE **', () => {
  it.each([
    ['/tmp/**', '/tmp/a', true],
    ['/tmp/**', '/tmp/a/', true],
    ['/tmp/**', '/tmp/a/b/c', true],
    ['/tmp/**', '/tmp/', false],
    ['/tmp/**', '/tmp', false],
    ['/tmp/**', '/tmp//a', false],
    ['/tmp/**/', '/tmp/a/b/', true],
    ['/tmp/**/', '/tmp/a/b', false],
    ['/tmp/**.log', '/tmp/.log', true],
    ['/tmp/**.log', '/tmp/a/b/x.log', true],
    ['/tmp/a**b', '/tmp/a/b', true],
    ['/tmp/**/*', '/tmp/a', false],
    ['/tmp/**/*', '/tmp/a/b', true],
    ['/tmp/{,**}', '/tmp/', true],
    ['/tmp/{**,}', '/tmp/a/b', true],
    ['/tmp{,/**}', '/tmp', true],
    ['/tmp{,/**}', '/tmp/', true],
    ['/**/', '/', false],
    ['/**/', '/a/', true],
    ['/{,**}', '/', true],
  ])('%s matches %j: %s', (pattern, subject, expected) => {
    expect(matcher(pattern).test(subject)).toBe(expected);
  });

  it('classifies a pattern ending in its only ** as a tail glob', () => {
    expect(matcher('/usr/lib/**').patternType).toBe('tail-glob');
    expect(matcher('/usr/**/lib').patternType).toBe('regex');
    expect(matcher('/usr/*/**').patternType).toBe('regex');
  });

  it('does not add the mandatory character when ** is followed by a closing brace', () => {
    expect(matcher('/tmp{,/**}').regex).toBe('/tmp(|/[^\\x00]*)');
  });
});
