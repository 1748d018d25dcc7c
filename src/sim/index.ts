/**
 * The simulator's public entry: `createWorld` builds a node with its shell, AppArmor tools and kernel
 * log. The UI and the CLI use only this module (and the types it re-exports).
 */
import { createNodeRegistry } from './node/commands.ts';
import { buildWorld, type World, type WorldOptions } from './node/world.ts';

export type { World, WorldOptions, WorldSnapshot, SnapshotFile } from './node/world.ts';
export type { ShellResult } from './shell/shell.ts';
export type { CommandResult } from './shell/host.ts';
export type { CommandSpec, Completion, Invocation } from './shell/registry.ts';
export { SimNode } from './node/node.ts';
export { NODE_COMMANDS, createNodeRegistry } from './node/commands.ts';
export { DENY_WRITE_PATH, DENY_WRITE_PROFILE } from './node/layout.ts';
// the cluster: `installCluster(world.node, { version })` makes the world's node a control plane with two workers
export { installCluster } from './cluster/kubectl/install.ts';
export { parseClusterVersion } from './cluster/versions.ts';
export type { Cluster, ClusterNode, ClusterOptions } from './cluster/cluster.ts';
export { isWorldSnapshot } from './node/world.ts';
export { runCmdOp, cmdLine } from './node/cmd-op.ts';

/**
 * Creates a world: one Debian node (`node01`), root logged in on a bash, the Kubernetes tutorial's
 * deny-write profile in `/etc/apparmor.d` (not loaded). Deterministic: the same lines give the same output.
 * @param options - hostname, first user, clock, or a snapshot from `world.snapshot()` to restore
 * @returns the world
 * @example createWorld().run('aa-enabled').stdout // → 'Yes\n'
 */
export function createWorld(options: WorldOptions = {}): World {
  return buildWorld(createNodeRegistry(), options);
}
