import { describe, expect, test } from 'vitest';
import { DENY_WRITE } from './profiles.ts';
import { loadProfile, makeWorld, run } from './world.ts';

describe('env', () => {
  test('prints the environment and runs a command in a changed one', () => {
    const world = makeWorld();
    expect(run(world, 'env -i A=1 B=2')).toEqual({ stdout: 'A=1\nB=2\n', stderr: '', exitCode: 0 });
    expect(run(world, 'FOO=bar env | grep ^FOO=')).toEqual({ stdout: 'FOO=bar\n', stderr: '', exitCode: 0 });
    expect(run(world, 'FOO=bar env -u FOO env | grep -c ^FOO=').stdout).toBe('0\n');
    expect(run(world, 'env -i X=1 /bin/echo hi')).toEqual({ stdout: 'hi\n', stderr: '', exitCode: 0 });
  });

  test('reports a missing program with 127 and an option error with 125', () => {
    const world = makeWorld();
    expect(run(world, 'env nosuch')).toEqual({ stdout: '', stderr: "env: 'nosuch': No such file or directory\n", exitCode: 127 });
    expect(run(world, 'env -z')).toEqual({ stdout: '', stderr: "env: invalid option -- 'z'\nTry 'env --help' for more information.\n", exitCode: 125 });
  });

  test('runs the command under the caller\'s profile', () => {
    const world = makeWorld();
    loadProfile(world, DENY_WRITE);
    expect(run(world, 'aa-exec -p k8s-apparmor-example-deny-write -- env cat /proc/self/attr/current').stdout).toBe('k8s-apparmor-example-deny-write (enforce)\n');
  });
});
