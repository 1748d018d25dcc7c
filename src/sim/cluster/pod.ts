/**
 * AppArmor on a pod: the annotation keys and values, field ↔ annotation conversion, walking containers
 * with their field paths, and the profile each container ends up with at the runtime. Pure helpers;
 * validation and admission use them but live in their own modules.
 */
import type { AppArmorProfile, Container, Pod, PodSpec, ObjectMeta } from './objects.ts';

/** `v1.DeprecatedAppArmorBetaContainerAnnotationKeyPrefix`. */
export const APPARMOR_ANNOTATION_PREFIX = 'container.apparmor.security.beta.kubernetes.io/';
/** Annotation value for the runtime's default profile (lower case, unlike the field's types). */
export const ANNOTATION_RUNTIME_DEFAULT = 'runtime/default';
/** Annotation value for no AppArmor confinement. */
export const ANNOTATION_UNCONFINED = 'unconfined';
/** Annotation value prefix for a profile loaded on the node: `localhost/<profile name>`. */
export const ANNOTATION_LOCALHOST_PREFIX = 'localhost/';
/** The field's types, in the order `field.NotSupported` lists them. */
export const APPARMOR_PROFILE_TYPES = ['Localhost', 'RuntimeDefault', 'Unconfined'] as const;

/** A container together with where it sits in the spec. */
export type ContainerAt = {
  readonly container: Container;
  /** `spec.containers[0]` (or `spec.template.spec.initContainers[1]` …). */
  readonly path: string;
  readonly kind: 'initContainers' | 'containers' | 'ephemeralContainers';
};

/**
 * Every container of a pod spec with its path, in `VisitContainersWithPath` order: init containers,
 * containers, then ephemeral containers.
 * @param spec the pod spec
 * @param specPath the spec's own path (`spec`, or `spec.template.spec` in a workload)
 * @returns the containers in visiting order
 * @example containersWithPaths({ containers: [{ name: 'c' }] }, 'spec')[0].path // → 'spec.containers[0]'
 */
export function containersWithPaths(spec: PodSpec, specPath: string): ContainerAt[] {
  const out: ContainerAt[] = [];
  for (const kind of ['initContainers', 'containers', 'ephemeralContainers'] as const) {
    const list = spec[kind];
    if (!Array.isArray(list)) continue;
    list.forEach((container, index) => out.push({ container, path: `${specPath}.${kind}[${index}]`, kind }));
  }
  return out;
}

/**
 * The annotation key for a container.
 * @param containerName the container's name
 * @returns `container.apparmor.security.beta.kubernetes.io/<name>`
 * @example annotationKey('hello') // → 'container.apparmor.security.beta.kubernetes.io/hello'
 */
export function annotationKey(containerName: string): string {
  return APPARMOR_ANNOTATION_PREFIX + containerName;
}

/**
 * The field an annotation value means, as the pod strategy's `apparmorFieldForAnnotation`: undefined for
 * `localhost/` with no name and for values that are not AppArmor profiles.
 * @param annotation the annotation value
 * @returns the equivalent field, or undefined
 * @example fieldForAnnotation('localhost/x') // → { type: 'Localhost', localhostProfile: 'x' }
 */
export function fieldForAnnotation(annotation: string): AppArmorProfile | undefined {
  if (annotation === ANNOTATION_UNCONFINED) return { type: 'Unconfined' };
  if (annotation === ANNOTATION_RUNTIME_DEFAULT) return { type: 'RuntimeDefault' };
  if (annotation.startsWith(ANNOTATION_LOCALHOST_PREFIX)) {
    const name = annotation.slice(ANNOTATION_LOCALHOST_PREFIX.length);
    if (name !== '') return { type: 'Localhost', localhostProfile: name };
  }
  return undefined;
}

/**
 * The annotation value a field means, as the strategy's `appArmorAnnotationForField`: empty for
 * Localhost without a name and for unknown types.
 * @param field the field
 * @returns the annotation value, or '' when there is none
 * @example annotationForField({ type: 'RuntimeDefault' }) // → 'runtime/default'
 */
export function annotationForField(field: AppArmorProfile): string {
  if (field.type === 'Unconfined') return ANNOTATION_UNCONFINED;
  if (field.type === 'RuntimeDefault') return ANNOTATION_RUNTIME_DEFAULT;
  if (field.type === 'Localhost' && typeof field.localhostProfile === 'string') {
    return ANNOTATION_LOCALHOST_PREFIX + field.localhostProfile;
  }
  return '';
}

/** Where a container's profile came from, in the kubelet's precedence order. */
export type ProfileSource = 'container-field' | 'annotation' | 'pod-field' | 'default';

/** The profile a container runs under, as the runtime applies it. */
export type RuntimeProfile = {
  readonly source: ProfileSource;
  /** The requested type (the default is RuntimeDefault). */
  readonly type: 'RuntimeDefault' | 'Localhost' | 'Unconfined';
  /** Localhost only: the profile name the runtime looks up (may be '' for `localhost/`). */
  readonly localhostProfile?: string;
  /**
   * The label the container's processes get: the loaded profile name, the runtime's default profile
   * (`cri-containerd.apparmor.d`, `docker-default`), or `unconfined`.
   */
  readonly label: string;
};

/** The default profile each runtime generates and loads (containerd contrib/apparmor, moby profiles). */
export const RUNTIME_DEFAULT_PROFILE = { containerd: 'cri-containerd.apparmor.d', docker: 'docker-default' } as const;

/**
 * The profile a container gets: container field > annotation > pod field (kubelet's `GetProfile` in
 * pkg/security/apparmor/helpers.go), defaulting to the runtime default. A privileged container's runtime
 * default is unconfined (containerd's `generateApparmorSpecOpts`), while an explicit Localhost profile
 * still applies.
 * @param pod the stored pod
 * @param containerName the container to resolve
 * @param runtime the node's container runtime
 * @returns the resolved profile, or undefined if the pod has no such container
 * @example runtimeProfile(pod, 'c', 'containerd').label // → 'cri-containerd.apparmor.d' for a pod with no profile
 */
export function runtimeProfile(pod: Pod, containerName: string, runtime: 'containerd' | 'docker'): RuntimeProfile | undefined {
  const at = containersWithPaths(pod.spec, 'spec').find((c) => c.container.name === containerName);
  if (!at) return undefined;
  const { source, profile } = requestedProfile(pod.metadata, pod.spec, at.container);
  const privileged = at.container.securityContext?.privileged === true;
  const defaultLabel = privileged ? 'unconfined' : RUNTIME_DEFAULT_PROFILE[runtime];
  if (profile?.type === 'Localhost') {
    const name = profile.localhostProfile ?? '';
    return { source, type: 'Localhost', localhostProfile: name, label: name };
  }
  if (profile?.type === 'Unconfined') return { source, type: 'Unconfined', label: 'unconfined' };
  return { source, type: 'RuntimeDefault', label: defaultLabel };
}

function requestedProfile(meta: ObjectMeta, spec: PodSpec, container: Container): { source: ProfileSource; profile?: AppArmorProfile } {
  const own = container.securityContext?.appArmorProfile;
  if (own) return { source: 'container-field', profile: own };
  const annotation = meta.annotations?.[annotationKey(container.name)];
  if (annotation !== undefined && annotation !== '') {
    // The kubelet reads `localhost/` as Localhost with an empty name and rejects it at admission.
    const profile = annotation.startsWith(ANNOTATION_LOCALHOST_PREFIX)
      ? { type: 'Localhost', localhostProfile: annotation.slice(ANNOTATION_LOCALHOST_PREFIX.length) }
      : fieldForAnnotation(annotation);
    if (profile) return { source: 'annotation', profile };
  }
  const podLevel = spec.securityContext?.appArmorProfile;
  if (podLevel) return { source: 'pod-field', profile: podLevel };
  return { source: 'default' };
}
