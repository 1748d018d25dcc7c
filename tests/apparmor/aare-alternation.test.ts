// `{a,b}`: alternation, nestable below depth 50, empty alternatives allowed, literal inside `[...]`
// (parser_regex.c, MAX_ALT_DEPTH).
import { describe, expect, it } from 'vitest';
import { compileAare } from '../../src/apparmor/aare/index.ts';

function matcher(pattern: string) {
  const result = compileAare(pattern);
  if (!result.ok) throw new Error(`${pattern}: ${result.error.message}`);
  return result.matcher;
}

describe('AARE {,}', () => {
  it.each([
    ['/tmp/{a,b}', '/tmp/a', true],
    ['/tmp/{a,b}', '/tmp/ab', false],
    ['/tmp/{a,b/c}', '/tmp/b/c', true],
    ['/tmp/{,a}', '/tmp/', true],
    ['/dev/{,u}random', '/dev/urandom', true],
    ['/usr/lib{,32,64}/**', '/usr/lib64/x', true],
    ['/{,usr/}bin/*', '/usr/bin/ls', true],
    ['/tmp/{a,{b,c}}', '/tmp/c', true],
    ['{/a,/b}', '/b', true],
  ])('%s matches %j: %s', (pattern, subject, expected) => {
    expect(matcher(pattern).test(subject)).toBe(expected);
  });

  it('converts nested groups to nested regex groups', () => {
    expect(matcher('{{a,b{c,d}}e,{f,{g,{h{i,j,k},l}m},n}o}').regex).toBe('((a|b(c|d))e|(f|(g|(h(i|j|k)|l)m)|n)o)');
  });

  it('accepts 49 levels of nesting and refuses 50', () => {
    const nest = (depth: number): string => (depth === 0 ? 'x' : `{a,${nest(depth - 1)}}`);
    expect(compileAare(nest(49)).ok).toBe(true);
    const refused = compileAare(nest(50));
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.message).toBe('Regex grouping error: Exceeded maximum nesting of {}');
  });

  it('reads an escaped question mark after a group as a literal ?, as the parser\'s regex engine does', () => {
    const m = matcher('/tmp/{a,b}\\?');
    expect(m.regex).toBe('/tmp/(a|b)?');
    expect(m.test('/tmp/a?')).toBe(true);
    expect(m.test('/tmp/a')).toBe(false);
  });
});
