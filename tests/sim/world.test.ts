// The world: layout of the node, determinism, sessions (su/exit), snapshots, completion and help.
import { describe, expect, it } from 'vitest';
import { createNodeRegistry, createWorld, DENY_WRITE_PROFILE } from '../../src/sim/index.ts';

const LOAD = `apparmor_parser -q <<EOF\n${DENY_WRITE_PROFILE}EOF`;

function out(world: ReturnType<typeof createWorld>, line: string): string {
  const result = world.run(line);
  return result.stdout + result.stderr;
}

describe('createWorld', () => {
  it('boots a Debian node with root logged in on node01', () => {
    const world = createWorld();
    expect(world.prompt()).toBe('root@node01:~# ');
    expect(out(world, 'cat /etc/hostname')).toBe('node01\n');
    expect(out(world, 'grep VERSION_CODENAME /etc/os-release')).toBe('VERSION_CODENAME=bookworm\n');
    expect(out(world, 'cat /sys/module/apparmor/parameters/enabled')).toBe('Y\n');
  });

  it('lays out merged /usr with /bin/sh as dash and the AppArmor tools in /usr/sbin', () => {
    const fs = createWorld().node.kernel.fs;
    expect(fs.lookup('/bin/sh').path).toBe('/usr/bin/dash');
    expect(fs.lookup('/sbin/apparmor_parser').path).toBe('/usr/sbin/apparmor_parser');
    expect(fs.lookup('/usr/sbin/apparmor_status').path).toBe('/usr/sbin/aa-status');
    expect(fs.lookup('/usr/bin/touch').ok).toBe(true);
    expect((fs.get('/usr/bin/sudo')?.mode ?? 0) & 0o4000).toBe(0o4000);
  });

  it('has the tutorial profile ready in /etc/apparmor.d but not loaded', () => {
    const world = createWorld();
    expect(out(world, 'cat /etc/apparmor.d/k8s-apparmor-example-deny-write')).toBe(DENY_WRITE_PROFILE);
    expect(out(world, 'cat /sys/kernel/security/apparmor/profiles')).toBe('');
    expect(out(world, 'ls /etc/apparmor.d/abstractions/base')).toBe('/etc/apparmor.d/abstractions/base\n');
  });

  it('gives the same output for the same lines (deterministic clock and pids)', () => {
    const lines = [LOAD, 'aa-exec -p nope -- true', 'dmesg'];
    const run = (): string => {
      const world = createWorld();
      return lines.map((line) => out(world, line)).join('');
    };
    expect(run()).toBe(run());
    expect(run()).toMatch(/^\[ *\d+\.\d{6}\] audit: type=1400 audit\(\d{10}\.\d{3}:184\): apparmor="STATUS"/m);
  });

  it('advances dmesg timestamps between commands', () => {
    const world = createWorld();
    world.run(LOAD);
    world.run('apparmor_parser -r /etc/apparmor.d/k8s-apparmor-example-deny-write');
    const stamps = out(world, 'dmesg').split('\n').filter(Boolean).map((line) => Number(/^\[\s*([\d.]+)\]/.exec(line)?.[1]));
    expect(stamps).toHaveLength(2);
    expect((stamps[1] ?? 0) - (stamps[0] ?? 0)).toBeGreaterThan(1);
  });

  it('shows a confined process in /proc/PID/attr/current and lists the profile live', () => {
    const world = createWorld();
    world.run(LOAD);
    expect(out(world, 'cat /sys/kernel/security/apparmor/profiles')).toBe('k8s-apparmor-example-deny-write (enforce)\n');
    expect(out(world, 'aa-exec -p k8s-apparmor-example-deny-write -- cat /proc/self/attr/current')).toBe('k8s-apparmor-example-deny-write (enforce)\n');
    expect(out(world, 'cat /proc/self/attr/current')).toBe('unconfined\n');
  });

  it('denies the write quietly and lets reads through under the deny-write profile', () => {
    const world = createWorld();
    world.run(LOAD);
    const denied = world.run('aa-exec -p k8s-apparmor-example-deny-write -- touch /tmp/test');
    expect(denied).toMatchObject({ stdout: '', stderr: "touch: cannot touch '/tmp/test': Permission denied\n", exitCode: 1 });
    expect(out(world, 'aa-exec -p k8s-apparmor-example-deny-write -- cat /etc/hostname')).toBe('node01\n');
    expect(out(world, 'dmesg')).not.toContain('DENIED');
  });

  it('logs ALLOWED in complain mode while the explicit deny still denies', () => {
    const world = createWorld();
    world.run(LOAD);
    world.run('echo secret > /tmp/secret; chmod 000 /tmp/secret');
    expect(world.run('aa-exec -p k8s-apparmor-example-deny-write -- cat /tmp/secret').exitCode).toBe(1);
    world.run('aa-complain k8s-apparmor-example-deny-write');
    expect(out(world, 'aa-exec -p k8s-apparmor-example-deny-write -- cat /tmp/secret')).toBe('secret\n');
    expect(out(world, 'dmesg')).toMatch(/apparmor="ALLOWED" operation="capable" profile="k8s-apparmor-example-deny-write" .* capname="dac_read_search"/);
    expect(world.run('aa-exec -p k8s-apparmor-example-deny-write -- touch /tmp/test').exitCode).toBe(1);
  });

  it('switches users with su - and returns with exit', () => {
    const world = createWorld();
    world.run('su - user');
    expect(world.prompt()).toBe('user@node01:~$ ');
    expect(out(world, 'whoami')).toBe('user\n');
    world.run('exit');
    expect(world.prompt()).toBe('root@node01:~# ');
    expect(world.hasExited).toBe(false);
    world.run('exit');
    expect(world.hasExited).toBe(true);
  });

  it('keeps the confinement of a shell started under aa-exec until it exits', () => {
    const world = createWorld();
    world.run(LOAD);
    world.run('aa-exec -p k8s-apparmor-example-deny-write -- bash');
    expect(out(world, 'cat /proc/self/attr/current')).toBe('k8s-apparmor-example-deny-write (enforce)\n');
    expect(out(world, 'echo x > /tmp/x')).toBe('bash: /tmp/x: Permission denied\n');
    world.run('exit');
    expect(out(world, 'cat /proc/self/attr/current')).toBe('unconfined\n');
  });

  it('starts as another user when asked', () => {
    const world = createWorld({ user: 'user' });
    expect(world.prompt()).toBe('user@node01:~$ ');
    expect(out(world, 'sudo whoami')).toBe('root\n');
  });

  it('reports an unknown command as bash does', () => {
    expect(createWorld().run('foo')).toMatchObject({ stdout: '', stderr: 'bash: foo: command not found\n', exitCode: 127 });
  });

  it('restores a snapshot with files, loaded policy, log and sessions', () => {
    const world = createWorld();
    world.run(LOAD);
    world.run('echo hello > /tmp/note');
    world.run('aa-exec -p nope -- true');
    world.run('dmesg -C; aa-exec -p gone -- true');
    world.run('su - user');
    const snapshot = JSON.parse(JSON.stringify(world.snapshot())) as ReturnType<typeof world.snapshot>;
    const restored = createWorld({ snapshot });
    expect(restored.prompt()).toBe('user@node01:~$ ');
    expect(out(restored, 'cat /tmp/note')).toBe('hello\n');
    restored.run('exit');
    expect(out(restored, 'cat /sys/kernel/security/apparmor/profiles')).toBe('k8s-apparmor-example-deny-write (enforce)\n');
    world.run('exit');
    expect(out(restored, 'dmesg')).toBe(out(world, 'dmesg'));
    expect(out(restored, 'aa-exec -p k8s-apparmor-example-deny-write -- touch /tmp/x')).toBe("touch: cannot touch '/tmp/x': Permission denied\n");
  });

  it('starts fresh from a damaged or foreign snapshot', () => {
    for (const snapshot of [null, {}, { version: 2 }, { ...createWorld().snapshot(), files: 'x' }, { ...createWorld().snapshot(), sessions: [] }, { ...createWorld().snapshot(), policy: [{ op: 'load', text: 7 }] }]) {
      const world = createWorld({ snapshot: snapshot as never });
      expect(world.prompt()).toBe('root@node01:~# ');
      expect(world.run('aa-enabled').stdout).toBe('Yes\n');
    }
  });

  it('completes command names, options and paths', () => {
    const world = createWorld();
    expect(world.completeCommand('apparmor_p', 10).candidates).toEqual(['apparmor_parser']);
    expect(world.complete('aa-st', 5).candidates).toEqual(['aa-status']);
    expect(world.complete('aa-exec --pro', 13).candidates).toEqual(['--profile']);
    expect(world.complete('cat /etc/apparmor.d/k8', 22)).toEqual({
      candidates: ['/etc/apparmor.d/k8s-apparmor-example-deny-write'], start: 4, word: '/etc/apparmor.d/k8',
    });
    expect(world.complete('ls /etc/apparmor.d/abs', 22).candidates).toEqual(['/etc/apparmor.d/abstractions/']);
  });

  it('derives a Markdown reference page with every command, its synopsis and options', () => {
    const page = createNodeRegistry().referenceMarkdown();
    expect(page).toMatch(/^# Commands\n/);
    expect(page).toContain('## `aa-status`\n\nDisplay various information about the current AppArmor policy.\n\nAlso installed as `apparmor_status`.');
    expect(page).toContain('| `-p, --profile VALUE` | PROFILE to confine <prog> with |');
    expect(page).not.toMatch(/undefined|\[object/);
  });

  it('lists every command in help and derives a command summary from its spec', () => {
    const world = createWorld();
    const help = out(world, 'help');
    for (const name of ['apparmor_parser', 'aa-status', 'aa-exec', 'dmesg', 'journalctl', 'sudo', 'su', 'touch']) expect(help).toContain(`  ${name} `);
    expect(out(world, 'help dmesg')).toMatch(/^Usage: dmesg \[options\]\nPrint the kernel ring buffer\n\n {2}-T, --ctime/);
    expect(out(world, 'dmesg --help')).toMatch(/^\nUsage:\n dmesg \[options\]\n\nDisplay or control the kernel ring buffer\.\n/);
  });

  it('never prints undefined, NaN or [object for odd command lines', () => {
    const world = createWorld();
    const lines = [
      'aa-exec -p', 'aa-exec --', 'aa-status a b', 'apparmor_parser -I', 'apparmor_parser -R', 'dmesg x', 'journalctl -n',
      'sudo', 'sudo -u nobody true', 'su -c', 'aa-enforce /etc/apparmor.d', 'aa-disable ""', 'help nothing', "apparmor_parser -Q <<< 'profile {'",
    ];
    for (const line of lines) {
      const text = out(world, line);
      expect(text, line).not.toMatch(/undefined|NaN|\[object|\n\s+at /);
    }
  });
});
