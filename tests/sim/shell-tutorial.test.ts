// The Kubernetes AppArmor tutorial's own shell commands, run against a fake node: what each command
// received (argv, stdin) is asserted, so quoting, arrays and here-documents reach kubectl/ssh intact.
import { describe, expect, it } from 'vitest';
import { createShell } from '../../src/sim/shell/shell.ts';
import { FakeHost } from './shell-fake-host.ts';

const PROFILE = `#include <tunables/global>

profile k8s-apparmor-example-deny-write flags=(attach_disconnected) {
  #include <abstractions/base>

  file,

  # Deny all file writes.
  deny /** w,
}
`;

const LOADER = `NODES=($(kubectl get nodes -o name))
for NODE in \${NODES[*]}; do ssh $NODE 'sudo apparmor_parser -q <<EOF
${PROFILE}EOF'
done`;

describe('the tutorial profile loader', () => {
  it('is incomplete line by line until the closing done', () => {
    const shell = createShell(new FakeHost());
    const lines = LOADER.split('\n');
    const verdicts = lines.map((_, k) => shell.isComplete(lines.slice(0, k + 1).join('\n')));
    expect(verdicts[0]).toBe(true);
    expect(verdicts.slice(1, -1).every((v) => !v)).toBe(true);
    expect(verdicts[verdicts.length - 1]).toBe(true);
  });

  it('runs kubectl once, then ssh per node with the here-document still inside the quoted argument', () => {
    const host = new FakeHost();
    const result = createShell(host).run(LOADER);
    expect(result).toMatchObject({ stdout: '', stderr: '', exitCode: 0 });
    const ssh = host.calls.filter((c) => c.argv[0] === 'ssh');
    expect(host.calls[0]?.argv).toEqual(['kubectl', 'get', 'nodes', '-o', 'name']);
    expect(ssh.map((c) => c.argv.slice(0, 2))).toEqual([['ssh', 'node/node01'], ['ssh', 'node/node02']]);
    expect(ssh[0]?.argv[2]).toBe(`sudo apparmor_parser -q <<EOF\n${PROFILE}EOF`);
  });

  it('feeds the profile to apparmor_parser on each node through the remote here-document', () => {
    const host = new FakeHost();
    createShell(host).run(LOADER);
    const parsers = host.calls.filter((c) => c.argv[0] === 'apparmor_parser');
    expect(parsers.map((c) => c.argv)).toEqual([['apparmor_parser', '-q'], ['apparmor_parser', '-q']]);
    expect(parsers.map((c) => c.stdin)).toEqual([PROFILE, PROFILE]);
  });

  it('expands the node array in its three tutorial forms', () => {
    const shell = createShell(new FakeHost());
    shell.run('NODES=($(kubectl get nodes -o name))');
    expect(shell.run('echo ${#NODES[@]} ${NODES[0]}; for n in "${NODES[@]}"; do echo "[$n]"; done').stdout)
      .toBe('2 node/node01\n[node/node01]\n[node/node02]\n');
  });
});

describe('other tutorial commands', () => {
  it('writes a profile with a quoted here-document, keeping $ and # literally', () => {
    const host = new FakeHost();
    const text = "cat <<'EOF' > /etc/apparmor.d/k8s-deny-write\n#include <tunables/global>\nprofile x { deny /** w, } # $HOME\nEOF";
    const result = createShell(host).run(text);
    expect(result.exitCode).toBe(0);
    expect(host.content('/etc/apparmor.d/k8s-deny-write')).toBe('#include <tunables/global>\nprofile x { deny /** w, } # $HOME\n');
  });

  it('pipes a here-document into kubectl create -f -', () => {
    const host = new FakeHost();
    const result = createShell(host).run('cat <<EOF | kubectl create -f -\napiVersion: v1\nkind: Pod\nmetadata:\n  name: hello-apparmor-2\nEOF');
    expect(result.stdout).toBe('pod/hello-apparmor-2 created\n');
    expect(host.calls.find((c) => c.argv[0] === 'kubectl')?.stdin).toContain('name: hello-apparmor-2');
  });

  it('shows the confinement of the container process', () => {
    const result = createShell(new FakeHost()).run('kubectl exec hello-apparmor -- cat /proc/1/attr/current');
    expect(result.stdout).toBe('k8s-apparmor-example-deny-write (enforce)\n');
  });

  it('passes the denied write through 2>&1 | grep', () => {
    const result = createShell(new FakeHost()).run('kubectl exec hello-apparmor -- touch /tmp/test 2>&1 | grep denied');
    expect(result).toMatchObject({ stdout: 'touch: /tmp/test: Permission denied\n', stderr: '', exitCode: 0 });
  });

  it('keeps the failing exec\'s stderr and status without redirection', () => {
    const result = createShell(new FakeHost()).run('kubectl exec hello-apparmor -- touch /tmp/test');
    expect(result).toMatchObject({ stdout: '', exitCode: 1 });
    expect(result.stderr).toBe('touch: /tmp/test: Permission denied\ncommand terminated with exit code 1\n');
  });

  it('loads a profile file on the node with sudo and a here-document', () => {
    const host = new FakeHost();
    createShell(host).run(`sudo apparmor_parser -q <<EOF\n${PROFILE}EOF`);
    expect(host.calls.map((c) => [c.argv, c.stdin])).toEqual([
      [['sudo', 'apparmor_parser', '-q'], PROFILE],
      [['apparmor_parser', '-q'], PROFILE],
    ]);
  });
});
