// Explanations: which token of the pattern consumed which part of the subject (DESIGN.md §5), as the
// evaluator shows them to learners.
import { describe, expect, it } from 'vitest';
import { compileAare } from '../../src/apparmor/aare/index.ts';

function matcher(pattern: string) {
  const result = compileAare(pattern);
  if (!result.ok) throw new Error(`${pattern}: ${result.error.message}`);
  return result.matcher;
}

describe('AARE explanations', () => {
  it('says what ** matched', () => {
    expect(matcher('/tmp/**').explain('/tmp/a/b')).toEqual({
      parts: [{ token: '/tmp/', matched: '/tmp/' }, { token: '**', matched: 'a/b' }],
      text: '** matched "a/b"',
    });
  });

  it('attributes an alternation as a whole, and each glob after it separately', () => {
    expect(matcher('{/home/*,/root}/.ssh/**').explain('/home/al/.ssh/id_rsa')).toEqual({
      parts: [
        { token: '{/home/*,/root}', matched: '/home/al' },
        { token: '/.ssh/', matched: '/.ssh/' },
        { token: '**', matched: 'id_rsa' },
      ],
      text: '{/home/*,/root} matched "/home/al", ** matched "id_rsa"',
    });
  });

  it('reads stars greedily from the left', () => {
    expect(matcher('/tmp/*/*.log').explain('/tmp/app/x.y.log')?.text).toBe('* matched "app", * matched "x.y"');
    expect(matcher('/tmp/**/*').explain('/tmp/a/b/c')?.text).toBe('** matched "a/b", * matched "c"');
  });

  it('names classes and question marks', () => {
    expect(matcher('/dev/tty[0-9]?').explain('/dev/tty1a')?.text).toBe('[0-9] matched "1", ? matched "a"');
  });

  it('calls a literal pattern an exact match', () => {
    expect(matcher('/etc/passwd').explain('/etc/passwd')).toEqual({
      parts: [{ token: '/etc/passwd', matched: '/etc/passwd' }],
      text: 'exact match',
    });
  });

  it('says so when every glob matched nothing', () => {
    expect(matcher('/tmp/*.log').explain('/tmp/.log')?.text).toBe('the glob characters matched the empty string');
  });

  it('keeps multi-byte characters whole in the matched text', () => {
    expect(matcher('/tmp/*').explain('/tmp/café')?.text).toBe('* matched "café"');
  });

  it('returns undefined for a subject that does not match', () => {
    expect(matcher('/tmp/*').explain('/tmp/')).toBeUndefined();
  });

  it('quotes control characters in the sentence', () => {
    expect(matcher('/tmp/?').explain('/tmp/\n')?.text).toBe('? matched "\\n"');
  });
});
