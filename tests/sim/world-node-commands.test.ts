// The node-level commands: dmesg, journalctl -k, sudo, su and help, on a fresh world.
import { describe, expect, it } from 'vitest';
import { createWorld, DENY_WRITE_PATH } from '../../src/sim/index.ts';

function loadedWorld(): ReturnType<typeof createWorld> {
  const world = createWorld();
  world.run(`apparmor_parser ${DENY_WRITE_PATH}`);
  world.run('aa-exec -p nope -- true');
  return world;
}

describe('dmesg', () => {
  it('prints each record with an uptime stamp and an audit(epoch:serial) stamp', () => {
    const lines = loadedWorld().run('dmesg').stdout.split('\n').filter(Boolean);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^\[ *\d+\.\d{6}\] audit: type=1400 audit\(\d{10}\.\d{3}:184\): apparmor="STATUS" operation="profile_load"/);
    expect(lines[1]).toMatch(/audit\(\d{10}\.\d{3}:185\): apparmor="DENIED" operation="change_onexec" info="label not found"/);
  });

  it('prints wall-clock stamps with -T and none with -t', () => {
    const world = loadedWorld();
    expect(world.run('dmesg -T').stdout).toMatch(/^\[Sun Nov 23 08:\d\d:\d\d 2025\] audit: type=1400 /);
    expect(world.run('dmesg -t').stdout).toMatch(/^audit: type=1400 audit\(/);
  });

  it('sees the denials of its own pipeline', () => {
    const world = createWorld();
    expect(world.run('aa-exec -p nope -- true; dmesg | grep -c label').stdout).toBe('1\n');
  });

  it('clears the ring buffer with -C, and prints then clears with -c, while the journal keeps everything', () => {
    const world = loadedWorld();
    expect(world.run('dmesg -c').stdout.split('\n').filter(Boolean)).toHaveLength(2);
    expect(world.run('dmesg').stdout).toBe('');
    world.run('aa-exec -p nope -- true');
    expect(world.run('dmesg -C')).toMatchObject({ stdout: '', exitCode: 0 });
    expect(world.run('dmesg').stdout).toBe('');
    expect(world.run('journalctl -k').stdout.split('\n').filter(Boolean)).toHaveLength(3);
    expect(createWorld({ user: 'user' }).run('dmesg -C')).toMatchObject({ stderr: 'dmesg: clear kernel buffer failed: Operation not permitted\n', exitCode: 1 });
  });

  it('is restricted to root, as Debian sets dmesg_restrict', () => {
    expect(createWorld({ user: 'user' }).run('dmesg')).toMatchObject({
      stdout: '', stderr: 'dmesg: read kernel buffer failed: Operation not permitted\n', exitCode: 1,
    });
  });

  it('rejects options it does not know', () => {
    expect(createWorld().run('dmesg --bogus')).toMatchObject({ stderr: "dmesg: unrecognized option '--bogus'\nTry 'dmesg --help' for more information.\n", exitCode: 1 });
  });
});

describe('journalctl', () => {
  it('shows kernel records with syslog stamps and the hostname', () => {
    const lines = loadedWorld().run('journalctl -k').stdout.split('\n').filter(Boolean);
    expect(lines[0]).toMatch(/^Nov 23 08:\d\d:\d\d node01 kernel: audit: type=1400 audit\(\d{10}\.\d{3}:184\): apparmor="STATUS"/);
    expect(lines).toHaveLength(2);
  });

  it('filters with -g and limits with -n', () => {
    const world = loadedWorld();
    expect(world.run('journalctl -k -g DENIED').stdout.split('\n').filter(Boolean)).toHaveLength(1);
    expect(world.run('journalctl -k -n 1').stdout).toContain('change_onexec');
    expect(world.run('journalctl -k -g nothing-matches').stdout).toBe('-- No entries --\n');
  });

  it('hides the system journal from users outside adm and systemd-journal', () => {
    expect(createWorld({ user: 'user' }).run('journalctl -k')).toMatchObject({
      stdout: '-- No entries --\n', stderr: expect.stringMatching(/^Hint: You are currently not seeing messages from other users and the system\.\n/),
    });
  });
});

describe('sudo and su', () => {
  it('runs a command as root with sudo, and as another user with -u', () => {
    const world = createWorld({ user: 'user' });
    expect(world.run('sudo whoami').stdout).toBe('root\n');
    expect(world.run('sudo -u user whoami').stdout).toBe('user\n');
    expect(world.run('sudo -u nobody whoami')).toMatchObject({ exitCode: 1, stderr: expect.stringMatching(/^sudo: unknown user nobody\n/) });
    expect(world.run('sudo nosuch')).toMatchObject({ stderr: 'sudo: nosuch: command not found\n', exitCode: 1 });
  });

  it('runs a shell script as root with sudo sh -c', () => {
    const world = createWorld({ user: 'user' });
    expect(world.run("sudo sh -c 'echo hi > /root/f; cat /root/f'").stdout).toBe('hi\n');
    expect(world.node.kernel.fs.get('/root/f')?.uid).toBe(0);
  });

  it('opens a root shell with sudo -i until exit', () => {
    const world = createWorld({ user: 'user' });
    world.run('sudo -i');
    expect(world.prompt()).toBe('root@node01:~# ');
    world.run('exit');
    expect(world.prompt()).toBe('user@node01:~$ ');
  });

  it('lets root become anyone and refuses others without a password', () => {
    const world = createWorld();
    expect(world.run('su -c whoami user').stdout).toBe('user\n');
    world.run('su user');
    expect(world.run('su -')).toMatchObject({ stderr: 'Password: \nsu: Authentication failure\n', exitCode: 1 });
    expect(world.run('su nosuch').stderr).toBe('su: user nosuch does not exist or the user entry does not contain all the required fields\n');
  });
});

describe('help', () => {
  it('describes one command from its spec, and says when there is none', () => {
    const world = createWorld();
    expect(world.run('help aa-exec').stdout).toMatch(/^Usage: aa-exec \[OPTIONS\] <prog> <args>\nConfine a program with the specified AppArmor profile\n\n {2}-p, --profile/);
    expect(world.run('help nosuch')).toMatchObject({ exitCode: 1, stderr: "bash: help: no help topics match `nosuch'.  Try `help help' or `man -k nosuch' or `info nosuch'.\n" });
  });
});
