import { describe, expect, test } from 'vitest';
import { mkdirCommand } from '../../../src/sim/shell/commands/mkdir.ts';
import { DENY_WRITE } from './profiles.ts';
import { invoke, loadProfile, makeWorld, run } from './world.ts';

describe('mkdir', () => {
  test('creates a directory with the umask applied', () => {
    const world = makeWorld();
    expect(run(world, 'mkdir /tmp/d')).toEqual({ stdout: '', stderr: '', exitCode: 0 });
    expect(run(world, 'stat -c %a /tmp/d').stdout).toBe('755\n');
  });

  test('creates parents with -p, reporting each with -v, and accepts an existing directory', () => {
    const world = makeWorld();
    expect(run(world, 'mkdir -pv /tmp/a/b')).toEqual({ stdout: "mkdir: created directory '/tmp/a'\nmkdir: created directory '/tmp/a/b'\n", stderr: '', exitCode: 0 });
    expect(run(world, 'mkdir -p /tmp/a/b')).toEqual({ stdout: '', stderr: '', exitCode: 0 });
  });

  test('sets the mode with -m', () => {
    const world = makeWorld();
    run(world, 'mkdir -m 700 /tmp/m; mkdir -m u=rwx,go=rx /tmp/n');
    expect(run(world, 'stat -c %a /tmp/m /tmp/n').stdout).toBe('700\n755\n');
  });

  test('reports an existing name, a missing parent and a file in the way', () => {
    const world = makeWorld();
    run(world, 'mkdir /tmp/a; touch /tmp/f');
    expect(run(world, 'mkdir /tmp/a').stderr).toBe("mkdir: cannot create directory '/tmp/a': File exists\n");
    expect(run(world, 'mkdir /nope/b')).toEqual({ stdout: '', stderr: "mkdir: cannot create directory '/nope/b': No such file or directory\n", exitCode: 1 });
    expect(run(world, 'mkdir -p /tmp/f').stderr).toBe("mkdir: cannot create directory '/tmp/f': File exists\n");
    expect(run(world, 'mkdir -p /tmp/f/g').stderr).toBe("mkdir: cannot create directory '/tmp/f': Not a directory\n");
  });

  test('rejects an invalid mode and a missing operand', () => {
    const world = makeWorld();
    expect(run(world, 'mkdir -m abc /tmp/x')).toEqual({ stdout: '', stderr: "mkdir: invalid mode 'abc'\n", exitCode: 1 });
    expect(run(world, 'mkdir')).toEqual({ stdout: '', stderr: "mkdir: missing operand\nTry 'mkdir --help' for more information.\n", exitCode: 1 });
  });

  test('is denied under the deny-write profile', () => {
    const world = makeWorld();
    loadProfile(world, DENY_WRITE);
    expect(run(world, 'aa-exec -p k8s-apparmor-example-deny-write -- mkdir /tmp/newdir')).toEqual({
      stdout: '', stderr: "mkdir: cannot create directory '/tmp/newdir': Permission denied\n", exitCode: 1,
    });
  });

  test('uses busybox wording in the busybox flavour', () => {
    expect(invoke(makeWorld(), mkdirCommand, ['mkdir', '/nope/a'], { flavour: 'busybox' }).stderr).toBe("mkdir: can't create directory '/nope/a': No such file or directory\n");
  });
});
