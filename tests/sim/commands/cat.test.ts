import { describe, expect, test } from 'vitest';
import { catCommand } from '../../../src/sim/shell/commands/cat.ts';
import { DENY_WRITE } from './profiles.ts';
import { invoke, loadProfile, makeWorld, run } from './world.ts';

describe('cat', () => {
  test('concatenates files and standard input', () => {
    const world = makeWorld();
    run(world, "printf 'a\\n' > /tmp/a; printf 'b\\n' > /tmp/b");
    expect(run(world, 'echo mid | cat /tmp/a - /tmp/b')).toEqual({ stdout: 'a\nmid\nb\n', stderr: '', exitCode: 0 });
  });

  test('numbers lines with -n across files, non-blank ones with -b, and marks ends with -E', () => {
    const world = makeWorld();
    run(world, "printf 'x\\n\\ny\\n' > /tmp/f");
    expect(run(world, 'cat -n /tmp/f /tmp/f').stdout).toBe('     1\tx\n     2\t\n     3\ty\n     4\tx\n     5\t\n     6\ty\n');
    expect(run(world, 'cat -b /tmp/f').stdout).toBe('     1\tx\n\n     2\ty\n');
    expect(run(world, 'cat -E /tmp/f').stdout).toBe('x$\n$\ny$\n');
  });

  test('squeezes repeated blank lines with -s and shows tabs with -T', () => {
    const world = makeWorld();
    run(world, "printf 'a\\n\\n\\n\\tb\\n' > /tmp/f");
    expect(run(world, 'cat -sT /tmp/f').stdout).toBe('a\n\n^Ib\n');
  });

  test('reports a missing file and goes on with the next, exit 1', () => {
    const world = makeWorld();
    run(world, "printf 'ok\\n' > /tmp/a");
    expect(run(world, 'cat /nope /tmp/a')).toEqual({ stdout: 'ok\n', stderr: 'cat: /nope: No such file or directory\n', exitCode: 1 });
  });

  test('reports a directory it cannot read', () => {
    expect(run(makeWorld(), 'cat /tmp')).toEqual({ stdout: '', stderr: 'cat: /tmp: Is a directory\n', exitCode: 1 });
  });

  test('is refused /etc/shadow as a normal user', () => {
    expect(run(makeWorld('user'), 'cat /etc/shadow')).toEqual({ stdout: '', stderr: 'cat: /etc/shadow: Permission denied\n', exitCode: 1 });
  });

  test('reads its own AppArmor label from /proc/self/attr/current', () => {
    const world = makeWorld();
    loadProfile(world, DENY_WRITE);
    expect(run(world, 'cat /proc/self/attr/current').stdout).toBe('unconfined\n');
    expect(run(world, 'aa-exec -p k8s-apparmor-example-deny-write -- cat /proc/self/attr/current')).toEqual({
      stdout: 'k8s-apparmor-example-deny-write (enforce)\n', stderr: '', exitCode: 0,
    });
  });

  test('rejects an unknown option', () => {
    expect(run(makeWorld(), 'cat -z')).toEqual({ stdout: '', stderr: "cat: invalid option -- 'z'\nTry 'cat --help' for more information.\n", exitCode: 1 });
  });

  test('quotes names that need it as GNU does', () => {
    expect(run(makeWorld(), "cat 'a b' \"it's\"").stderr).toBe("cat: 'a b': No such file or directory\ncat: \"it's\": No such file or directory\n");
  });

  test('uses busybox wording in the busybox flavour', () => {
    const world = makeWorld();
    expect(invoke(world, catCommand, ['cat', '/nope'], { flavour: 'busybox' }).stderr).toBe("cat: can't open '/nope': No such file or directory\n");
    expect(invoke(world, catCommand, ['cat', '/tmp'], { flavour: 'busybox' }).stderr).toBe('cat: read error: Is a directory\n');
  });
});

describe('cat -v and -A', () => {
  test('shows control characters, DEL and high bytes as cat.c does', () => {
    const world = makeWorld();
    run(world, "/usr/bin/printf 'a\\001\\tb\\177\\n' > /tmp/c");
    expect(run(world, 'cat -v /tmp/c').stdout).toBe('a^A\tb^?\n');
    expect(run(world, 'cat -A /tmp/c').stdout).toBe('a^A^Ib^?$\n');
  });
});

describe('cat and process substitution', () => {
  test('reads the /dev/fd file of a <(…) substitution the shell hands over', () => {
    const world = makeWorld();
    expect(invoke(world, catCommand, ['cat', '/dev/fd/63', '-'], { files: { '/dev/fd/63': 'hi\n' }, stdin: 'in\n' })).toEqual({ stdout: 'hi\nin\n', stderr: '', exitCode: 0 });
  });
});
