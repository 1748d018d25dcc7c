/**
 * `kubectl` as a command of the node's registry: parses the line as cobra/pflag would and hands each
 * verb (get, describe, create, apply, delete, run, exec, logs, label, annotate, version) to
 * `src/sim/cluster/kubectl/`. One spec per cluster: the factory closes over the cluster it talks to.
 */
import type { CommandSpec, Invocation } from '../registry.ts';
import type { CommandResult } from '../host.ts';
import type { Cluster } from '../../cluster/cluster.ts';
import { parseKubectlArgs, isOn } from '../../cluster/kubectl/args.ts';
import { failure, result, type VerbContext } from '../../cluster/kubectl/context.ts';
import { runDescribe, runGet } from '../../cluster/kubectl/read-verbs.ts';
import { runDelete, runManifestVerb, runMetadataVerb, runRun } from '../../cluster/kubectl/write-verbs.ts';
import { runExec, runLogs } from '../../cluster/kubectl/exec-verbs.ts';
import { KUBECTL_HELP } from '../../cluster/kubectl/help.ts';
import { formatClusterVersion } from '../../cluster/versions.ts';

type Verb = (ctx: VerbContext) => CommandResult;

const VERBS: Record<string, Verb> = {
  get: runGet,
  describe: runDescribe,
  create: (ctx) => runManifestVerb(ctx, 'create'),
  apply: (ctx) => runManifestVerb(ctx, 'apply'),
  delete: runDelete,
  run: runRun,
  exec: runExec,
  logs: runLogs,
  label: (ctx) => runMetadataVerb(ctx, 'labels'),
  annotate: (ctx) => runMetadataVerb(ctx, 'annotations'),
  version: (ctx) => {
    const v = formatClusterVersion(ctx.cluster.rules.version);
    return result(`Client Version: ${v}\nKustomize Version: v5.4.2\nServer Version: ${v}\n`);
  },
};

/**
 * The kubectl command for one cluster.
 * @param cluster the cluster kubectl talks to
 * @returns the command spec
 */
export function createKubectlCommand(cluster: Cluster): CommandSpec {
  return {
    name: 'kubectl',
    summary: 'kubectl controls the Kubernetes cluster manager',
    usage: 'kubectl [flags] [options]',
    options: [
      { flag: '-n, --namespace', summary: 'the namespace scope for this request', takesValue: true },
      { flag: '-o, --output', summary: 'output format (json, yaml, name, wide, jsonpath=…)', takesValue: true },
      { flag: '-f, --filename', summary: 'the file (or - for stdin) holding the resources', takesValue: true },
      { flag: '-c, --container', summary: 'the container (exec, logs)', takesValue: true },
      { flag: '-A, --all-namespaces', summary: 'list across all namespaces' },
    ],
    help: 'own',
    run: (inv) => runKubectl(cluster, inv),
  };
}

function runKubectl(cluster: Cluster, inv: Invocation): CommandResult {
  const parsed = parseKubectlArgs(inv.argv.slice(1));
  const verbName = 'verb' in parsed ? parsed.verb : '';
  if ('error' in parsed) {
    const first = inv.argv.slice(1).find((a) => VERBS[a] !== undefined);
    const where = first !== undefined ? `kubectl ${first}` : 'kubectl';
    return failure(`error: ${parsed.error}\nSee '${where} --help' for usage.`);
  }
  if (verbName === '' || (isOn(parsed, 'help') && !VERBS[verbName])) return result(KUBECTL_HELP);
  const verb = VERBS[verbName];
  if (!verb) return failure(`error: unknown command "${verbName}" for "kubectl"\nRun 'kubectl --help' for usage.`);
  if (isOn(parsed, 'help')) return result(`${KUBECTL_HELP.split('\n')[0] ?? ''}\n\nUsage:\n  kubectl ${verbName} [flags] [options]\n`);
  cluster.reconcile();
  const ctx: VerbContext = {
    cluster, args: parsed, stdin: inv.context.stdin, ...(inv.session ? { session: inv.session } : {}),
    readFile: (path) => {
      if (path === '/dev/stdin') return inv.context.stdin;
      const absolute = path.startsWith('/') ? path : `${inv.context.cwd.replace(/\/$/, '')}/${path}`;
      const read = inv.proc.readFile(absolute);
      return read.ok ? read.value : undefined;
    },
  };
  return verb(ctx);
}
