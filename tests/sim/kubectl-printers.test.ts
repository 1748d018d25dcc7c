import { describe, expect, it } from 'vitest';
import { printTable, podSummary } from '../../src/sim/cluster/printers.ts';
import { describePod, rfc1123z } from '../../src/sim/cluster/describe.ts';
import { humanDuration } from '../../src/sim/cluster/kubectl/human-duration.ts';
import { GET_TABWRITER, tabwrite } from '../../src/sim/cluster/kubectl/tabwriter.ts';
import { printJson, printName, printYaml } from '../../src/sim/cluster/kubectl/output-formats.ts';
import type { KubeObject } from '../../src/sim/cluster/index.ts';

const T0 = '2024-05-01T10:00:00Z';
const at = (seconds: number): number => Date.parse(T0) + seconds * 1000;

const running: KubeObject = {
  apiVersion: 'v1', kind: 'Pod', metadata: { name: 'hello-apparmor', namespace: 'default', creationTimestamp: T0 },
  spec: { containers: [{ name: 'hello', image: 'busybox:1.28', command: ['sh', '-c', "echo 'Hello AppArmor!' && sleep 1h"] }], nodeName: 'node01' },
  status: {
    phase: 'Running', podIP: '10.244.1.2', hostIP: '192.168.1.11', startTime: T0,
    conditions: [{ type: 'Initialized', status: 'True' }, { type: 'Ready', status: 'True' }, { type: 'ContainersReady', status: 'True' }, { type: 'PodScheduled', status: 'True' }],
    containerStatuses: [{ name: 'hello', ready: true, restartCount: 0, state: { running: { startedAt: T0 } }, containerID: 'containerd://abc', imageID: 'docker.io/library/busybox@sha256:1' }],
  },
};

const blocked: KubeObject = {
  ...running, metadata: { ...running.metadata, name: 'hello-apparmor-2' },
  status: { phase: 'Pending', reason: 'AppArmor', message: 'Pod Cannot enforce AppArmor: profile "x" is not loaded',
    containerStatuses: [{ name: 'hello', ready: false, restartCount: 0, state: { waiting: { reason: 'Blocked' } } }] },
};

describe('kubectl get tables', () => {
  it('pads columns as Go tabwriter with minwidth 6 and padding 3, the last column unpadded', () => {
    expect(tabwrite('NAME\tREADY\nnginx\t1/1\n', GET_TABWRITER)).toBe('NAME    READY\nnginx   1/1\n');
    expect(tabwrite('A\tB\nx\ty\n', GET_TABWRITER)).toBe('A     B\nx     y\n');
  });

  it('prints pods with READY, STATUS from the waiting reason, RESTARTS and AGE', () => {
    expect(printTable('Pod', [running, blocked], { nowMs: at(42) })).toBe(
      'NAME               READY   STATUS    RESTARTS   AGE\n' +
      'hello-apparmor     1/1     Running   0          42s\n' +
      'hello-apparmor-2   0/1     Blocked   0          42s\n');
  });

  it('adds the wide columns and the namespace column', () => {
    expect(printTable('Pod', [running], { nowMs: at(5), isWide: true, showNamespace: true })).toBe(
      'NAMESPACE   NAME             READY   STATUS    RESTARTS   AGE   IP           NODE     NOMINATED NODE   READINESS GATES\n' +
      'default     hello-apparmor   1/1     Running   0          5s    10.244.1.2   node01   <none>           <none>\n');
  });

  it('prints nodes with roles from labels and the runtime in wide output', () => {
    const node: KubeObject = {
      apiVersion: 'v1', kind: 'Node', metadata: { name: 'controlplane', creationTimestamp: T0, labels: { 'node-role.kubernetes.io/master': '' } },
      status: { conditions: [{ type: 'Ready', status: 'True' }], addresses: [{ type: 'InternalIP', address: '192.168.1.10' }],
        nodeInfo: { kubeletVersion: 'v1.14.0', osImage: 'Ubuntu 18.04.3 LTS', kernelVersion: '4.15.0-66-generic', containerRuntimeVersion: 'docker://19.3.2' } },
    };
    expect(printTable('Node', [node], { nowMs: at(3 * 86400 + 3600), isWide: true })).toBe(
      'NAME           STATUS   ROLES    AGE    VERSION   INTERNAL-IP    EXTERNAL-IP   OS-IMAGE             KERNEL-VERSION      CONTAINER-RUNTIME\n' +
      'controlplane   Ready    master   3d1h   v1.14.0   192.168.1.10   <none>        Ubuntu 18.04.3 LTS   4.15.0-66-generic   docker://19.3.2\n');
  });

  it('prints namespaces as NAME STATUS AGE', () => {
    const ns: KubeObject = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default', creationTimestamp: T0 } };
    expect(printTable('Namespace', [ns], { nowMs: at(5) })).toBe('NAME      STATUS   AGE\ndefault   Active   5s\n');
  });

  it('formats ages as apimachinery HumanDuration', () => {
    expect([59, 119, 120, 125, 600, 10799, 10800, 7 * 3600 + 60, 30 * 3600, 50 * 3600, 9 * 86400, 800 * 86400, 2500 * 86400, 3000 * 86400]
      .map((s) => humanDuration(s * 1000))).toEqual(['59s', '119s', '2m', '2m5s', '10m', '179m', '3h', '7h1m', '30h', '2d2h', '9d', '2y70d', '6y310d', '8y']);
    expect(humanDuration(-500)).toBe('0s');
    expect(humanDuration(-5000)).toBe('<invalid>');
  });

  it('derives a terminated container status as ExitCode or its reason', () => {
    const done = { ...running, status: { phase: 'Running', containerStatuses: [{ name: 'hello', state: { terminated: { exitCode: 2 } } }] } };
    expect(podSummary(done).reason).toBe('ExitCode:2');
  });
});

describe('kubectl describe pod', () => {
  it('shows a blocked pod with its reason, message, waiting state and events', () => {
    const events: KubeObject[] = [
      { apiVersion: 'v1', kind: 'Event', metadata: { name: 'e1' }, type: 'Normal', reason: 'Scheduled', message: 'Successfully assigned default/hello-apparmor-2 to node01',
        source: { component: 'default-scheduler' }, firstTimestamp: T0, lastTimestamp: T0, count: 1 },
      { apiVersion: 'v1', kind: 'Event', metadata: { name: 'e2' }, type: 'Warning', reason: 'AppArmor', message: 'Cannot enforce AppArmor: profile "x" is not loaded',
        source: { component: 'kubelet', host: 'node01' }, firstTimestamp: T0, lastTimestamp: T0, count: 1 },
    ];
    const text = describePod(blocked, { events, nowMs: at(23), minor: 14 });
    expect(text).toContain('Status:       Pending\nReason:       AppArmor\nMessage:      Pod Cannot enforce AppArmor: profile "x" is not loaded\n');
    expect(text).toContain('    State:          Waiting\n      Reason:       Blocked\n    Ready:          False\n');
    expect(text).toContain('Events:\n  Type     Reason     Age   From               Message\n  ----     ------     ----  ----               -------\n' +
      '  Normal   Scheduled  23s   default-scheduler  Successfully assigned default/hello-apparmor-2 to node01\n' +
      '  Warning  AppArmor   23s   kubelet, node01    Cannot enforce AppArmor: profile "x" is not loaded\n');
  });

  it('aligns the top block, IPs and conditions as the describe tabwriter does', () => {
    const text = describePod(running, { events: [], nowMs: at(5), minor: 30 });
    expect(text.startsWith('Name:             hello-apparmor\nNamespace:        default\nPriority:         0\nService Account:  default\nNode:             node01/192.168.1.11\n')).toBe(true);
    expect(text).toContain('IPs:\n  IP:  10.244.1.2\nContainers:\n  hello:\n    Container ID:  containerd://abc\n');
    expect(text).toContain('    Command:\n      sh\n      -c\n      echo \'Hello AppArmor!\' && sleep 1h\n    State:          Running\n');
    expect(text).toContain('Conditions:\n  Type              Status\n  Initialized       True \n');
    // the condition rows share column 0 with the tab-separated lines after them, as in Go's tabwriter
    expect(text.endsWith('Tolerations:        node.kubernetes.io/not-ready:NoExecute op=Exists for 300s\n                    node.kubernetes.io/unreachable:NoExecute op=Exists for 300s\nEvents:             <none>\n')).toBe(true);
  });

  it('prints times in Go RFC1123Z', () => {
    expect(rfc1123z(T0)).toBe('Wed, 01 May 2024 10:00:00 +0000');
  });
});

describe('kubectl -o json, yaml and name', () => {
  it('indents JSON by four spaces with sorted keys and Go escapes', () => {
    expect(printJson({ kind: 'Pod', apiVersion: 'v1', metadata: { name: 'a&b' }, items: [] }))
      .toBe('{\n    "apiVersion": "v1",\n    "items": [],\n    "kind": "Pod",\n    "metadata": {\n        "name": "a\\u0026b"\n    }\n}\n');
  });

  it('writes YAML with sorted keys and sequences flush with their key', () => {
    expect(printYaml({ spec: { containers: [{ name: 'c', image: 'busybox' }] }, kind: 'Pod', apiVersion: 'v1' }))
      .toBe('apiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - image: busybox\n    name: c\n');
  });

  it('double-quotes strings YAML 1.1 would read as another type, as go-yaml v2 does', () => {
    expect(printYaml({ status: 'True', tier: '1', creationTimestamp: '2024-05-01T10:00:00Z', on: 'on', name: 'web', empty: '' }))
      .toBe('creationTimestamp: "2024-05-01T10:00:00Z"\nempty: ""\nname: web\n"on": "on"\nstatus: "True"\ntier: "1"\n');
  });

  it('names objects by lower-case kind and group', () => {
    expect(printName({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'x' } })).toBe('pod/x\n');
    expect(printName({ apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'l' } })).toBe('daemonset.apps/l\n');
  });
});
