import { describe, expect, test } from 'vitest';
import { CLEAR_SEQUENCE } from '../../../src/sim/shell/commands/clear.ts';
import { makeWorld, run } from './world.ts';

describe('uname, hostname, pwd, which, clear, true, false, sleep', () => {
  test('uname prints the kernel facts in GNU order', () => {
    const world = makeWorld();
    expect(run(world, 'uname').stdout).toBe('Linux\n');
    expect(run(world, 'uname -a').stdout).toBe('Linux node01 6.1.0-28-amd64 #1 SMP PREEMPT_DYNAMIC Debian 6.1.119-1 (2024-11-22) x86_64 GNU/Linux\n');
    expect(run(world, 'uname -rn').stdout).toBe('node01 6.1.0-28-amd64\n');
    expect(run(world, 'uname x')).toEqual({ stdout: '', stderr: "uname: extra operand 'x'\nTry 'uname --help' for more information.\n", exitCode: 1 });
  });

  test('hostname prints the node name and refuses a normal user changing it', () => {
    expect(run(makeWorld(), 'hostname')).toEqual({ stdout: 'node01\n', stderr: '', exitCode: 0 });
    expect(run(makeWorld('user'), 'hostname other')).toEqual({ stdout: '', stderr: 'hostname: you must be root to change the host name\n', exitCode: 1 });
    expect(run(makeWorld(), 'hostname -z')).toMatchObject({ stderr: "hostname: invalid option -- 'z'\n", exitCode: 255 });
    expect(run(makeWorld(), 'hostname -z').stdout).toMatch(/^Usage: hostname .*\n(.*\n)+   part of the FQDN\) in the \/etc\/hosts file\.\n$/);
  });

  test('pwd prints the physical working directory and ignores operands with a warning', () => {
    const world = makeWorld();
    expect(run(world, 'cd /tmp && /bin/pwd')).toEqual({ stdout: '/tmp\n', stderr: '', exitCode: 0 });
    expect(run(world, '/bin/pwd x')).toEqual({ stdout: '/tmp\n', stderr: '/bin/pwd: ignoring non-option arguments\n', exitCode: 0 });
    expect(run(world, '/bin/pwd -z').stderr).toBe("/bin/pwd: invalid option -- 'z'\nTry '/bin/pwd --help' for more information.\n");
  });

  test('which finds programs in PATH silently failing on missing ones', () => {
    const world = makeWorld();
    expect(run(world, 'which ls nosuch')).toEqual({ stdout: '/usr/bin/ls\n', stderr: '', exitCode: 1 });
    expect(run(world, 'which -a ls').stdout).toContain('/usr/bin/ls\n');
  });

  test('clear prints the terminal reset, true and false only set the status', () => {
    const world = makeWorld();
    expect(run(world, 'clear')).toEqual({ stdout: CLEAR_SEQUENCE, stderr: '', exitCode: 0 });
    expect(run(world, '/bin/true --version x')).toEqual({ stdout: '', stderr: '', exitCode: 0 });
    expect(run(world, '/bin/false')).toEqual({ stdout: '', stderr: '', exitCode: 1 });
    expect(run(world, '/bin/false --help').exitCode).toBe(1);
  });

  test('sleep validates its intervals', () => {
    const world = makeWorld();
    expect(run(world, 'sleep 0.5 1m')).toEqual({ stdout: '', stderr: '', exitCode: 0 });
    expect(run(world, 'sleep 1x')).toEqual({ stdout: '', stderr: "sleep: invalid time interval '1x'\nTry 'sleep --help' for more information.\n", exitCode: 1 });
    expect(run(world, 'sleep')).toEqual({ stdout: '', stderr: "sleep: missing operand\nTry 'sleep --help' for more information.\n", exitCode: 1 });
  });
});

describe('--version', () => {
  test('coreutils programs print their version banner and authors', () => {
    const world = makeWorld();
    expect(run(world, 'ls --version')).toEqual({
      stdout: 'ls (GNU coreutils) 9.1\nCopyright (C) 2022 Free Software Foundation, Inc.\nLicense GPLv3+: GNU GPL version 3 or later <https://gnu.org/licenses/gpl.html>.\n'
        + 'This is free software: you are free to change and redistribute it.\nThere is NO WARRANTY, to the extent permitted by law.\n\nWritten by Richard M. Stallman and David MacKenzie.\n',
      stderr: '', exitCode: 0,
    });
    expect(run(world, '/bin/rm --vers').stdout).toMatch(/^rm \(GNU coreutils\) 9\.1\n[^]*Written by Paul Rubin, David MacKenzie, Richard M\. Stallman,\nand Jim Meyering\.\n$/);
    expect(run(world, '/bin/echo --version').stdout).toMatch(/^echo \(GNU coreutils\) 9\.1\n/);
    expect(run(world, '/bin/false --version')).toMatchObject({ stdout: expect.stringMatching(/^false \(GNU coreutils\) 9\.1\n/), exitCode: 1 });
    expect(run(world, 'mkdir --ver').stderr).toBe("mkdir: option '--ver' is ambiguous; possibilities: '--verbose' '--version'\nTry 'mkdir --help' for more information.\n");
  });
});
