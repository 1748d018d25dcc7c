// The playground's cluster eras: a cluster world survives a reload by replaying the log of what changed it
// (cluster objects are not in snapshots), the replay gives the same cluster and nodes, and past LOG_LIMIT
// the playground says so and keeps only the node's snapshot.
import { describe, expect, it } from 'vitest';
import { createPlaygroundBackend, type PlaygroundBackend } from '../../src/ui/playground/playground-backend.ts';
import { createWorldStore, LOG_LIMIT, parseEra, worldKeys } from '../../src/ui/playground/world-store.ts';
import type { TextStorage } from '../../src/ui/editor/store.ts';

function memoryStorage(): TextStorage & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    getItem: (key) => map.get(key) ?? null,
    setItem: (key, value) => void map.set(key, value),
    removeItem: (key) => void map.delete(key),
  };
}

async function run(backend: PlaygroundBackend, line: string): Promise<string> {
  const result = await backend.run(line);
  return result.stdout + result.stderr;
}

const LOAD_EVERYWHERE = `for NODE in node01 node02; do ssh $NODE 'apparmor_parser -q <<EOF
#include <tunables/global>
profile k8s-apparmor-example-deny-write flags=(attach_disconnected) {
  #include <abstractions/base>
  file,
  deny /** w,
}
EOF'
done`;

const POD = `kubectl create -f - <<EOF
apiVersion: v1
kind: Pod
metadata:
  name: hello-apparmor
  annotations:
    container.apparmor.security.beta.kubernetes.io/hello: localhost/k8s-apparmor-example-deny-write
spec:
  containers:
  - name: hello
    image: busybox
    command: [ "sh", "-c", "echo 'Hello AppArmor' && sleep 1h" ]
EOF`;

/** What a learner would look at to tell two clusters apart: pods and every node's loaded profiles. */
async function state(backend: PlaygroundBackend): Promise<string[]> {
  const seen = [await run(backend, 'kubectl get pods -o wide'), await run(backend, 'kubectl get events')];
  for (const node of ['controlplane', 'node01', 'node02']) {
    seen.push(await run(backend, `ssh ${node} cat /sys/kernel/security/apparmor/profiles`));
  }
  return seen;
}

describe('the playground in a cluster era', () => {
  it('reads an era from a stored value or a URL parameter and refuses anything else', () => {
    expect([parseEra('1.14'), parseEra('1.30'), parseEra('single')]).toEqual(['1.14', '1.30', 'single']);
    expect([parseEra('1.29'), parseEra(30), parseEra(null)]).toEqual([undefined, undefined, undefined]);
  });

  it('starts on the control plane of a v1.14 cluster with Docker on every node', async () => {
    const backend = createPlaygroundBackend({ store: createWorldStore('t', memoryStorage()), era: '1.14' });
    expect(backend.prompt()).toBe('root@controlplane:~# ');
    expect(await run(backend, `kubectl get nodes -o=jsonpath=$'{range .items[*]}{@.metadata.name}: {@.status.nodeInfo.containerRuntimeVersion}\\n{end}'`))
      .toBe('controlplane: docker://19.3.15\nnode01: docker://19.3.15\nnode02: docker://19.3.15\n');
  });

  it('rebuilds the same cluster after a reload by replaying the stored commands', async () => {
    const storage = memoryStorage();
    const first = createPlaygroundBackend({ store: createWorldStore('t', storage), era: '1.14' });
    await run(first, LOAD_EVERYWHERE);
    await run(first, POD);
    expect(await run(first, 'kubectl exec hello-apparmor -- touch /tmp/test')).toBe('touch: /tmp/test: Permission denied\ncommand terminated with exit code 1\n');
    first.interrupt?.();
    first.writeFile('/root/note', 'kept\n');
    // The reload reads a copy of the storage as it was now; then both run the same reads.
    const reloaded = memoryStorage();
    for (const [key, value] of storage.map) reloaded.map.set(key, value);
    const before = await state(first);
    expect(before[0]).toContain('hello-apparmor');
    expect(before[3]).toContain('k8s-apparmor-example-deny-write (enforce)');

    const notices: string[] = [];
    const again = createPlaygroundBackend({ store: createWorldStore('t', reloaded), era: '1.14', onNotice: (text) => notices.push(text) });
    expect(await state(again)).toEqual(before);
    expect(notices).toEqual([]);
    expect(await run(again, 'cat /root/note')).toBe('kept\n');
  });

  it('gives up the log past its limit, says so, and keeps the node from its snapshot', async () => {
    const storage = memoryStorage();
    const notices: string[] = [];
    const first = createPlaygroundBackend({ store: createWorldStore('t', storage), era: '1.30', onNotice: (text) => notices.push(text) });
    await run(first, 'apparmor_parser -r /etc/apparmor.d/k8s-apparmor-example-deny-write');
    await run(first, 'kubectl run web --image=nginx');
    for (let i = 0; i < LOG_LIMIT; i += 1) first.writeFile('/root/n', String(i));
    expect(notices).toHaveLength(1);
    expect(notices[0]).toContain(`past ${String(LOG_LIMIT)} commands`);
    expect(storage.map.get(worldKeys('t').log)).toBe('null');

    const again = createPlaygroundBackend({ store: createWorldStore('t', storage), era: '1.30', onNotice: (text) => notices.push(text) });
    expect(notices[1]).toContain('the cluster\'s pods were not');
    expect(await run(again, 'cat /sys/kernel/security/apparmor/profiles')).toContain('k8s-apparmor-example-deny-write (enforce)');
    expect(await run(again, 'cat /root/n')).toBe(String(LOG_LIMIT - 1));
    expect(await run(again, 'kubectl get pods')).toBe('No resources found in default namespace.\n');
  });
});
