import { describe, expect, test } from 'vitest';
import { rmdirCommand } from '../../../src/sim/shell/commands/rmdir.ts';
import { invoke, makeWorld, run } from './world.ts';

describe('rmdir', () => {
  test('removes an empty directory and with -p its parents', () => {
    const world = makeWorld();
    run(world, 'mkdir -p /tmp/a/b/c /tmp/x/y/z /tmp/x/keep');
    expect(run(world, 'cd /tmp && rmdir -p a/b/c')).toEqual({ stdout: '', stderr: '', exitCode: 0 });
    expect(run(world, 'cd /tmp && rmdir -p x/y/z')).toEqual({ stdout: '', stderr: "rmdir: failed to remove directory 'x': Directory not empty\n", exitCode: 1 });
    expect(run(world, 'ls /tmp /tmp/x').stdout).toBe('/tmp:\nx\n\n/tmp/x:\nkeep\n');
  });

  test('refuses a non-empty directory and a missing one', () => {
    const world = makeWorld();
    run(world, 'mkdir -p /tmp/a/b');
    expect(run(world, 'rmdir /tmp/a')).toEqual({ stdout: '', stderr: "rmdir: failed to remove '/tmp/a': Directory not empty\n", exitCode: 1 });
    expect(run(world, 'rmdir --ignore-fail-on-non-empty /tmp/a')).toEqual({ stdout: '', stderr: '', exitCode: 0 });
    expect(run(world, 'rmdir /tmp/zz').stderr).toBe("rmdir: failed to remove '/tmp/zz': No such file or directory\n");
  });

  test('refuses to remove a regular file', () => {
    const world = makeWorld();
    run(world, 'touch /tmp/f');
    expect(run(world, 'rmdir /tmp/f').stderr).toBe("rmdir: failed to remove '/tmp/f': Not a directory\n");
  });

  test('reports a missing operand', () => {
    expect(run(makeWorld(), 'rmdir')).toEqual({ stdout: '', stderr: "rmdir: missing operand\nTry 'rmdir --help' for more information.\n", exitCode: 1 });
  });

  test('uses busybox wording in the busybox flavour', () => {
    expect(invoke(makeWorld(), rmdirCommand, ['rmdir', '/nope'], { flavour: 'busybox' }).stderr).toBe("rmdir: '/nope': No such file or directory\n");
  });
});
