/**
 * The Pod Security Standards checks of staging/src/k8s.io/pod-security-admission/policy, each returning
 * the reason and detail strings PSA prints. AppArmor (check_appArmorProfile.go) is the one this lab is
 * about; the others are here because a learner's pod meets them in the same message (privileged loaders,
 * hostPath mounts, the restricted level's four musts). Not modelled: procMount, seLinuxOptions, sysctls,
 * windowsHostProcess, user-namespace relaxations.
 */
import { goQuote } from './field-errors.ts';
import type { Container, ObjectMeta, PodSpec } from './objects.ts';
import { ANNOTATION_LOCALHOST_PREFIX, ANNOTATION_RUNTIME_DEFAULT, APPARMOR_ANNOTATION_PREFIX, containersWithPaths } from './pod.ts';

/** One failed check: `ForbiddenReason` and `ForbiddenDetail`. */
export type CheckFailure = { readonly reason: string; readonly detail: string };

/** A check: its ID and the pod function; undefined means allowed. */
export type PodCheck = {
  readonly id: string;
  readonly level: 'baseline' | 'restricted';
  /** Baseline checks that the restricted level replaces with a stricter one. */
  readonly overlap?: boolean;
  /** `clusterMinor` is the apiserver's own version: check implementations changed between releases. */
  readonly check: (meta: ObjectMeta, spec: PodSpec, clusterMinor: number) => CheckFailure | undefined;
};

/**
 * `pluralize` of policy/helpers.go.
 * @param singular the word for one
 * @param plural the word for many
 * @param count how many
 * @returns singular when count is 1
 * @example pluralize('container', 'containers', 2) // → 'containers'
 */
export function pluralize(singular: string, plural: string, count: number): string {
  return count === 1 ? singular : plural;
}

/**
 * `joinQuote` of policy/helpers.go: each item `%q`-quoted, joined by ", ".
 * @param items the strings
 * @returns `"a", "b"`
 * @example joinQuote(['a', 'b']) // → '"a", "b"'
 */
export function joinQuote(items: readonly string[]): string {
  return items.map(goQuote).join(', ');
}

function containers(spec: PodSpec): Container[] {
  return containersWithPaths(spec, 'spec').map((c) => c.container);
}

function named(items: readonly string[]): string {
  return `${pluralize('container', 'containers', items.length)} ${joinQuote(items)}`;
}

const sortedUnique = (values: Iterable<string>): string[] => [...new Set(values)].sort();

function appArmorProfile(meta: ObjectMeta, spec: PodSpec, clusterMinor: number): CheckFailure | undefined {
  if (clusterMinor < 30) return appArmorAnnotationsOnly(meta);
  const allowedType = (type: string | undefined): boolean => type === 'RuntimeDefault' || type === 'Localhost';
  const setters: string[] = [];
  const values = new Set<string>();
  const podType = spec.securityContext?.appArmorProfile;
  if (podType && !allowedType(podType.type)) { setters.push('pod'); values.add(podType.type ?? ''); }
  const bad: string[] = [];
  for (const c of containers(spec)) {
    const profile = c.securityContext?.appArmorProfile;
    if (profile && !allowedType(profile.type)) { bad.push(c.name); values.add(profile.type ?? ''); }
  }
  if (bad.length) setters.push(named(bad));
  const annotations = Object.entries(meta.annotations ?? {})
    .filter(([k, v]) => k.startsWith(APPARMOR_ANNOTATION_PREFIX) &&
      !(v === '' || v === ANNOTATION_RUNTIME_DEFAULT || v.startsWith(ANNOTATION_LOCALHOST_PREFIX)))
    .map(([k, v]) => `${k}=${goQuote(v)}`).sort();
  const valueList = [...sortedUnique(values), ...annotations];
  if (annotations.length) setters.push(pluralize('annotation', 'annotations', annotations.length));
  if (setters.length === 0) return undefined;
  return {
    reason: pluralize('forbidden AppArmor profile', 'forbidden AppArmor profiles', valueList.length),
    detail: `${setters.join(' and ')} must not set AppArmor profile type to ${joinQuote(valueList)}`,
  };
}

/** Before v1.30 the check knew only annotations, and its detail is just the offending `key="value"` pairs. */
function appArmorAnnotationsOnly(meta: ObjectMeta): CheckFailure | undefined {
  const bad = Object.entries(meta.annotations ?? {})
    .filter(([k, v]) => k.startsWith(APPARMOR_ANNOTATION_PREFIX) &&
      !(v === '' || v === ANNOTATION_RUNTIME_DEFAULT || v.startsWith(ANNOTATION_LOCALHOST_PREFIX)))
    .map(([k, v]) => `${k}=${goQuote(v)}`).sort();
  if (bad.length === 0) return undefined;
  return { reason: pluralize('forbidden AppArmor profile', 'forbidden AppArmor profiles', bad.length), detail: bad.join(', ') };
}

function hostNamespaces(_meta: ObjectMeta, spec: PodSpec): CheckFailure | undefined {
  const used = [spec.hostNetwork && 'hostNetwork=true', spec.hostPID && 'hostPID=true', spec.hostIPC && 'hostIPC=true']
    .filter((x): x is string => typeof x === 'string');
  return used.length ? { reason: 'host namespaces', detail: used.join(', ') } : undefined;
}

function volumes(spec: PodSpec): Array<{ name: string; type: string }> {
  const list = Array.isArray(spec['volumes']) ? (spec['volumes'] as Array<Record<string, unknown>>) : [];
  return list.map((v) => ({ name: String(v['name'] ?? ''), type: Object.keys(v).find((k) => k !== 'name') ?? '' }));
}

function hostPathVolumes(_meta: ObjectMeta, spec: PodSpec): CheckFailure | undefined {
  const bad = volumes(spec).filter((v) => v.type === 'hostPath').map((v) => v.name);
  return bad.length ? { reason: 'hostPath volumes', detail: `${pluralize('volume', 'volumes', bad.length)} ${joinQuote(bad)}` } : undefined;
}

function hostPorts(_meta: ObjectMeta, spec: PodSpec): CheckFailure | undefined {
  const bad: string[] = [];
  const ports = new Set<string>();
  for (const c of containers(spec)) {
    const used = (Array.isArray(c['ports']) ? (c['ports'] as Array<Record<string, unknown>>) : [])
      .map((p) => Number(p['hostPort'] ?? 0)).filter((p) => p !== 0);
    if (used.length) { bad.push(c.name); used.forEach((p) => ports.add(String(p))); }
  }
  if (!bad.length) return undefined;
  // sets.String.List() sorts the ports as strings.
  const list = sortedUnique(ports);
  return {
    reason: 'hostPort',
    detail: `${named(bad)} ${pluralize('uses', 'use', bad.length)} ${pluralize('hostPort', 'hostPorts', list.length)} ${list.join(', ')}`,
  };
}

function privileged(_meta: ObjectMeta, spec: PodSpec): CheckFailure | undefined {
  const bad = containers(spec).filter((c) => c.securityContext?.privileged === true).map((c) => c.name);
  return bad.length ? { reason: 'privileged', detail: `${named(bad)} must not set securityContext.privileged=true` } : undefined;
}

const BASELINE_CAPABILITIES = new Set(['AUDIT_WRITE', 'CHOWN', 'DAC_OVERRIDE', 'FOWNER', 'FSETID', 'KILL', 'MKNOD',
  'NET_BIND_SERVICE', 'SETFCAP', 'SETGID', 'SETPCAP', 'SETUID', 'SYS_CHROOT']);

function capabilitiesBaseline(_meta: ObjectMeta, spec: PodSpec): CheckFailure | undefined {
  const bad: string[] = [];
  const caps = new Set<string>();
  for (const c of containers(spec)) {
    const extra = (c.securityContext?.capabilities?.add ?? []).filter((cap) => !BASELINE_CAPABILITIES.has(cap));
    if (extra.length) { bad.push(c.name); extra.forEach((cap) => caps.add(cap)); }
  }
  if (!bad.length) return undefined;
  return { reason: 'non-default capabilities', detail: `${named(bad)} must not include ${joinQuote(sortedUnique(caps))} in securityContext.capabilities.add` };
}

/** seccompProfile (baseline): Unconfined is forbidden, like AppArmor's field check. */
function seccompBaseline(_meta: ObjectMeta, spec: PodSpec): CheckFailure | undefined {
  const setters: string[] = [];
  const values = new Set<string>();
  if (spec.securityContext?.seccompProfile?.type === 'Unconfined') { setters.push('pod'); values.add('Unconfined'); }
  const bad = containers(spec).filter((c) => c.securityContext?.seccompProfile?.type === 'Unconfined').map((c) => c.name);
  if (bad.length) { setters.push(named(bad)); values.add('Unconfined'); }
  if (!setters.length) return undefined;
  return { reason: 'seccompProfile', detail: `${setters.join(' and ')} must not set securityContext.seccompProfile.type to ${joinQuote([...values])}` };
}

function allowPrivilegeEscalation(_meta: ObjectMeta, spec: PodSpec): CheckFailure | undefined {
  const bad = containers(spec).filter((c) => c.securityContext?.allowPrivilegeEscalation !== false).map((c) => c.name);
  return bad.length
    ? { reason: 'allowPrivilegeEscalation != false', detail: `${named(bad)} must set securityContext.allowPrivilegeEscalation=false` }
    : undefined;
}

function capabilitiesRestricted(_meta: ObjectMeta, spec: PodSpec): CheckFailure | undefined {
  const missingDrop: string[] = [];
  const adding: string[] = [];
  const caps = new Set<string>();
  for (const c of containers(spec)) {
    const capabilities = c.securityContext?.capabilities;
    if (!capabilities) { missingDrop.push(c.name); continue; }
    if (!(capabilities.drop ?? []).includes('ALL')) missingDrop.push(c.name);
    const extra = (capabilities.add ?? []).filter((cap) => cap !== 'NET_BIND_SERVICE');
    if (extra.length) { adding.push(c.name); extra.forEach((cap) => caps.add(cap)); }
  }
  const details: string[] = [];
  if (missingDrop.length) details.push(`${named(missingDrop)} must set securityContext.capabilities.drop=["ALL"]`);
  if (adding.length) details.push(`${named(adding)} must not include ${joinQuote(sortedUnique(caps))} in securityContext.capabilities.add`);
  return details.length ? { reason: 'unrestricted capabilities', detail: details.join('; ') } : undefined;
}

const RESTRICTED_VOLUME_TYPES = new Set(['configMap', 'csi', 'downwardAPI', 'emptyDir', 'ephemeral', 'persistentVolumeClaim', 'projected', 'secret']);

function restrictedVolumes(_meta: ObjectMeta, spec: PodSpec): CheckFailure | undefined {
  const bad = volumes(spec).filter((v) => !RESTRICTED_VOLUME_TYPES.has(v.type));
  if (!bad.length) return undefined;
  const types = sortedUnique(bad.map((v) => v.type));
  return {
    reason: 'restricted volume types',
    detail: `${pluralize('volume', 'volumes', bad.length)} ${joinQuote(bad.map((v) => v.name))} ${pluralize('uses', 'use', bad.length)} ` +
      `${pluralize('restricted volume type', 'restricted volume types', types.length)} ${joinQuote(types)}`,
  };
}

/** The "pod and/or containers must (not) set …" shape shared by runAsNonRoot and seccompProfile (restricted). */
function podOrContainers(spec: PodSpec, isBad: (v: unknown) => boolean, pick: (sc: Record<string, unknown> | undefined) => unknown): { setters: string[]; implicit: string[] } {
  const setters: string[] = [];
  const podValue = pick(spec.securityContext);
  let podGood = false;
  if (podValue !== undefined) { if (isBad(podValue)) setters.push('pod'); else podGood = true; }
  const explicit: string[] = [];
  const implicit: string[] = [];
  for (const c of containers(spec)) {
    const value = pick(c.securityContext);
    if (value !== undefined) { if (isBad(value)) explicit.push(c.name); } else if (!podGood) implicit.push(c.name);
  }
  if (explicit.length) setters.push(named(explicit));
  return { setters, implicit };
}

function runAsNonRoot(_meta: ObjectMeta, spec: PodSpec): CheckFailure | undefined {
  const { setters, implicit } = podOrContainers(spec, (v) => v !== true, (sc) => sc?.['runAsNonRoot']);
  const reason = 'runAsNonRoot != true';
  if (setters.length) return { reason, detail: `${setters.join(' and ')} must not set securityContext.runAsNonRoot=false` };
  if (implicit.length) return { reason, detail: `pod or ${named(implicit)} must set securityContext.runAsNonRoot=true` };
  return undefined;
}

function runAsUser(_meta: ObjectMeta, spec: PodSpec): CheckFailure | undefined {
  const setters: string[] = [];
  if (spec.securityContext?.runAsUser === 0) setters.push('pod');
  const bad = containers(spec).filter((c) => c.securityContext?.runAsUser === 0).map((c) => c.name);
  if (bad.length) setters.push(named(bad));
  return setters.length ? { reason: 'runAsUser=0', detail: `${setters.join(' and ')} must not set runAsUser=0` } : undefined;
}

function seccompRestricted(_meta: ObjectMeta, spec: PodSpec): CheckFailure | undefined {
  const valid = (t: unknown): boolean => t === 'RuntimeDefault' || t === 'Localhost';
  const pick = (sc: Record<string, unknown> | undefined): unknown => {
    const profile = sc?.['seccompProfile'] as { type?: string } | undefined;
    return profile === undefined ? undefined : profile.type ?? '';
  };
  const { setters, implicit } = podOrContainers(spec, (t) => !valid(t), pick);
  if (setters.length) {
    const values = sortedUnique([pick(spec.securityContext), ...containers(spec).map((c) => pick(c.securityContext))]
      .filter((t): t is string => typeof t === 'string' && !valid(t)));
    return { reason: 'seccompProfile', detail: `${setters.join(' and ')} must not set securityContext.seccompProfile.type to ${joinQuote(values)}` };
  }
  if (implicit.length) {
    return { reason: 'seccompProfile', detail: `pod or ${named(implicit)} must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost"` };
  }
  return undefined;
}

/**
 * The checks in registration order (the check files' name order). Recent registries (policy/registry.go
 * with `Check.Overlap`) run overlapping baseline checks after the others and only at the baseline level;
 * older ones ran every check in registration order, restricted overrides replacing their baseline twins,
 * which is why the PSA tutorial shows "non-default capabilities, host namespaces, …". The switch to
 * Overlap is believed to come with v1.34 (the gitRepo baseline check).
 */
export const POD_CHECKS: readonly PodCheck[] = [
  { id: 'appArmorProfile', level: 'baseline', check: appArmorProfile },
  { id: 'capabilities_baseline', level: 'baseline', overlap: true, check: capabilitiesBaseline },
  { id: 'hostNamespaces', level: 'baseline', check: hostNamespaces },
  { id: 'hostPathVolumes', level: 'baseline', check: hostPathVolumes },
  { id: 'hostPorts', level: 'baseline', check: hostPorts },
  { id: 'privileged', level: 'baseline', check: privileged },
  { id: 'seccompProfile_baseline', level: 'baseline', overlap: true, check: seccompBaseline },
  { id: 'allowPrivilegeEscalation', level: 'restricted', check: allowPrivilegeEscalation },
  { id: 'capabilities_restricted', level: 'restricted', check: capabilitiesRestricted },
  { id: 'restrictedVolumes', level: 'restricted', check: restrictedVolumes },
  { id: 'runAsNonRoot', level: 'restricted', check: runAsNonRoot },
  { id: 'runAsUser', level: 'restricted', check: runAsUser },
  { id: 'seccompProfile_restricted', level: 'restricted', check: seccompRestricted },
];

/**
 * Runs a level's checks as `checkRegistry.EvaluatePod` does (privileged runs none).
 * @param level the Pod Security Standard
 * @param meta the pod (template) metadata
 * @param spec the pod spec
 * @param clusterMinor the apiserver's minor version (which implementation of each check runs)
 * @returns the failures, in registry order
 * @example evaluatePodSecurity('baseline', {}, { containers: [{ name: 'c', securityContext: { privileged: true } }] }, 30)[0].reason // → 'privileged'
 */
export function evaluatePodSecurity(level: 'privileged' | 'baseline' | 'restricted', meta: ObjectMeta, spec: PodSpec, clusterMinor: number): CheckFailure[] {
  if (level === 'privileged') return [];
  let checks: PodCheck[];
  if (clusterMinor >= 34) {
    const base = POD_CHECKS.filter((c) => c.level === 'baseline' && !c.overlap);
    const rest = POD_CHECKS.filter((c) => (level === 'baseline' ? c.level === 'baseline' && c.overlap : c.level === 'restricted'));
    checks = [...base, ...rest];
  } else {
    checks = POD_CHECKS.filter((c) => c.level === 'baseline' && !(level === 'restricted' && c.overlap));
    if (level === 'restricted') checks.push(...POD_CHECKS.filter((c) => c.level === 'restricted'));
  }
  return checks.map((c) => c.check(meta, spec, clusterMinor)).filter((f): f is CheckFailure => f !== undefined);
}

/**
 * `AggregateCheckResult.ForbiddenDetail()`: `reason (detail), reason (detail)`.
 * @param failures the failed checks
 * @returns the joined text PSA puts after `violates PodSecurity "…": `
 * @example forbiddenDetail([{ reason: 'privileged', detail: 'x' }]) // → 'privileged (x)'
 */
export function forbiddenDetail(failures: readonly CheckFailure[]): string {
  return failures.map((f) => (f.detail ? `${f.reason} (${f.detail})` : f.reason)).join(', ');
}
