import { describe, expect, test } from 'vitest';
import { makeWorld, run } from './world.ts';

describe('chown', () => {
  test('changes owner, owner and group, the login group and only the group', () => {
    const world = makeWorld();
    run(world, 'touch /tmp/a /tmp/b /tmp/c /tmp/d');
    run(world, 'chown user /tmp/a; chown user:other /tmp/b; chown user: /tmp/c; chown :other /tmp/d');
    expect(run(world, 'stat -c "%U:%G" /tmp/a /tmp/b /tmp/c /tmp/d').stdout).toBe('user:root\nuser:other\nuser:user\nroot:other\n');
  });

  test('accepts numeric ids and reports with -v', () => {
    const world = makeWorld();
    run(world, 'touch /tmp/f');
    expect(run(world, 'chown -v 1000:1000 /tmp/f').stdout).toBe("changed ownership of '/tmp/f' from root:root to user:user\n");
    expect(run(world, 'chown -v user:user /tmp/f').stdout).toBe("ownership of '/tmp/f' retained as user:user\n");
  });

  test('rejects unknown users and groups', () => {
    const world = makeWorld();
    expect(run(world, 'chown nosuch /tmp')).toEqual({ stdout: '', stderr: "chown: invalid user: 'nosuch'\n", exitCode: 1 });
    expect(run(world, 'chown root:nosuch /tmp').stderr).toBe("chown: invalid group: 'root:nosuch'\n");
    expect(run(world, 'chown root').stderr).toBe("chown: missing operand after 'root'\nTry 'chown --help' for more information.\n");
  });

  test('needs CAP_CHOWN to give a file away', () => {
    const world = makeWorld('user');
    run(world, 'touch /tmp/mine');
    expect(run(world, 'chown root /tmp/mine')).toEqual({ stdout: '', stderr: "chown: changing ownership of '/tmp/mine': Operation not permitted\n", exitCode: 1 });
    expect(run(world, 'chown root /nope').stderr).toBe("chown: cannot access '/nope': No such file or directory\n");
  });
});
