/**
 * The pod registry strategy's create-time preparation for AppArmor: `applyAppArmorVersionSkew` from
 * pkg/registry/core/pod/strategy.go, which syncs the deprecated annotation and the field and emits the
 * deprecation warning. It runs before validation, so validation sees the synced pod.
 */
import { cloneJson } from './clone.ts';
import type { AppArmorProfile, ObjectMeta, PodSpec } from './objects.ts';
import { annotationForField, annotationKey, containersWithPaths, fieldForAnnotation } from './pod.ts';
import { validateAppArmorProfileField } from './validation.ts';
import type { EraRules } from './versions.ts';

/** A pod (or template) after preparation, with the warnings the apiserver sends back. */
export type PreparedPod = { readonly metadata: ObjectMeta; readonly spec: PodSpec; readonly warnings: string[] };

/**
 * Syncs annotation ↔ field on create as v1.30 … v1.34 do. Before v1.30 nothing changes. Works on copies;
 * the input is not modified.
 * @param metadata the pod's metadata
 * @param spec the pod spec
 * @param rules the era rules
 * @returns the synced metadata and spec and the deprecation warnings (without the `Warning: ` prefix)
 * @example prepareAppArmorForCreate(meta, spec, rules).warnings[0] // → 'metadata.annotations[container.apparmor.security.beta.kubernetes.io/c]: deprecated since v1.30; use the "appArmorProfile" field instead'
 */
export function prepareAppArmorForCreate(metadata: ObjectMeta, spec: PodSpec, rules: EraRules): PreparedPod {
  const meta: ObjectMeta = cloneJson(metadata);
  const podSpec: PodSpec = cloneJson(spec);
  const warnings: string[] = [];
  if (!rules.hasAppArmorField || podSpec.os?.name === 'windows') return { metadata: meta, spec: podSpec, warnings };
  const podProfile = podSpec.securityContext?.appArmorProfile;
  // podutil.VisitContainers order: init containers, containers, ephemeral containers.
  for (const { container } of containersWithPaths(podSpec, 'spec')) {
    const key = annotationKey(container.name);
    const annotation = meta.annotations?.[key];
    const containerProfile = container.securityContext?.appArmorProfile;
    if (annotation === undefined) {
      if (!rules.copiesFieldToAnnotation) continue;
      const source = containerProfile ?? podProfile;
      const value = source ? annotationForField(source) : '';
      if (value !== '') meta.annotations = { ...meta.annotations, [key]: value };
      continue;
    }
    if (containerProfile !== undefined) continue;
    let field = fieldForAnnotation(annotation);
    if (field && validateAppArmorProfileField(field, '', rules).length > 0) field = undefined;
    // Warn when the annotation cannot become a field, or when it was copied into one.
    let warn = field === undefined;
    if (field && !sameProfile(field, podProfile)) {
      container.securityContext = { ...container.securityContext, appArmorProfile: field };
      warn = true;
    }
    if (warn) warnings.push(`metadata.annotations[${key}]: deprecated since v1.30; use the "appArmorProfile" field instead`);
  }
  return { metadata: meta, spec: podSpec, warnings };
}

function sameProfile(a: AppArmorProfile, b: AppArmorProfile | undefined): boolean {
  return b !== undefined && a.type === b.type && a.localhostProfile === b.localhostProfile;
}
