// `*`: any run of characters except `/` (parser_regex.c), with the "at least one character right after a
// slash, when followed by `/` or the end" rule. Expectations were checked against apparmor_parser 3.0.8.
import { describe, expect, it } from 'vitest';
import { compileAare } from '../../src/apparmor/aare/index.ts';

function matcher(pattern: string) {
  const result = compileAare(pattern);
  if (!result.ok) throw new Error(`${pattern}: ${result.error.message}`);
  return result.matcher;
}

describe('AARE *', () => {
  it.each([
    ['/tmp/*', '/tmp/a', true],
    ['/tmp/*', '/tmp/abc.txt', true],
    ['/tmp/*', '/tmp/.hidden', true],
    ['/tmp/*', '/tmp/', false],
    ['/tmp/*', '/tmp/a/b', false],
    ['/tmp/*', '/tmp/a/', false],
    ['/tmp/*/', '/tmp/a/', true],
    ['/tmp/*/', '/tmp//', false],
    ['/tmp/*.log', '/tmp/.log', true],
    ['/tmp/*.log', '/tmp/x.log', true],
    ['/tmp/*.log', '/tmp/a/x.log', false],
    ['/tmp/*a', '/tmp/a', true],
    ['/tmp/a*', '/tmp/a', true],
    ['/tmp/a*b', '/tmp/ab', true],
    ['/tmp/a*b', '/tmp/a/b', false],
    ['/*/x', '//x', false],
    ['/tmp/*/*', '/tmp/a/b', true],
    ['/tmp/*/*', '/tmp/a/b/c', false],
  ])('%s matches %j: %s', (pattern, subject, expected) => {
    expect(matcher(pattern).test(subject)).toBe(expected);
  });

  it('emits the mandatory character only when the star run follows a slash and precedes a slash or the end', () => {
    expect(matcher('/tmp/*').regex).toBe('/tmp/[^/\\x00][^/\\x00]*');
    expect(matcher('/tmp/*/').regex).toBe('/tmp/[^/\\x00][^/\\x00]*/');
    expect(matcher('/tmp/*.log').regex).toBe('/tmp/[^/\\x00]*\\.log');
    expect(matcher('/tmp/a*').regex).toBe('/tmp/a[^/\\x00]*');
  });

  it('never lets a star match a NUL byte', () => {
    expect(matcher('/tmp/a*').test('/tmp/a\0')).toBe(false);
  });

  it('treats three stars as ** followed by *', () => {
    expect(matcher('/tmp/***').regex).toBe('/tmp/[^/\\x00][^\\x00]*[^/\\x00]*');
  });
});
