import { describe, expect, test } from 'vitest';
import { makeWorld, run } from './world.ts';

describe('sort', () => {
  test('sorts bytewise, numerically, folded, reversed and uniquely', () => {
    const world = makeWorld();
    run(world, "printf 'b\\na\\nB\\n10\\n9\\na\\n' > /tmp/s");
    expect(run(world, 'sort /tmp/s').stdout).toBe('10\n9\nB\na\na\nb\n');
    expect(run(world, 'sort -n /tmp/s').stdout).toBe('B\na\na\nb\n9\n10\n');
    expect(run(world, 'sort -f /tmp/s').stdout).toBe('10\n9\na\na\nB\nb\n');
    expect(run(world, 'sort -r /tmp/s').stdout).toBe('b\na\na\nB\n9\n10\n');
    expect(run(world, 'sort -u /tmp/s').stdout).toBe('10\n9\nB\na\nb\n');
  });

  test('sorts by a field with -k and -t', () => {
    const world = makeWorld();
    expect(run(world, "printf 'x:3\\ny:1\\nz:2\\n' | sort -t: -k2 -n").stdout).toBe('y:1\nz:2\nx:3\n');
    expect(run(world, "printf 'b 2 x\\na 2 y\\nc 1 z\\n' | sort -k2,2n").stdout).toBe('c 1 z\na 2 y\nb 2 x\n');
  });

  test('reports an unreadable input with exit 2', () => {
    const world = makeWorld();
    expect(run(world, 'sort /nope')).toEqual({ stdout: '', stderr: 'sort: cannot read: /nope: No such file or directory\n', exitCode: 2 });
    expect(run(world, 'sort /tmp')).toEqual({ stdout: '', stderr: 'sort: read failed: /tmp: Is a directory\n', exitCode: 2 });
    expect(run(world, 'sort -Q')).toEqual({ stdout: '', stderr: "sort: invalid option -- 'Q'\nTry 'sort --help' for more information.\n", exitCode: 2 });
  });
});
