import { describe, expect, test } from 'vitest';
import { touchCommand } from '../../../src/sim/shell/commands/touch.ts';
import { DENY_WRITE } from './profiles.ts';
import { invoke, loadProfile, makeWorld, run } from './world.ts';

describe('touch', () => {
  test('creates a missing file and leaves an existing one', () => {
    const world = makeWorld();
    expect(run(world, 'touch /tmp/a /tmp/a')).toEqual({ stdout: '', stderr: '', exitCode: 0 });
    expect(run(world, 'ls /tmp').stdout).toBe('a\n');
  });

  test('does not create with -c', () => {
    const world = makeWorld();
    expect(run(world, 'touch -c /tmp/none; ls /tmp')).toEqual({ stdout: '', stderr: '', exitCode: 0 });
  });

  test('touches a directory without error', () => {
    expect(run(makeWorld(), 'touch /tmp')).toEqual({ stdout: '', stderr: '', exitCode: 0 });
  });

  test('reports a missing parent directory', () => {
    expect(run(makeWorld(), 'touch /nope/x')).toEqual({ stdout: '', stderr: "touch: cannot touch '/nope/x': No such file or directory\n", exitCode: 1 });
  });

  test('reports a missing operand with the help hint', () => {
    expect(run(makeWorld(), 'touch')).toEqual({ stdout: '', stderr: "touch: missing file operand\nTry 'touch --help' for more information.\n", exitCode: 1 });
  });

  test('is denied under the deny-write profile exactly as in the Kubernetes tutorial', () => {
    const world = makeWorld();
    loadProfile(world, DENY_WRITE);
    expect(run(world, 'aa-exec -p k8s-apparmor-example-deny-write -- touch /tmp/test')).toEqual({
      stdout: '', stderr: "touch: cannot touch '/tmp/test': Permission denied\n", exitCode: 1,
    });
    expect(run(world, 'ls /tmp').stdout).toBe('');
  });

  test('still updates an existing file the profile will not let it open: utimensat is not mediated', () => {
    const world = makeWorld();
    loadProfile(world, DENY_WRITE);
    run(world, 'echo hello > /tmp/existing');
    expect(run(world, 'aa-exec -p k8s-apparmor-example-deny-write -- touch /tmp/existing')).toEqual({ stdout: '', stderr: '', exitCode: 0 });
    expect(run(world, 'cat /tmp/existing').stdout).toBe('hello\n');
  });

  test('cannot touch another user\'s read-only file as a normal user', () => {
    expect(run(makeWorld('user'), 'touch /etc/hostname')).toEqual({ stdout: '', stderr: "touch: cannot touch '/etc/hostname': Permission denied\n", exitCode: 1 });
  });

  test('is refused by file permissions for a normal user in a root-owned directory', () => {
    const world = makeWorld('user');
    expect(run(world, 'touch /etc/x')).toEqual({ stdout: '', stderr: "touch: cannot touch '/etc/x': Permission denied\n", exitCode: 1 });
  });

  test('uses busybox wording in the busybox flavour', () => {
    const world = makeWorld();
    expect(invoke(world, touchCommand, ['touch', '/nope/x'], { flavour: 'busybox' })).toEqual({ stdout: '', stderr: 'touch: /nope/x: No such file or directory\n', exitCode: 1 });
  });
});
