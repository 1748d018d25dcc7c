/**
 * Turns a world's node into the control plane of a cluster: builds the cluster (workers, runtimes,
 * default profiles) and installs `kubectl` on the nodes. The smallest hook between the world and the
 * cluster: the world keeps its one terminal, the cluster adds nodes behind it.
 */
import type { SimNode } from '../../node/node.ts';
import { createKubectlCommand } from '../../shell/commands/kubectl.ts';
import { createSshCommand } from './ssh-command.ts';
import { Cluster, type ClusterOptions } from '../cluster.ts';

/**
 * Builds a cluster around a node and registers kubectl in its registry.
 * @param controlPlane the world's node (its hostname becomes the control plane's name)
 * @param options version, workers, gates, nodes without AppArmor
 * @returns the cluster
 */
export function installCluster(controlPlane: SimNode, options: Omit<ClusterOptions, 'controlPlane'>): Cluster {
  const cluster = new Cluster({ ...options, controlPlane });
  controlPlane.registry.register(createKubectlCommand(cluster));
  // ssh reaches the other nodes; the node's own ssh still answers for itself and unknown hosts
  const local = controlPlane.registry.get('ssh');
  if (local) controlPlane.registry.register(createSshCommand(cluster, local));
  return cluster;
}
