import { describe, expect, test } from 'vitest';
import { rmCommand } from '../../../src/sim/shell/commands/rm.ts';
import { DENY_WRITE } from './profiles.ts';
import { invoke, loadProfile, makeWorld, run } from './world.ts';

describe('rm', () => {
  test('removes files, verbosely with -v', () => {
    const world = makeWorld();
    run(world, 'touch /tmp/a /tmp/b');
    expect(run(world, 'rm -v /tmp/a /tmp/b')).toEqual({ stdout: "removed '/tmp/a'\nremoved '/tmp/b'\n", stderr: '', exitCode: 0 });
    expect(run(world, 'ls /tmp').stdout).toBe('');
  });

  test('refuses a directory without -r and removes a tree with -r', () => {
    const world = makeWorld();
    run(world, 'mkdir -p /tmp/d/e; touch /tmp/d/e/f');
    expect(run(world, 'rm /tmp/d')).toEqual({ stdout: '', stderr: "rm: cannot remove '/tmp/d': Is a directory\n", exitCode: 1 });
    expect(run(world, 'rm -rv /tmp/d').stdout).toBe("removed '/tmp/d/e/f'\nremoved directory '/tmp/d/e'\nremoved directory '/tmp/d'\n");
  });

  test('removes an empty directory with -d', () => {
    const world = makeWorld();
    run(world, 'mkdir /tmp/e');
    expect(run(world, 'rm -d /tmp/e; ls /tmp')).toEqual({ stdout: '', stderr: '', exitCode: 0 });
  });

  test('reports a missing file unless -f', () => {
    const world = makeWorld();
    expect(run(world, 'rm /tmp/nope')).toEqual({ stdout: '', stderr: "rm: cannot remove '/tmp/nope': No such file or directory\n", exitCode: 1 });
    expect(run(world, 'rm -f /tmp/nope')).toEqual({ stdout: '', stderr: '', exitCode: 0 });
    expect(run(world, 'rm -f')).toEqual({ stdout: '', stderr: '', exitCode: 0 });
  });

  test('reports a missing operand and an unknown option', () => {
    const world = makeWorld();
    expect(run(world, 'rm')).toEqual({ stdout: '', stderr: "rm: missing operand\nTry 'rm --help' for more information.\n", exitCode: 1 });
    expect(run(world, 'rm -z x')).toEqual({ stdout: '', stderr: "rm: invalid option -- 'z'\nTry 'rm --help' for more information.\n", exitCode: 1 });
  });

  test('refuses to remove / recursively and . or ..', () => {
    const world = makeWorld();
    expect(run(world, 'rm -rf /').stderr).toBe("rm: it is dangerous to operate recursively on '/'\nrm: use --no-preserve-root to override this failsafe\n");
    expect(run(world, 'rm -r ..')).toEqual({ stdout: '', stderr: "rm: refusing to remove '.' or '..' directory: skipping '..'\n", exitCode: 1 });
  });

  test('is denied under the deny-write profile even with -f', () => {
    const world = makeWorld();
    loadProfile(world, DENY_WRITE);
    run(world, 'echo hello > /tmp/existing');
    expect(run(world, 'aa-exec -p k8s-apparmor-example-deny-write -- rm -f /tmp/existing')).toEqual({
      stdout: '', stderr: "rm: cannot remove '/tmp/existing': Permission denied\n", exitCode: 1,
    });
  });

  test('is refused by the sticky /tmp for another user\'s file', () => {
    const world = makeWorld();
    run(world, 'touch /tmp/rootfile');
    run(world, 'su - user');
    expect(run(world, 'rm -f /tmp/rootfile')).toEqual({ stdout: '', stderr: "rm: cannot remove '/tmp/rootfile': Operation not permitted\n", exitCode: 1 });
  });

  test('uses busybox wording in the busybox flavour', () => {
    const world = makeWorld();
    expect(invoke(world, rmCommand, ['rm', '/nope'], { flavour: 'busybox' }).stderr).toBe("rm: can't remove '/nope': No such file or directory\n");
    expect(invoke(world, rmCommand, ['rm', '/tmp'], { flavour: 'busybox' }).stderr).toBe("rm: '/tmp' is a directory\n");
  });
});
