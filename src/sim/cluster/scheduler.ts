/**
 * The default scheduler, reduced to what AppArmor lessons need: nodeSelector against node labels, the
 * control plane's NoSchedule taint, and spreading (fewest pods first, then by name, so runs are
 * deterministic), plus the DaemonSet controller's choice of nodes. It knows nothing about AppArmor
 * profiles — which is the lesson. Pure.
 */
import type { KubeObject, Pod } from './objects.ts';

/** What the scheduler sees of a node. */
export type SchedulableNode = { readonly object: KubeObject; readonly podCount: number };

/** The outcome: a node name, or the FailedScheduling message. */
export type ScheduleResult = { readonly node: string } | { readonly failure: string };

type Taint = { key?: string; value?: string; effect?: string };

/**
 * Picks a node for a pod.
 * @param pod the pending pod
 * @param nodes the cluster's nodes and their pod counts
 * @param minor the cluster's minor version (the failure wording changed over time)
 * @returns the node, or the scheduler's `0/3 nodes are available: …` message
 * @example schedulePod(pod, nodes, 30) // → { node: 'node01' }
 */
export function schedulePod(pod: Pod, nodes: readonly SchedulableNode[], minor: number): ScheduleResult {
  const selector = pod.spec.nodeSelector ?? {};
  const tolerations = Array.isArray(pod.spec['tolerations']) ? pod.spec['tolerations'] as { key?: string; operator?: string; effect?: string }[] : [];
  let tainted = 0;
  let unmatched = 0;
  const taintText = new Set<string>();
  const fits: SchedulableNode[] = [];
  for (const node of nodes) {
    const taints = (((node.object['spec'] as { taints?: Taint[] } | undefined)?.taints) ?? []).filter((t) => t.effect === 'NoSchedule');
    const untolerated = taints.filter((t) => !tolerations.some((tol) => tol.operator === 'Exists' && (tol.key === undefined || tol.key === t.key) || tol.key === t.key));
    if (untolerated.length > 0) {
      tainted++;
      for (const t of untolerated) taintText.add(`{${t.key ?? ''}: ${t.value ?? ''}}`);
      continue;
    }
    const labels = node.object.metadata.labels ?? {};
    if (Object.entries(selector).some(([k, v]) => labels[k] !== v)) { unmatched++; continue; }
    fits.push(node);
  }
  const best = [...fits].sort((a, b) => a.podCount - b.podCount || ((a.object.metadata.name ?? '') < (b.object.metadata.name ?? '') ? -1 : 1))[0];
  if (best) return { node: best.object.metadata.name ?? '' };
  return { failure: failureMessage(nodes.length, tainted, [...taintText].join(', '), unmatched, minor) };
}

/** The FailedScheduling text: reasons sorted as the framework's sort of its reason strings. */
function failureMessage(total: number, tainted: number, taints: string, unmatched: number, minor: number): string {
  const reasons: string[] = [];
  const plural = (n: number): string => `${n} node(s)`;
  if (tainted > 0) reasons.push(minor >= 25 ? `${plural(tainted)} had untolerated taint ${taints}` : `${plural(tainted)} had taint ${taints}, that the pod didn't tolerate`);
  if (unmatched > 0) reasons.push(minor >= 22 ? `${plural(unmatched)} didn't match Pod's node affinity/selector` : minor >= 18 ? `${plural(unmatched)} didn't match node selector` : `${plural(unmatched)} didn't match node selector`);
  reasons.sort();
  const text = `0/${total} nodes are available: ${reasons.join(', ')}.`;
  return minor >= 24 ? `${text} preemption: 0/${total} nodes are available: ${total} Preemption is not helpful for scheduling.` : text;
}

/**
 * The nodes a DaemonSet runs a pod on: every node whose taints its template tolerates and whose labels
 * match its nodeSelector (the DaemonSet controller's `nodeShouldRunDaemonPod`).
 * @param template the DaemonSet's pod template spec
 * @param nodes the cluster's nodes
 * @returns the names of the eligible nodes, in order
 * @example daemonSetNodes({ containers: [] }, nodes) // → ['node01', 'node02'] beside a tainted control plane
 */
export function daemonSetNodes(template: Pod['spec'], nodes: readonly KubeObject[]): string[] {
  const probe = { apiVersion: 'v1', kind: 'Pod', metadata: {}, spec: template } as Pod;
  return nodes.filter((node) => 'node' in schedulePod(probe, [{ object: node, podCount: 0 }], 34)).map((n) => n.metadata.name ?? '');
}
