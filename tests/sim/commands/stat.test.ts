import { describe, expect, test } from 'vitest';
import { statCommand } from '../../../src/sim/shell/commands/stat.ts';
import { invoke, makeWorld, run } from './world.ts';

describe('stat', () => {
  test('prints the default layout', () => {
    const world = makeWorld();
    run(world, "printf 'ab' > /tmp/h; chmod 755 /tmp/h");
    const lines = run(world, 'stat /tmp/h').stdout.split('\n');
    expect(lines[0]).toBe('  File: /tmp/h');
    expect(lines[1]).toBe('  Size: 2         \tBlocks: 8          IO Block: 4096   regular file');
    expect(lines[2]).toMatch(/^Device: 254,0\tInode: \d+ +Links: 1$/);
    expect(lines[3]).toBe('Access: (0755/-rwxr-xr-x)  Uid: (    0/    root)   Gid: (    0/    root)');
    expect(lines[4]).toMatch(/^Access: \d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{9} \+0000$/);
    expect(lines[7]).toMatch(/^ Birth: /);
  });

  test('does not follow a symlink unless -L', () => {
    const world = makeWorld();
    run(world, 'ln -s /etc/hostname /tmp/s');
    expect(run(world, 'stat /tmp/s').stdout.split('\n').slice(0, 2)).toEqual(['  File: /tmp/s -> /etc/hostname', '  Size: 13        \tBlocks: 0          IO Block: 4096   symbolic link']);
    expect(run(world, 'stat -L -c %F /tmp/s').stdout).toBe('regular file\n');
  });

  test('formats with -c and --printf', () => {
    const world = makeWorld();
    run(world, 'mkdir /tmp/d; ln -s /tmp/d /tmp/s');
    expect(run(world, "stat -c '%n|%a|%A|%U|%G|%u|%g|%F|%h|%%' /tmp/d").stdout).toBe('/tmp/d|755|drwxr-xr-x|root|root|0|0|directory|2|%\n');
    expect(run(world, 'stat -c %N /tmp/s').stdout).toBe("'/tmp/s' -> '/tmp/d'\n");
    expect(run(world, "stat --printf '%s\\n' /etc/hostname").stdout).toBe('7\n');
  });

  test('reports a missing file and a missing operand', () => {
    const world = makeWorld();
    expect(run(world, 'stat /nope')).toEqual({ stdout: '', stderr: "stat: cannot statx '/nope': No such file or directory\n", exitCode: 1 });
    expect(run(world, 'stat').stderr).toBe("stat: missing operand\nTry 'stat --help' for more information.\n");
    expect(invoke(world, statCommand, ['stat', '/nope'], { flavour: 'busybox' }).stderr).toBe("stat: can't stat '/nope': No such file or directory\n");
  });
});
