/**
 * The simulated kube-apiserver: stores objects per namespace and runs create through decoding (unknown
 * fields), admission and validation. It returns data and kubectl-ready error text; kubectl's own lines
 * (`pod/hello created`) are kubectl's business. No clock or randomness of its own: both come from the caller.
 */
import { createPodPipeline, createTemplatePipeline, namespaceEnforceWarnings, namespacePolicy, type PodCreateOutcome } from './admission.ts';
import { fieldError, type FieldError } from './field-errors.ts';
import { lookupKind, lookupResource, qualifiedResource, type KindInfo } from './kinds.ts';
import type { DaemonSet, KubeObject, Pod, PodSecurityPolicy } from './objects.ts';
import { APPARMOR_ANNOTATION_PREFIX } from './pod.ts';
import { findUnknownFields, pruneUnknownFields } from './schema.ts';
import {
  alreadyExistsStatus, badRequestStatus, forbiddenStatus, formatKubectlError, invalidStatus, notFoundStatus, type ApiStatus,
} from './status.ts';
import { validatePodName } from './validation.ts';
import { eraRules, type ClusterVersion, type EraRules, type FeatureGates } from './versions.ts';

/** How the API server is built. */
export type ApiServerOptions = {
  readonly version: ClusterVersion;
  readonly featureGates?: FeatureGates;
  /** Returns the current time as RFC 3339 (`2024-05-01T10:00:00Z`), for creationTimestamp. */
  readonly clock: () => string;
  /** Returns a fresh object UID; defaults to a counter so transcripts stay deterministic. */
  readonly newUid?: () => string;
  /** Enable the PodSecurityPolicy admission plugin (only has an effect before v1.25). */
  readonly isPspEnabled?: boolean;
};

/** Per-request options. */
export type CreateOptions = {
  /** The file kubectl read the object from (for `error when creating "x.yaml": `). */
  readonly fileName?: string;
  /** kubectl's namespace (`-n`, or the context's); the object's own namespace must agree. */
  readonly namespace?: string;
  /** Server-side field validation (v1.25+): kubectl's `--validate=strict|warn|ignore`. */
  readonly fieldValidation?: 'Strict' | 'Warn' | 'Ignore';
};

/** A request's result: the stored object and warnings, or kubectl's error text and the status. */
export type ApiResult<T> =
  | { readonly ok: true; readonly object: T; readonly kind: KindInfo; readonly warnings: string[] }
  | { readonly ok: false; readonly error: string; readonly status?: ApiStatus; readonly warnings: string[] };

/** The API server's interface, used by kubectl, the kubelet and the scheduler. */
export type ApiServer = {
  readonly rules: EraRules;
  create(object: KubeObject, options?: CreateOptions): ApiResult<KubeObject>;
  get(resource: string, name: string, namespace?: string): ApiResult<KubeObject>;
  list(resource: string, namespace?: string): KubeObject[];
  delete(resource: string, name: string, namespace?: string): ApiResult<KubeObject>;
  label(resource: string, name: string, namespace: string | undefined, changes: Readonly<Record<string, string | null>>, overwrite?: boolean): ApiResult<KubeObject>;
  annotate(resource: string, name: string, namespace: string | undefined, changes: Readonly<Record<string, string | null>>, overwrite?: boolean): ApiResult<KubeObject>;
};

/**
 * Creates an API server with the `default`, `kube-system`, `kube-public` and `kube-node-lease` namespaces.
 * @param options version, feature gates, clock, uid source and admission plugins
 * @returns the server
 * @example createApiServer({ version: { major: 1, minor: 30 }, clock: () => '2024-05-01T10:00:00Z' }).list('namespaces').length // → 4
 */
export function createApiServer(options: ApiServerOptions): ApiServer {
  const rules = eraRules(options.version, options.featureGates);
  const store = new Map<string, KubeObject>();
  let counter = 0;
  let resourceVersion = 1000;
  const newUid = options.newUid ?? (() => `00000000-0000-4000-8000-${(++counter).toString(16).padStart(12, '0')}`);
  const key = (info: KindInfo, namespace: string | undefined, name: string): string =>
    `${qualifiedResource(info)}/${info.namespaced ? namespace ?? 'default' : ''}/${name}`;
  const stamp = (object: KubeObject, namespace: string | undefined): KubeObject => ({
    ...object,
    metadata: {
      ...object.metadata,
      ...(namespace === undefined ? {} : { namespace }),
      uid: newUid(), resourceVersion: String(++resourceVersion), creationTimestamp: options.clock(),
    },
  });
  for (const name of ['default', 'kube-node-lease', 'kube-public', 'kube-system']) {
    const info = lookupKind('v1', 'Namespace', rules);
    if (info) store.set(key(info, undefined, name), stamp({ apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels: { 'kubernetes.io/metadata.name': name } } }, undefined));
  }
  const fail = (status: ApiStatus, warnings: string[], fileName?: string): ApiResult<never> =>
    ({ ok: false, status, warnings, error: formatKubectlError(status, { fileName }) });
  const byResource = (resource: string): KindInfo | undefined => lookupResource(resource, rules);
  const notFoundResource = (resource: string): ApiResult<never> =>
    ({ ok: false, warnings: [], error: `error: the server doesn't have a resource type "${resource}"` });
  const podsIn = (namespace: string): Pod[] =>
    [...store.values()].filter((o): o is Pod => o.kind === 'Pod' && o.metadata.namespace === namespace);

  function create(object: KubeObject, opts: CreateOptions = {}): ApiResult<KubeObject> {
    const info = lookupKind(object.apiVersion, object.kind, rules);
    if (!info) return { ok: false, warnings: [], error: `error: unable to recognize "${opts.fileName ?? 'STDIN'}": no matches for kind "${object.kind}" in version "${object.apiVersion}"` };
    const own = object.metadata.namespace;
    if (info.namespaced && own !== undefined && opts.namespace !== undefined && own !== opts.namespace) {
      // kubectl's own check before sending (resource.Builder's namespace enforcement).
      return { ok: false, warnings: [], error: `error: the namespace from the provided object "${own}" does not match the namespace "${opts.namespace}". You must pass '--namespace=${own}' to perform this operation.` };
    }
    const namespace = info.namespaced ? own ?? opts.namespace ?? 'default' : undefined;
    const warnings: string[] = [];
    const unknown = findUnknownFields(object, rules);
    if (unknown.length > 0 && rules.serverSideFieldValidation) {
      const mode = opts.fieldValidation ?? 'Strict';
      const texts = unknown.map((f) => `unknown field "${f.path}"`);
      // apimachinery's strict decoding error, wrapped by the handler's `%s in version %q cannot be handled as a %s: %v`.
      if (mode === 'Strict') return fail(badRequestStatus(`${info.kind} in version "${info.version}" cannot be handled as a ${info.kind}: strict decoding error: ${texts.join(', ')}`), [], opts.fileName);
      if (mode === 'Warn') warnings.push(...texts);
    }
    let candidate = pruneUnknownFields(object, unknown);
    const name = candidate.metadata.name ?? '';
    if (namespace !== undefined && !store.has(key(lookupKind('v1', 'Namespace', rules) as KindInfo, undefined, namespace))) {
      return fail(notFoundStatus('namespaces', namespace), warnings, opts.fileName);
    }
    const outcome = admit(candidate, info, namespace ?? '');
    warnings.push(...outcome.warnings);
    if (!outcome.ok) {
      const status = outcome.stage === 'validation'
        ? invalidStatus(info.kind, info.group, name, outcome.errors ?? [])
        : forbiddenStatus(qualifiedResource(info), name, outcome.cause ?? '');
      return fail(status, warnings, opts.fileName);
    }
    candidate = outcome.object;
    const k = key(info, namespace, name);
    if (store.has(k)) return fail(alreadyExistsStatus(qualifiedResource(info), name), warnings, opts.fileName);
    const stored = stamp(candidate, namespace);
    store.set(k, stored);
    return { ok: true, object: structuredClone(stored), kind: info, warnings };
  }

  function admit(object: KubeObject, info: KindInfo, namespace: string): { ok: true; object: KubeObject; warnings: string[] } | (PodCreateOutcome & { ok: false }) {
    const nsObject = store.get(`namespaces//${namespace}`);
    const context = {
      rules, isPspEnabled: options.isPspEnabled === true, namespaceLabels: nsObject?.metadata.labels ?? {},
      policies: [...store.values()].filter((o): o is PodSecurityPolicy => o.kind === 'PodSecurityPolicy'),
    };
    if (info.kind === 'Pod') {
      const pod = object as Pod;
      const outcome = createPodPipeline(pod.metadata, pod.spec ?? { containers: [] }, context);
      return outcome.ok ? { ok: true, warnings: outcome.warnings, object: { ...pod, metadata: outcome.metadata, spec: outcome.spec } } : outcome;
    }
    if (info.kind === 'DaemonSet') {
      const ds = object as DaemonSet;
      const template = ds.spec?.template ?? { spec: { containers: [] } };
      const nameErrors = validatePodName(ds.metadata, 'metadata');
      const outcome = createTemplatePipeline(template.metadata ?? {}, template.spec ?? { containers: [] }, context,
        { metadata: 'spec.template.metadata', spec: 'spec.template.spec' });
      if (!outcome.ok || nameErrors.length > 0) {
        return { ok: false, stage: 'validation', errors: [...nameErrors, ...(outcome.ok ? [] : outcome.errors ?? [])], warnings: outcome.warnings };
      }
      return { ok: true, object, warnings: outcome.warnings };
    }
    const errors = validateName(object, info);
    return errors.length > 0 ? { ok: false, stage: 'validation', errors, warnings: [] } : { ok: true, object, warnings: [] };
  }

  function find(resource: string, name: string, namespace: string | undefined): ApiResult<KubeObject> & { storeKey?: string } {
    const info = byResource(resource);
    if (!info) return notFoundResource(resource);
    const k = key(info, namespace, name);
    const object = store.get(k);
    if (!object) return fail(notFoundStatus(qualifiedResource(info), name), []);
    return { ok: true, object, kind: info, warnings: [], storeKey: k };
  }

  function update(resource: string, name: string, namespace: string | undefined, field: 'labels' | 'annotations',
    changes: Readonly<Record<string, string | null>>, overwrite: boolean): ApiResult<KubeObject> {
    const found = find(resource, name, namespace);
    if (!found.ok || found.storeKey === undefined) return found;
    const current = { ...(found.object.metadata[field] ?? {}) };
    for (const [k, v] of Object.entries(changes)) {
      if (v !== null && current[k] !== undefined && current[k] !== v && !overwrite) {
        // kubectl label/annotate refuse locally before any request is sent.
        return { ok: false, warnings: [], error: field === 'labels'
          ? `error: '${k}' already has a value (${current[k]}), and --overwrite is false`
          : `error: --overwrite is false but found the following declared annotation(s): '${k}' already has a value (${current[k]})` };
      }
      if (v === null) delete current[k]; else current[k] = v;
    }
    const updated: KubeObject = { ...found.object, metadata: { ...found.object.metadata, [field]: current, resourceVersion: String(++resourceVersion) } };
    const errors = field === 'annotations' && found.kind.kind === 'Pod' ? podAnnotationUpdateErrors(found.object.metadata.annotations ?? {}, current) : [];
    if (errors.length > 0) return fail(invalidStatus('Pod', '', name, errors), []);
    const warnings = field === 'labels' && found.kind.kind === 'Namespace' ? enforceWarnings(found.object, updated) : [];
    store.set(found.storeKey, updated);
    return { ok: true, object: structuredClone(updated), kind: found.kind, warnings };
  }

  function enforceWarnings(before: KubeObject, after: KubeObject): string[] {
    if (!rules.hasPodSecurityAdmission) return [];
    const was = namespacePolicy(before.metadata.labels).enforce;
    const now = namespacePolicy(after.metadata.labels).enforce;
    if (was.level === now.level && was.version === now.version) return [];
    const name = after.metadata.name ?? '';
    return namespaceEnforceWarnings(name, now, podsIn(name).map((p) => ({ name: p.metadata.name ?? '', metadata: p.metadata, spec: p.spec })), rules.version.minor);
  }

  return {
    rules,
    create,
    get: (resource, name, namespace) => {
      const found = find(resource, name, namespace);
      return found.ok ? { ok: true, object: structuredClone(found.object), kind: found.kind, warnings: [] } : found;
    },
    list: (resource, namespace) => {
      const info = byResource(resource);
      if (!info) return [];
      return [...store.values()]
        .filter((o) => o.kind === info.kind && (!info.namespaced || namespace === undefined || o.metadata.namespace === namespace))
        .sort((a, b) => ((a.metadata.name ?? '') < (b.metadata.name ?? '') ? -1 : 1))
        .map((o) => structuredClone(o));
    },
    delete: (resource, name, namespace) => {
      const found = find(resource, name, namespace);
      if (!found.ok || found.storeKey === undefined) return found;
      store.delete(found.storeKey);
      if (found.kind.kind === 'Namespace') {
        for (const [k, o] of store) if (o.metadata.namespace === name) store.delete(k);
      }
      return { ok: true, object: found.object, kind: found.kind, warnings: [] };
    },
    label: (resource, name, namespace, changes, overwrite = false) => update(resource, name, namespace, 'labels', changes, overwrite),
    annotate: (resource, name, namespace, changes, overwrite = false) => update(resource, name, namespace, 'annotations', changes, overwrite),
  };
}

/** Names: pods, configmaps, daemonsets are DNS subdomains; namespaces are DNS labels (`ValidateNamespaceName`). */
function validateName(object: KubeObject, info: KindInfo): FieldError[] {
  const name = object.metadata.name ?? '';
  if (info.kind !== 'Namespace' || name === '') return validatePodName(object.metadata, 'metadata');
  return /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(name) && name.length <= 63 ? [] : [fieldError.invalid('metadata.name', name,
    "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')")];
}

/** `ValidatePodSpecificAnnotationUpdates`: AppArmor annotations are fixed once a pod exists. */
function podAnnotationUpdateErrors(before: Readonly<Record<string, string>>, after: Readonly<Record<string, string>>): FieldError[] {
  const errors: FieldError[] = [];
  for (const [k, v] of Object.entries(before)) {
    if (after[k] === v) continue;
    if (k.startsWith(APPARMOR_ANNOTATION_PREFIX)) errors.push(fieldError.forbidden(`metadata.annotations[${k}]`, 'may not remove or update AppArmor annotations'));
  }
  for (const k of Object.keys(after)) {
    if (k in before) continue;
    if (k.startsWith(APPARMOR_ANNOTATION_PREFIX)) errors.push(fieldError.forbidden(`metadata.annotations[${k}]`, 'may not add AppArmor annotations'));
  }
  return errors;
}
