// Pattern classification (the parser's pattern_t) and xmatch_len, which ranks profile attachments. The
// xmatch_len values were read from the binary policy apparmor_parser 3.0.8 writes (`-S`) for each pattern
// used as an attachment: 3.0.8 stores the DFA's min_match_len, not the literal prefix length.
import { describe, expect, it } from 'vitest';
import { compileAare, scanAare } from '../../src/apparmor/aare/index.ts';

function matcher(pattern: string) {
  const result = compileAare(pattern);
  if (!result.ok) throw new Error(`${pattern}: ${result.error.message}`);
  return result.matcher;
}

describe('AARE scan and xmatch_len', () => {
  it.each([
    ['/etc/passwd', 'literal', '/etc/passwd'],
    ['/usr/lib/**', 'tail-glob', '/usr/lib/'],
    ['/usr/lib/*', 'regex', '/usr/lib/'],
    ['/bin/{ba,da}sh', 'regex', '/bin/'],
    ['/tmp/\\*', 'literal', '/tmp/\\*'],
    ['/tmp//a/**', 'tail-glob', '/tmp/a/'],
  ])('classifies %s as %s with literal prefix %s', (pattern, kind, literalPrefix) => {
    expect(scanAare(pattern)).toEqual({ kind, literalPrefix });
  });

  it('returns undefined for an invalid glob', () => {
    expect(scanAare('/tmp/{a}')).toBeUndefined();
  });

  it.each([
    ['/opt/foo', 8],
    ['/usr/bin/*', 10],
    ['/usr/bin/**x', 9],
    ['/usr/*/x', 6],
    ['/usr/b{in,ox}/a*', 10],
    ['/usr/bin/a[bc]d', 12],
    ['/usr/bin/?*', 10],
    ['/usr/[ab]*x', 6],
    ['/usr/bin/a[^b]c/d', 11],
    ['/usr/{bin,sbin}/x*', 10],
    ['/usr/bin/a?c', 11],
    ['/{,usr/}bin/*', 6],
    ['/usr/lib/**', 10],
    ['/a{b,cd}e/f', 6],
  ])('gives %s the xmatch_len apparmor_parser 3.0.8 stores (%i)', (pattern, length) => {
    expect(matcher(pattern).literalPrefixLength).toBe(length);
  });

  it('counts bytes, not UTF-16 units', () => {
    expect(matcher('/opt/café').literalPrefixLength).toBe(10);
  });

  it('marks patterns without glob characters as literal', () => {
    expect(matcher('/etc/a.b+c').isLiteral).toBe(true);
    expect(matcher('/etc/*').isLiteral).toBe(false);
    expect(matcher('/etc/{a,b}').isLiteral).toBe(false);
  });
});
