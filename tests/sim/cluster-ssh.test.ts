// ssh between the cluster's nodes (issue 5, part 1): `ssh NODE 'cmd'` and an interactive `ssh NODE` that moves
// the terminal to the other node until `exit`.
import { describe, expect, it } from 'vitest';
import { createWorld, parseClusterVersion } from '../../src/sim/index.ts';

const cluster = () => createWorld({ cluster: { version: parseClusterVersion('1.30')! } });

describe('ssh between cluster nodes', () => {
  it('moves an interactive session to the other node until exit, with its own prompt and kernel', () => {
    const world = cluster();
    expect(world.run('ssh node01')).toMatchObject({ stdout: '', stderr: '', exitCode: 0 });
    expect(world.prompt()).toContain('node01');
    expect(world.run('hostname').stdout).toBe('node01\n');
    world.run("apparmor_parser -q <<'EOF'\nprofile only-on-node01 { file, }\nEOF");
    expect(world.run('cat /sys/kernel/security/apparmor/profiles').stdout).toContain('only-on-node01 (enforce)');
    expect(world.run('exit').stderr).toBe('logout\n');
    expect(world.run('hostname').stdout).toBe('controlplane\n');
    expect(world.run('cat /sys/kernel/security/apparmor/profiles').stdout).not.toContain('only-on-node01');
  });

  it('runs a command on the other node, and refuses unknown accounts as sshd does', () => {
    const world = cluster();
    expect(world.run('ssh node02 hostname').stdout).toBe('node02\n');
    expect(world.run('ssh bogus@node01')).toMatchObject({ stderr: 'bogus@node01: Permission denied (publickey).\n', exitCode: 255 });
    expect(world.run('ssh bogus@node01 id').exitCode).toBe(255);
    expect(world.run('hostname').stdout).toBe('controlplane\n');
  });
});
