// Glob intersection for the "conflicting x modifiers" check (APPARMOR.md §4.3). The path pairs of the
// upstream xtrans generator all overlap; the exact/glob split decides which of them may conflict.
import { describe, expect, it } from 'vitest';
import { aareCommonExample, aareIntersects, compileAare } from '../../src/apparmor/aare/index.ts';

function matcher(pattern: string) {
  const result = compileAare(pattern);
  if (!result.ok) throw new Error(`${pattern}: ${result.error.message}`);
  return result.matcher;
}

describe('AARE intersection', () => {
  it.each([
    ['/bin/a*', '/bin/*b', '/bin/ab'],
    ['/bin/cat', '/bin/cat', '/bin/cat'],
    ['/bin/*', '/bin/**', '/bin/a'],
    ['/bin/cat', '/bin/*', '/bin/cat'],
    ['/tmp/{,**}', '/tmp/', '/tmp/'],
    ['/proc/*', '/proc/[0-9]*', '/proc/0'],
    ['/a/**/b', '/a/*/b', '/a/a/b'],
  ])('finds that %s and %s overlap, shortest example %s', (a, b, example) => {
    expect(aareIntersects(matcher(a), matcher(b))).toBe(true);
    expect(aareCommonExample(matcher(a), matcher(b))).toBe(example);
  });

  it.each([
    ['/tmp/*', '/tmp/'],
    ['/tmp/**', '/tmp'],
    ['/bin/a*', '/bin/b*'],
    ['/a/**/b', '/a/*/*/c'],
    ['/tmp/[^a-z]', '/tmp/[a-z]'],
    ['/tmp/?', '/tmp/??'],
    ['/tmp/é*', '/tmp/?x'],
  ])('finds that %s and %s do not overlap', (a, b) => {
    expect(aareIntersects(matcher(a), matcher(b))).toBe(false);
    expect(aareCommonExample(matcher(a), matcher(b))).toBeUndefined();
  });

  it('tells exact-match rules from glob rules the way exec precedence does', () => {
    expect(matcher('/bin/cat').isExactMatch).toBe(true);
    expect(matcher('/bin/{cat,dog}').isExactMatch).toBe(true);
    expect(matcher('/bin/[cd]at').isExactMatch).toBe(true);
    expect(matcher('/bin/*').isExactMatch).toBe(false);
    expect(matcher('/bin/?at').isExactMatch).toBe(false);
    expect(matcher('/bin/[^c]at').isExactMatch).toBe(false);
  });

  it('is symmetric', () => {
    const patterns = ['/bin/a*', '/bin/*b', '/tmp/**', '/tmp/', '/x/{a,b}/*', '/x/a/'];
    for (const a of patterns) for (const b of patterns) {
      expect(aareIntersects(matcher(a), matcher(b))).toBe(aareIntersects(matcher(b), matcher(a)));
    }
  });
});
