import { describe, expect, test } from 'vitest';
import { translateRegex } from '../../../src/sim/shell/commands/support/regex.ts';
import { makeWorld, run } from './world.ts';

function world() {
  const w = makeWorld();
  run(w, "printf 'a b\\nc\\nAbc\\n' > /tmp/w; mkdir /tmp/d; printf 'hi\\n' > /tmp/d/x");
  return w;
}

describe('grep', () => {
  test('matches basic and extended expressions', () => {
    const w = world();
    expect(run(w, "grep 'a\\|c' /tmp/w")).toEqual({ stdout: 'a b\nc\nAbc\n', stderr: '', exitCode: 0 });
    expect(run(w, "grep -E '^(a|c)$' /tmp/w").stdout).toBe('c\n');
    expect(run(w, "grep 'a|c' /tmp/w")).toEqual({ stdout: '', stderr: '', exitCode: 1 });
    expect(run(w, "grep '^[[:upper:]]' /tmp/w").stdout).toBe('Abc\n');
  });

  test('supports -i -v -c -n -o -w -x -l -q and -e', () => {
    const w = world();
    expect(run(w, 'grep -i abc /tmp/w').stdout).toBe('Abc\n');
    expect(run(w, 'grep -v b /tmp/w').stdout).toBe('c\n');
    expect(run(w, 'grep -c b /tmp/w').stdout).toBe('2\n');
    expect(run(w, 'grep -n c /tmp/w').stdout).toBe('2:c\n3:Abc\n');
    expect(run(w, 'grep -o b /tmp/w').stdout).toBe('b\nb\n');
    expect(run(w, 'grep -w a /tmp/w').stdout).toBe('a b\n');
    expect(run(w, 'grep -x c /tmp/w').stdout).toBe('c\n');
    expect(run(w, 'grep -l c /tmp/w /tmp/d/x').stdout).toBe('/tmp/w\n');
    expect(run(w, 'grep -q c /tmp/w')).toEqual({ stdout: '', stderr: '', exitCode: 0 });
    expect(run(w, 'grep -e a -e c /tmp/w').stdout).toBe('a b\nc\nAbc\n');
  });

  test('prefixes file names for several files and searches trees with -r', () => {
    const w = world();
    expect(run(w, 'grep -c b /tmp/w /tmp/d/x').stdout).toBe('/tmp/w:2\n/tmp/d/x:0\n');
    expect(run(w, 'grep -r hi /tmp').stdout).toBe('/tmp/d/x:hi\n');
    expect(run(w, 'echo x | grep -H x').stdout).toBe('(standard input):x\n');
  });

  test('exits 2 on errors and reports them as GNU grep does', () => {
    const w = world();
    expect(run(w, 'grep x /nope')).toEqual({ stdout: '', stderr: 'grep: /nope: No such file or directory\n', exitCode: 2 });
    expect(run(w, 'grep x /tmp/d')).toEqual({ stdout: '', stderr: 'grep: /tmp/d: Is a directory\n', exitCode: 2 });
    expect(run(w, "grep -E '(' /tmp/w")).toEqual({ stdout: '', stderr: 'grep: Unmatched ( or \\(\n', exitCode: 2 });
    expect(run(w, "grep 'a\\{' /tmp/w").stderr).toBe('grep: Unmatched \\{\n');
    expect(run(w, 'grep')).toEqual({ stdout: '', stderr: "Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n", exitCode: 2 });
    expect(run(w, 'grep -s x /nope')).toEqual({ stdout: '', stderr: '', exitCode: 2 });
  });

  test('is refused /etc/shadow as a normal user', () => {
    expect(run(makeWorld('user'), 'grep root /etc/shadow')).toEqual({ stdout: '', stderr: 'grep: /etc/shadow: Permission denied\n', exitCode: 2 });
  });

  test('translates POSIX expressions to JavaScript', () => {
    expect(translateRegex('a\\(b\\)\\{2\\}', false)).toEqual({ ok: true, source: 'a(b){2}' });
    expect(translateRegex('a+b?', false)).toEqual({ ok: true, source: 'a\\+b\\?' });
    expect(translateRegex('[a', false)).toEqual({ ok: false, message: 'Unmatched [, [^, [:, [., or [=' });
    // grep 3.8 on Debian 12: a `[` or `[^` that ends the pattern is a different error
    expect(translateRegex('a[', false)).toEqual({ ok: false, message: 'Invalid regular expression' });
    expect(translateRegex('[^', true)).toEqual({ ok: false, message: 'Invalid regular expression' });
    expect(translateRegex('*a', false)).toEqual({ ok: true, source: '\\*a' });
  });
});
