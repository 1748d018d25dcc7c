/**
 * PodSecurityPolicy admission (v1.14 … v1.24) for AppArmor, as plugin/pkg/admission/security/
 * podsecuritypolicy/admission.go and pkg/security/podsecuritypolicy/apparmor/strategy.go do it: the
 * `defaultProfileName` annotation fills in missing container annotations, `allowedProfileNames` (a comma
 * list) restricts them, and `spec.privileged` is the one other PSP field modelled. Every policy is
 * assumed usable by the requester (no RBAC `use` check in the simulator).
 */
import { fieldError, formatFieldErrorSlice, goQuote, type FieldError } from './field-errors.ts';
import type { ObjectMeta, PodSecurityPolicy, PodSpec } from './objects.ts';
import { annotationKey, containersWithPaths } from './pod.ts';

/** The PSP annotation naming the profile given to containers that ask for none (pkg/security/apparmor). */
export const PSP_DEFAULT_PROFILE_ANNOTATION = 'apparmor.security.beta.kubernetes.io/defaultProfileName';
/** The PSP annotation listing the allowed profiles, comma-separated. */
export const PSP_ALLOWED_PROFILES_ANNOTATION = 'apparmor.security.beta.kubernetes.io/allowedProfileNames';
/** The annotation PSP admission sets on an admitted pod. */
export const PSP_ANNOTATION = 'kubernetes.io/psp';

/** The outcome of PSP admission for one pod. */
export type PspOutcome =
  | { readonly allowed: true; readonly metadata: ObjectMeta; readonly policyName: string }
  | { readonly allowed: false; readonly errors: readonly FieldError[]; readonly cause: string };

/**
 * Admits a pod against the policies: the first policy (by name) that validates it unchanged wins, else
 * the first that validates it after defaulting; otherwise every policy's errors are reported.
 * @param metadata the pod's metadata
 * @param spec the pod spec
 * @param policies every PodSecurityPolicy in the cluster
 * @returns the (possibly defaulted) metadata with `kubernetes.io/psp`, or the rejection cause
 * @example admitPodSecurityPolicy(meta, spec, []).allowed // → false ('unable to validate against any pod security policy: []')
 */
export function admitPodSecurityPolicy(metadata: ObjectMeta, spec: PodSpec, policies: readonly PodSecurityPolicy[]): PspOutcome {
  const sorted = [...policies].sort((a, b) => ((a.metadata.name ?? '') < (b.metadata.name ?? '') ? -1 : 1));
  const errors: FieldError[] = [];
  let firstMutated: { metadata: ObjectMeta; policyName: string } | undefined;
  for (const policy of sorted) {
    const defaulted = applyDefaults(metadata, spec, policy);
    const policyErrors = validateAgainst(defaulted, spec, policy);
    if (policyErrors.length > 0) { errors.push(...policyErrors); continue; }
    const policyName = policy.metadata.name ?? '';
    const mutated = JSON.stringify(defaulted.annotations ?? {}) !== JSON.stringify(metadata.annotations ?? {});
    if (!mutated) return admitted(defaulted, policyName);
    firstMutated ??= { metadata: defaulted, policyName };
  }
  if (firstMutated) return admitted(firstMutated.metadata, firstMutated.policyName);
  return { allowed: false, errors, cause: `unable to validate against any pod security policy: ${formatFieldErrorSlice(errors)}` };
}

function admitted(metadata: ObjectMeta, policyName: string): PspOutcome {
  return { allowed: true, policyName, metadata: { ...metadata, annotations: { ...metadata.annotations, [PSP_ANNOTATION]: policyName } } };
}

/** The AppArmor strategy's `Generate`: set the default profile where a container has none. */
function applyDefaults(metadata: ObjectMeta, spec: PodSpec, policy: PodSecurityPolicy): ObjectMeta {
  const defaultProfile = policy.metadata.annotations?.[PSP_DEFAULT_PROFILE_ANNOTATION] ?? '';
  if (defaultProfile === '') return metadata;
  const annotations = { ...metadata.annotations };
  for (const { container, kind } of containersWithPaths(spec, 'spec')) {
    // PSP predates ephemeral containers: only init containers and containers are defaulted and checked.
    if (kind === 'ephemeralContainers') continue;
    const key = annotationKey(container.name);
    if ((annotations[key] ?? '') === '') annotations[key] = defaultProfile;
  }
  return { ...metadata, annotations };
}

/** `ValidatePod` per container (init containers first): AppArmor strategy, then the privileged check. */
function validateAgainst(metadata: ObjectMeta, spec: PodSpec, policy: PodSecurityPolicy): FieldError[] {
  const allowedText = policy.metadata.annotations?.[PSP_ALLOWED_PROFILES_ANNOTATION];
  const allowed = allowedText === undefined ? undefined : new Set(allowedText.split(','));
  const errors: FieldError[] = [];
  for (const { container, path, kind } of containersWithPaths(spec, 'spec')) {
    if (kind === 'ephemeralContainers') continue;
    if (allowed) {
      // As strategy.go: the path starts with "pod", and %q prints the raw annotation text.
      const at = `pod.metadata.annotations[${annotationKey(container.name)}]`;
      const profile = metadata.annotations?.[annotationKey(container.name)] ?? '';
      if (profile === '') {
        if (allowed.size > 0) errors.push(fieldError.forbidden(at, 'AppArmor profile must be set'));
      } else if (!allowed.has(profile)) {
        errors.push(fieldError.forbidden(at, `${profile} is not an allowed profile. Allowed values: ${goQuote(allowedText ?? '')}`));
      }
    }
    if (container.securityContext?.privileged === true && policy.spec.privileged !== true) {
      errors.push(fieldError.invalid(`${path}.securityContext.privileged`, true, 'Privileged containers are not allowed'));
    }
  }
  return errors;
}
