import { describe, expect, test } from 'vitest';
import { DENY_WRITE } from './profiles.ts';
import { loadProfile, makeWorld, run } from './world.ts';

describe('cp', () => {
  test('copies a file, into a directory, and verbosely', () => {
    const world = makeWorld();
    run(world, "printf 'x\\n' > /tmp/f; mkdir /tmp/d");
    expect(run(world, 'cp -v /tmp/f /tmp/g')).toEqual({ stdout: "'/tmp/f' -> '/tmp/g'\n", stderr: '', exitCode: 0 });
    expect(run(world, 'cp /tmp/f /tmp/g /tmp/d && cat /tmp/d/f /tmp/d/g').stdout).toBe('x\nx\n');
  });

  test('keeps the source mode (less the umask)', () => {
    const world = makeWorld();
    run(world, 'touch /tmp/f; chmod 750 /tmp/f; cp /tmp/f /tmp/g');
    expect(run(world, 'stat -c %a /tmp/g').stdout).toBe('750\n');
  });

  test('copies a tree with -r and omits a directory without it', () => {
    const world = makeWorld();
    run(world, 'mkdir -p /tmp/d/e; echo deep > /tmp/d/e/f');
    expect(run(world, 'cp /tmp/d /tmp/c')).toEqual({ stdout: '', stderr: "cp: -r not specified; omitting directory '/tmp/d'\n", exitCode: 1 });
    expect(run(world, 'cp -r /tmp/d /tmp/c && cat /tmp/c/e/f')).toEqual({ stdout: 'deep\n', stderr: '', exitCode: 0 });
  });

  test('reports the same file, a missing source, a missing destination and a non-directory target', () => {
    const world = makeWorld();
    run(world, 'touch /tmp/f /tmp/g');
    expect(run(world, 'cp /tmp/f /tmp/f').stderr).toBe("cp: '/tmp/f' and '/tmp/f' are the same file\n");
    expect(run(world, 'cp /tmp/nope /tmp/x').stderr).toBe("cp: cannot stat '/tmp/nope': No such file or directory\n");
    expect(run(world, 'cp /tmp/f')).toEqual({ stdout: '', stderr: "cp: missing destination file operand after '/tmp/f'\nTry 'cp --help' for more information.\n", exitCode: 1 });
    expect(run(world, 'cp')).toEqual({ stdout: '', stderr: "cp: missing file operand\nTry 'cp --help' for more information.\n", exitCode: 1 });
    expect(run(world, 'cp /tmp/f /tmp/g /tmp/h').stderr).toBe("cp: target '/tmp/h': No such file or directory\n");
    expect(run(world, 'cp /tmp/f /tmp/g /tmp/g').stderr).toBe("cp: target '/tmp/g' is not a directory\n");
  });

  test('cannot read a file the user may not read', () => {
    expect(run(makeWorld('user'), 'cp /etc/shadow /tmp/s')).toEqual({ stdout: '', stderr: "cp: cannot open '/etc/shadow' for reading: Permission denied\n", exitCode: 1 });
  });

  test('cannot create the copy under the deny-write profile', () => {
    const world = makeWorld();
    loadProfile(world, DENY_WRITE);
    expect(run(world, 'aa-exec -p k8s-apparmor-example-deny-write -- cp /etc/hostname /tmp/h')).toEqual({
      stdout: '', stderr: "cp: cannot create regular file '/tmp/h': Permission denied\n", exitCode: 1,
    });
  });
});
