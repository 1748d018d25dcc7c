/**
 * The Kubernetes object shapes the simulated cluster stores: the fields that matter for AppArmor and pod
 * security are typed, every other field is kept as it came (index signatures), the way an unstructured
 * object would keep it. Types only, no behaviour.
 */

/** `metadata` of any object. */
export type ObjectMeta = {
  name?: string;
  generateName?: string;
  namespace?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  uid?: string;
  resourceVersion?: string;
  creationTimestamp?: string;
  [field: string]: unknown;
};

/** Any object: apiVersion, kind and metadata typed, the rest kept. */
export type KubeObject = {
  apiVersion: string;
  kind: string;
  metadata: ObjectMeta;
  [field: string]: unknown;
};

/** `securityContext.appArmorProfile` (v1.30+). `type` stays a string: validation reports bad values. */
export type AppArmorProfile = {
  type?: string;
  localhostProfile?: string;
  [field: string]: unknown;
};

/** A container's `securityContext` (the fields pod security looks at). */
export type SecurityContext = {
  privileged?: boolean;
  allowPrivilegeEscalation?: boolean;
  runAsNonRoot?: boolean;
  runAsUser?: number;
  appArmorProfile?: AppArmorProfile;
  seccompProfile?: { type?: string; localhostProfile?: string; [field: string]: unknown };
  capabilities?: { add?: string[]; drop?: string[]; [field: string]: unknown };
  [field: string]: unknown;
};

/** The pod-level `spec.securityContext`. */
export type PodSecurityContext = {
  runAsNonRoot?: boolean;
  runAsUser?: number;
  appArmorProfile?: AppArmorProfile;
  seccompProfile?: { type?: string; localhostProfile?: string; [field: string]: unknown };
  [field: string]: unknown;
};

/** One container (also used for init and ephemeral containers). */
export type Container = {
  name: string;
  image?: string;
  command?: string[];
  args?: string[];
  securityContext?: SecurityContext;
  [field: string]: unknown;
};

/** `spec` of a pod or of a pod template. */
export type PodSpec = {
  containers: Container[];
  initContainers?: Container[];
  ephemeralContainers?: Container[];
  securityContext?: PodSecurityContext;
  os?: { name?: string };
  nodeName?: string;
  nodeSelector?: Record<string, string>;
  hostNetwork?: boolean;
  hostPID?: boolean;
  hostIPC?: boolean;
  [field: string]: unknown;
};

/** A Pod (v1). `status` is written by the kubelet later, not by the API server. */
export type Pod = KubeObject & { kind: 'Pod'; spec: PodSpec; status?: Record<string, unknown> };

/** A pod template as embedded in workloads. */
export type PodTemplateSpec = { metadata?: ObjectMeta; spec: PodSpec; [field: string]: unknown };

/** A DaemonSet (apps/v1): the usual way to load AppArmor profiles on every node. */
export type DaemonSet = KubeObject & {
  kind: 'DaemonSet';
  spec: { selector?: { matchLabels?: Record<string, string> }; template: PodTemplateSpec; [field: string]: unknown };
};

/** A Deployment (apps/v1): learners' usual workload; its pods come from `spec.template`. */
export type Deployment = KubeObject & {
  kind: 'Deployment';
  spec: { replicas?: number; selector?: { matchLabels?: Record<string, string> }; template: PodTemplateSpec; [field: string]: unknown };
};

/** A Namespace; its labels carry the Pod Security Admission levels. */
export type Namespace = KubeObject & { kind: 'Namespace' };

/** A ConfigMap, e.g. carrying profile text for a loader DaemonSet. */
export type ConfigMap = KubeObject & { kind: 'ConfigMap'; data?: Record<string, string> };

/** A PodSecurityPolicy (policy/v1beta1, until v1.25); AppArmor lives in its annotations. */
export type PodSecurityPolicy = KubeObject & {
  kind: 'PodSecurityPolicy';
  spec: { privileged?: boolean; [field: string]: unknown };
};
