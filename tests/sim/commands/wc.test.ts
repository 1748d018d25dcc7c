import { describe, expect, test } from 'vitest';
import { countText } from '../../../src/sim/shell/commands/wc.ts';
import { makeWorld, run } from './world.ts';

describe('wc', () => {
  test('counts lines, words and bytes with GNU column widths', () => {
    const world = makeWorld();
    run(world, "printf 'a b\\nc\\n' > /tmp/w");
    expect(run(world, 'wc /tmp/w').stdout).toBe('2 3 6 /tmp/w\n');
    expect(run(world, 'wc -l /tmp/w').stdout).toBe('2 /tmp/w\n');
    expect(run(world, 'wc /tmp/w /tmp/w').stdout).toBe(' 2  3  6 /tmp/w\n 2  3  6 /tmp/w\n 4  6 12 total\n');
    expect(run(world, "printf 'a b\\nc\\n' | wc").stdout).toBe('      2       3       6\n');
    expect(run(world, 'wc -l < /tmp/w').stdout).toBe('2\n');
  });

  test('reports a missing file and still prints the total', () => {
    const world = makeWorld();
    expect(run(world, 'wc -l /nope /nope2')).toEqual({ stdout: '0 total\n', stderr: 'wc: /nope: No such file or directory\nwc: /nope2: No such file or directory\n', exitCode: 1 });
    expect(run(world, 'wc --zz').stderr).toBe("wc: unrecognized option '--zz'\nTry 'wc --help' for more information.\n");
  });

  test('counts characters and the longest line', () => {
    expect(countText('héllo\nab\n')).toEqual({ l: 2, w: 2, m: 9, c: 10, L: 5 });
  });
});
