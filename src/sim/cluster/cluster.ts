/**
 * The simulated cluster: an API server of one version (1.14 … 1.34), a control-plane node (the world's
 * own node) and worker nodes — each a SimNode with its own kernel, loaded profiles and hostname — plus the
 * scheduler and each node's kubelet and runtime. `reconcile()` runs them until every pod is placed and
 * started, as the control loops would between two kubectl commands. It holds no terminal.
 */
import { SimNode } from '../node/node.ts';
import { createApiServer, type ApiResult, type ApiServer, type MetadataChanges } from './api-server.ts';
import type { KubeObject, Pod } from './objects.ts';
import { eraRules, type ClusterVersion, type EraRules, type FeatureGates } from './versions.ts';
import { isAppArmorEnabled, syncPod, type KubeletContext, type KubeletNode } from './kubelet.ts';
import { schedulePod } from './scheduler.ts';
import { runDaemonSetController, runDeploymentController } from './kubectl/controllers.ts';
import { defaultProfileText, type Container } from './runtime.ts';
import { notFoundStatus, formatKubectlError } from './status.ts';

/** How a cluster is built. */
export type ClusterOptions = {
  readonly version: ClusterVersion;
  /** the node the learner's shell runs on; it becomes the control plane */
  readonly controlPlane: SimNode;
  /** worker hostnames (default `node01`, `node02`) */
  readonly workers?: readonly string[];
  readonly featureGates?: FeatureGates;
  /** the PodSecurityPolicy admission plugin (before v1.25) */
  readonly isPspEnabled?: boolean;
  /** nodes whose kernel has AppArmor disabled (`apparmor=0` on the kernel command line) */
  readonly appArmorDisabledOn?: readonly string[];
};

/** One node of the cluster. */
export type ClusterNode = KubeletNode & { readonly role: 'control-plane' | 'worker'; object: KubeObject };

const ELF = '\u007fELF\u0002\u0001\u0001';

/** The cluster. */
export class Cluster {
  readonly api: ApiServer;
  readonly rules: EraRules;
  readonly nodes: ClusterNode[] = [];
  readonly #controlPlane: SimNode;
  readonly #kubelet: KubeletContext;
  readonly #synced = new Set<string>();
  #ids = 0;

  /** @param options version, nodes, gates */
  constructor(options: ClusterOptions) {
    this.#controlPlane = options.controlPlane;
    this.rules = eraRules(options.version, options.featureGates);
    this.api = createApiServer({
      version: options.version, clock: () => this.nowText(),
      ...(options.featureGates ? { featureGates: options.featureGates } : {}),
      ...(options.isPspEnabled !== undefined ? { isPspEnabled: options.isPspEnabled } : {}),
    });
    this.#kubelet = {
      api: this.api, minor: options.version.minor, checksProfileLoaded: this.rules.kubeletChecksProfileLoaded,
      now: () => this.nowText(), newId: () => this.#newId(), containers: new Map<string, Container>(),
    };
    const hosts = [options.controlPlane, ...(options.workers ?? ['node01', 'node02'])
      .map((hostname) => new SimNode(options.controlPlane.registry, { hostname, clock: options.controlPlane.clock.snapshot() }))];
    hosts.forEach((host, i) => this.#addNode(host, i, options.appArmorDisabledOn?.includes(host.hostname) === true));
  }

  /** @returns the clock in epoch milliseconds (the control plane's) */
  nowMs(): number {
    return this.#controlPlane.clock.now();
  }

  /** @returns the clock as RFC 3339 without fractions, as metav1.Time marshals */
  nowText(): string {
    return new Date(this.nowMs()).toISOString().replace(/\.\d+Z$/, 'Z');
  }

  /**
   * @param name a node name
   * @returns the node, if the cluster has it
   */
  node(name: string): ClusterNode | undefined {
    return this.nodes.find((n) => n.name === name);
  }

  /**
   * The container a pod runs, for `kubectl exec` and `logs`.
   * @param namespace the pod's namespace
   * @param pod the pod's name
   * @param container the container's name
   * @returns the started container
   */
  container(namespace: string, pod: string, container: string): Container | undefined {
    return this.#kubelet.containers.get(`${namespace}/${pod}/${container}`);
  }

  /**
   * Changes a node's labels (`kubectl label node`).
   * @param name the node
   * @param changes keys to set, or null to remove
   * @param overwrite kubectl's `--overwrite`
   * @returns the node, or kubectl's error text
   */
  labelNode(name: string, changes: MetadataChanges, overwrite: boolean): ApiResult<KubeObject> {
    const node = this.node(name);
    if (!node) return { ok: false, warnings: [], error: formatKubectlError(notFoundStatus('nodes', name)) };
    const labels = { ...(node.object.metadata.labels ?? {}) };
    for (const [k, v] of Object.entries(changes)) {
      const old = labels[k];
      if (v !== null && old !== undefined && old !== v && !overwrite) {
        return { ok: false, warnings: [], error: `error: '${k}' already has a value (${old}), and --overwrite is false` };
      }
      if (v === null) delete labels[k]; else labels[k] = v;
    }
    node.object = { ...node.object, metadata: { ...node.object.metadata, labels } };
    return { ok: true, object: node.object, kind: { kind: 'Node', group: '', version: 'v1', resource: 'nodes', namespaced: false }, warnings: [] };
  }

  /** Forgets a deleted pod's containers. */
  forgetPod(namespace: string, name: string): void {
    for (const key of [...this.#kubelet.containers.keys()]) if (key.startsWith(`${namespace}/${name}/`)) this.#kubelet.containers.delete(key);
    for (const key of [...this.#synced]) if (key.startsWith(`${namespace}/${name}/`)) this.#synced.delete(key);
  }

  /**
   * Moves the workers' clocks up to the control plane's (the world advances only its own node's clock per
   * command), so records logged on a worker carry a time after the command that caused them.
   */
  syncClocks(): void {
    const now = this.nowMs();
    for (const node of this.nodes) {
      // each step is 1.2–4.7 s, so this runs once or twice per command typed
      for (let guard = 0; node.host.clock.now() < now && guard < 1000; guard++) node.host.clock.advance('command');
    }
  }

  /** Runs the DaemonSet controller, the scheduler and the kubelets until every pod is bound and synced once. */
  reconcile(): void {
    this.syncClocks();
    runDaemonSetController(this.api, this.nodes.map((n) => n.object));
    runDeploymentController(this.api);
    for (const pod of this.api.list('pods') as Pod[]) {
      const key = `${pod.metadata.namespace ?? 'default'}/${pod.metadata.name ?? ''}/${pod.metadata.uid ?? ''}`;
      if (this.#synced.has(key)) continue;
      let nodeName = pod.spec.nodeName;
      if (nodeName === undefined) {
        const counts = this.nodes.map((n) => ({ object: n.object, podCount: this.#podCount(n.name) }));
        const result = schedulePod(pod, counts, this.rules.version.minor);
        if ('failure' in result) {
          this.api.recordEvent({ involvedObject: pod, type: 'Warning', reason: 'FailedScheduling', message: result.failure, component: 'default-scheduler' });
          this.api.updateStatus('pods', pod.metadata.name ?? '', pod.metadata.namespace, {
            phase: 'Pending', conditions: [{ type: 'PodScheduled', status: 'False', lastProbeTime: null, lastTransitionTime: this.nowText(), reason: 'Unschedulable', message: result.failure }],
            qosClass: 'BestEffort',
          });
          this.#synced.add(key);
          continue;
        }
        nodeName = result.node;
        this.#bind(pod, nodeName);
        this.api.recordEvent({ involvedObject: pod, type: 'Normal', reason: 'Scheduled', message: `Successfully assigned ${pod.metadata.namespace ?? 'default'}/${pod.metadata.name ?? ''} to ${nodeName}`, component: 'default-scheduler' });
      }
      this.#synced.add(key);
      const node = this.node(nodeName);
      const bound = this.api.get('pods', pod.metadata.name ?? '', pod.metadata.namespace);
      if (node && bound.ok) syncPod(this.#kubelet, node, bound.object as Pod);
    }
  }

  /** Binding: the scheduler's pods/binding subresource sets spec.nodeName. */
  #bind(pod: Pod, nodeName: string): void {
    this.api.bind(pod.metadata.name ?? '', pod.metadata.namespace, nodeName);
  }

  #podCount(node: string): number {
    return (this.api.list('pods') as Pod[]).filter((p) => p.spec.nodeName === node).length;
  }

  #newId(): string {
    this.#ids += 1;
    let hex = '';
    let seed = this.#ids * 2654435761;
    while (hex.length < 64) {
      seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
      hex += seed.toString(16).padStart(8, '0');
    }
    return hex.slice(0, 64);
  }

  #addNode(host: SimNode, index: number, isAppArmorDisabled: boolean): void {
    const runtime = this.rules.defaultRuntime;
    const fs = host.kernel.fs;
    if (!fs.get('/usr/bin/kubectl')) {
      // kubeadm clusters ship kubectl on every node; the command itself is registered by installCluster
      fs.put('/usr/bin/kubectl', { type: 'file', mode: 0o755, uid: 0, gid: 0, content: ELF, exec: { kind: 'dynamic', program: 'kubectl' } });
    }
    if (isAppArmorDisabled) {
      fs.remove('/sys/module/apparmor/parameters/enabled');
      fs.put('/sys/module/apparmor/parameters/enabled', { type: 'file', mode: 0o444, uid: 0, gid: 0, content: 'N\n' });
    } else {
      const root = host.kernel.tasks.get(1);
      // the runtime loads its default profile when it starts (dockerd at boot, containerd's CRI plugin)
      if (root) host.loadPolicy(root, defaultProfileText(runtime), runtime === 'docker' ? '/etc/apparmor.d/docker' : '', { action: 'replace', isComplain: false, isKernelLoad: true });
      host.discardLog();
    }
    const isControlPlane = index === 0;
    const ip = `192.168.1.${10 + index}`;
    const node: ClusterNode = {
      name: host.hostname, ip, runtime, host, podNetwork: `10.244.${index}.`, pulledImages: new Set<string>(), nextPodIp: 2,
      role: isControlPlane ? 'control-plane' : 'worker', object: this.#nodeObject(host, ip, isControlPlane),
    };
    this.nodes.push(node);
  }

  #nodeObject(host: SimNode, ip: string, isControlPlane: boolean): KubeObject {
    const minor = this.rules.version.minor;
    const roleLabels: Record<string, string> = !isControlPlane ? {} : minor < 20
      ? { 'node-role.kubernetes.io/master': '' } : minor < 24
        ? { 'node-role.kubernetes.io/control-plane': '', 'node-role.kubernetes.io/master': '' } : { 'node-role.kubernetes.io/control-plane': '' };
    const taintKey = minor < 24 ? 'node-role.kubernetes.io/master' : 'node-role.kubernetes.io/control-plane';
    const created = new Date(host.clock.now() - Math.floor(host.clock.uptime() * 1000)).toISOString().replace(/\.\d+Z$/, 'Z');
    const enabled = isAppArmorEnabled(host);
    // setNodeReadyCondition appends the AppArmor validator's verdict on the host, in every era (seen in 2018 … 2026 node dumps)
    const readyMessage = `kubelet is posting ready status${enabled ? '. AppArmor enabled' : ''}`;
    const condition = (type: string, status: string, reason: string, message: string): Record<string, string> =>
      ({ type, status, lastHeartbeatTime: created, lastTransitionTime: created, reason, message });
    const runtimeVersion = this.rules.defaultRuntime === 'docker' ? 'docker://19.3.15' : 'containerd://1.7.22';
    return {
      apiVersion: 'v1', kind: 'Node',
      metadata: {
        name: host.hostname, creationTimestamp: created,
        labels: {
          'beta.kubernetes.io/arch': 'amd64', 'beta.kubernetes.io/os': 'linux', 'kubernetes.io/arch': 'amd64',
          'kubernetes.io/hostname': host.hostname, 'kubernetes.io/os': 'linux', ...roleLabels,
        },
      },
      spec: { podCIDR: `10.244.${this.nodes.length}.0/24`, ...(isControlPlane ? { taints: [{ key: taintKey, effect: 'NoSchedule' }] } : {}) },
      status: {
        addresses: [{ type: 'InternalIP', address: ip }, { type: 'Hostname', address: host.hostname }],
        conditions: [
          condition('MemoryPressure', 'False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available'),
          condition('DiskPressure', 'False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'),
          condition('PIDPressure', 'False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'),
          condition('Ready', 'True', 'KubeletReady', readyMessage),
        ],
        nodeInfo: {
          architecture: 'amd64', bootID: '', containerRuntimeVersion: runtimeVersion, kernelVersion: host.info.kernelRelease,
          kubeProxyVersion: `v1.${minor}.0`, kubeletVersion: `v1.${minor}.0`, machineID: '', operatingSystem: 'linux',
          osImage: 'Debian GNU/Linux 12 (bookworm)', systemUUID: '',
        },
      },
    };
  }
}

/**
 * Builds a cluster around the world's node.
 * @param options version, control-plane node, workers, gates
 * @returns the cluster
 */
export function createCluster(options: ClusterOptions): Cluster {
  return new Cluster(options);
}
