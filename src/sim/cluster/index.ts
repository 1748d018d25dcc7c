/**
 * The API-server side of the simulated cluster, as kubectl, the kubelet and the scheduler will use it:
 * manifests in, objects and exact error/warning text out, for cluster versions 1.14 … 1.34.
 * Re-exports only; the modules hold the logic.
 */
export { createApiServer } from './api-server.ts';
export type { ApiResult, ApiServer, ApiServerOptions, CreateOptions, MetadataChanges, UpdateOptions } from './api-server.ts';
export type { EventInput } from './events.ts';
export { parseManifests, splitDocuments } from './manifests.ts';
export type { ManifestDocument, ParseManifestsOptions } from './manifests.ts';
export { eraRules, formatClusterVersion, parseClusterVersion, MAX_MINOR, MIN_MINOR } from './versions.ts';
export type { ClusterVersion, EraRules, FeatureGates } from './versions.ts';
export { runtimeProfile, annotationKey, RUNTIME_DEFAULT_PROFILE, APPARMOR_ANNOTATION_PREFIX } from './pod.ts';
export type { RuntimeProfile, ProfileSource } from './pod.ts';
export { formatKubectlError, formatKubectlErrors, formatWarning } from './status.ts';
export type { ApiStatus, ErrorSource, KubectlError, StatusReason } from './status.ts';
export { lookupKind, lookupResource, qualifiedResource } from './kinds.ts';
export type { KindInfo } from './kinds.ts';
export { namespacePolicy, formatLevelVersion } from './pod-security-admission.ts';
export type { LevelVersion, NamespacePolicy, PodSecurityLevel } from './pod-security-admission.ts';
export type * from './objects.ts';
