/**
 * Which fields each simulated kind knows, by version, so unknown fields are reported the way each era
 * reports them: kubectl's client-side OpenAPI validation before v1.25 (`ValidationError(Pod.spec): unknown
 * field "x" in io.k8s.api.core.v1.PodSpec`), the apiserver's strict field validation from v1.25
 * (`strict decoding error: unknown field "spec.x"`, or `Warning: unknown field` in warn mode).
 * Field names only; values are not type-checked. `appArmorProfile` exists only from v1.30.
 */
import { cloneJson } from './clone.ts';
import type { EraRules } from './versions.ts';

/** A node of the known-field tree: a struct, a list of structs, or anything (maps, opaque values). */
type Shape = { readonly struct: string; readonly fields: Readonly<Record<string, FieldShape>> };
type FieldShape = Shape | { readonly list: Shape } | 'any';

const any = 'any' as const;
const open = (names: string): Record<string, 'any'> => Object.fromEntries(names.split(' ').map((n) => [n, any]));

const OBJECT_META: Shape = {
  struct: 'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta',
  fields: open('name generateName namespace selfLink uid resourceVersion generation creationTimestamp deletionTimestamp deletionGracePeriodSeconds labels annotations ownerReferences finalizers managedFields clusterName'),
};

function appArmorField(rules: EraRules): Record<string, FieldShape> {
  return rules.hasAppArmorField ? { appArmorProfile: { struct: 'io.k8s.api.core.v1.AppArmorProfile', fields: open('type localhostProfile') } } : {};
}

function podSpecShape(rules: EraRules): Shape {
  const securityContext: Shape = {
    struct: 'io.k8s.api.core.v1.SecurityContext',
    fields: { ...open('capabilities privileged seLinuxOptions windowsOptions runAsUser runAsGroup runAsNonRoot readOnlyRootFilesystem allowPrivilegeEscalation procMount seccompProfile'), ...appArmorField(rules) },
  };
  const container: Shape = {
    struct: 'io.k8s.api.core.v1.Container',
    fields: { ...open('name image command args workingDir ports envFrom env resources resizePolicy restartPolicy volumeMounts volumeDevices livenessProbe readinessProbe startupProbe lifecycle terminationMessagePath terminationMessagePolicy imagePullPolicy stdin stdinOnce tty'), securityContext },
  };
  const podSecurityContext: Shape = {
    struct: 'io.k8s.api.core.v1.PodSecurityContext',
    fields: { ...open('seLinuxOptions windowsOptions runAsUser runAsGroup runAsNonRoot supplementalGroups supplementalGroupsPolicy fsGroup sysctls fsGroupChangePolicy seccompProfile seLinuxChangePolicy'), ...appArmorField(rules) },
  };
  return {
    struct: 'io.k8s.api.core.v1.PodSpec',
    fields: {
      ...open('volumes restartPolicy terminationGracePeriodSeconds activeDeadlineSeconds dnsPolicy nodeSelector serviceAccountName serviceAccount automountServiceAccountToken nodeName hostNetwork hostPID hostIPC shareProcessNamespace imagePullSecrets hostname subdomain affinity schedulerName tolerations hostAliases priorityClassName priority dnsConfig readinessGates runtimeClassName enableServiceLinks preemptionPolicy overhead topologySpreadConstraints setHostnameAsFQDN os hostUsers schedulingGates resourceClaims resources'),
      containers: { list: container },
      initContainers: { list: container },
      ephemeralContainers: { list: { struct: 'io.k8s.api.core.v1.EphemeralContainer', fields: { ...container.fields, targetContainerName: any } } },
      securityContext: podSecurityContext,
    },
  };
}

/**
 * The known-field tree of a kind, or undefined for kinds the simulator does not model.
 * @param kind the object's kind
 * @param group the API group (`apps` for DaemonSet; '' for the core group)
 * @param rules the era rules
 * @returns the root shape
 */
function rootShape(kind: string, group: string, rules: EraRules): Shape | undefined {
  const top = (struct: string, fields: Record<string, FieldShape>): Shape =>
    ({ struct, fields: { apiVersion: any, kind: any, metadata: OBJECT_META, ...fields } });
  const core = 'io.k8s.api.core.v1.';
  switch (kind) {
    case 'Pod': return top(`${core}Pod`, { spec: podSpecShape(rules), status: any });
    case 'Namespace': return top(`${core}Namespace`, open('spec status'));
    case 'ConfigMap': return top(`${core}ConfigMap`, open('data binaryData immutable'));
    case 'PodSecurityPolicy': return top(`io.k8s.api.${group === 'extensions' ? 'extensions' : 'policy'}.v1beta1.PodSecurityPolicy`, open('spec'));
    case 'DaemonSet':
    case 'Deployment': {
      const apps = `io.k8s.api.${group === 'extensions' ? 'extensions.v1beta1' : 'apps.v1'}.`;
      const template: Shape = { struct: `${core}PodTemplateSpec`, fields: { metadata: OBJECT_META, spec: podSpecShape(rules) } };
      const own = kind === 'DaemonSet' ? 'selector updateStrategy minReadySeconds revisionHistoryLimit templateGeneration'
        : 'replicas selector strategy minReadySeconds revisionHistoryLimit paused progressDeadlineSeconds rollbackTo';
      return top(`${apps}${kind}`, { spec: { struct: `${apps}${kind}Spec`, fields: { ...open(own), template } }, status: any });
    }
    default: return undefined;
  }
}

/** One unknown field: where it is, in both notations. */
export type UnknownField = {
  /** The apiserver's path: `spec.containers[0].securityContext.appArmorProfile`. */
  readonly path: string;
  /** kubectl's OpenAPI validation path of the parent: `Pod.spec.containers[0].securityContext`. */
  readonly parentPath: string;
  readonly name: string;
  /** The OpenAPI definition of the parent: `io.k8s.api.core.v1.SecurityContext`. */
  readonly parentType: string;
};

/**
 * Finds every field a version does not know, in document order.
 * @param object the decoded manifest object
 * @param rules the era rules
 * @returns the unknown fields (empty for kinds the simulator does not model)
 * @example findUnknownFields({ apiVersion: 'v1', kind: 'Pod', metadata: {}, spec: { containers: [], foo: 1 } }, rules)[0].path // → 'spec.foo'
 */
export function findUnknownFields(object: Record<string, unknown>, rules: EraRules): UnknownField[] {
  const kind = String(object['kind'] ?? '');
  const group = String(object['apiVersion'] ?? '').includes('/') ? String(object['apiVersion']).split('/')[0] ?? '' : '';
  const shape = rootShape(kind, group, rules);
  const out: UnknownField[] = [];
  if (shape) walk(object, shape, '', kind, out);
  return out;
}

function walk(value: unknown, shape: Shape, path: string, openApiPath: string, out: UnknownField[]): void {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return;
  for (const [name, child] of Object.entries(value as Record<string, unknown>)) {
    const childPath = path ? `${path}.${name}` : name;
    const field = shape.fields[name];
    if (field === undefined) {
      out.push({ path: childPath, parentPath: openApiPath, name, parentType: shape.struct });
    } else if (field === 'any') {
      continue;
    } else if ('list' in field) {
      if (Array.isArray(child)) child.forEach((item, i) => walk(item, field.list, `${childPath}[${i}]`, `${openApiPath}.${name}[${i}]`, out));
    } else {
      walk(child, field, childPath, `${openApiPath}.${name}`, out);
    }
  }
}

/**
 * Removes unknown fields, as the apiserver's decoder drops them when validation is off or in warn mode.
 * @param object the decoded manifest object
 * @param unknown the fields {@link findUnknownFields} returned for it
 * @returns a pruned deep copy
 * @example pruneUnknownFields(obj, []) // → a copy of obj
 */
export function pruneUnknownFields<T>(object: T, unknown: readonly UnknownField[]): T {
  const copy = cloneJson(object);
  for (const field of unknown) {
    const steps = field.path.split('.').flatMap((part) => part.split(/\[(\d+)\]/).filter((s) => s !== ''));
    let node: unknown = copy;
    for (const step of steps.slice(0, -1)) node = (node as Record<string, unknown> | undefined)?.[step];
    if (node && typeof node === 'object') delete (node as Record<string, unknown>)[steps[steps.length - 1] ?? ''];
  }
  return copy;
}
