import { describe, expect, test } from 'vitest';
import { lsCommand } from '../../../src/sim/shell/commands/ls.ts';
import { invoke, loadProfile, makeWorld, run } from './world.ts';

const DENY_WRITE = `#include <tunables/global>
profile k8s-apparmor-example-deny-write flags=(attach_disconnected) {
  #include <abstractions/base>
  file,
  deny /** w,
}`;

const NO_TMP_READ = `#include <tunables/global>
profile no-tmp-read {
  #include <abstractions/base>
  /usr/bin/** rix,
  /etc/** r,
}`;

function worldWithTree() {
  const world = makeWorld();
  run(world, 'mkdir -p /tmp/d/sub && echo hello > /tmp/d/f && ln -s f /tmp/d/lnk && touch /tmp/d/.hid && chmod 755 /tmp/d/f');
  return world;
}

describe('ls', () => {
  test('lists a directory one name per line in C-locale byte order', () => {
    const world = worldWithTree();
    run(world, 'touch /tmp/d/B /tmp/d/a');
    expect(run(world, 'ls /tmp/d')).toEqual({ stdout: 'B\na\nf\nlnk\nsub\n', stderr: '', exitCode: 0 });
  });

  test('shows dotfiles with -a (including . and ..) and without the implied entries with -A', () => {
    const world = worldWithTree();
    expect(run(world, 'ls -a /tmp/d').stdout).toBe('.\n..\n.hid\nf\nlnk\nsub\n');
    expect(run(world, 'ls -A /tmp/d').stdout).toBe('.hid\nf\nlnk\nsub\n');
  });

  test('prints the long format with a total, aligned columns and the symlink target', () => {
    const world = worldWithTree();
    const lines = run(world, 'ls -l /tmp/d').stdout.split('\n');
    expect(lines[0]).toBe('total 8');
    expect(lines[1]).toMatch(/^-rwxr-xr-x 1 root root    6 \w{3} [ \d]\d \d\d:\d\d f$/);
    expect(lines[2]).toMatch(/^lrwxrwxrwx 1 root root    1 .* lnk -> f$/);
    expect(lines[3]).toMatch(/^drwxr-xr-x 2 root root 4096 .* sub$/);
  });

  test('prints numeric ids with -n and human sizes with -h', () => {
    const world = worldWithTree();
    expect(run(world, 'ls -n /tmp/d/f').stdout).toMatch(/^-rwxr-xr-x 1 0 0 6 .* \/tmp\/d\/f\n$/);
    expect(run(world, 'ls -lh /tmp/d').stdout).toMatch(/drwxr-xr-x 2 root root 4.0K .* sub\n/);
  });

  test('lists a directory itself with -d and classifies entries with -F', () => {
    const world = worldWithTree();
    expect(run(world, 'ls -ld /tmp/d').stdout).toMatch(/^drwxr-xr-x 3 root root 4096 .* \/tmp\/d\n$/);
    expect(run(world, 'ls -F /tmp/d').stdout).toBe('f*\nlnk@\nsub/\n');
  });

  test('recurses with -R, printing a header per directory', () => {
    const world = worldWithTree();
    expect(run(world, 'ls -R /tmp/d').stdout).toBe('/tmp/d:\nf\nlnk\nsub\n\n/tmp/d/sub:\n');
  });

  test('prints files before directories and headers when given several operands', () => {
    const world = worldWithTree();
    expect(run(world, 'ls /tmp/d/f /tmp/d /tmp/d/sub').stdout).toBe('/tmp/d/f\n\n/tmp/d:\nf\nlnk\nsub\n\n/tmp/d/sub:\n');
  });

  test('shows the security context column as ? with -Z', () => {
    const world = worldWithTree();
    expect(run(world, 'ls -Z /tmp/d').stdout).toBe('? f\n? lnk\n? sub\n');
  });

  test('reports a missing operand with exit status 2 and still lists the others', () => {
    const world = worldWithTree();
    expect(run(world, 'ls /nope /tmp/d/sub')).toEqual({
      stdout: '/tmp/d/sub:\n', stderr: "ls: cannot access '/nope': No such file or directory\n", exitCode: 2,
    });
  });

  test('rejects unknown options with the GNU wording and exit status 2', () => {
    const world = makeWorld();
    expect(run(world, 'ls -z')).toEqual({ stdout: '', stderr: "ls: invalid option -- 'z'\nTry 'ls --help' for more information.\n", exitCode: 2 });
    expect(run(world, 'ls --zz')).toEqual({ stdout: '', stderr: "ls: unrecognized option '--zz'\nTry 'ls --help' for more information.\n", exitCode: 2 });
    expect(run(world, 'ls --a').stderr).toBe("ls: option '--a' is ambiguous; possibilities: '--all' '--almost-all' '--author'\nTry 'ls --help' for more information.\n");
  });

  test('names the program as it was invoked', () => {
    const world = makeWorld();
    expect(run(world, '/bin/ls /nope').stderr).toBe("/bin/ls: cannot access '/nope': No such file or directory\n");
  });

  test('still lists under the deny-write profile, which only refuses writes', () => {
    const world = worldWithTree();
    expect(loadProfile(world, DENY_WRITE).exitCode).toBe(0);
    expect(run(world, 'aa-exec -p k8s-apparmor-example-deny-write -- ls /tmp/d')).toEqual({ stdout: 'f\nlnk\nsub\n', stderr: '', exitCode: 0 });
  });

  test('cannot open a directory the profile gives no read access to', () => {
    const world = worldWithTree();
    expect(loadProfile(world, NO_TMP_READ).exitCode).toBe(0);
    expect(run(world, 'aa-exec -p no-tmp-read -- ls /tmp/d')).toEqual({
      stdout: '', stderr: "ls: cannot open directory '/tmp/d': Permission denied\n", exitCode: 2,
    });
  });

  test('uses busybox wording for a missing file in the busybox flavour', () => {
    expect(invoke(makeWorld(), lsCommand, ['ls', '/nope'], { flavour: 'busybox' })).toEqual({ stdout: '', stderr: 'ls: /nope: No such file or directory\n', exitCode: 1 });
  });
});

describe('ls in the busybox flavour', () => {
  test('prints the long format in busybox\'s fixed columns', () => {
    const world = worldWithTree();
    const lines = invoke(world, lsCommand, ['ls', '-l', '/tmp/d'], { flavour: 'busybox' }).stdout.split('\n');
    expect(lines[0]).toBe('total 8');
    expect(lines[1]).toMatch(/^-rwxr-xr-x    1 root     root             6 \w{3} [ \d]\d \d\d:\d\d f$/);
    expect(lines[3]).toMatch(/^drwxr-xr-x    2 root     root          4096 .* sub$/);
    expect(invoke(world, lsCommand, ['ls', '-ln', '/tmp/d/f'], { flavour: 'busybox' }).stdout).toMatch(/^-rwxr-xr-x    1 0        0                6 .* \/tmp\/d\/f\n$/);
  });
});

describe('ls and command-line symlinks', () => {
  test('lists a symlinked directory, but shows the link itself with -l and -F', () => {
    const world = makeWorld();
    run(world, 'mkdir /tmp/real && touch /tmp/real/x && ln -s real /tmp/link');
    expect(run(world, 'ls /tmp/link').stdout).toBe('x\n');
    expect(run(world, 'ls -l /tmp/link').stdout).toMatch(/^lrwxrwxrwx 1 root root 4 .* \/tmp\/link -> real\n$/);
    expect(run(world, 'ls -F /tmp/link').stdout).toBe('/tmp/link@\n');
    expect(run(world, 'ls -l /tmp/link/').stdout).toMatch(/^total 0\n-rw-r--r-- 1 root root 0 .* x\n$/);
  });
});

describe('ls and /proc', () => {
  test('shows /proc/self pointing at the caller\'s own pid', () => {
    const line = run(makeWorld(), 'ls -l /proc/self').stdout;
    const pid = /-> (\d+)\n$/.exec(line)?.[1];
    expect(line).toMatch(/^lrwxrwxrwx 1 root root \d+ .* \/proc\/self -> \d+\n$/);
    expect(Number(pid)).toBeGreaterThan(1);
  });
});
