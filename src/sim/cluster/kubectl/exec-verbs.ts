/**
 * `kubectl exec POD [-c C] [-it] -- CMD` and `kubectl logs POD [-c C]`: the command runs inside the
 * container (its file system, its confinement, its image's command wording); a non-zero status prints
 * kubectl's `command terminated with exit code N`.
 */
import type { CommandResult } from '../../shell/host.ts';
import type { Pod } from '../objects.ts';
import { runInContainer, hasProgram } from '../runtime.ts';
import { flag, isOn } from './args.ts';
import { failure, namespaceOf, result, type VerbContext } from './context.ts';

type Picked = { pod: Pod; container: string; notice: string } | CommandResult;

function pickContainer(ctx: VerbContext, podName: string | undefined, verb: string): Picked {
  if (podName === undefined) {
    return failure(verb === 'exec' ? `error: pod, type/name or --filename must be specified` : `error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command\nSee 'kubectl logs -h' for help and examples`);
  }
  const name = podName.replace(/^(pod|pods|po)\//, '');
  const got = ctx.cluster.api.get('pods', name, namespaceOf(ctx.args));
  if (!got.ok) return failure(got.error);
  const pod = got.object as Pod;
  const names = pod.spec.containers.map((c) => c.name);
  const wanted = flag(ctx.args, 'container');
  if (wanted !== undefined && !names.includes(wanted)) {
    return failure(`Error from server (BadRequest): container ${wanted} is not valid for pod ${name}`);
  }
  const container = wanted ?? names[0] ?? '';
  const minor = ctx.cluster.rules.version.minor;
  const notice = wanted === undefined && names.length > 1 && minor >= 21 ? `Defaulted container "${container}" out of: ${names.join(', ')}\n` : '';
  return { pod, container, notice };
}

function waitingReason(pod: Pod, container: string): string {
  const statuses = ((pod.status ?? {})['containerStatuses'] ?? []) as { name?: string; state?: { waiting?: { reason?: string } } }[];
  return statuses.find((s) => s.name === container)?.state?.waiting?.reason ?? 'ContainerCreating';
}

/**
 * `kubectl exec`.
 * @param ctx the verb context
 * @returns the command's output, plus kubectl's exit-code line when it failed
 */
export function runExec(ctx: VerbContext): CommandResult {
  const [podName, ...legacy] = ctx.args.positional;
  const picked = pickContainer(ctx, podName, 'exec');
  if ('exitCode' in picked) return picked;
  const minor = ctx.cluster.rules.version.minor;
  let argv = ctx.args.afterDash;
  let notice = picked.notice;
  if (!ctx.args.hasDash) {
    if (legacy.length === 0) return failure(`error: you must specify at least one command for the container`);
    argv = legacy;
    if (minor >= 18) notice = `kubectl exec [POD] [COMMAND] is DEPRECATED and will be removed in a future version. Use kubectl exec [POD] -- [COMMAND] instead.\n${notice}`;
  }
  if (argv.length === 0) return failure(`error: you must specify at least one command for the container`);
  const namespace = namespaceOf(ctx.args);
  const podName2 = picked.pod.metadata.name ?? '';
  const container = ctx.cluster.container(namespace, podName2, picked.container);
  if (!container) {
    if (picked.pod.spec.nodeName === undefined) return failure(`${notice}error: unable to upgrade connection: pod does not exist`);
    return failure(`${notice}error: unable to upgrade connection: container not found ("${picked.container}")`);
  }
  const program = argv[0] ?? '';
  if (!hasProgram(container, program)) {
    const runtime = ctx.cluster.rules.defaultRuntime;
    const text = runtime === 'docker'
      ? `OCI runtime exec failed: exec failed: container_linux.go:349: starting container process caused "exec: \\"${program}\\": executable file not found in $PATH": unknown\ncommand terminated with exit code 126\n`
      : `error: Internal error occurred: error executing command in container: failed to exec in container: failed to start exec: OCI runtime exec failed: exec failed: unable to start container process: exec: "${program}": executable file not found in $PATH: unknown\n`;
    return { stdout: '', stderr: notice + text, exitCode: runtime === 'docker' ? 126 : 1 };
  }
  // -it with a bare shell and a terminal: the terminal's next lines go to that shell in the container
  if (ctx.session && isOn(ctx.args, 'stdin') && isOn(ctx.args, 'tty') && ctx.stdin === '' && argv.length === 1 && /^(\/bin\/)?(sh|ash|bash)$/.test(program)) {
    ctx.session.startShell('root', { isLogin: false, pid: 1, node: container.node, flavour: 'sh' });
    return { stdout: '', stderr: notice, exitCode: 0 };
  }
  const stdin = isOn(ctx.args, 'stdin') ? ctx.stdin : '';
  const ran = runInContainer(container, argv, stdin);
  const tail = ran.exitCode !== 0 ? `command terminated with exit code ${ran.exitCode}\n` : '';
  return { stdout: ran.stdout, stderr: notice + ran.stderr + tail, exitCode: ran.exitCode };
}

/**
 * `kubectl logs`.
 * @param ctx the verb context
 * @returns what the container's main process printed
 */
export function runLogs(ctx: VerbContext): CommandResult {
  const picked = pickContainer(ctx, ctx.args.positional[0], 'logs');
  if ('exitCode' in picked) return picked;
  const name = picked.pod.metadata.name ?? '';
  const container = ctx.cluster.container(namespaceOf(ctx.args), name, picked.container);
  if (!container) {
    return failure(`${picked.notice}Error from server (BadRequest): container "${picked.container}" in pod "${name}" is waiting to start: ${waitingReason(picked.pod, picked.container)}`);
  }
  return result(container.logs, picked.notice, 0);
}
