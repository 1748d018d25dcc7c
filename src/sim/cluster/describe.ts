/**
 * kubectl describe for pods and nodes (pkg/describe/describe.go): `Key:\tvalue` lines at indent levels
 * laid out by a tabwriter (minwidth 0, padding 2), the Conditions table and the Events table
 * (`Type Reason Age From Message`). Pure: objects and events in, text out. Volumes and resources are
 * not simulated and print as `<none>`.
 */
import type { KubeObject } from './objects.ts';
import { ageSince } from './kubectl/human-duration.ts';
import { DESCRIBE_TABWRITER, tabwrite } from './kubectl/tabwriter.ts';

/** What describe needs besides the object. */
export type DescribeContext = {
  /** the events whose involvedObject is the described object */
  readonly events: readonly KubeObject[];
  readonly nowMs: number;
  /** the cluster's minor version (From column: `kubelet, node` before v1.20) */
  readonly minor: number;
};

type Rec = Record<string, unknown>;
const rec = (v: unknown): Rec => (typeof v === 'object' && v !== null && !Array.isArray(v) ? v as Rec : {});
const list = (v: unknown): Rec[] => (Array.isArray(v) ? v.map(rec) : []);
const text = (v: unknown): string => (typeof v === 'string' ? v : v === undefined ? '' : String(v));
const indent = (level: number): string => '  '.repeat(level);

/**
 * Go's RFC1123Z time layout, as describe prints Start Time and timestamps.
 * @param timestamp RFC 3339 text
 * @returns e.g. `Wed, 01 May 2024 10:00:00 +0000`
 * @example rfc1123z('2024-05-01T10:00:00Z') // → 'Wed, 01 May 2024 10:00:00 +0000'
 */
export function rfc1123z(timestamp: string): string {
  const d = new Date(timestamp);
  if (Number.isNaN(d.getTime())) return timestamp;
  const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${days[d.getUTCDay()] ?? ''}, ${p(d.getUTCDate())} ${months[d.getUTCMonth()] ?? ''} ${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0000`;
}

/** `key=value` lines for labels/annotations: the first after the key, the rest in the value column. */
function mapLines(level: number, key: string, map: Rec): string {
  const keys = Object.keys(map).sort();
  if (keys.length === 0) return `${indent(level)}${key}:\t<none>\n`;
  return keys.map((k, i) => `${indent(level)}${i === 0 ? `${key}:` : ''}\t${k}=${text(map[k])}\n`).join('');
}

/**
 * Describes a pod.
 * @param pod the pod
 * @param context its events, the clock, the version
 * @returns the text kubectl describe pod prints
 * @example describePod(pod, { events: [], nowMs, minor: 30 }).startsWith('Name:') // → true
 */
export function describePod(pod: KubeObject, context: DescribeContext): string {
  const spec = rec(pod['spec']);
  const status = rec(pod['status']);
  let out = `Name:\t${text(pod.metadata.name)}\nNamespace:\t${text(pod.metadata.namespace)}\nPriority:\t0\n`;
  if (context.minor >= 26) out += `Service Account:\t${text(spec['serviceAccountName']) || 'default'}\n`;
  const node = text(spec['nodeName']);
  out += `Node:\t${node === '' ? '<none>' : `${node}/${text(status['hostIP'])}`}\n`;
  if (status['startTime'] !== undefined) out += `Start Time:\t${rfc1123z(text(status['startTime']))}\n`;
  out += mapLines(0, 'Labels', rec(pod.metadata.labels));
  out += mapLines(0, 'Annotations', rec(pod.metadata.annotations));
  out += `Status:\t${text(status['phase'])}\n`;
  if (text(status['reason']) !== '') out += `Reason:\t${text(status['reason'])}\n`;
  if (text(status['message']) !== '') out += `Message:\t${text(status['message'])}\n`;
  out += `IP:\t${text(status['podIP'])}\n`;
  if (context.minor >= 16) {
    const ip = text(status['podIP']);
    out += ip === '' ? 'IPs:\t<none>\n' : `IPs:\n  IP:\t${ip}\n`;
  }
  out += 'Containers:\n';
  const statuses = list(status['containerStatuses']);
  for (const c of list(spec['containers'])) out += describeContainer(c, statuses.find((s) => s['name'] === c['name']));
  out += 'Conditions:\n  Type\tStatus\n';
  for (const c of list(status['conditions'])) out += `  ${text(c['type'])} \t${text(c['status'])} \n`;
  out += 'Volumes:\t<none>\nQoS Class:\tBestEffort\n';
  out += mapLines(0, 'Node-Selectors', rec(spec['nodeSelector']));
  out += 'Tolerations:\tnode.kubernetes.io/not-ready:NoExecute op=Exists for 300s\n\tnode.kubernetes.io/unreachable:NoExecute op=Exists for 300s\n';
  out += eventsSection(context);
  return tabwrite(out, DESCRIBE_TABWRITER);
}

function describeContainer(c: Rec, s: Rec | undefined): string {
  const l2 = indent(2);
  let out = `  ${text(c['name'])}:\n`;
  out += `${l2}Container ID:\t${text(s?.['containerID'])}\n${l2}Image:\t${text(c['image'])}\n${l2}Image ID:\t${text(s?.['imageID'])}\n`;
  out += `${l2}Port:\t<none>\n${l2}Host Port:\t<none>\n`;
  for (const field of ['command', 'args'] as const) {
    const items = Array.isArray(c[field]) ? (c[field] as unknown[]).map(text) : [];
    if (items.length > 0) out += `${l2}${field === 'command' ? 'Command' : 'Args'}:\n${items.map((i) => `${indent(3)}${i}\n`).join('')}`;
  }
  const state = rec(s?.['state']);
  if (state['running'] !== undefined) {
    out += `${l2}State:\tRunning\n${indent(3)}Started:\t${rfc1123z(text(rec(state['running'])['startedAt']))}\n`;
  } else if (state['waiting'] !== undefined) {
    const waiting = rec(state['waiting']);
    out += `${l2}State:\tWaiting\n`;
    if (text(waiting['reason']) !== '') out += `${indent(3)}Reason:\t${text(waiting['reason'])}\n`;
  } else if (state['terminated'] !== undefined) {
    const t = rec(state['terminated']);
    out += `${l2}State:\tTerminated\n${indent(3)}Reason:\t${text(t['reason'])}\n${indent(3)}Exit Code:\t${text(t['exitCode'])}\n`;
  } else out += `${l2}State:\tWaiting\n`;
  out += `${l2}Ready:\t${s?.['ready'] === true ? 'True' : 'False'}\n${l2}Restart Count:\t${text(s?.['restartCount'] ?? 0)}\n`;
  out += `${l2}Environment:\t<none>\n${l2}Mounts:\t<none>\n`;
  return out;
}

/** The Events table, oldest first, or `Events: <none>`. */
function eventsSection(context: DescribeContext): string {
  if (context.events.length === 0) return 'Events:\t<none>\n';
  const sorted = [...context.events].sort((a, b) => Date.parse(text(a['lastTimestamp'])) - Date.parse(text(b['lastTimestamp'])));
  let out = 'Events:\n  Type\tReason\tAge\tFrom\tMessage\n  ----\t------\t----\t----\t-------\n';
  for (const e of sorted) {
    const count = Number(e['count'] ?? 1);
    const last = ageSince(text(e['lastTimestamp']), context.nowMs);
    const age = count > 1 ? `${last} (x${count} over ${ageSince(text(e['firstTimestamp']), context.nowMs)})` : last;
    const source = rec(e['source']);
    const from = context.minor < 20 && text(source['host']) !== '' ? `${text(source['component'])}, ${text(source['host'])}` : text(source['component']);
    out += `  ${text(e['type'])}\t${text(e['reason'])}\t${age}\t${from}\t${text(e['message'])}\n`;
  }
  return out;
}

/**
 * Describes a node (labels, conditions, addresses, system info, its pods, events).
 * @param node the node
 * @param pods the pods bound to it
 * @param context its events, the clock, the version
 * @returns the text kubectl describe node prints
 * @example describeNode(node, [], { events: [], nowMs, minor: 30 }).startsWith('Name:') // → true
 */
export function describeNode(node: KubeObject, pods: readonly KubeObject[], context: DescribeContext): string {
  const status = rec(node['status']);
  const info = rec(status['nodeInfo']);
  const roles = Object.keys(node.metadata.labels ?? {}).filter((k) => k.startsWith('node-role.kubernetes.io/')).map((k) => k.split('/')[1]).sort();
  let out = `Name:\t${text(node.metadata.name)}\nRoles:\t${roles.length === 0 ? '<none>' : roles.join(',')}\n`;
  out += mapLines(0, 'Labels', rec(node.metadata.labels));
  out += mapLines(0, 'Annotations', rec(node.metadata.annotations));
  out += `CreationTimestamp:\t${rfc1123z(text(node.metadata.creationTimestamp))}\n`;
  const taints = list(rec(node['spec'])['taints']).map((t) => `${text(t['key'])}:${text(t['effect'])}`);
  out += taints.length === 0 ? 'Taints:\t<none>\n' : taints.map((t, i) => `${i === 0 ? 'Taints:' : ''}\t${t}\n`).join('');
  out += `Unschedulable:\t${rec(node['spec'])['unschedulable'] === true ? 'true' : 'false'}\n`;
  out += 'Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n  ----\t------\t-----------------\t------------------\t------\t-------\n';
  for (const c of list(status['conditions'])) {
    out += `  ${text(c['type'])} \t${text(c['status'])} \t${rfc1123z(text(c['lastHeartbeatTime']))} \t${rfc1123z(text(c['lastTransitionTime']))} \t${text(c['reason'])} \t${text(c['message'])}\n`;
  }
  out += 'Addresses:\n';
  for (const a of list(status['addresses'])) out += `  ${text(a['type'])}:\t${text(a['address'])}\n`;
  out += 'System Info:\n';
  const rows: [string, string][] = [['Machine ID', 'machineID'], ['System UUID', 'systemUUID'], ['Boot ID', 'bootID'], ['Kernel Version', 'kernelVersion'],
    ['OS Image', 'osImage'], ['Operating System', 'operatingSystem'], ['Architecture', 'architecture'],
    ['Container Runtime Version', 'containerRuntimeVersion'], ['Kubelet Version', 'kubeletVersion'], ['Kube-Proxy Version', 'kubeProxyVersion']];
  for (const [label, key] of rows) out += `  ${label}:\t${text(info[key])}\n`;
  out += `Non-terminated Pods:\t(${pods.length} in total)\n`;
  out += '  Namespace\tName\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n';
  out += '  ---------\t----\t------------\t----------\t---------------\t-------------\t---\n';
  for (const p of pods) out += `  ${text(p.metadata.namespace)}\t${text(p.metadata.name)}\t0 (0%)\t0 (0%)\t0 (0%)\t0 (0%)\t${ageSince(p.metadata.creationTimestamp, context.nowMs)}\n`;
  out += eventsSection(context);
  return tabwrite(out, DESCRIBE_TABWRITER);
}

