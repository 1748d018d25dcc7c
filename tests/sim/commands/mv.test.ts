import { describe, expect, test } from 'vitest';
import { DENY_WRITE } from './profiles.ts';
import { loadProfile, makeWorld, run } from './world.ts';

describe('mv', () => {
  test('renames a file and moves files into a directory', () => {
    const world = makeWorld();
    run(world, 'touch /tmp/a /tmp/b; mkdir /tmp/d');
    expect(run(world, 'mv -v /tmp/a /tmp/c')).toEqual({ stdout: "renamed '/tmp/a' -> '/tmp/c'\n", stderr: '', exitCode: 0 });
    expect(run(world, 'mv /tmp/b /tmp/c /tmp/d && ls /tmp /tmp/d').stdout).toBe('/tmp:\nd\n\n/tmp/d:\nb\nc\n');
  });

  test('reports a missing source and the same file', () => {
    const world = makeWorld();
    run(world, 'touch /tmp/f');
    expect(run(world, 'mv /tmp/nope /tmp/x')).toEqual({ stdout: '', stderr: "mv: cannot stat '/tmp/nope': No such file or directory\n", exitCode: 1 });
    expect(run(world, 'mv /tmp/f /tmp/f').stderr).toBe("mv: '/tmp/f' and '/tmp/f' are the same file\n");
    expect(run(world, 'mv /tmp/f').stderr).toBe("mv: missing destination file operand after '/tmp/f'\nTry 'mv --help' for more information.\n");
  });

  test('refuses to move a directory into itself', () => {
    const world = makeWorld();
    run(world, 'mkdir -p /tmp/d/sub');
    expect(run(world, 'mv /tmp/d /tmp/d/sub')).toEqual({ stdout: '', stderr: "mv: cannot move '/tmp/d' to a subdirectory of itself, '/tmp/d/sub/d'\n", exitCode: 1 });
  });

  test('is denied under the deny-write profile (rename needs w on the source)', () => {
    const world = makeWorld();
    loadProfile(world, DENY_WRITE);
    run(world, 'touch /tmp/f');
    expect(run(world, 'aa-exec -p k8s-apparmor-example-deny-write -- mv /tmp/f /tmp/g')).toEqual({
      stdout: '', stderr: "mv: cannot move '/tmp/f' to '/tmp/g': Permission denied\n", exitCode: 1,
    });
  });
});
