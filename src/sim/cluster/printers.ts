/**
 * kubectl get's tables (the server-side table columns of pkg/printers/internalversion/printers.go):
 * pods, nodes, events, namespaces, daemonsets, deployments, configmaps, with `-o wide` columns, the
 * NAMESPACE column of `-A`, AGE from the injected clock and Go tabwriter spacing. Pure: objects in, text out.
 */
import type { KubeObject } from './objects.ts';
import { ageSince } from './kubectl/human-duration.ts';
import { GET_TABWRITER, tabwrite } from './kubectl/tabwriter.ts';

/** How a table is printed. */
export type TableOptions = {
  /** `-o wide` */
  readonly isWide?: boolean;
  /** `-A` / `--all-namespaces`: a NAMESPACE column first */
  readonly showNamespace?: boolean;
  /** `--no-headers` */
  readonly noHeaders?: boolean;
  /** `--show-labels`: a LABELS column last */
  readonly showLabels?: boolean;
  /** the clock, epoch milliseconds */
  readonly nowMs: number;
};

type Columns = { headers: string[]; wide: string[]; row: (o: KubeObject, now: number) => { cells: string[]; wide: string[] } };

type Rec = Record<string, unknown>;
const rec = (v: unknown): Rec => (typeof v === 'object' && v !== null && !Array.isArray(v) ? v as Rec : {});
const list = (v: unknown): Rec[] => (Array.isArray(v) ? v.map(rec) : []);
const str = (v: unknown, fallback = '<none>'): string => (typeof v === 'string' && v !== '' ? v : fallback);

const TABLES: Record<string, Columns> = {
  Pod: {
    headers: ['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE'],
    wide: ['IP', 'NODE', 'NOMINATED NODE', 'READINESS GATES'],
    row: (o, now) => {
      const s = podSummary(o);
      const status = rec(o['status']);
      return {
        cells: [o.metadata.name ?? '', `${s.ready}/${s.total}`, s.reason, String(s.restarts), ageSince(o.metadata.creationTimestamp, now)],
        wide: [str(status['podIP']), str(rec(o['spec'])['nodeName']), '<none>', '<none>'],
      };
    },
  },
  Node: {
    headers: ['NAME', 'STATUS', 'ROLES', 'AGE', 'VERSION'],
    wide: ['INTERNAL-IP', 'EXTERNAL-IP', 'OS-IMAGE', 'KERNEL-VERSION', 'CONTAINER-RUNTIME'],
    row: (o, now) => {
      const status = rec(o['status']);
      const info = rec(status['nodeInfo']);
      const address = (type: string): string => str(list(status['addresses']).find((a) => a['type'] === type)?.['address']);
      return {
        cells: [o.metadata.name ?? '', nodeStatus(o), nodeRoles(o), ageSince(o.metadata.creationTimestamp, now), str(info['kubeletVersion'])],
        wide: [address('InternalIP'), address('ExternalIP'), str(info['osImage'], '<unknown>'), str(info['kernelVersion'], '<unknown>'), str(info['containerRuntimeVersion'], '<unknown>')],
      };
    },
  },
  Event: {
    headers: ['LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE'],
    wide: [],
    row: (o, now) => {
      const involved = rec(o['involvedObject']);
      return {
        cells: [ageSince(str(o['lastTimestamp'], ''), now), str(o['type'], ''), str(o['reason'], ''),
          `${str(involved['kind'], '').toLowerCase()}/${str(involved['name'], '')}`, str(o['message'], '')],
        wide: [],
      };
    },
  },
  Namespace: {
    headers: ['NAME', 'STATUS', 'AGE'],
    wide: [],
    row: (o, now) => ({ cells: [o.metadata.name ?? '', str(rec(o['status'])['phase'], 'Active'), ageSince(o.metadata.creationTimestamp, now)], wide: [] }),
  },
  DaemonSet: {
    headers: ['NAME', 'DESIRED', 'CURRENT', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'NODE SELECTOR', 'AGE'],
    wide: ['CONTAINERS', 'IMAGES', 'SELECTOR'],
    row: (o, now) => {
      const status = rec(o['status']);
      const spec = rec(o['spec']);
      const podSpec = rec(rec(spec['template'])['spec']);
      const n = (k: string): string => String(status[k] ?? 0);
      return {
        cells: [o.metadata.name ?? '', n('desiredNumberScheduled'), n('currentNumberScheduled'), n('numberReady'), n('updatedNumberScheduled'),
          n('numberAvailable'), labelsText(rec(podSpec['nodeSelector'])), ageSince(o.metadata.creationTimestamp, now)],
        wide: [list(podSpec['containers']).map((c) => str(c['name'], '')).join(','), list(podSpec['containers']).map((c) => str(c['image'], '')).join(','),
          labelsText(rec(rec(spec['selector'])['matchLabels']))],
      };
    },
  },
  Deployment: {
    headers: ['NAME', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'AGE'],
    wide: ['CONTAINERS', 'IMAGES', 'SELECTOR'],
    row: (o, now) => {
      const status = rec(o['status']);
      const spec = rec(o['spec']);
      const podSpec = rec(rec(spec['template'])['spec']);
      return {
        cells: [o.metadata.name ?? '', `${String(status['readyReplicas'] ?? 0)}/${String(spec['replicas'] ?? 1)}`, String(status['updatedReplicas'] ?? 0),
          String(status['availableReplicas'] ?? 0), ageSince(o.metadata.creationTimestamp, now)],
        wide: [list(podSpec['containers']).map((c) => str(c['name'], '')).join(','), list(podSpec['containers']).map((c) => str(c['image'], '')).join(','),
          labelsText(rec(rec(spec['selector'])['matchLabels']))],
      };
    },
  },
  PodSecurityPolicy: {
    headers: ['NAME', 'PRIV', 'CAPS', 'SELINUX', 'RUNASUSER', 'FSGROUP', 'SUPGROUP', 'READONLYROOTFS', 'VOLUMES'],
    wide: [],
    row: (o) => {
      const spec = rec(o['spec']);
      const rule = (k: string): string => str(rec(spec[k])['rule'], '');
      const strings = (k: string): string => (Array.isArray(spec[k]) ? (spec[k] as unknown[]).map(String).join(',') : '');
      return {
        cells: [o.metadata.name ?? '', String(spec['privileged'] === true), strings('allowedCapabilities'), rule('seLinux'), rule('runAsUser'),
          rule('fsGroup'), rule('supplementalGroups'), String(spec['readOnlyRootFilesystem'] === true), strings('volumes')],
        wide: [],
      };
    },
  },
  ConfigMap: {
    headers: ['NAME', 'DATA', 'AGE'],
    wide: [],
    row: (o, now) => ({ cells: [o.metadata.name ?? '', String(Object.keys(rec(o['data'])).length), ageSince(o.metadata.creationTimestamp, now)], wide: [] }),
  },
};

/**
 * Prints objects of one kind as kubectl get's table.
 * @param kind the kind (`Pod`, `Node`, `Event` …)
 * @param objects the objects, in the order to print
 * @param options wide, namespace column, headers, clock
 * @returns the table text (empty when there is nothing to print)
 * @example printTable('Namespace', [{ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default', creationTimestamp: '2024-05-01T10:00:00Z' } }], { nowMs: Date.parse('2024-05-01T10:00:05Z') }) // → 'NAME      STATUS   AGE\ndefault   Active   5s\n'
 */
export function printTable(kind: string, objects: readonly KubeObject[], options: TableOptions): string {
  if (objects.length === 0) return '';
  const table = TABLES[kind] ?? genericTable();
  const rows: string[][] = [];
  const withNs = (cells: string[], ns: string): string[] => (options.showNamespace ? [ns, ...cells] : cells);
  const labels = (o: KubeObject): string[] => (options.showLabels ? [labelsText(o.metadata.labels ?? {})] : []);
  if (!options.noHeaders) rows.push(withNs([...table.headers, ...(options.isWide ? table.wide : []), ...(options.showLabels ? ['LABELS'] : [])], 'NAMESPACE'));
  for (const o of objects) {
    const { cells, wide } = table.row(o, options.nowMs);
    rows.push(withNs([...cells, ...(options.isWide ? wide : []), ...labels(o)], o.metadata.namespace ?? ''));
  }
  return tabwrite(rows.map((r) => `${r.join('\t')}\n`).join(''), GET_TABWRITER);
}

/** Kinds without their own columns print NAME and AGE (the default table). */
function genericTable(): Columns {
  return { headers: ['NAME', 'AGE'], wide: [], row: (o, now) => ({ cells: [o.metadata.name ?? '', ageSince(o.metadata.creationTimestamp, now)], wide: [] }) };
}

/**
 * The READY, STATUS and RESTARTS of a pod, as printPod derives them from its status.
 * @param pod the pod object
 * @returns ready and total containers, the STATUS text, restarts
 * @example podSummary({ apiVersion: 'v1', kind: 'Pod', metadata: {}, spec: { containers: [{ name: 'c' }] }, status: { phase: 'Pending' } }).reason // → 'Pending'
 */
export function podSummary(pod: KubeObject): { ready: number; total: number; reason: string; restarts: number } {
  const status = rec(pod['status']);
  const total = list(rec(pod['spec'])['containers']).length;
  let reason = str(status['phase'], '');
  if (typeof status['reason'] === 'string' && status['reason'] !== '') reason = status['reason'];
  let ready = 0;
  let restarts = 0;
  let hasRunning = false;
  const statuses = list(status['containerStatuses']);
  for (let i = statuses.length - 1; i >= 0; i--) {
    const c = statuses[i] as Rec;
    const state = rec(c['state']);
    restarts += Number(c['restartCount'] ?? 0);
    const waiting = rec(state['waiting']);
    const terminated = state['terminated'] === undefined ? undefined : rec(state['terminated']);
    if (str(waiting['reason'], '') !== '') reason = str(waiting['reason']);
    else if (terminated && str(terminated['reason'], '') !== '') reason = str(terminated['reason']);
    else if (terminated) reason = Number(terminated['signal'] ?? 0) !== 0 ? `Signal:${String(terminated['signal'])}` : `ExitCode:${String(terminated['exitCode'] ?? 0)}`;
    else if (c['ready'] === true && state['running'] !== undefined) { hasRunning = true; ready++; }
  }
  if (reason === 'Completed' && hasRunning) reason = 'Running';
  if (pod.metadata['deletionTimestamp'] !== undefined) reason = 'Terminating';
  return { ready, total, reason, restarts };
}

function nodeStatus(node: KubeObject): string {
  const ready = list(rec(node['status'])['conditions']).find((c) => c['type'] === 'Ready');
  const text = ready === undefined ? 'Unknown' : ready['status'] === 'True' ? 'Ready' : 'NotReady';
  return rec(node['spec'])['unschedulable'] === true ? `${text},SchedulingDisabled` : text;
}

/** Roles from `node-role.kubernetes.io/<role>` labels (and the legacy `kubernetes.io/role`), sorted. */
function nodeRoles(node: KubeObject): string {
  const roles = new Set<string>();
  for (const [key, value] of Object.entries(node.metadata.labels ?? {})) {
    if (key.startsWith('node-role.kubernetes.io/')) roles.add(key.slice('node-role.kubernetes.io/'.length));
    else if (key === 'kubernetes.io/role' && value !== '') roles.add(value);
  }
  return roles.size === 0 ? '<none>' : [...roles].sort().join(',');
}

/** A label map as `k=v,k2=v2` (sorted), or `<none>`. */
function labelsText(labels: Rec): string {
  const keys = Object.keys(labels).sort();
  return keys.length === 0 ? '<none>' : keys.map((k) => `${k}=${String(labels[k])}`).join(',');
}
