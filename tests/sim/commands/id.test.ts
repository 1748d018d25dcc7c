import { describe, expect, test } from 'vitest';
import { makeWorld, run } from './world.ts';

describe('id and whoami', () => {
  test('print the current identity', () => {
    expect(run(makeWorld(), 'id')).toEqual({ stdout: 'uid=0(root) gid=0(root) groups=0(root)\n', stderr: '', exitCode: 0 });
    expect(run(makeWorld('user'), 'id').stdout).toBe('uid=1000(user) gid=1000(user) groups=1000(user)\n');
    expect(run(makeWorld('user'), 'whoami')).toEqual({ stdout: 'user\n', stderr: '', exitCode: 0 });
  });

  test('print single fields with -u -g -G and names with -n', () => {
    const world = makeWorld('user');
    expect(run(world, 'id -u; id -g; id -G; id -un; id -gn').stdout).toBe('1000\n1000\n1000\nuser\nuser\n');
  });

  test('describe another user and reject an unknown one', () => {
    const world = makeWorld();
    expect(run(world, 'id other').stdout).toBe('uid=1001(other) gid=1001(other) groups=1001(other)\n');
    expect(run(world, 'id nosuch')).toEqual({ stdout: '', stderr: "id: 'nosuch': no such user\n", exitCode: 1 });
  });

  test('reject conflicting choices and extra operands', () => {
    const world = makeWorld();
    expect(run(world, 'id -u -g')).toEqual({ stdout: '', stderr: 'id: cannot print "only" of more than one choice\nTry \'id --help\' for more information.\n', exitCode: 1 });
    expect(run(world, 'whoami x')).toEqual({ stdout: '', stderr: "whoami: extra operand 'x'\nTry 'whoami --help' for more information.\n", exitCode: 1 });
  });
});
