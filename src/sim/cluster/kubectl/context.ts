/**
 * What every kubectl verb receives (the cluster, the parsed line, file and stdin access) and the small
 * helpers they share: results, the namespace in effect, resource lookup including nodes.
 */
import type { CommandResult } from '../../shell/host.ts';
import type { Cluster } from '../cluster.ts';
import { lookupResource, type KindInfo } from '../kinds.ts';
import type { KubeObject } from '../objects.ts';
import { flag, isOn, type KubectlArgs } from './args.ts';
import type { SessionControl } from '../../shell/registry.ts';

/** A verb's input. */
export type VerbContext = {
  readonly cluster: Cluster;
  readonly args: KubectlArgs;
  /** reads a file relative to the caller's cwd; a string is the content, undefined means it does not exist */
  readonly readFile: (path: string) => string | undefined;
  readonly stdin: string;
  /** the terminal's session, for `kubectl exec -it POD -- sh` (an interactive shell in the container) */
  readonly session?: SessionControl;
};

/** The kind info kubectl uses for nodes (the API server here does not store them). */
export const NODE_KIND: KindInfo = { kind: 'Node', group: '', version: 'v1', resource: 'nodes', namespaced: false };

/**
 * A result with text on stdout/stderr.
 * @param stdout standard output
 * @param stderr standard error
 * @param exitCode the status (default 0, or 1 when stderr is given and stdout empty)
 * @returns the command result
 * @example result('x\n') // → { stdout: 'x\n', stderr: '', exitCode: 0 }
 */
export function result(stdout: string, stderr = '', exitCode?: number): CommandResult {
  return { stdout, stderr, exitCode: exitCode ?? (stderr !== '' && stdout === '' ? 1 : 0) };
}

/**
 * A failure: kubectl's error text on stderr, exit 1.
 * @param text the error (a newline is added when missing)
 * @returns the result
 * @example failure('error: x') // → { stdout: '', stderr: 'error: x\n', exitCode: 1 }
 */
export function failure(text: string): CommandResult {
  return { stdout: '', stderr: text.endsWith('\n') ? text : `${text}\n`, exitCode: 1 };
}

/**
 * The namespace a verb works in: `-n`, else `default`.
 * @param args parsed arguments
 * @returns the namespace
 */
export function namespaceOf(args: KubectlArgs): string {
  return flag(args, 'namespace') ?? 'default';
}

/**
 * Resolves a resource name as kubectl's REST mapper (`po`, `pods`, `node`, `no`, `ds`).
 * @param cluster the cluster
 * @param name what the learner typed
 * @returns the kind, or undefined
 */
export function resolveResource(cluster: Cluster, name: string): KindInfo | undefined {
  if (['no', 'node', 'nodes'].includes(name.toLowerCase())) return NODE_KIND;
  return lookupResource(name, cluster.api.rules);
}

/**
 * Lists a resource as kubectl get sees it (nodes from the cluster, the rest from the API server).
 * @param ctx the verb context
 * @param info the kind
 * @returns the objects in name order, filtered by namespace unless `-A`
 */
export function listObjects(ctx: VerbContext, info: KindInfo): KubeObject[] {
  if (info.kind === 'Node') return ctx.cluster.nodes.map((n) => n.object);
  const ns = info.namespaced && !isOn(ctx.args, 'all-namespaces') ? namespaceOf(ctx.args) : undefined;
  const items = ctx.cluster.api.list(info.resource, ns);
  return info.namespaced && isOn(ctx.args, 'all-namespaces')
    ? [...items].sort((a, b) => ((a.metadata.namespace ?? '') < (b.metadata.namespace ?? '') ? -1 : (a.metadata.namespace ?? '') > (b.metadata.namespace ?? '') ? 1 : 0))
    : items;
}
