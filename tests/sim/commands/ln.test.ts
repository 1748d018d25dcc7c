import { describe, expect, test } from 'vitest';
import { lnCommand } from '../../../src/sim/shell/commands/ln.ts';
import { DENY_WRITE } from './profiles.ts';
import { invoke, loadProfile, makeWorld, run } from './world.ts';

describe('ln', () => {
  test('makes symbolic and hard links, verbosely', () => {
    const world = makeWorld();
    run(world, 'echo hi > /tmp/f');
    expect(run(world, 'ln -sv /tmp/f /tmp/s')).toEqual({ stdout: "'/tmp/s' -> '/tmp/f'\n", stderr: '', exitCode: 0 });
    expect(run(world, 'ln -v /tmp/f /tmp/h')).toEqual({ stdout: "'/tmp/h' => '/tmp/f'\n", stderr: '', exitCode: 0 });
    expect(run(world, 'cat /tmp/s /tmp/h; stat -c %i /tmp/f /tmp/h | sort -u | wc -l').stdout).toBe('hi\nhi\n1\n');
    expect(run(world, 'ls -l /tmp/s').stdout).toMatch(/^lrwxrwxrwx 1 root root 6 .* \/tmp\/s -> \/tmp\/f\n$/);
  });

  test('refuses an existing name unless -f', () => {
    const world = makeWorld();
    run(world, 'touch /tmp/f; ln -s /tmp/f /tmp/s');
    expect(run(world, 'ln -s /tmp/f /tmp/s')).toEqual({ stdout: '', stderr: "ln: failed to create symbolic link '/tmp/s': File exists\n", exitCode: 1 });
    expect(run(world, 'ln -sf /etc/hostname /tmp/s && cat /tmp/s')).toEqual({ stdout: 'node01\n', stderr: '', exitCode: 0 });
  });

  test('reports a missing target of a hard link and a directory', () => {
    const world = makeWorld();
    expect(run(world, 'ln /tmp/x1 /tmp/y1').stderr).toBe("ln: failed to access '/tmp/x1': No such file or directory\n");
    expect(run(world, 'ln /tmp /tmp/dd').stderr).toBe('ln: /tmp: hard link not allowed for directory\n');
    expect(run(world, 'ln')).toEqual({ stdout: '', stderr: "ln: missing file operand\nTry 'ln --help' for more information.\n", exitCode: 1 });
  });

  test('cannot create a symlink under the deny-write profile', () => {
    const world = makeWorld();
    loadProfile(world, DENY_WRITE);
    expect(run(world, 'aa-exec -p k8s-apparmor-example-deny-write -- ln -s /etc/hostname /tmp/s')).toEqual({
      stdout: '', stderr: "ln: failed to create symbolic link '/tmp/s': Permission denied\n", exitCode: 1,
    });
  });

  test('uses busybox wording in the busybox flavour', () => {
    expect(invoke(makeWorld(), lnCommand, ['ln', '-s', 'a', '/nope/b'], { flavour: 'busybox' }).stderr).toBe('ln: /nope/b: No such file or directory\n');
  });
});
