import { describe, expect, test } from 'vitest';
import { DENY_WRITE } from './profiles.ts';
import { loadProfile, makeWorld, run } from './world.ts';

describe('tee', () => {
  test('copies stdin to stdout and files, appending with -a', () => {
    const world = makeWorld();
    expect(run(world, 'echo one | tee /tmp/a /tmp/b')).toEqual({ stdout: 'one\n', stderr: '', exitCode: 0 });
    run(world, 'echo two | tee -a /tmp/a > /dev/null');
    expect(run(world, 'cat /tmp/a /tmp/b').stdout).toBe('one\ntwo\none\n');
  });

  test('reports a file it cannot write and still copies to stdout', () => {
    const world = makeWorld();
    expect(run(world, 'echo x | tee /tmp')).toEqual({ stdout: 'x\n', stderr: 'tee: /tmp: Is a directory\n', exitCode: 1 });
    loadProfile(world, DENY_WRITE);
    expect(run(world, 'echo x | aa-exec -p k8s-apparmor-example-deny-write -- tee /tmp/t')).toEqual({ stdout: 'x\n', stderr: 'tee: /tmp/t: Permission denied\n', exitCode: 1 });
  });
});
