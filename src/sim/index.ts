/**
 * The simulator's public entry: `createWorld` builds a node with its shell, AppArmor tools and kernel
 * log. The UI and the CLI use only this module (and the types it re-exports).
 */
import { createNodeRegistry } from './node/commands.ts';
import { buildWorld, type World, type WorldOptions } from './node/world.ts';
import { installCluster } from './cluster/kubectl/install.ts';
import type { ClusterVersion } from './cluster/versions.ts';

export type { World, WorldOptions, WorldSnapshot, SnapshotFile } from './node/world.ts';
export type { ShellResult } from './shell/shell.ts';
export type { CommandResult } from './shell/host.ts';
export type { CommandSpec, Completion, Invocation } from './shell/registry.ts';
export { SimNode } from './node/node.ts';
export { NODE_COMMANDS, createNodeRegistry } from './node/commands.ts';
export { DENY_WRITE_PATH, DENY_WRITE_PROFILE } from './node/layout.ts';
// the cluster: `installCluster(world.node, { version })` makes the world's node a control plane with two workers
export { installCluster } from './cluster/kubectl/install.ts';
export { parseClusterVersion, type ClusterVersion } from './cluster/versions.ts';
export type { Cluster, ClusterNode, ClusterOptions } from './cluster/cluster.ts';
export { isWorldSnapshot } from './node/world.ts';
export { runCmdOp, cmdLine } from './node/cmd-op.ts';

/** `createWorld`'s options: the node's, plus a cluster around it. */
export type CreateWorldOptions = WorldOptions & {
  /**
   * Makes the node the control plane (`controlplane`) of a cluster of this Kubernetes version with two
   * workers; kubectl and ssh to the workers work. The cluster's objects are not part of a snapshot.
   */
  cluster?: { version: ClusterVersion };
};

/**
 * Creates a world: one Debian node (`node01`), root logged in on a bash, the Kubernetes tutorial's
 * deny-write profile in `/etc/apparmor.d` (not loaded). Deterministic: the same lines give the same output.
 * @param options - hostname, first user, clock, a snapshot from `world.snapshot()` to restore, a cluster
 * @returns the world
 * @example createWorld().run('aa-enabled').stdout // → 'Yes\n'
 * @example createWorld({ cluster: { version: { major: 1, minor: 14 } } }).run('kubectl get nodes -o name').stdout
 *   // → 'node/controlplane\nnode/node01\nnode/node02\n'
 */
export function createWorld(options: CreateWorldOptions = {}): World {
  const { cluster, ...nodeOptions } = options;
  if (!cluster) return buildWorld(createNodeRegistry(), nodeOptions);
  const world = buildWorld(createNodeRegistry(), { hostname: 'controlplane', ...nodeOptions });
  installCluster(world.node, { version: cluster.version });
  return world;
}
