import { describe, expect, test } from 'vitest';
import { makeWorld, run } from './world.ts';

function numbers() {
  const world = makeWorld();
  run(world, 'printf "1\\n2\\n3\\n4\\n5\\n6\\n7\\n8\\n9\\n10\\n11\\n12\\n" > /tmp/n');
  return world;
}

describe('head', () => {
  test('prints the first 10 lines, -n N, -N, -n -N and -c', () => {
    const world = numbers();
    expect(run(world, 'head /tmp/n').stdout).toBe('1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n');
    expect(run(world, 'head -n 2 /tmp/n').stdout).toBe('1\n2\n');
    expect(run(world, 'head -3 /tmp/n').stdout).toBe('1\n2\n3\n');
    expect(run(world, 'head -n -10 /tmp/n').stdout).toBe('1\n2\n');
    expect(run(world, 'head -n +2 /tmp/n').stdout).toBe('1\n2\n');
    expect(run(world, 'head -c 3 /tmp/n').stdout).toBe('1\n2');
  });

  test('prints headers for several files', () => {
    const world = numbers();
    expect(run(world, 'head -n 1 /tmp/n /tmp/n').stdout).toBe('==> /tmp/n <==\n1\n\n==> /tmp/n <==\n1\n');
    expect(run(world, 'echo x | head -v').stdout).toBe('==> standard input <==\nx\n');
  });

  test('reports unreadable inputs and bad counts', () => {
    const world = numbers();
    expect(run(world, 'head /nope')).toEqual({ stdout: '', stderr: "head: cannot open '/nope' for reading: No such file or directory\n", exitCode: 1 });
    expect(run(world, 'head /tmp')).toEqual({ stdout: '', stderr: "head: error reading '/tmp': Is a directory\n", exitCode: 1 });
    expect(run(world, 'head -n x /tmp/n')).toEqual({ stdout: '', stderr: "head: invalid number of lines: 'x'\n", exitCode: 1 });
    expect(run(world, 'head -n')).toEqual({ stdout: '', stderr: "head: option requires an argument -- 'n'\nTry 'head --help' for more information.\n", exitCode: 1 });
    expect(run(world, 'head --lines').stderr).toBe("head: option '--lines' requires an argument\nTry 'head --help' for more information.\n");
  });
});

describe('tail', () => {
  test('prints the last 10 lines, -n N, -N and -n +N', () => {
    const world = numbers();
    expect(run(world, 'tail /tmp/n').stdout).toBe('3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n');
    expect(run(world, 'tail -n 2 /tmp/n').stdout).toBe('11\n12\n');
    expect(run(world, 'tail -1 /tmp/n').stdout).toBe('12\n');
    expect(run(world, 'printf "1\\n2\\n3\\n" | tail -n +2').stdout).toBe('2\n3\n');
    expect(run(world, 'tail -c 3 /tmp/n').stdout).toBe('12\n');
  });

  test('reports unreadable inputs and bad counts', () => {
    const world = numbers();
    expect(run(world, 'tail /nope')).toEqual({ stdout: '', stderr: "tail: cannot open '/nope' for reading: No such file or directory\n", exitCode: 1 });
    expect(run(world, 'tail /tmp').stderr).toBe("tail: error reading '/tmp': Is a directory\n");
    expect(run(world, 'tail -n x /tmp/n').stderr).toBe("tail: invalid number of lines: 'x'\n");
  });
});
