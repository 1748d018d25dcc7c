// `[...]` and `[^...]` (parser_regex.c passes them through; libapparmor_re parse.y reads them). A negated
// class can match `/`, unlike `*` and `?`. Odd cases were checked with apparmor_parser 3.0.8 -D rule-exprs.
import { describe, expect, it } from 'vitest';
import { compileAare } from '../../src/apparmor/aare/index.ts';

function matcher(pattern: string) {
  const result = compileAare(pattern);
  if (!result.ok) throw new Error(`${pattern}: ${result.error.message}`);
  return result.matcher;
}

describe('AARE [] and [^]', () => {
  it.each([
    ['/tmp/[abc]', '/tmp/b', true],
    ['/tmp/[abc]', '/tmp/d', false],
    ['/tmp/[a-c]', '/tmp/c', true],
    ['/tmp/[z-a]', '/tmp/m', true],
    ['/tmp/[--a]', '/tmp/0', true],
    ['/tmp/[^a-c]', '/tmp/d', true],
    ['/tmp/[^a-c]', '/tmp/a', false],
    ['/tmp/[^a-c]*', '/tmp//a', true],
    ['/tmp/[^^a]', '/tmp/^', false],
    ['/tmp/[^^a]', '/tmp/b', true],
    ['/tmp/[a^]', '/tmp/^', true],
    ['/tmp/[\\]]', '/tmp/]', true],
    ['/tmp/[\\\\]', '/tmp/\\', true],
    ['/foo/a[bcd]e', '/foo/abe', true],
    ['/foo/a[^bcd]e', '/foo/axe', true],
  ])('%s matches %j: %s', (pattern, subject, expected) => {
    expect(matcher(pattern).test(subject)).toBe(expected);
  });

  it('keeps braces and commas literal inside a class', () => {
    const m = matcher('b[{a,b}]t');
    expect(m.regex).toBe('b[{a,b}]t');
    expect(m.test('b{t')).toBe(true);
    expect(m.test('b,t')).toBe(true);
  });

  it('expands a star inside a class the way the parser does, into a class, a star and a literal ]', () => {
    const m = matcher('/tmp/[a*]');
    expect(m.regex).toBe('/tmp/[a[^/\\x00]*]');
    expect(m.test('/tmp/aa]')).toBe(true);
    expect(m.test('/tmp/a')).toBe(false);
  });

  it.each(['/tmp/[]', '/tmp/[^]', '/tmp/[a-]', '/tmp/[a-c-e]'])(
    'rejects %s like the parser\'s regex engine does',
    (pattern) => {
      const result = compileAare(pattern);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.kind).toBe('regex');
    },
  );
});
