/**
 * Pod Security Admission (v1.23+): the namespace's `pod-security.kubernetes.io/*` labels pick a level and
 * version per mode, and staging/src/k8s.io/pod-security-admission/admission/admission.go turns check
 * failures into a Forbidden error (enforce), `would violate PodSecurity` warnings (warn) and audit
 * annotations (audit). Pods are enforced; workloads (pod templates) only warn.
 */
import { fieldError, keyPath, type FieldError } from './field-errors.ts';
import type { ObjectMeta, PodSpec } from './objects.ts';
import { evaluatePodSecurity, forbiddenDetail, type CheckFailure } from './pod-security-checks.ts';

/** A Pod Security Standard. */
export type PodSecurityLevel = 'privileged' | 'baseline' | 'restricted';

/** `api.LevelVersion`: a level at `latest` or at a minor version. */
export type LevelVersion = { readonly level: PodSecurityLevel; readonly version: 'latest' | number };

/** The namespace's policy for the three modes. */
export type NamespacePolicy = { readonly enforce: LevelVersion; readonly warn: LevelVersion; readonly audit: LevelVersion };

/** The label prefix (`pod-security.kubernetes.io/enforce`, `…/enforce-version`, …). */
export const PSA_LABEL_PREFIX = 'pod-security.kubernetes.io/';
/** The audit annotation PSA adds to the audit event. */
export const PSA_AUDIT_ANNOTATION = 'pod-security.kubernetes.io/audit-violations';

const LEVELS: readonly PodSecurityLevel[] = ['privileged', 'baseline', 'restricted'];
// api.ParseVersion in pod-security-admission/api/helpers.go.
const VERSION_PATTERN = /^v1\.([0-9]|[1-9][0-9]*)$/;

/**
 * PSA's check of a namespace's labels on create and on label changes (`PolicyToEvaluate` errors):
 * each malformed level or version is Invalid.
 * @param labels the namespace's new labels
 * @returns the errors, in enforce, audit, warn order
 * @example validateNamespaceLabels({ 'pod-security.kubernetes.io/enforce': 'strict' })[0].detail // → 'must be one of privileged, baseline, restricted'
 */
export function validateNamespaceLabels(labels: Readonly<Record<string, string>> = {}): FieldError[] {
  const errors: FieldError[] = [];
  for (const mode of ['enforce', 'audit', 'warn'] as const) {
    const levelKey = `${PSA_LABEL_PREFIX}${mode}`;
    const level = labels[levelKey];
    if (level !== undefined && !(LEVELS as readonly string[]).includes(level)) {
      errors.push(fieldError.invalid(keyPath('metadata.labels', levelKey), level, 'must be one of privileged, baseline, restricted'));
    }
    const versionKey = `${levelKey}-version`;
    const version = labels[versionKey];
    if (version !== undefined && version !== 'latest' && !VERSION_PATTERN.test(version)) {
      errors.push(fieldError.invalid(keyPath('metadata.labels', versionKey), version, 'must be "latest" or "v1.x"'));
    }
  }
  return errors;
}

/**
 * Reads a namespace's PSA labels. Missing labels mean privileged:latest; a malformed level means
 * restricted (PSA fails closed), a malformed version means latest.
 * @param labels the namespace's labels
 * @returns the policy per mode
 * @example namespacePolicy({ 'pod-security.kubernetes.io/enforce': 'baseline' }).enforce // → { level: 'baseline', version: 'latest' }
 */
export function namespacePolicy(labels: Readonly<Record<string, string>> = {}): NamespacePolicy {
  const read = (mode: 'enforce' | 'warn' | 'audit'): LevelVersion => {
    const levelText = labels[`${PSA_LABEL_PREFIX}${mode}`];
    const level = levelText === undefined ? 'privileged' : (LEVELS as readonly string[]).includes(levelText) ? levelText as PodSecurityLevel : 'restricted';
    const versionText = labels[`${PSA_LABEL_PREFIX}${mode}-version`] ?? 'latest';
    const match = VERSION_PATTERN.exec(versionText);
    return { level, version: match ? Number(match[1]) : 'latest' };
  };
  return { enforce: read('enforce'), warn: read('warn'), audit: read('audit') };
}

/**
 * `LevelVersion.String()`.
 * @param lv the level and version
 * @returns `baseline:latest`, `restricted:v1.29`
 * @example formatLevelVersion({ level: 'baseline', version: 'latest' }) // → 'baseline:latest'
 */
export function formatLevelVersion(lv: LevelVersion): string {
  return `${lv.level}:${lv.version === 'latest' ? 'latest' : `v1.${lv.version}`}`;
}

/** What PSA decided for one request. */
export type PodSecurityDecision = {
  readonly allowed: boolean;
  /** For a denied pod: the cause after `pods "x" is forbidden: `. */
  readonly forbidden?: string;
  /** Warning texts (without `Warning: `). */
  readonly warnings: string[];
  /** Audit annotations, e.g. `pod-security.kubernetes.io/audit-violations`. */
  readonly auditAnnotations: Record<string, string>;
};

function evaluate(lv: LevelVersion, meta: ObjectMeta, spec: PodSpec, clusterMinor: number): CheckFailure[] {
  return evaluatePodSecurity(lv.level, meta, spec, clusterMinor);
}

const same = (a: LevelVersion, b: LevelVersion): boolean => a.level === b.level && a.version === b.version;

/**
 * `EvaluatePod` (a Pod) or `EvaluatePodController` (a workload's template) under a namespace policy.
 * @param meta the pod's (template's) metadata
 * @param spec the pod spec
 * @param policy the namespace policy
 * @param isPod true for a Pod; false for a pod template, which PSA never rejects
 * @param clusterMinor the apiserver's minor version
 * @returns the decision
 * @example admitPodSecurity(meta, spec, namespacePolicy({}), true, 30).allowed // → true
 */
export function admitPodSecurity(meta: ObjectMeta, spec: PodSpec, policy: NamespacePolicy, isPod: boolean, clusterMinor: number): PodSecurityDecision {
  const warnings: string[] = [];
  const auditAnnotations: Record<string, string> = {};
  const enforceFailures = evaluate(policy.enforce, meta, spec, clusterMinor);
  const would = (lv: LevelVersion, failures: readonly CheckFailure[]): string =>
    `would violate PodSecurity ${JSON.stringify(formatLevelVersion(lv))}: ${forbiddenDetail(failures)}`;
  let forbidden: string | undefined;
  if (enforceFailures.length > 0) {
    if (isPod) forbidden = `violates PodSecurity ${JSON.stringify(formatLevelVersion(policy.enforce))}: ${forbiddenDetail(enforceFailures)}`;
    else warnings.push(would(policy.enforce, enforceFailures));
  }
  const auditFailures = evaluate(policy.audit, meta, spec, clusterMinor);
  if (auditFailures.length > 0) auditAnnotations[PSA_AUDIT_ANNOTATION] = would(policy.audit, auditFailures);
  // Warnings are not added to a request that is already rejected; a workload's warn level is skipped
  // when it equals its enforce level (that warning is already there).
  if (forbidden === undefined && !(!isPod && same(policy.warn, policy.enforce))) {
    const warnFailures = evaluate(policy.warn, meta, spec, clusterMinor);
    if (warnFailures.length > 0) warnings.push(would(policy.warn, warnFailures));
  }
  return { allowed: forbidden === undefined, forbidden, warnings, auditAnnotations };
}

/**
 * The warnings `kubectl label ns` gets when a namespace's enforce level tightens over pods that already
 * violate it (`EvaluatePodsInNamespace`): a header, then one line per distinct reason list.
 * @param namespace the namespace's name
 * @param enforce the new enforce level
 * @param pods the namespace's existing pods (name, metadata, spec)
 * @param clusterMinor the apiserver's minor version
 * @returns the warnings, empty when every pod complies
 * @example namespaceEnforceWarnings('demo', { level: 'baseline', version: 'latest' }, [], 30) // → []
 */
export function namespaceEnforceWarnings(namespace: string, enforce: LevelVersion,
  pods: ReadonlyArray<{ name: string; metadata: ObjectMeta; spec: PodSpec }>, clusterMinor: number): string[] {
  const byReason = new Map<string, string[]>();
  for (const pod of [...pods].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const failures = evaluate(enforce, pod.metadata, pod.spec, clusterMinor);
    if (failures.length === 0) continue;
    const reason = failures.map((f) => f.reason).join(', ');
    byReason.set(reason, [...(byReason.get(reason) ?? []), pod.name]);
  }
  if (byReason.size === 0) return [];
  const warnings = [`existing pods in namespace ${JSON.stringify(namespace)} violate the new PodSecurity enforce level ${JSON.stringify(formatLevelVersion(enforce))}`];
  for (const [reason, names] of byReason) {
    const first = names[0] ?? '';
    const others = names.length - 1;
    warnings.push(others === 0 ? `${first}: ${reason}` : `${first} (and ${others} other ${others === 1 ? 'pod' : 'pods'}): ${reason}`);
  }
  return warnings;
}
