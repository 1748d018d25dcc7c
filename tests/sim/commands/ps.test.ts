import { describe, expect, test } from 'vitest';
import { DENY_WRITE } from './profiles.ts';
import { loadProfile, makeWorld, run } from './world.ts';

describe('ps', () => {
  test('lists the terminal\'s processes by default', () => {
    const lines = run(makeWorld(), 'ps').stdout.split('\n');
    expect(lines[0]).toBe('    PID TTY          TIME CMD');
    expect(lines[1]).toMatch(/^ +\d+ pts\/0    00:00:00 bash$/);
    expect(lines[2]).toMatch(/^ +\d+ pts\/0    00:00:00 ps$/);
  });

  test('lists every process with -ef and aux', () => {
    const world = makeWorld();
    const ef = run(world, 'ps -ef').stdout.split('\n');
    expect(ef[0]).toBe('UID          PID    PPID  C STIME TTY          TIME CMD');
    expect(ef[1]).toMatch(/^root           1       0  0 \d\d:\d\d \?        00:00:00 \/sbin\/init$/);
    const aux = run(world, 'ps aux').stdout.split('\n');
    expect(aux[0]).toBe('USER         PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND');
    expect(aux[1]).toMatch(/^root           1  0\.0  0\.1 +\d+ +\d+ \?        Ss   \d\d:\d\d   0:00 \/sbin\/init$/);
  });

  test('shows each task\'s AppArmor label with Z', () => {
    const world = makeWorld();
    loadProfile(world, DENY_WRITE);
    const lines = run(world, 'aa-exec -p k8s-apparmor-example-deny-write -- ps auxZ').stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^LABEL {27}USER {9}PID/);
    expect(lines[1]).toMatch(/^unconfined {22}root /);
    expect(lines[lines.length - 1]).toMatch(/^k8s-apparmor-example-deny-write \(enforce\) root .* ps auxZ$/);
    expect(run(world, 'ps -eZ').stdout.split('\n')[0]).toBe('LABEL                               PID TTY          TIME CMD');
  });

  test('rejects unknown options as procps does', () => {
    expect(run(makeWorld(), 'ps -q')).toMatchObject({ stderr: expect.stringMatching(/^error: unsupported SysV option\n\nUsage:\n ps \[options\]\n/), exitCode: 1 });
  });

  // checked against procps-ng 4.0.2 on Debian 12 (its PID columns are 5 wide there; pid_max makes them 7 here)
  test('prints the -o columns with their headers, renamed ones, and no header line when every header is empty', () => {
    const world = makeWorld();
    expect(run(world, 'ps -p 1 -o pid,user,comm').stdout).toBe('    PID USER     COMMAND\n      1 root     systemd\n');
    expect(run(world, 'ps -o pid=X,comm -p 1').stdout).toBe('      X COMMAND\n      1 systemd\n');
    expect(run(world, 'ps -p 1 -o pid=,comm=').stdout).toBe('      1 systemd\n');
  });

  test('exits 1 when -p selects no process, and names a missing or bad -p and -o argument', () => {
    const world = makeWorld();
    expect(run(world, 'ps -p 999')).toMatchObject({ stdout: '    PID TTY          TIME CMD\n', exitCode: 1 });
    expect(run(world, 'ps -p').stderr).toMatch(/^error: list of process IDs must follow -p\n/);
    expect(run(world, 'ps -p x').stderr).toMatch(/^error: process ID list syntax error\n/);
    expect(run(world, 'ps -o').stderr).toMatch(/^error: format specification must follow -o\n/);
    expect(run(world, 'ps -o foo').stderr).toMatch(/^error: unknown user-defined format specifier "foo"\n/);
  });
});
