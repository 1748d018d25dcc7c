/**
 * The verbs that change the cluster: `create`/`apply`/`delete -f FILE|-`, `run`, `label`, `annotate`
 * and `delete TYPE NAME`, with kubectl's success lines (`pod/x created`, `pod "x" deleted`), the server's
 * warnings (`Warning: …` on stderr, first) and error texts. Each write ends with a reconcile so pods are
 * scheduled and started before the next command, as the control loops would be.
 */
import type { CommandResult } from '../../shell/host.ts';
import { parseManifests } from '../manifests.ts';
import type { KubeObject } from '../objects.ts';
import { formatWarning } from '../status.ts';
import type { MetadataChanges } from '../api-server.ts';
import { lookupKind } from '../kinds.ts';
import { flag, isOn } from './args.ts';
import { failure, namespaceOf, resolveResource, type VerbContext } from './context.ts';
import { printName } from './output-formats.ts';

type Collected = { stdout: string; warnings: string[]; errors: string[] };

function finish(ctx: VerbContext, c: Collected): CommandResult {
  ctx.cluster.reconcile();
  const warnings = c.warnings.map((w) => `${formatWarning(w)}\n`).join('');
  // the API server's errors come formatted; several print one per line
  const errors = c.errors.map((e) => `${e}\n`).join('');
  return { stdout: c.stdout, stderr: warnings + errors, exitCode: c.errors.length > 0 ? 1 : 0 };
}

/** The documents of `-f FILE` or `-f -`, or the error when the file is missing. */
function readManifests(ctx: VerbContext): { text: string; fileName: string } | CommandResult {
  const file = flag(ctx.args, 'filename');
  if (file === undefined) return failure(`error: must specify one of -f and -k\n\nSee 'kubectl ${ctx.args.verb} -h' for help and examples`);
  if (file === '-') return { text: ctx.stdin, fileName: 'STDIN' };
  const text = ctx.readFile(file);
  if (text === undefined) return failure(`error: the path "${file}" does not exist`);
  return { text, fileName: file };
}

/**
 * `kubectl create -f`, `apply -f` and `delete -f`.
 * @param ctx the verb context
 * @param verb which of the three
 * @returns one line per object, warnings and errors
 */
export function runManifestVerb(ctx: VerbContext, verb: 'create' | 'apply' | 'delete'): CommandResult {
  const [sub, name] = ctx.args.positional;
  if (verb === 'create' && (sub === 'namespace' || sub === 'ns') && flag(ctx.args, 'filename') === undefined) return createNamespace(ctx, name);
  const read = readManifests(ctx);
  if ('exitCode' in read) return read;
  const rules = ctx.cluster.api.rules;
  const validate = flag(ctx.args, 'validate');
  const docs = parseManifests(read.text, { rules, fileName: read.fileName, ...(validate === 'false' ? { validate: false } : {}) });
  const c: Collected = { stdout: '', warnings: [], errors: [] };
  const namespace = flag(ctx.args, 'namespace');
  for (const doc of docs) {
    if (!doc.ok) { c.errors.push(docs.length === 1 || doc.isFatal ? doc.error : doc.message); if (doc.isFatal) break; continue; }
    const object = doc.object;
    if (verb === 'delete') { deleteOne(ctx, object, namespace, c); continue; }
    const info = lookupKind(object.apiVersion, object.kind, rules);
    const existing = info ? ctx.cluster.api.get(info.resource, object.metadata.name ?? '', info.namespaced ? object.metadata.namespace ?? namespace ?? 'default' : undefined) : undefined;
    if (verb === 'apply' && existing?.ok && info) { applyMetadata(ctx, existing.object, object, info.resource, c); continue; }
    const created = ctx.cluster.api.create(object, { fileName: read.fileName, ...(namespace !== undefined ? { namespace } : {}) });
    c.warnings.push(...created.warnings);
    if (created.ok) c.stdout += `${printName(created.object).trimEnd()} created\n`;
    else c.errors.push(created.error);
  }
  return finish(ctx, c);
}

/**
 * `kubectl apply` of an object that exists: label and annotation changes are patched (so the API server's
 * update validation runs, e.g. `may not add AppArmor annotations`); spec changes are not simulated.
 */
function applyMetadata(ctx: VerbContext, stored: KubeObject, wanted: KubeObject, resource: string, c: Collected): void {
  const namespace = stored.metadata.namespace;
  const name = stored.metadata.name ?? '';
  let isChanged = false;
  for (const field of ['labels', 'annotations'] as const) {
    const before = stored.metadata[field] ?? {};
    const after = wanted.metadata[field] ?? {};
    const changes: Record<string, string | null> = {};
    for (const [k, v] of Object.entries(after)) if (before[k] !== v) changes[k] = v;
    if (Object.keys(changes).length === 0) continue;
    const updated = ctx.cluster.api[field === 'labels' ? 'label' : 'annotate'](resource, name, namespace, changes, { overwrite: true });
    c.warnings.push(...updated.warnings);
    if (!updated.ok) { c.errors.push(updated.error); return; }
    isChanged = true;
  }
  c.stdout += `${printName(stored).trimEnd()} ${isChanged ? 'configured' : 'unchanged'}\n`;
}

/** `kubectl create namespace NAME`. */
function createNamespace(ctx: VerbContext, name: string | undefined): CommandResult {
  if (name === undefined) return failure(`error: exactly one NAME is required, got 0\nSee 'kubectl create namespace -h' for help and examples`);
  const created = ctx.cluster.api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } }, dryRun(ctx) ? { dryRun: true } : {});
  const c: Collected = { stdout: '', warnings: [...created.warnings], errors: [] };
  if (created.ok) c.stdout = `namespace/${name} created${dryRun(ctx) ? ' (server dry run)' : ''}\n`; else c.errors.push(created.error);
  return finish(ctx, c);
}

/** `--dry-run=server` (client dry runs are treated the same: nothing is stored). */
function dryRun(ctx: VerbContext): boolean {
  const value = flag(ctx.args, 'dry-run');
  return value !== undefined && value !== 'none';
}

function deleteOne(ctx: VerbContext, object: KubeObject, namespace: string | undefined, c: Collected): void {
  const info = lookupKind(object.apiVersion, object.kind, ctx.cluster.api.rules);
  if (!info) return;
  const ns = info.namespaced ? object.metadata.namespace ?? namespace ?? 'default' : undefined;
  const name = object.metadata.name ?? '';
  const deleted = ctx.cluster.api.delete(info.resource, name, ns);
  if (!deleted.ok) { c.errors.push(deleted.error); return; }
  if (info.kind === 'Pod') ctx.cluster.forgetPod(ns ?? 'default', name);
  // the garbage collector's cascading delete: a workload's pods go with it
  const uid = deleted.object.metadata.uid;
  if (info.kind === 'DaemonSet' || info.kind === 'Deployment') {
    for (const pod of ctx.cluster.api.list('pods', ns)) {
      if (!(pod.metadata['ownerReferences'] as { uid?: string }[] | undefined)?.some((r) => r.uid === uid)) continue;
      ctx.cluster.api.delete('pods', pod.metadata.name ?? '', ns);
      ctx.cluster.forgetPod(ns ?? 'default', pod.metadata.name ?? '');
    }
  }
  // kubectl v1.34 names the namespace (`pod "x" deleted from default namespace`, seen in tools' tests from Sept 2025)
  const where = info.namespaced && ctx.cluster.rules.version.minor >= 34 ? ` from ${ns ?? 'default'} namespace` : '';
  c.stdout += `${info.group ? `${info.kind.toLowerCase()}.${info.group}` : info.kind.toLowerCase()} "${name}" deleted${where}\n`;
}

/**
 * `kubectl delete TYPE NAME…` (or `-f`).
 * @param ctx the verb context
 * @returns the deleted lines or errors
 */
export function runDelete(ctx: VerbContext): CommandResult {
  if (flag(ctx.args, 'filename') !== undefined) return runManifestVerb(ctx, 'delete');
  const [type, ...names] = ctx.args.positional;
  if (type === undefined) return failure(`error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'`);
  const info = resolveResource(ctx.cluster, type.split('/')[0] ?? type);
  if (!info) return failure(`error: the server doesn't have a resource type "${type.split('/')[0] ?? type}"`);
  const all = type.includes('/') ? [type.slice(type.indexOf('/') + 1), ...names] : names;
  const c: Collected = { stdout: '', warnings: [], errors: [] };
  for (const name of all) deleteOne(ctx, { apiVersion: info.group ? `${info.group}/${info.version}` : info.version, kind: info.kind, metadata: { name, namespace: namespaceOf(ctx.args) } }, undefined, c);
  return finish(ctx, c);
}

/**
 * `kubectl run NAME --image=IMG [--labels=k=v] [--privileged] [-- CMD ARGS…]`: creates a pod.
 * @param ctx the verb context
 * @returns `pod/NAME created` or the error
 */
export function runRun(ctx: VerbContext): CommandResult {
  const name = ctx.args.positional[0];
  if (name === undefined) return failure(`error: NAME is required for run\nSee 'kubectl run -h' for help and examples`);
  const image = flag(ctx.args, 'image');
  if (image === undefined || image === '') return failure('error: --image is required');
  const labels = Object.fromEntries((flag(ctx.args, 'labels') ?? `run=${name}`).split(',').map((kv) => [kv.split('=')[0] ?? '', kv.split('=').slice(1).join('=')]));
  const command = ctx.args.afterDash;
  const container: Record<string, unknown> = {
    name, image, ...(command.length > 0 ? (isOn(ctx.args, 'command') ? { command } : { args: command }) : {}),
    ...(isOn(ctx.args, 'privileged') ? { securityContext: { privileged: true } } : {}),
  };
  let pod: KubeObject = {
    apiVersion: 'v1', kind: 'Pod', metadata: { name, labels },
    spec: { containers: [container], restartPolicy: flag(ctx.args, 'restart') ?? 'Always' },
  };
  const overrides = flag(ctx.args, 'overrides');
  if (overrides !== undefined) {
    let patch: unknown;
    try {
      patch = JSON.parse(overrides);
    } catch {
      return failure(`error: Invalid JSON Patch`);
    }
    pod = strategicMerge(pod, patch) as KubeObject;
  }
  const restart = flag(ctx.args, 'restart') ?? 'Always';
  if (restart === 'Always' && ctx.cluster.rules.version.minor < 18) return runDeployment(ctx, name, pod);
  const mode = flag(ctx.args, 'dry-run');
  const created = ctx.cluster.api.create(pod, { namespace: namespaceOf(ctx.args), ...(dryRun(ctx) ? { dryRun: true } : {}) });
  const c: Collected = { stdout: '', warnings: [...created.warnings], errors: [] };
  const suffix = mode === 'server' ? ' (server dry run)' : dryRun(ctx) ? ' (dry run)' : '';
  if (created.ok) c.stdout = `pod/${name} created${suffix}\n`; else c.errors.push(created.error);
  return finish(ctx, c);
}

/** Before v1.18, `kubectl run` with the default restart policy made a Deployment (generator deployment/apps.v1). */
function runDeployment(ctx: VerbContext, name: string, pod: KubeObject): CommandResult {
  const labels = pod.metadata.labels ?? {};
  const deployment: KubeObject = {
    apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name, labels },
    spec: { replicas: 1, selector: { matchLabels: labels }, template: { metadata: { labels }, spec: pod['spec'] } },
  };
  const created = ctx.cluster.api.create(deployment, { namespace: namespaceOf(ctx.args), ...(dryRun(ctx) ? { dryRun: true } : {}) });
  const notice = 'kubectl run --generator=deployment/apps.v1 is DEPRECATED and will be removed in a future version. Use kubectl run --generator=run-pod/v1 or kubectl create instead.';
  const c: Collected = { stdout: '', warnings: [...created.warnings], errors: [] };
  if (created.ok) c.stdout = `deployment.apps/${name} created\n`; else c.errors.push(created.error);
  const done = finish(ctx, c);
  return { ...done, stderr: `${notice}\n${done.stderr}` };
}

/**
 * `kubectl label` and `kubectl annotate`: `TYPE NAME key=value key-`.
 * @param ctx the verb context
 * @param field labels or annotations
 * @returns `pod/x labeled` or the error
 */
export function runMetadataVerb(ctx: VerbContext, field: 'labels' | 'annotations'): CommandResult {
  const [type, ...rest] = ctx.args.positional;
  const verb = field === 'labels' ? 'label' : 'annotate';
  if (type === undefined) return failure(`error: one or more resources must be specified as <resource> <name> or <resource>/<name>\nSee 'kubectl ${verb} -h' for help and examples`);
  const slash = type.indexOf('/');
  const info = resolveResource(ctx.cluster, slash < 0 ? type : type.slice(0, slash));
  if (!info) return failure(`error: the server doesn't have a resource type "${slash < 0 ? type : type.slice(0, slash)}"`);
  const [name, ...pairs] = slash < 0 ? rest : [type.slice(slash + 1), ...rest];
  if (name === undefined || pairs.length === 0) return failure(`error: at least one ${field === 'labels' ? 'label' : 'annotation'} update is required\nSee 'kubectl ${verb} -h' for help and examples`);
  const changes: Record<string, string | null> = {};
  for (const pair of pairs) {
    if (pair.endsWith('-') && !pair.includes('=')) changes[pair.slice(0, -1)] = null;
    else if (pair.includes('=')) changes[pair.slice(0, pair.indexOf('='))] = pair.slice(pair.indexOf('=') + 1);
    else return failure(`error: invalid ${field === 'labels' ? 'label' : 'annotation'} format: ${pair}`);
  }
  const overwrite = isOn(ctx.args, 'overwrite');
  const updated = info.kind === 'Node'
    ? (field === 'labels' ? ctx.cluster.labelNode(name, changes as MetadataChanges, overwrite) : { ok: false as const, warnings: [], error: 'error: annotating nodes is not simulated' })
    : ctx.cluster.api[field === 'labels' ? 'label' : 'annotate'](info.resource, name, info.namespaced ? namespaceOf(ctx.args) : undefined, changes, { overwrite });
  const c: Collected = { stdout: '', warnings: [...updated.warnings], errors: [] };
  if (updated.ok) c.stdout = `${info.group ? `${info.kind.toLowerCase()}.${info.group}` : info.kind.toLowerCase()}/${name} ${field === 'labels' ? 'labeled' : 'annotated'}\n`;
  else c.errors.push(updated.error);
  return finish(ctx, c);
}

/** A strategic merge patch as `--overrides` applies it: objects merge, lists of named objects merge by name. */
function strategicMerge(base: unknown, patch: unknown): unknown {
  const isMap = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  if (Array.isArray(base) && Array.isArray(patch) && patch.every((p) => isMap(p) && typeof p['name'] === 'string')) {
    const merged = base.map((item) => {
      const match = patch.find((p) => isMap(item) && (p as Record<string, unknown>)['name'] === item['name']);
      return match === undefined ? item : strategicMerge(item, match);
    });
    return [...merged, ...patch.filter((p) => !base.some((b) => isMap(b) && b['name'] === (p as Record<string, unknown>)['name']))];
  }
  if (!isMap(base) || !isMap(patch)) return patch;
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete out[key]; else out[key] = strategicMerge(base[key], value);
  }
  return out;
}
