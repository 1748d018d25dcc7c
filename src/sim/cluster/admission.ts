/**
 * The create pipeline of a pod or a workload's pod template, in the apiserver's order: mutating
 * admission (PodSecurityPolicy, old era), the registry strategy's PrepareForCreate (AppArmor annotation ↔
 * field sync and its deprecation warning), validation, then validating admission (Pod Security
 * Admission). Storage is the caller's (api-server.ts).
 */
import type { FieldError } from './field-errors.ts';
import type { DaemonSet, Deployment, KubeObject, ObjectMeta, Pod, PodSecurityPolicy, PodSpec } from './objects.ts';
import { prepareAppArmorForCreate } from './pod-strategy.ts';
import { admitPodSecurity, namespacePolicy, validateNamespaceLabels } from './pod-security-admission.ts';
import { admitPodSecurityPolicy } from './psp-admission.ts';
import { annotationKey, containersWithPaths } from './pod.ts';
import { validateObjectName, validatePodCreate, validatePodName, type PodPaths } from './validation.ts';
import type { EraRules } from './versions.ts';

export { admitPodSecurityPolicy } from './psp-admission.ts';
export { admitPodSecurity, namespacePolicy, namespaceEnforceWarnings, formatLevelVersion } from './pod-security-admission.ts';

/** The cluster state admission reads. */
export type AdmissionContext = {
  readonly rules: EraRules;
  /** The PodSecurityPolicy admission plugin is enabled (`--enable-admission-plugins=…,PodSecurityPolicy`). */
  readonly isPspEnabled: boolean;
  readonly policies: readonly PodSecurityPolicy[];
  /** The target namespace's labels (Pod Security Admission levels). */
  readonly namespaceLabels: Readonly<Record<string, string>>;
};

/** The pipeline's outcome. */
export type PodCreateOutcome =
  | { readonly ok: true; readonly metadata: ObjectMeta; readonly spec: PodSpec; readonly warnings: string[]; readonly auditAnnotations: Record<string, string> }
  | { readonly ok: false; readonly stage: 'psp' | 'validation' | 'pod-security'; readonly errors?: readonly FieldError[]; readonly cause?: string; readonly warnings: string[] };

/**
 * Runs admission and validation for a Pod being created.
 * @param metadata the pod's metadata
 * @param spec the pod spec
 * @param context era rules, PSP state and namespace labels
 * @returns the pod as it will be stored with its warnings, or where and why it was refused
 * @example createPodPipeline(meta, spec, context).ok // → true for a plain pod in a privileged namespace
 */
export function createPodPipeline(metadata: ObjectMeta, spec: PodSpec, context: AdmissionContext): PodCreateOutcome {
  let meta = metadata;
  if (context.rules.hasPodSecurityPolicy && context.isPspEnabled) {
    const psp = admitPodSecurityPolicy(meta, spec, context.policies);
    if (!psp.allowed) return { ok: false, stage: 'psp', errors: psp.errors, cause: psp.cause, warnings: [] };
    meta = psp.metadata;
  }
  const prepared = prepareAppArmorForCreate(meta, spec, context.rules);
  const warnings = [...prepared.warnings];
  const errors = validatePodCreate(prepared.metadata, prepared.spec, context.rules);
  if (errors.length > 0) return { ok: false, stage: 'validation', errors, warnings };
  if (!context.rules.hasPodSecurityAdmission) return { ok: true, metadata: prepared.metadata, spec: prepared.spec, warnings, auditAnnotations: {} };
  const psa = admitPodSecurity(prepared.metadata, prepared.spec, namespacePolicy(context.namespaceLabels), true, context.rules.version.minor);
  warnings.push(...psa.warnings);
  if (!psa.allowed) return { ok: false, stage: 'pod-security', cause: psa.forbidden, warnings };
  return { ok: true, metadata: prepared.metadata, spec: prepared.spec, warnings, auditAnnotations: psa.auditAnnotations };
}

/**
 * Runs validation and admission for a workload's pod template (DaemonSet, Deployment): no annotation sync (that
 * is the pod strategy's), Pod Security Admission only warns, PSP applies later to the pods it creates.
 * @param metadata the template's metadata
 * @param spec the template's pod spec
 * @param context era rules and namespace labels
 * @param paths where the template sits (`spec.template.metadata`, `spec.template.spec`)
 * @returns the outcome (metadata and spec unchanged)
 * @example createTemplatePipeline(meta, spec, context, { metadata: 'spec.template.metadata', spec: 'spec.template.spec' }).ok // → true
 */
export function createTemplatePipeline(metadata: ObjectMeta, spec: PodSpec, context: AdmissionContext, paths: PodPaths): PodCreateOutcome {
  const errors = validatePodCreate(metadata, spec, context.rules, paths, true);
  if (errors.length > 0) return { ok: false, stage: 'validation', errors, warnings: [] };
  // WarningsOnCreate runs after validation passed (rest.BeforeCreate), before validating admission.
  const warnings = context.rules.warnsAnnotationDeprecated ? templateAppArmorWarnings(metadata, spec, paths) : [];
  if (context.rules.hasPodSecurityAdmission) {
    warnings.push(...admitPodSecurity(metadata, spec, namespacePolicy(context.namespaceLabels), false, context.rules.version.minor).warnings);
  }
  return { ok: true, metadata, spec, warnings, auditAnnotations: {} };
}

/**
 * pkg/api/pod/warnings.go for pod templates: each container with an AppArmor annotation but no field
 * (its own or the pod's) gets the deprecation warning, in VisitContainersWithPath order.
 */
function templateAppArmorWarnings(metadata: ObjectMeta, spec: PodSpec, paths: PodPaths): string[] {
  const hasPodProfile = spec.securityContext?.appArmorProfile !== undefined;
  return containersWithPaths(spec, paths.spec)
    .filter(({ container }) => !hasPodProfile && container.securityContext?.appArmorProfile === undefined)
    .map(({ container }) => annotationKey(container.name))
    .filter((key) => metadata.annotations?.[key] !== undefined)
    .map((key) => `${paths.metadata}.annotations[${key}]: deprecated since v1.30; use the "appArmorProfile" field instead`);
}

/** The outcome for any object: the object to store, or the failure. */
export type ObjectCreateOutcome =
  | { readonly ok: true; readonly object: KubeObject; readonly warnings: string[] }
  | (PodCreateOutcome & { readonly ok: false });

/**
 * Runs the create pipeline that fits the object's kind: pods and workload templates as above, other
 * kinds only get their name checked.
 * @param object the decoded object (unknown fields already pruned)
 * @param context era rules, PSP state and namespace labels
 * @returns the object as it will be stored, or the failure
 * @example createObjectPipeline({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'demo' } }, context).ok // → true
 */
export function createObjectPipeline(object: KubeObject, context: AdmissionContext): ObjectCreateOutcome {
  if (object.kind === 'Pod') {
    const pod = object as Pod;
    const outcome = createPodPipeline(pod.metadata, pod.spec ?? { containers: [] }, context);
    return outcome.ok ? { ok: true, warnings: outcome.warnings, object: { ...pod, metadata: outcome.metadata, spec: outcome.spec } } : outcome;
  }
  if (object.kind === 'DaemonSet' || object.kind === 'Deployment') {
    const workload = object as DaemonSet | Deployment;
    const template = workload.spec?.template ?? { spec: { containers: [] } };
    const nameErrors = validatePodName(workload.metadata, 'metadata');
    const outcome = createTemplatePipeline(template.metadata ?? {}, template.spec ?? { containers: [] }, context,
      { metadata: 'spec.template.metadata', spec: 'spec.template.spec' });
    if (!outcome.ok || nameErrors.length > 0) {
      return { ok: false, stage: 'validation', errors: [...nameErrors, ...(outcome.ok ? [] : outcome.errors ?? [])], warnings: outcome.warnings };
    }
    return { ok: true, object, warnings: outcome.warnings };
  }
  const errors = validateObjectName(object.metadata, object.kind);
  if (object.kind === 'Namespace' && context.rules.hasPodSecurityAdmission && errors.length === 0) {
    // PSA is validating admission: it runs after validation, and refuses with its own Invalid status.
    errors.push(...validateNamespaceLabels(object.metadata.labels));
  }
  return errors.length > 0 ? { ok: false, stage: 'validation', errors, warnings: [] } : { ok: true, object, warnings: [] };
}
