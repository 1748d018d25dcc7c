/**
 * The kube-controller-manager loops the lab needs, run by `Cluster.reconcile()` before the scheduler:
 * the DaemonSet controller (a pod per eligible node) and the Deployment controller (`replicas` pods named
 * `<deployment>-<pod-template-hash>-<5 chars>`; ReplicaSets are not simulated, so pods are owned by the
 * Deployment directly). Pods go through the API server's create, so admission (PSA, PSP) applies to them.
 */
import type { ApiServer } from '../api-server.ts';
import type { DaemonSet, Deployment, KubeObject, ObjectMeta, Pod, PodTemplateSpec } from '../objects.ts';
import { daemonSetNodes } from '../scheduler.ts';

function ownedBy(pods: readonly Pod[], owner: KubeObject): Pod[] {
  return pods.filter((p) => p.metadata.namespace === owner.metadata.namespace &&
    (p.metadata['ownerReferences'] as { uid?: string }[] | undefined)?.some((r) => r.uid === owner.metadata.uid));
}

/** Creates one pod of a template for an owner, recording the controller's event. */
function createPod(api: ApiServer, owner: KubeObject, template: PodTemplateSpec, prefix: string, extra: { nodeName?: string; labels?: Record<string, string> }): Pod | undefined {
  const namespace = owner.metadata.namespace ?? 'default';
  const metadata: ObjectMeta = {
    generateName: prefix, namespace, labels: { ...(template.metadata?.labels ?? {}), ...(extra.labels ?? {}) },
    ...(template.metadata?.annotations ? { annotations: { ...template.metadata.annotations } } : {}),
    ownerReferences: [{ apiVersion: owner.apiVersion, kind: owner.kind, name: owner.metadata.name, uid: owner.metadata.uid, controller: true, blockOwnerDeletion: true }],
  };
  const spec = { ...template.spec, ...(extra.nodeName ? { nodeName: extra.nodeName } : {}) };
  const created = api.create({ apiVersion: 'v1', kind: 'Pod', metadata, spec }, { namespace });
  const component = owner.kind === 'DaemonSet' ? 'daemonset-controller' : 'replicaset-controller';
  if (created.ok) {
    api.recordEvent({ involvedObject: owner, type: 'Normal', reason: 'SuccessfulCreate', message: `Created pod: ${created.object.metadata.name ?? ''}`, component });
    return created.object as Pod;
  }
  api.recordEvent({ involvedObject: owner, type: 'Warning', reason: 'FailedCreate', message: `Error creating: ${created.error.replace(/^Error from server \(\w+\): /, '')}`, component });
  return undefined;
}

/**
 * The DaemonSet controller: a pod on every node the template may run on, then the set's status counts.
 * @param api the API server
 * @param nodes the cluster's Node objects
 */
export function runDaemonSetController(api: ApiServer, nodes: readonly KubeObject[]): void {
  const pods = api.list('pods') as Pod[];
  for (const ds of api.list('daemonsets') as DaemonSet[]) {
    const owned = ownedBy(pods, ds);
    const wanted = daemonSetNodes(ds.spec.template.spec, nodes);
    for (const nodeName of wanted) {
      if (owned.some((p) => p.spec.nodeName === nodeName)) continue;
      const pod = createPod(api, ds, ds.spec.template, `${ds.metadata.name ?? ''}-`, { nodeName });
      if (pod) owned.push(pod);
    }
    const n = owned.length;
    api.updateStatus('daemonsets', ds.metadata.name ?? '', ds.metadata.namespace, {
      currentNumberScheduled: n, desiredNumberScheduled: wanted.length, numberMisscheduled: 0, numberReady: n,
      updatedNumberScheduled: n, numberAvailable: n, observedGeneration: 1,
    });
  }
}

/**
 * The Deployment controller: `spec.replicas` (default 1) pods with the `pod-template-hash` label.
 * @param api the API server
 */
export function runDeploymentController(api: ApiServer): void {
  const pods = api.list('pods') as Pod[];
  for (const deployment of api.list('deployments') as Deployment[]) {
    const owned = ownedBy(pods, deployment);
    const replicas = typeof deployment.spec.replicas === 'number' ? deployment.spec.replicas : 1;
    const hash = templateHash(deployment.metadata.uid ?? deployment.metadata.name ?? '');
    for (let i = owned.length; i < replicas; i++) {
      const pod = createPod(api, deployment, deployment.spec.template, `${deployment.metadata.name ?? ''}-${hash}-`, { labels: { 'pod-template-hash': hash } });
      if (pod) owned.push(pod);
    }
    api.updateStatus('deployments', deployment.metadata.name ?? '', deployment.metadata.namespace, {
      observedGeneration: 1, replicas: owned.length, updatedReplicas: owned.length, readyReplicas: owned.length, availableReplicas: owned.length,
    });
  }
}

/** A stand-in for the ReplicaSet's pod-template-hash: 10 characters of the safe alphabet, stable per object. */
function templateHash(seed: string): string {
  const alphabet = 'bcdfghjklmnpqrstvwxz2456789';
  let h = 2166136261;
  for (const c of seed) h = Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0;
  let out = '';
  for (let i = 0; i < 10; i++) {
    out += alphabet[h % alphabet.length];
    h = Math.imul(h, 1103515245) + 12345 >>> 0;
  }
  return out;
}
