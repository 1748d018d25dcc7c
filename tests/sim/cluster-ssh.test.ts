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

describe('kubectl exec -it POD -- sh', () => {
  it('opens a shell inside the confined container until exit', () => {
    const world = cluster();
    world.run('for NODE in node01 node02; do ssh $NODE \'apparmor_parser -q <<EOF\nprofile k8s-apparmor-example-deny-write { file, deny /** w, }\nEOF\'\ndone');
    world.run(`kubectl run t --image=busybox --overrides='{"spec":{"securityContext":{"appArmorProfile":{"type":"Localhost","localhostProfile":"k8s-apparmor-example-deny-write"}}}}' -- sleep 1h`);
    expect(world.run('kubectl exec -it t -- sh')).toMatchObject({ stdout: '', stderr: '', exitCode: 0 });
    expect(world.run('hostname').stdout).toBe('t\n');
    expect(world.run('cat /proc/1/attr/current').stdout).toBe('k8s-apparmor-example-deny-write (enforce)\n');
    expect(world.run('touch /tmp/test')).toMatchObject({ stderr: 'touch: /tmp/test: Permission denied\n', exitCode: 1 });
    world.run('exit');
    expect(world.run('hostname').stdout).toBe('controlplane\n');
  });
});
