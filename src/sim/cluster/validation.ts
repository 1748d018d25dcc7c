/**
 * The apiserver's pod validation for AppArmor, as pkg/apis/core/validation/validation.go does it
 * (`ValidateAppArmorProfileField`, `ValidateAppArmorPodAnnotations`, `ValidateAppArmorProfileFormat`,
 * `validateAppArmorAnnotationsAndFieldsMatchOnCreate`), plus the few basic pod checks a learner trips
 * over (names, containers, images). Returns field errors in the order the apiserver finds them.
 */
import { fieldError, goQuote, keyPath, type FieldError } from './field-errors.ts';
import type { AppArmorProfile, ObjectMeta, PodSpec } from './objects.ts';
import {
  ANNOTATION_LOCALHOST_PREFIX, ANNOTATION_RUNTIME_DEFAULT, ANNOTATION_UNCONFINED, APPARMOR_ANNOTATION_PREFIX,
  APPARMOR_PROFILE_TYPES, annotationKey, containersWithPaths,
} from './pod.ts';
import type { EraRules } from './versions.ts';
import { validateSeccompProfileField } from './seccomp-validation.ts';

/** PATH_MAX - 1, the longest `localhostProfile` the apiserver accepts. */
export const MAX_LOCALHOST_PROFILE_LENGTH = 4095;

/** Where a pod (or a workload's pod template) sits in its object. */
export type PodPaths = { readonly metadata: string; readonly spec: string };

/** The paths of a bare Pod. */
export const POD_PATHS: PodPaths = { metadata: 'metadata', spec: 'spec' };

/**
 * Validates a pod (or pod template) being created: metadata, annotations, spec, then the on-create
 * annotation/field match, in `ValidatePodCreate` order.
 * @param meta the pod's (template's) metadata
 * @param spec the pod spec
 * @param rules the cluster's era rules
 * @param paths where metadata and spec sit (`spec.template.metadata` for a DaemonSet)
 * @param isTemplate true for a workload's template (its metadata has no name of its own)
 * @returns every error found, in apiserver order
 * @example validatePodCreate({ name: 'p' }, { containers: [{ name: 'c', image: 'i' }] }, rules).length // → 0
 */
export function validatePodCreate(meta: ObjectMeta, spec: PodSpec, rules: EraRules, paths: PodPaths = POD_PATHS, isTemplate = false): FieldError[] {
  const errors: FieldError[] = [];
  if (!isTemplate) errors.push(...validatePodName(meta, paths.metadata));
  errors.push(...validateAppArmorPodAnnotations(meta.annotations ?? {}, spec, `${paths.metadata}.annotations`, rules));
  errors.push(...validatePodSpecBasics(spec, paths.spec, rules));
  if (!isTemplate && Array.isArray(spec.ephemeralContainers) && spec.ephemeralContainers.length > 0) {
    errors.push(fieldError.forbidden(`${paths.spec}.ephemeralContainers`, 'cannot be set on create'));
  }
  if (rules.hasAppArmorField) errors.push(...validateAppArmorAnnotationsAndFieldsMatchOnCreate(meta, spec, paths.spec));
  return errors;
}

/**
 * `ValidateAppArmorProfileField`: the rules of an `appArmorProfile` field (pod or container level).
 * @param profile the field, or undefined when absent
 * @param path the field's path (`…securityContext.appArmorProfile`)
 * @param rules the era rules (the TooLong wording changed after v1.30)
 * @returns the field's errors
 * @example validateAppArmorProfileField({ type: 'Localhost' }, 'p', rules)[0].detail // → 'must be set when AppArmor type is Localhost'
 */
export function validateAppArmorProfileField(profile: AppArmorProfile | undefined, path: string, rules: EraRules): FieldError[] {
  if (profile === undefined) return [];
  const errors: FieldError[] = [];
  const localhostPath = `${path}.localhostProfile`;
  const type = profile.type ?? '';
  if (type === 'Localhost') {
    const name = profile.localhostProfile;
    if (name === undefined) {
      errors.push(fieldError.required(localhostPath, 'must be set when AppArmor type is Localhost'));
    } else {
      // As validation.go: Go's strings.TrimSpace, so padding is checked before emptiness.
      const trimmed = name.replace(/^[\s\u0085]+|[\s\u0085]+$/gu, '');
      if (trimmed !== name) errors.push(fieldError.invalid(localhostPath, name, 'must not be padded with whitespace'));
      else if (trimmed === '') errors.push(fieldError.required(localhostPath, 'must be set when AppArmor type is Localhost'));
      if (utf8Length(name) > MAX_LOCALHOST_PROFILE_LENGTH) {
        errors.push(fieldError.tooLong(localhostPath, MAX_LOCALHOST_PROFILE_LENGTH, rules.version.minor === 30));
      }
    }
  } else if (type === 'RuntimeDefault' || type === 'Unconfined') {
    if (profile.localhostProfile !== undefined) {
      errors.push(fieldError.invalid(localhostPath, profile.localhostProfile, 'can only be set when AppArmor type is Localhost'));
    }
  } else if (type === '') {
    errors.push(fieldError.required(`${path}.type`, 'type is required when appArmorProfile is set'));
  } else {
    errors.push(fieldError.notSupported(`${path}.type`, type, APPARMOR_PROFILE_TYPES));
  }
  return errors;
}

/**
 * `ValidateAppArmorProfileFormat`: an annotation value must be empty, `runtime/default`, `unconfined`
 * or start with `localhost/`.
 * @param value the annotation value
 * @returns the error text, or undefined when the value is well formed
 * @example validateAppArmorProfileFormat('docker-default') // → 'invalid AppArmor profile name: "docker-default"'
 */
export function validateAppArmorProfileFormat(value: string): string | undefined {
  if (value === '' || value === ANNOTATION_RUNTIME_DEFAULT || value === ANNOTATION_UNCONFINED) return undefined;
  if (!value.startsWith(ANNOTATION_LOCALHOST_PREFIX)) return `invalid AppArmor profile name: ${goQuote(value)}`;
  return undefined;
}

/**
 * `ValidateAppArmorPodAnnotations`: each AppArmor annotation must name a container of the pod and hold
 * a well-formed value; with `--feature-gates=AppArmor=false` (beta era) any such annotation is Forbidden.
 * @param annotations the pod's annotations (in manifest order; Go walks its map in random order)
 * @param spec the pod spec
 * @param path the annotations' path (`metadata.annotations`)
 * @param rules the era rules
 * @returns the annotation errors
 * @example validateAppArmorPodAnnotations({ 'container.apparmor.security.beta.kubernetes.io/x': 'unconfined' }, { containers: [] }, 'metadata.annotations', rules)[0].detail // → 'container not found'
 */
export function validateAppArmorPodAnnotations(annotations: Record<string, string>, spec: PodSpec, path: string, rules: EraRules): FieldError[] {
  const errors: FieldError[] = [];
  const names = new Set(containersWithPaths(spec, 'spec').map((c) => c.container.name));
  for (const [key, value] of Object.entries(annotations)) {
    if (!key.startsWith(APPARMOR_ANNOTATION_PREFIX)) continue;
    const at = keyPath(path, key);
    // As the beta-era validation.go: "TODO: this belongs to admission, not general pod validation".
    if (!rules.appArmorEnabled) {
      errors.push(fieldError.forbidden(at, 'AppArmor is disabled by feature-gate'));
      continue;
    }
    const containerName = key.slice(APPARMOR_ANNOTATION_PREFIX.length);
    if (!names.has(containerName)) errors.push(fieldError.invalid(at, containerName, 'container not found'));
    const problem = validateAppArmorProfileFormat(String(value));
    if (problem) errors.push(fieldError.invalid(at, String(value), problem));
  }
  return errors;
}

/**
 * `validateAppArmorAnnotationsAndFieldsMatchOnCreate`: where a container has both an annotation and an
 * effective field (its own, else the pod's), they must agree. Windows pods are skipped.
 * @param meta the pod's metadata
 * @param spec the pod spec
 * @param specPath the spec's path
 * @returns Forbidden errors on `…appArmorProfile.type` / `.localhostProfile`
 * @example validateAppArmorAnnotationsAndFieldsMatchOnCreate(meta, spec, 'spec') // → [] when they agree
 */
export function validateAppArmorAnnotationsAndFieldsMatchOnCreate(meta: ObjectMeta, spec: PodSpec, specPath: string): FieldError[] {
  if (spec.os?.name === 'windows') return [];
  const errors: FieldError[] = [];
  const podProfile = spec.securityContext?.appArmorProfile;
  for (const { container, path } of containersWithPaths(spec, specPath)) {
    const profile = container.securityContext?.appArmorProfile ?? podProfile;
    const annotation = meta.annotations?.[annotationKey(container.name)];
    if (profile === undefined || annotation === undefined) continue;
    const fieldPath = `${path}.securityContext.appArmorProfile`;
    const typeMismatch = fieldError.forbidden(`${fieldPath}.type`, 'apparmor type in annotation and field must match');
    if (profile.type === 'Unconfined' && annotation !== ANNOTATION_UNCONFINED) errors.push(typeMismatch);
    else if (profile.type === 'RuntimeDefault' && annotation !== ANNOTATION_RUNTIME_DEFAULT) errors.push(typeMismatch);
    else if (profile.type === 'Localhost') {
      if (!annotation.startsWith(ANNOTATION_LOCALHOST_PREFIX)) errors.push(typeMismatch);
      else if (profile.localhostProfile === undefined || annotation.slice(ANNOTATION_LOCALHOST_PREFIX.length) !== profile.localhostProfile) {
        errors.push(fieldError.forbidden(`${fieldPath}.localhostProfile`, 'apparmor profile in annotation and field must match'));
      }
    }
  }
  return errors;
}

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
// apimachinery's IsDNS1123Label/IsDNS1123Subdomain messages, including the double space in the label example.
const LABEL_MESSAGE = "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
const SUBDOMAIN_MESSAGE = "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";

/**
 * The object name check of `ValidateObjectMeta` with `ValidatePodName` (a DNS-1123 subdomain).
 * @param meta the metadata
 * @param path the metadata's path
 * @returns the name errors
 * @example validatePodName({}, 'metadata')[0].detail // → 'name or generateName is required'
 */
export function validatePodName(meta: ObjectMeta, path: string): FieldError[] {
  const name = meta.name ?? '';
  if (name === '') return meta.generateName ? [] : [fieldError.required(`${path}.name`, 'name or generateName is required')];
  if (name.length > 253) return [fieldError.invalid(`${path}.name`, name, 'must be no more than 253 characters')];
  return DNS1123_SUBDOMAIN.test(name) ? [] : [fieldError.invalid(`${path}.name`, name, SUBDOMAIN_MESSAGE)];
}

/**
 * The name check for the other kinds: pods, configmaps and daemonsets are DNS subdomains, namespaces DNS
 * labels (`ValidateNamespaceName`).
 * @param meta the object's metadata
 * @param kind the object's kind
 * @returns the name errors
 * @example validateObjectName({ name: 'My_NS' }, 'Namespace')[0].type // → 'Invalid'
 */
export function validateObjectName(meta: ObjectMeta, kind: string): FieldError[] {
  const name = meta.name ?? '';
  if (kind !== 'Namespace' || name === '') return validatePodName(meta, 'metadata');
  return DNS1123_LABEL.test(name) && name.length <= 63 ? [] : [fieldError.invalid('metadata.name', name, LABEL_MESSAGE)];
}

/**
 * `ValidatePodSpecificAnnotationUpdates`: AppArmor annotations are fixed once a pod exists.
 * @param before the stored pod's annotations
 * @param after the requested annotations
 * @returns Forbidden errors for each added, changed or removed AppArmor annotation
 * @example validatePodAnnotationUpdate({}, { 'container.apparmor.security.beta.kubernetes.io/c': 'unconfined' })[0].detail // → 'may not add AppArmor annotations'
 */
export function validatePodAnnotationUpdate(before: Readonly<Record<string, string>>, after: Readonly<Record<string, string>>): FieldError[] {
  const errors: FieldError[] = [];
  for (const [k, v] of Object.entries(before)) {
    if (after[k] !== v && k.startsWith(APPARMOR_ANNOTATION_PREFIX)) {
      errors.push(fieldError.forbidden(keyPath('metadata.annotations', k), 'may not remove or update AppArmor annotations'));
    }
  }
  for (const k of Object.keys(after)) {
    if (!(k in before) && k.startsWith(APPARMOR_ANNOTATION_PREFIX)) {
      errors.push(fieldError.forbidden(keyPath('metadata.annotations', k), 'may not add AppArmor annotations'));
    }
  }
  return errors;
}

/** ValidatePodSpec's order: containers, init containers, ephemeral containers, then the pod security context. */
function validatePodSpecBasics(spec: PodSpec, specPath: string, rules: EraRules): FieldError[] {
  const errors: FieldError[] = [];
  if (!Array.isArray(spec.containers) || spec.containers.length === 0) {
    errors.push(fieldError.required(`${specPath}.containers`, ''));
  }
  const all = containersWithPaths(spec, specPath);
  const ordered = [...all.filter((c) => c.kind === 'containers'), ...all.filter((c) => c.kind === 'initContainers'),
    ...all.filter((c) => c.kind === 'ephemeralContainers')];
  const seen = new Set<string>();
  for (const { container, path } of ordered) {
    const name = typeof container.name === 'string' ? container.name : '';
    if (name === '') errors.push(fieldError.required(`${path}.name`, ''));
    else if (!DNS1123_LABEL.test(name) || name.length > 63) errors.push(fieldError.invalid(`${path}.name`, name, LABEL_MESSAGE));
    else if (seen.has(name)) errors.push({ type: 'Duplicate', field: `${path}.name`, badValue: name, detail: '' });
    seen.add(name);
    if (typeof container.image !== 'string' || container.image === '') errors.push(fieldError.required(`${path}.image`, ''));
    errors.push(...validateSeccompProfileField(container.securityContext?.seccompProfile, `${path}.securityContext.seccompProfile`));
    if (rules.hasAppArmorField) {
      errors.push(...validateAppArmorProfileField(container.securityContext?.appArmorProfile, `${path}.securityContext.appArmorProfile`, rules));
    }
  }
  errors.push(...validateSeccompProfileField(spec.securityContext?.seccompProfile, `${specPath}.securityContext.seccompProfile`));
  if (rules.hasAppArmorField) {
    errors.push(...validateAppArmorProfileField(spec.securityContext?.appArmorProfile, `${specPath}.securityContext.appArmorProfile`, rules));
    if (spec.os?.name === 'windows') errors.push(...validateWindowsAppArmor(spec, specPath));
  }
  return errors;
}

/** `validateWindows` (last in ValidatePodSpec): AppArmor fields are Forbidden on a Windows pod. */
function validateWindowsAppArmor(spec: PodSpec, specPath: string): FieldError[] {
  const errors: FieldError[] = [];
  const detail = 'cannot be set for a windows pod';
  if (spec.securityContext?.appArmorProfile) errors.push(fieldError.forbidden(`${specPath}.securityContext.appArmorProfile`, detail));
  for (const { container, path } of containersWithPaths(spec, specPath)) {
    if (container.securityContext?.appArmorProfile) errors.push(fieldError.forbidden(`${path}.securityContext.appArmorProfile`, detail));
  }
  return errors;
}

function utf8Length(text: string): number {
  let bytes = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
}
