/**
 * The simulated kube-apiserver: stores objects per namespace and runs create through decoding (unknown
 * fields), admission and validation. It returns data and kubectl-ready error text; kubectl's own lines
 * (`pod/hello created`) are kubectl's business. No clock or randomness of its own: both come from the caller.
 */
import { cloneJson } from './clone.ts';
import { createObjectPipeline, namespaceEnforceWarnings, namespacePolicy, type AdmissionContext } from './admission.ts';
import { validateNamespaceLabels } from './pod-security-admission.ts';
import { goQuote } from './field-errors.ts';
import { lookupKind, lookupResource, qualifiedResource, type KindInfo } from './kinds.ts';
import { buildEvent, isRepeatOf, repeatEvent, type EventInput } from './events.ts';
import { noMappingError } from './manifests.ts';
import { ObjectStore } from './object-store.ts';
import type { KubeObject, Pod, PodSecurityPolicy } from './objects.ts';
import { findUnknownFields, pruneUnknownFields } from './schema.ts';
import {
  alreadyExistsStatus, badRequestStatus, forbiddenStatus, formatKubectlError, invalidStatus, notFoundStatus, type ApiStatus,
} from './status.ts';
import { validatePodAnnotationUpdate } from './validation.ts';
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
  /** Returns the 5 characters appended to a `generateName`; defaults to a deterministic sequence. */
  readonly newNameSuffix?: () => string;
};

// apiserver's names.SimpleNameGenerator draws 5 characters from this alphabet (no vowels, no 0/1/3).
const NAME_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

/** Per-request options. */
export type CreateOptions = {
  /** The file kubectl read the object from (for `error when creating "x.yaml": `). */
  readonly fileName?: string;
  /** kubectl's namespace (`-n`, or the context's); the object's own namespace must agree. */
  readonly namespace?: string;
  /** Server-side field validation (v1.25+): kubectl's `--validate=strict|warn|ignore`. */
  readonly fieldValidation?: 'Strict' | 'Warn' | 'Ignore';
  /** `--dry-run=server`: run decoding, admission and validation, store nothing. */
  readonly dryRun?: boolean;
};

/** Options of label and annotate. */
export type UpdateOptions = {
  /** kubectl's `--overwrite`: replace a key that already has another value. */
  readonly overwrite?: boolean;
  /** `--dry-run=server`: admission runs (PSA warnings included), nothing is stored. */
  readonly dryRun?: boolean;
};

/** A request's result: the stored object and warnings, or kubectl's error text and the status. */
export type ApiResult<T> =
  | { readonly ok: true; readonly object: T; readonly kind: KindInfo; readonly warnings: string[] }
  | { readonly ok: false; readonly error: string; readonly status?: ApiStatus; readonly warnings: string[] };

/** Label or annotation changes: a value sets, null removes (`kubectl label ns x key-`). */
export type MetadataChanges = Readonly<Record<string, string | null>>;

/** The API server's interface, used by kubectl, the kubelet and the scheduler. */
export type ApiServer = {
  readonly rules: EraRules;
  create(object: KubeObject, options?: CreateOptions): ApiResult<KubeObject>;
  get(resource: string, name: string, namespace?: string): ApiResult<KubeObject>;
  list(resource: string, namespace?: string): KubeObject[];
  delete(resource: string, name: string, namespace?: string): ApiResult<KubeObject>;
  label(resource: string, name: string, namespace: string | undefined, changes: MetadataChanges, options?: UpdateOptions): ApiResult<KubeObject>;
  annotate(resource: string, name: string, namespace: string | undefined, changes: MetadataChanges, options?: UpdateOptions): ApiResult<KubeObject>;
  /** Replaces an object's `status` (the `pods/status` subresource the kubelet writes). */
  updateStatus(resource: string, name: string, namespace: string | undefined, status: Record<string, unknown>): ApiResult<KubeObject>;
  /** Binds a pod to a node (the `pods/binding` subresource the scheduler writes): sets `spec.nodeName`. */
  bind(name: string, namespace: string | undefined, nodeName: string): ApiResult<KubeObject>;
  /** Records an Event; a repeat of the same event bumps `count` and `lastTimestamp`, as the recorder's aggregation does. */
  recordEvent(event: EventInput): KubeObject;
};

/**
 * Creates an API server with the `default`, `kube-node-lease`, `kube-public` and `kube-system` namespaces.
 * @param options version, feature gates, clock, uid source and admission plugins
 * @returns the server
 * @example createApiServer({ version: { major: 1, minor: 30 }, clock: () => '2024-05-01T10:00:00Z' }).list('namespaces').length // → 4
 */
export function createApiServer(options: ApiServerOptions): ApiServer {
  return new SimApiServer(options);
}

type Found = { ok: true; object: KubeObject; kind: KindInfo; key: string } | { ok: false; result: ApiResult<never> };

const fail = (status: ApiStatus, warnings: string[], fileName?: string): ApiResult<never> =>
  ({ ok: false, status, warnings, error: formatKubectlError(status, { fileName }) });

const kubectlError = (error: string): ApiResult<never> => ({ ok: false, warnings: [], error });

class SimApiServer implements ApiServer {
  readonly rules: EraRules;
  readonly #store: ObjectStore;
  readonly #isPspEnabled: boolean;
  readonly #newNameSuffix: () => string;
  readonly #clock: () => string;
  #events = 0;

  constructor(options: ApiServerOptions) {
    this.#clock = options.clock;
    this.rules = eraRules(options.version, options.featureGates);
    this.#isPspEnabled = options.isPspEnabled === true;
    let names = 0;
    this.#newNameSuffix = options.newNameSuffix ?? (() => {
      names += 1;
      let n = names * 7919;
      let suffix = '';
      for (let i = 0; i < 5; i++) { suffix += NAME_ALPHABET[n % NAME_ALPHABET.length]; n = Math.floor(n / NAME_ALPHABET.length); }
      return suffix;
    });
    let counter = 0;
    const newUid = options.newUid ?? (() => `00000000-0000-4000-8000-${(++counter).toString(16).padStart(12, '0')}`);
    this.#store = new ObjectStore({ now: options.clock, newUid });
    const info = this.#namespaceKind();
    for (const name of ['default', 'kube-node-lease', 'kube-public', 'kube-system']) {
      const ns: KubeObject = { apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels: { 'kubernetes.io/metadata.name': name } } };
      this.#store.insert(this.#store.key(info, undefined, name), ns, undefined);
    }
  }

  create(object: KubeObject, opts: CreateOptions = {}): ApiResult<KubeObject> {
    const info = lookupKind(object.apiVersion, object.kind, this.rules);
    if (!info) return kubectlError(noMappingError(object.apiVersion, object.kind, object.metadata, opts.fileName ?? 'STDIN', this.rules));
    const own = object.metadata.namespace;
    if (info.namespaced && own !== undefined && opts.namespace !== undefined && own !== opts.namespace) {
      // kubectl's own check before sending (the resource builder's namespace enforcement).
      return kubectlError(`error: the namespace from the provided object "${own}" does not match the namespace "${opts.namespace}". You must pass '--namespace=${own}' to perform this operation.`);
    }
    const namespace = info.namespaced ? own ?? opts.namespace ?? 'default' : undefined;
    const decoded = this.#decode(object, info, opts);
    if (!decoded.ok) return decoded.result;
    const { warnings } = decoded;
    const meta = decoded.object.metadata;
    // rest.BeforeCreate fills in generateName before the strategy and validation run.
    if (!meta.name && meta.generateName) decoded.object.metadata = { ...meta, name: meta.generateName + this.#newNameSuffix() };
    const name = decoded.object.metadata.name ?? '';
    if (namespace !== undefined && !this.#store.get(this.#store.key(this.#namespaceKind(), undefined, namespace))) {
      return fail(notFoundStatus('namespaces', namespace), warnings, opts.fileName);
    }
    const outcome = createObjectPipeline(decoded.object, this.#admissionContext(namespace));
    warnings.push(...outcome.warnings);
    if (!outcome.ok) {
      const status = outcome.stage === 'validation'
        ? invalidStatus(info.kind, info.group, name, outcome.errors ?? [])
        : forbiddenStatus(qualifiedResource(info), name, outcome.cause ?? '');
      return fail(status, warnings, opts.fileName);
    }
    const key = this.#store.key(info, namespace, name);
    if (this.#store.get(key)) return fail(alreadyExistsStatus(qualifiedResource(info), name), warnings, opts.fileName);
    if (opts.dryRun) return { ok: true, object: cloneJson(outcome.object), kind: info, warnings };
    const stored = this.#store.insert(key, outcome.object, namespace);
    return { ok: true, object: cloneJson(stored), kind: info, warnings };
  }

  get(resource: string, name: string, namespace?: string): ApiResult<KubeObject> {
    const found = this.#find(resource, name, namespace);
    return found.ok ? { ok: true, object: cloneJson(found.object), kind: found.kind, warnings: [] } : found.result;
  }

  list(resource: string, namespace?: string): KubeObject[] {
    const info = lookupResource(resource, this.rules);
    if (!info) return [];
    return this.#store.ofKind(info.kind)
      .filter((o) => !info.namespaced || namespace === undefined || o.metadata.namespace === namespace)
      .sort((a, b) => ((a.metadata.name ?? '') < (b.metadata.name ?? '') ? -1 : 1))
      .map((o) => cloneJson(o));
  }

  delete(resource: string, name: string, namespace?: string): ApiResult<KubeObject> {
    const found = this.#find(resource, name, namespace);
    if (!found.ok) return found.result;
    this.#store.remove(found.key);
    // No Terminating phase: a deleted namespace's contents go at once.
    if (found.kind.kind === 'Namespace') this.#store.removeNamespaceContents(name);
    return { ok: true, object: found.object, kind: found.kind, warnings: [] };
  }

  label(resource: string, name: string, namespace: string | undefined, changes: MetadataChanges, options: UpdateOptions = {}): ApiResult<KubeObject> {
    return this.#update(resource, name, namespace, 'labels', changes, options);
  }

  annotate(resource: string, name: string, namespace: string | undefined, changes: MetadataChanges, options: UpdateOptions = {}): ApiResult<KubeObject> {
    return this.#update(resource, name, namespace, 'annotations', changes, options);
  }

  updateStatus(resource: string, name: string, namespace: string | undefined, status: Record<string, unknown>): ApiResult<KubeObject> {
    const found = this.#find(resource, name, namespace);
    if (!found.ok) return found.result;
    const stored = this.#store.replace(found.key, { ...found.object, status: cloneJson(status) });
    return { ok: true, object: cloneJson(stored), kind: found.kind, warnings: [] };
  }

  bind(name: string, namespace: string | undefined, nodeName: string): ApiResult<KubeObject> {
    const found = this.#find('pods', name, namespace);
    if (!found.ok) return found.result;
    const spec = { ...(found.object['spec'] as Record<string, unknown>), nodeName };
    const stored = this.#store.replace(found.key, { ...found.object, spec });
    return { ok: true, object: cloneJson(stored), kind: found.kind, warnings: [] };
  }

  recordEvent(event: EventInput): KubeObject {
    const namespace = event.involvedObject.metadata.namespace ?? 'default';
    const info = lookupKind('v1', 'Event', this.rules) as KindInfo;
    const same = this.#store.ofKind('Event').find((e) => isRepeatOf(e, event, namespace));
    if (same) {
      const key = this.#store.key(info, namespace, same.metadata.name ?? '');
      return cloneJson(this.#store.replace(key, repeatEvent(same, this.#clock())));
    }
    this.#events += 1;
    const object = buildEvent(event, namespace, this.#events, this.#clock());
    return cloneJson(this.#store.insert(this.#store.key(info, namespace, object.metadata.name ?? ''), object, namespace));
  }

  /** Strict field validation (v1.25+) or silent pruning of fields the server does not know. */
  #decode(object: KubeObject, info: KindInfo, opts: CreateOptions): { ok: true; object: KubeObject; warnings: string[] } | { ok: false; result: ApiResult<never> } {
    const unknown = findUnknownFields(object, this.rules);
    const warnings: string[] = [];
    if (unknown.length > 0 && this.rules.serverSideFieldValidation) {
      const mode = opts.fieldValidation ?? 'Strict';
      const texts = unknown.map((f) => `unknown field ${goQuote(f.path)}`);
      if (mode === 'Strict') {
        // apimachinery's strict decoding error inside the handler's `%s in version %q cannot be handled as a %s: %v`.
        const message = `${info.kind} in version ${goQuote(info.version)} cannot be handled as a ${info.kind}: strict decoding error: ${texts.join(', ')}`;
        return { ok: false, result: fail(badRequestStatus(message), [], opts.fileName) };
      }
      if (mode === 'Warn') warnings.push(...texts);
    }
    return { ok: true, object: pruneUnknownFields(object, unknown), warnings };
  }

  #admissionContext(namespace: string | undefined): AdmissionContext {
    const ns = namespace === undefined ? undefined : this.#store.get(this.#store.key(this.#namespaceKind(), undefined, namespace));
    return {
      rules: this.rules,
      isPspEnabled: this.#isPspEnabled,
      namespaceLabels: ns?.metadata.labels ?? {},
      policies: this.#store.ofKind('PodSecurityPolicy') as PodSecurityPolicy[],
    };
  }

  #namespaceKind(): KindInfo {
    return { kind: 'Namespace', group: '', version: 'v1', resource: 'namespaces', namespaced: false };
  }

  #find(resource: string, name: string, namespace: string | undefined): Found {
    const info = lookupResource(resource, this.rules);
    if (!info) return { ok: false, result: kubectlError(`error: the server doesn't have a resource type ${goQuote(resource)}`) };
    const key = this.#store.key(info, namespace, name);
    const object = this.#store.get(key);
    if (!object) return { ok: false, result: fail(notFoundStatus(qualifiedResource(info), name), []) };
    return { ok: true, object, kind: info, key };
  }

  #update(resource: string, name: string, namespace: string | undefined, field: 'labels' | 'annotations',
    changes: MetadataChanges, options: UpdateOptions): ApiResult<KubeObject> {
    const found = this.#find(resource, name, namespace);
    if (!found.ok) return found.result;
    const current: Record<string, string> = { ...(found.object.metadata[field] ?? {}) };
    for (const [k, v] of Object.entries(changes)) {
      const old = current[k];
      if (v !== null && old !== undefined && old !== v && options.overwrite !== true) {
        // kubectl label/annotate refuse locally, before any request is sent.
        return kubectlError(field === 'labels'
          ? `error: '${k}' already has a value (${old}), and --overwrite is false`
          : `error: --overwrite is false but found the following declared annotation(s): '${k}' already has a value (${old})`);
      }
      if (v === null) delete current[k]; else current[k] = v;
    }
    if (field === 'annotations' && found.kind.kind === 'Pod') {
      const errors = validatePodAnnotationUpdate(found.object.metadata.annotations ?? {}, current);
      if (errors.length > 0) return fail(invalidStatus('Pod', '', name, errors), []);
    }
    if (field === 'labels' && found.kind.kind === 'Namespace' && this.rules.hasPodSecurityAdmission) {
      const errors = validateNamespaceLabels(current);
      if (errors.length > 0) return fail(invalidStatus('Namespace', '', name, errors), []);
    }
    const updated: KubeObject = { ...found.object, metadata: { ...found.object.metadata, [field]: current } };
    const warnings = field === 'labels' && found.kind.kind === 'Namespace' ? this.#enforceWarnings(found.object, updated) : [];
    const stored = options.dryRun ? updated : this.#store.replace(found.key, updated);
    return { ok: true, object: cloneJson(stored), kind: found.kind, warnings };
  }

  /** PSA's dry run of a tightened enforce level over the namespace's existing pods. */
  #enforceWarnings(before: KubeObject, after: KubeObject): string[] {
    if (!this.rules.hasPodSecurityAdmission) return [];
    const was = namespacePolicy(before.metadata.labels).enforce;
    const now = namespacePolicy(after.metadata.labels).enforce;
    if (was.level === now.level && was.version === now.version) return [];
    const name = after.metadata.name ?? '';
    const pods = (this.#store.ofKind('Pod') as Pod[]).filter((p) => p.metadata.namespace === name)
      .map((p) => ({ name: p.metadata.name ?? '', metadata: p.metadata, spec: p.spec }));
    return namespaceEnforceWarnings(name, now, pods, this.rules.version.minor);
  }
}
