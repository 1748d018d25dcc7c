import { describe, expect, test } from 'vitest';
import { chownCommand } from '../../../src/sim/shell/commands/chown.ts';
import { cpCommand } from '../../../src/sim/shell/commands/cp.ts';
import { envCommand } from '../../../src/sim/shell/commands/env.ts';
import { headCommand } from '../../../src/sim/shell/commands/head.ts';
import { idCommand } from '../../../src/sim/shell/commands/id.ts';
import { mvCommand } from '../../../src/sim/shell/commands/mv.ts';
import { pingCommand } from '../../../src/sim/shell/commands/ping.ts';
import { printfCommand } from '../../../src/sim/shell/commands/printf.ts';
import { psCommand } from '../../../src/sim/shell/commands/ps.ts';
import { sleepCommand } from '../../../src/sim/shell/commands/sleep.ts';
import { touchCommand } from '../../../src/sim/shell/commands/touch.ts';
import { wgetCommand } from '../../../src/sim/shell/commands/wget.ts';
import { BUSYBOX_BANNER } from '../../../src/sim/shell/commands/support/output.ts';
import { invoke, makeWorld } from './world.ts';

// Wording checked against busybox 1.35 (Debian) run on the same arguments.
describe('busybox wording', () => {
  const world = makeWorld();
  const bb = (spec: Parameters<typeof invoke>[1], argv: string[]) => invoke(world, spec, argv, { flavour: 'busybox' });

  test('words file errors as busybox applets do', () => {
    expect(bb(cpCommand, ['cp', '/nope', '/tmp/x']).stderr).toBe("cp: can't stat '/nope': No such file or directory\n");
    expect(bb(cpCommand, ['cp', '/tmp', '/tmp/y']).stderr).toBe("cp: omitting directory '/tmp'\n");
    expect(bb(mvCommand, ['mv', '/nope', '/tmp/x']).stderr).toBe("mv: can't rename '/nope': No such file or directory\n");
    expect(bb(chownCommand, ['chown', 'root', '/nope']).stderr).toBe('chown: /nope: No such file or directory\n');
  });

  test('words bad numbers, unknown users and missing programs as busybox does', () => {
    expect(bb(idCommand, ['id', 'nosuch'])).toEqual({ stdout: '', stderr: 'id: unknown user nosuch\n', exitCode: 1 });
    expect(bb(headCommand, ['head', '-n', 'x']).stderr).toBe("head: invalid number 'x'\n");
    expect(bb(sleepCommand, ['sleep', 'x']).stderr).toBe("sleep: invalid number 'x'\n");
    expect(bb(printfCommand, ['printf', '%d', 'abc'])).toEqual({ stdout: '0', stderr: "printf: invalid number 'abc'\n", exitCode: 1 });
    expect(bb(envCommand, ['env', 'nosuch'])).toEqual({ stdout: '', stderr: "env: can't execute 'nosuch': No such file or directory\n", exitCode: 127 });
  });

  test('usage errors print the banner and the usage instead of the GNU hint', () => {
    expect(bb(touchCommand, ['touch'])).toEqual({ stdout: '', stderr: `${BUSYBOX_BANNER}\n\nUsage: touch [-cham] [-d DATE] [-t DATE] [-r FILE] FILE...\n`, exitCode: 1 });
    expect(bb(touchCommand, ['touch', '-z', 'x']).stderr).toBe(`touch: invalid option -- 'z'\n${BUSYBOX_BANNER}\n\nUsage: touch [-cham] [-d DATE] [-t DATE] [-r FILE] FILE...\n`);
  });

  test('ps lists every process as PID USER COMMAND', () => {
    const lines = bb(psCommand, ['ps']).stdout.split('\n');
    expect(lines[0]).toBe('PID   USER     COMMAND');
    expect(lines[1]).toBe('    1 root     /sbin/init');
  });
});

describe('busybox networking', () => {
  test('wget saves with the star bar, refuses to overwrite and reports failures with status 1', () => {
    const world = makeWorld();
    const fetch = (argv: string[]) => invoke(world, wgetCommand, argv, { flavour: 'busybox', cwd: '/tmp' });
    expect(fetch(['wget', 'http://example.com'])).toEqual({
      stdout: '',
      stderr: "Connecting to example.com (10.0.0.10:80)\nsaving to 'index.html'\nindex.html           100% |********************************|   615  0:00:00 ETA\n'index.html' saved\n",
      exitCode: 0,
    });
    expect(fetch(['wget', 'http://example.com'])).toEqual({ stdout: '', stderr: "Connecting to example.com (10.0.0.10:80)\nwget: can't open 'index.html': File exists\n", exitCode: 1 });
    expect(fetch(['wget', '-O', '-', 'http://example.com']).stderr).toBe('Connecting to example.com (10.0.0.10:80)\nwriting to stdout\n-                    100% |********************************|   615  0:00:00 ETA\nwritten to stdout\n');
    expect(fetch(['wget', 'http://127.0.0.1:1/']).stderr).toBe("Connecting to 127.0.0.1:1 (127.0.0.1:1)\nwget: can't connect to remote host (127.0.0.1): Connection refused\n");
    expect(fetch(['wget', 'http://nosuch.invalid/'])).toEqual({ stdout: '', stderr: "wget: bad address 'nosuch.invalid'\n", exitCode: 1 });
    expect(fetch(['wget', '-q', 'http://example.com/nope'])).toEqual({ stdout: '', stderr: 'wget: server returned error: HTTP/1.1 404 Not Found\n', exitCode: 1 });
  });

  test('ping prints busybox\'s replies and summary', () => {
    expect(invoke(makeWorld(), pingCommand, ['ping', '-c', '1', '127.0.0.1'], { flavour: 'busybox' })).toEqual({
      stdout: 'PING 127.0.0.1 (127.0.0.1): 56 data bytes\n64 bytes from 127.0.0.1: seq=0 ttl=64 time=0.031 ms\n\n--- 127.0.0.1 ping statistics ---\n'
        + '1 packets transmitted, 1 packets received, 0% packet loss\nround-trip min/avg/max = 0.031/0.031/0.031 ms\n',
      stderr: '', exitCode: 0,
    });
  });
});
