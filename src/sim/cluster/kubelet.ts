/**
 * The kubelet of one node: admission (the AppArmor checks of its era), pulling images, asking the
 * runtime for containers, and writing pod status and events through the API server. The old kubelet
 * (≤ v1.23) blocks a pod whose profile is not loaded (`Cannot enforce AppArmor: profile "x" is not
 * loaded`, container `Blocked`); the new one checks only that AppArmor is enabled and leaves a missing
 * profile to containerd (`CreateContainerError`).
 */
import type { SimNode } from '../node/node.ts';
import type { ApiServer } from './api-server.ts';
import type { KubeObject, Pod } from './objects.ts';
import { runtimeProfile } from './pod.ts';
import { imageId, parseImage, type ImageRef } from './images.ts';
import { createContainer, hasProgram, runInContainer, type Container, type RuntimeName } from './runtime.ts';

/** What the kubelet knows of its node. */
export type KubeletNode = {
  readonly name: string;
  readonly ip: string;
  readonly runtime: RuntimeName;
  readonly host: SimNode;
  /** `10.244.1.` — pod IPs are handed out from it */
  readonly podNetwork: string;
  /** images already pulled (`busybox:1.28`) */
  readonly pulledImages: Set<string>;
  nextPodIp: number;
};

/** The kubelet's connection to the cluster. */
export type KubeletContext = {
  readonly api: ApiServer;
  readonly minor: number;
  readonly checksProfileLoaded: boolean;
  /** the clock as RFC 3339 */
  readonly now: () => string;
  /** 64 hex digits for container IDs */
  readonly newId: () => string;
  /** started containers, by `namespace/pod/container` */
  readonly containers: Map<string, Container>;
};

type Status = Record<string, unknown>;

/**
 * Whether AppArmor is enabled on a node, as the kubelet reads `/sys/module/apparmor/parameters/enabled`.
 * @param host the node
 * @returns true when the parameter says Y
 */
export function isAppArmorEnabled(host: SimNode): boolean {
  const found = host.kernel.fs.lookup('/sys/module/apparmor/parameters/enabled');
  return found.ok && found.inode.content.trim() === 'Y';
}

/**
 * Admits and starts a pod bound to this node, once.
 * @param ctx the API server, version rules, clock and container table
 * @param node this node
 * @param pod the stored pod (spec.nodeName = node.name)
 */
export function syncPod(ctx: KubeletContext, node: KubeletNode, pod: Pod): void {
  const event = (type: 'Normal' | 'Warning', reason: string, message: string): void => {
    ctx.api.recordEvent({ involvedObject: pod, type, reason, message, component: 'kubelet', host: node.name });
  };
  const refusal = admit(ctx, node, pod);
  if (refusal !== undefined) {
    event('Warning', 'AppArmor', `Cannot enforce AppArmor: ${refusal}`);
    writeStatus(ctx, pod, ctx.checksProfileLoaded
      ? { phase: 'Pending', reason: 'AppArmor', message: `Pod Cannot enforce AppArmor: ${refusal}`, ...placed(ctx, node, pod, false),
        containerStatuses: pod.spec.containers.map((c) => waitingStatus(c.name, c.image ?? '', 'Blocked')) }
      : { phase: 'Failed', reason: 'AppArmor', message: `Cannot enforce AppArmor: ${refusal}`, startTime: ctx.now() });
    return;
  }
  const ip = `${node.podNetwork}${node.nextPodIp++}`;
  const statuses: Status[] = [];
  for (const c of pod.spec.containers) {
    const ref = parseImage(c.image ?? '');
    pull(ctx, node, ref, c.image ?? '', event);
    const profile = runtimeProfile(pod, c.name, node.runtime);
    const label = profile === undefined || !isAppArmorEnabled(node.host) && profile.type !== 'Localhost' ? 'unconfined' : profile.label;
    // `command` replaces the image's ENTRYPOINT (none in our images) and `args` its CMD
    const command = c.command ? [...c.command, ...(c.args ?? [])] : c.args ?? [...(ref.image?.defaultCommand ?? [])];
    const made = createContainer(node.host, { podName: pod.metadata.name ?? '', image: ref, command, profile: label, runtime: node.runtime });
    if ('error' in made) {
      event('Warning', 'Failed', `Error: ${made.error}`);
      statuses.push({ ...waitingStatus(c.name, imageName(ref, node.runtime), 'CreateContainerError'), state: { waiting: { reason: 'CreateContainerError', message: made.error } } });
      continue;
    }
    const id = ctx.newId();
    ctx.containers.set(`${pod.metadata.namespace ?? 'default'}/${pod.metadata.name ?? ''}/${c.name}`, made);
    if (/(^|\/)apparmor-loader(:|$)/.test(ref.repository + (ref.tag ? `:${ref.tag}` : ''))) loadMountedProfiles(ctx, node, pod, c);
    if (node.runtime === 'docker') {
      event('Normal', 'Created', `Created container with docker id ${id.slice(0, 12)}; Security:[seccomp=unconfined apparmor=${label}]`);
      event('Normal', 'Started', `Started container with docker id ${id.slice(0, 12)}`);
    } else {
      // kuberuntime_container.go: `Created container: %v` in recent kubelets (seen in v1.33 code), `Created container %v` before
      event('Normal', 'Created', ctx.minor >= 33 ? `Created container: ${c.name}` : `Created container ${c.name}`);
      event('Normal', 'Started', `Started container ${c.name}`);
    }
    statuses.push({
      name: c.name, state: { running: { startedAt: ctx.now() } }, lastState: {}, ready: true, restartCount: 0,
      image: imageName(ref, node.runtime), imageID: imageId(ref, node.runtime), containerID: `${node.runtime}://${id}`, started: true,
    });
  }
  const isRunning = statuses.every((s) => s['ready'] === true);
  writeStatus(ctx, pod, { phase: isRunning ? 'Running' : 'Pending', ...placed(ctx, node, pod, isRunning), podIP: ip, podIPs: [{ ip }], containerStatuses: statuses });
}

/**
 * What the Kubernetes apparmor-loader image does (test/images/apparmor-loader): every file of its
 * mounted ConfigMap volumes is a profile it loads into the host's kernel with apparmor_parser.
 */
function loadMountedProfiles(ctx: KubeletContext, node: KubeletNode, pod: Pod, container: Pod['spec']['containers'][number]): void {
  const root = node.host.kernel.tasks.get(1);
  const volumes = Array.isArray(pod.spec['volumes']) ? pod.spec['volumes'] as { name?: string; configMap?: { name?: string } }[] : [];
  const mounts = Array.isArray(container['volumeMounts']) ? container['volumeMounts'] as { name?: string; mountPath?: string }[] : [];
  for (const mount of mounts) {
    const source = volumes.find((v) => v.name === mount.name)?.configMap?.name;
    if (!root || source === undefined) continue;
    const map = ctx.api.get('configmaps', source, pod.metadata.namespace);
    if (!map.ok) continue;
    const data = (map.object['data'] ?? {}) as Record<string, string>;
    for (const key of Object.keys(data).sort()) {
      node.host.loadPolicy(root, data[key] ?? '', `${mount.mountPath ?? ''}/${key}`, { action: 'replace', isComplain: false, isKernelLoad: true });
    }
  }
  node.host.collectLog();
}

/** The era's admission checks; returns the error text after `Cannot enforce AppArmor: `. */
function admit(ctx: KubeletContext, node: KubeletNode, pod: Pod): string | undefined {
  const profiles = pod.spec.containers.map((c) => runtimeProfile(pod, c.name, node.runtime));
  const isRequired = profiles.some((p) => p !== undefined && p.source !== 'default' && p.type !== 'Unconfined');
  if (!isRequired) return undefined;
  if (!isAppArmorEnabled(node.host)) return 'AppArmor is not enabled on the host';
  for (const p of profiles) {
    if (p?.type !== 'Localhost') continue;
    if ((p.localhostProfile ?? '').trim() === '') return `invalid empty AppArmor profile name: "${p.localhostProfile ?? ''}"`;
    // as the old pkg/security/apparmor/validate.go: the kubelet itself reads the loaded profiles
    if (ctx.checksProfileLoaded && node.host.kernel.profiles.find(p.localhostProfile ?? '') === undefined) {
      return `profile "${p.localhostProfile ?? ''}" is not loaded`;
    }
  }
  return undefined;
}

function pull(ctx: KubeletContext, node: KubeletNode, ref: ImageRef, image: string, event: (t: 'Normal' | 'Warning', r: string, m: string) => void): void {
  const key = `${ref.repository}:${ref.tag}`;
  if (ref.tag !== 'latest' && node.pulledImages.has(key)) {
    event('Normal', 'Pulled', `Container image "${image}" already present on machine`);
    return;
  }
  event('Normal', 'Pulling', ctx.minor < 15 ? `pulling image "${image}"` : `Pulling image "${image}"`);
  const size = ref.image ? `. Image size: ${ref.image.size} bytes.` : '';
  event('Normal', 'Pulled', ctx.minor < 24 ? `Successfully pulled image "${image}"` : `Successfully pulled image "${image}" in 1.204s (1.204s including waiting)${ctx.minor >= 29 ? size : ''}`);
  node.pulledImages.add(key);
}

function imageName(ref: ImageRef, runtime: RuntimeName): string {
  return runtime === 'docker' ? `${ref.repository}:${ref.tag}` : `${ref.image?.fullName ?? ref.repository}:${ref.tag}`;
}

function waitingStatus(name: string, image: string, reason: string): Status {
  return { name, state: { waiting: { reason } }, lastState: {}, ready: false, restartCount: 0, image, imageID: '', started: false };
}

/** Host IP, start time and the pod conditions for a pod placed on this node. */
function placed(ctx: KubeletContext, node: KubeletNode, pod: Pod, isReady: boolean): Status {
  const now = ctx.now();
  const condition = (type: string, ok: boolean, reason?: string): Status => ({
    type, status: ok ? 'True' : 'False', lastProbeTime: null, lastTransitionTime: now, ...(reason && !ok ? { reason } : {}),
  });
  const names = pod.spec.containers.map((c) => c.name).join(' ');
  const conditions = [
    ...(ctx.minor >= 29 ? [condition('PodReadyToStartContainers', true)] : []),
    condition('Initialized', true), condition('Ready', isReady, 'ContainersNotReady'),
    condition('ContainersReady', isReady, 'ContainersNotReady'), condition('PodScheduled', true),
  ].map((c) => (c['status'] === 'False' ? { ...c, message: `containers with unready status: [${names}]` } : c));
  return { conditions, hostIP: node.ip, startTime: now, qosClass: 'BestEffort' };
}

function writeStatus(ctx: KubeletContext, pod: KubeObject, status: Status): void {
  ctx.api.updateStatus('pods', pod.metadata.name ?? '', pod.metadata.namespace, status);
}

/**
 * `kubectl exec`'s run inside a started container.
 * @param ctx the container table
 * @param key `namespace/pod/container`
 * @param argv the command
 * @param stdin input for `-i`
 * @returns the output, or undefined when no such container runs
 */
export function execInContainer(ctx: Pick<KubeletContext, 'containers'>, key: string, argv: readonly string[], stdin: string):
  { stdout: string; stderr: string; exitCode: number } | 'not-running' | 'not-found' {
  const container = ctx.containers.get(key);
  if (!container) return 'not-running';
  if (!hasProgram(container, argv[0] ?? '')) return 'not-found';
  return runInContainer(container, argv, stdin);
}
