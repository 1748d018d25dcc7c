import { describe, expect, it } from 'vitest';
import { createWorld } from '../../src/sim/index.ts';
import { installCluster } from '../../src/sim/cluster/kubectl/install.ts';
import type { Cluster } from '../../src/sim/cluster/cluster.ts';
import type { ClusterNode } from '../../src/sim/cluster/cluster.ts';

const DENY_WRITE = `#include <tunables/global>

profile k8s-apparmor-example-deny-write flags=(attach_disconnected) {
  #include <abstractions/base>

  file,

  # Deny all file writes.
  deny /** w,
}
`;

function cluster(minor: number, options: { appArmorDisabledOn?: string[] } = {}): { run: (line: string) => { stdout: string; stderr: string; exitCode: number }; cluster: Cluster } {
  const world = createWorld({ hostname: 'controlplane' });
  const c = installCluster(world.node, { version: { major: 1, minor }, ...options });
  return { run: (line) => world.run(line), cluster: c };
}

function load(node: ClusterNode | undefined, text = DENY_WRITE): void {
  if (!node) throw new Error('no such node');
  const root = node.host.kernel.tasks.get(1);
  if (!root) throw new Error('no init');
  node.host.loadPolicy(root, text, '/etc/apparmor.d/k8s', { action: 'replace', isComplain: false, isKernelLoad: true });
}

const pod = (name: string, annotation: string | undefined, extra = ''): string => `kubectl create -f - <<EOF
apiVersion: v1
kind: Pod
metadata:
  name: ${name}
${annotation ? `  annotations:\n    container.apparmor.security.beta.kubernetes.io/hello: ${annotation}\n` : ''}spec:
${extra}  containers:
  - name: hello
    image: busybox:1.28
    command: [ "sh", "-c", "echo 'Hello AppArmor' && sleep 1h" ]
EOF`;

describe('the kubelet and runtime of the v1.14 era', () => {
  it('loads docker-default on every node and reports Docker with AppArmor enabled', () => {
    const { cluster: c, run } = cluster(14);
    expect(c.nodes.map((n) => n.host.kernel.profiles.find('docker-default')?.mode)).toEqual(['enforce', 'enforce', 'enforce']);
    expect(run(`kubectl get nodes -o=jsonpath='{.items[*].status.nodeInfo.containerRuntimeVersion}'`).stdout).toBe('docker://19.3.15 docker://19.3.15 docker://19.3.15');
    expect(run(`kubectl get node node01 -o jsonpath='{.status.conditions[?(@.reason=="KubeletReady")].message}'`).stdout).toBe('kubelet is posting ready status. AppArmor enabled');
  });

  it('runs a pod under a loaded profile: events show the Security options, writes are denied', () => {
    const { cluster: c, run } = cluster(14);
    for (const n of c.nodes.slice(1)) load(n);
    expect(run(pod('hello-apparmor', 'localhost/k8s-apparmor-example-deny-write')).stdout).toBe('pod/hello-apparmor created\n');
    expect(run('kubectl get events').stdout).toMatch(/Created container with docker id [0-9a-f]{12}; Security:\[seccomp=unconfined apparmor=k8s-apparmor-example-deny-write\]/);
    expect(run('kubectl exec hello-apparmor -- cat /proc/1/attr/current').stdout).toBe('k8s-apparmor-example-deny-write (enforce)\n');
    expect(run('kubectl exec hello-apparmor -- touch /tmp/test')).toEqual({
      stdout: '', stderr: 'touch: /tmp/test: Permission denied\ncommand terminated with exit code 1\n', exitCode: 1, output: expect.anything() as unknown,
    });
    expect(run('kubectl logs hello-apparmor').stdout).toBe('Hello AppArmor\n');
  });

  it('blocks a pod whose profile is not loaded, with the historic reason, message and event', () => {
    const { run } = cluster(14);
    run(pod('hello-apparmor-2', 'localhost/k8s-apparmor-example-allow-write'));
    const text = run('kubectl describe pod hello-apparmor-2').stdout;
    expect(text).toContain('Status:       Pending\nReason:       AppArmor\nMessage:      Pod Cannot enforce AppArmor: profile "k8s-apparmor-example-allow-write" is not loaded\n');
    expect(text).toContain('    State:          Waiting\n      Reason:       Blocked\n');
    expect(text).toMatch(/Warning {2}AppArmor {3}\d+s +kubelet, node01 {4}Cannot enforce AppArmor: profile "k8s-apparmor-example-allow-write" is not loaded\n/);
    expect(run('kubectl get pods').stdout).toMatch(/hello-apparmor-2 {3}0\/1 {5}Blocked/);
  });

  it('refuses AppArmor on a node whose kernel has it disabled', () => {
    const { run } = cluster(14, { appArmorDisabledOn: ['node01', 'node02'] });
    run(pod('p', 'runtime/default'));
    expect(run('kubectl describe pod p').stdout).toContain('Message:      Pod Cannot enforce AppArmor: AppArmor is not enabled on the host\n');
  });
});

describe('the kubelet and runtime of the v1.30 era', () => {
  it('leaves an unloaded profile to containerd: CreateContainerError and its event', () => {
    const { run } = cluster(30);
    run(pod('hello-apparmor-2', undefined, '  securityContext:\n    appArmorProfile:\n      type: Localhost\n      localhostProfile: k8s-apparmor-example-allow-write\n'));
    expect(run('kubectl get pod hello-apparmor-2').stdout).toMatch(/0\/1 {5}CreateContainerError/);
    expect(run('kubectl describe pod hello-apparmor-2').stdout).toMatch(
      /Warning {2}Failed {5}\d+s {4}kubelet {12}Error: failed to get container spec opts: failed to generate apparmor spec opts: apparmor profile not found k8s-apparmor-example-allow-write\n/);
  });

  it('runs the default pod under cri-containerd.apparmor.d and a privileged one unconfined', () => {
    const { run } = cluster(30);
    run('kubectl run plain --image=busybox:1.28 -- sleep 1h');
    run('kubectl run root --image=busybox:1.28 --privileged -- sleep 1h');
    expect(run('kubectl exec plain -- cat /proc/1/attr/current').stdout).toBe('cri-containerd.apparmor.d (enforce)\n');
    expect(run('kubectl exec root -- cat /proc/1/attr/current').stdout).toBe('unconfined\n');
  });

  it('fails a pod pinned to the worker that lacks the profile and runs it on the one that has it', () => {
    const { cluster: c, run } = cluster(30);
    load(c.node('node01'));
    const field = (node: string): string => `  nodeName: ${node}\n  securityContext:\n    appArmorProfile:\n      type: Localhost\n      localhostProfile: k8s-apparmor-example-deny-write\n`;
    run(pod('on-one', undefined, field('node01')));
    run(pod('on-two', undefined, field('node02')));
    const table = run('kubectl get pods -o wide').stdout;
    expect(table).toMatch(/on-one +1\/1 +Running .* node01 /);
    expect(table).toMatch(/on-two +0\/1 +CreateContainerError .* node02 /);
  });

  it('schedules by nodeSelector and reports a selector no node matches', () => {
    const { run } = cluster(30);
    expect(run('kubectl label node node02 apparmor=ready').stdout).toBe('node/node02 labeled\n');
    run(pod('sel', undefined, '  nodeSelector:\n    apparmor: ready\n'));
    run(pod('none', undefined, '  nodeSelector:\n    apparmor: nowhere\n'));
    expect(run('kubectl get pod sel -o jsonpath={.spec.nodeName}').stdout).toBe('node02');
    expect(run('kubectl describe pod none').stdout).toContain(
      "0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 node(s) didn't match Pod's node affinity/selector. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.");
  });

  it('rejects AppArmor at kubelet admission when the host has it disabled', () => {
    const { run } = cluster(30, { appArmorDisabledOn: ['node01', 'node02'] });
    run(pod('p', undefined, '  securityContext:\n    appArmorProfile:\n      type: RuntimeDefault\n'));
    const text = run('kubectl describe pod p').stdout;
    expect(text).toContain('Status:           Failed\nReason:           AppArmor\nMessage:          Cannot enforce AppArmor: AppArmor is not enabled on the host\n');
  });

  it('words the Created event by kubelet version and reports AppArmor in the Ready condition', () => {
    const old = cluster(30);
    old.run('kubectl run plain --image=busybox:1.28 -- sleep 1h');
    expect(old.run('kubectl get events').stdout).toMatch(/Created container plain\n/);
    const recent = cluster(33);
    recent.run('kubectl run plain --image=busybox:1.28 -- sleep 1h');
    expect(recent.run('kubectl get events').stdout).toMatch(/Created container: plain\n[^\n]*Started container plain\n/);
    expect(recent.run(`kubectl get node node01 -o jsonpath='{.status.conditions[?(@.type=="Ready")].message}'`).stdout).toBe('kubelet is posting ready status. AppArmor enabled');
  });

  it('logs a container’s AppArmor denials in its node’s kernel log', () => {
    const { cluster: c, run } = cluster(30);
    const readOnly = '#include <tunables/global>\nprofile read-only flags=(attach_disconnected) {\n  #include <abstractions/base>\n  /** rix,\n}\n';
    load(c.node('node01'), readOnly);
    run(pod('ro', undefined, '  nodeName: node01\n  securityContext:\n    appArmorProfile:\n      type: Localhost\n      localhostProfile: read-only\n'));
    expect(run('kubectl exec ro -- touch /tmp/test').exitCode).toBe(1);
    expect(run('ssh node01 sudo dmesg').stdout).toMatch(/apparmor="DENIED" operation="mknod" profile="read-only" name="\/tmp\/test" pid=\d+ comm="touch"/);
    expect(run('sudo dmesg').stdout).not.toContain('profile="read-only"');
  });
});
