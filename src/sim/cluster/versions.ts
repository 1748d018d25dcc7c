/**
 * The simulated cluster's Kubernetes version (1.14 … 1.34) and the AppArmor-related rules that change
 * with it. Data and pure predicates only; the API server, kubelet and kubectl ask these instead of
 * comparing version numbers themselves (KUBERNETES.md, "two eras").
 */

/** A Kubernetes minor release of the 1.x line. */
export type ClusterVersion = { readonly major: 1; readonly minor: number };

/** The oldest minor version the simulator models (the classic AppArmor tutorial's era). */
export const MIN_MINOR = 14;
/** The newest minor version the simulator models. */
export const MAX_MINOR = 34;

/** Feature gates the simulator honours (`--feature-gates=AppArmor=false`). */
export type FeatureGates = { readonly AppArmor?: boolean };

/** What a given version does about AppArmor, pod security and manifests. */
export type EraRules = {
  readonly version: ClusterVersion;
  /** `securityContext.appArmorProfile` exists (added and GA in v1.30). */
  readonly hasAppArmorField: boolean;
  /** Creating a pod with only the annotation warns `deprecated since v1.30`. */
  readonly warnsAnnotationDeprecated: boolean;
  /** The apiserver copies field → annotation when only the field is set (1.30 … 1.34, kyverno/policies#1424). */
  readonly copiesFieldToAnnotation: boolean;
  /** The `AppArmor` feature gate is honoured (the beta era); from v1.30 it is GA and locked on. */
  readonly appArmorEnabled: boolean;
  /** PodSecurityPolicy (policy/v1beta1) is served; removed in v1.25. */
  readonly hasPodSecurityPolicy: boolean;
  /** PodSecurityPolicy is also served as extensions/v1beta1 (removed in v1.16). */
  readonly hasExtensionsPodSecurityPolicy: boolean;
  /** Pod Security Admission is on (beta and on by default from v1.23, GA in v1.25). */
  readonly hasPodSecurityAdmission: boolean;
  /**
   * The kubelet reads /sys/kernel/security/apparmor/profiles and blocks pods whose profile is not
   * loaded. kubernetes/kubernetes#97966 removed that check after v1.23 (kubernetes#108143 says it had
   * shipped only in an alpha in Feb 2022), so v1.24 is the first kubelet without it.
   */
  readonly kubeletChecksProfileLoaded: boolean;
  /** kubectl defaults to server-side strict field validation (v1.25+) instead of client-side schema checks. */
  readonly serverSideFieldValidation: boolean;
  /**
   * kubectl says `resource mapping not found for name: … ensure CRDs are installed first` instead of
   * `unable to recognize "x.yaml": …` (kubectl's NoKindMatchError branch; believed to ship from v1.24).
   */
  readonly explainsMissingMapping: boolean;
  /** The kubelet requires Docker as runtime (dockershim; removed in v1.24). */
  readonly defaultRuntime: 'docker' | 'containerd';
};

/**
 * Parses `1.30`, `v1.30` or `v1.30.2` into a version, clamped to nothing: out-of-range minors are refused.
 * @param text the version as a learner or a lab file writes it
 * @returns the version, or undefined when it is not 1.14 … 1.34
 * @example parseClusterVersion('v1.30.2') // → { major: 1, minor: 30 }
 */
export function parseClusterVersion(text: string): ClusterVersion | undefined {
  const match = /^v?1\.(\d+)(?:\.\d+)?$/.exec(text.trim());
  if (!match) return undefined;
  const minor = Number(match[1]);
  return minor >= MIN_MINOR && minor <= MAX_MINOR ? { major: 1, minor } : undefined;
}

/**
 * Formats a version the way `kubectl version` prints the server's GitVersion.
 * @param version the cluster version
 * @returns `v1.30.0`
 * @example formatClusterVersion({ major: 1, minor: 30 }) // → 'v1.30.0'
 */
export function formatClusterVersion(version: ClusterVersion): string {
  return `v${version.major}.${version.minor}.0`;
}

/**
 * The era rules of a version under the given feature gates.
 * @param version the cluster version
 * @param featureGates the apiserver's/kubelet's `--feature-gates`
 * @returns the rules every cluster component consults
 * @example eraRules({ major: 1, minor: 14 }).hasPodSecurityPolicy // → true
 */
export function eraRules(version: ClusterVersion, featureGates: FeatureGates = {}): EraRules {
  const minor = version.minor;
  const hasField = minor >= 30;
  return {
    version,
    hasAppArmorField: hasField,
    warnsAnnotationDeprecated: hasField,
    copiesFieldToAnnotation: hasField && minor <= 34,
    appArmorEnabled: hasField || featureGates.AppArmor !== false,
    hasPodSecurityPolicy: minor < 25,
    hasExtensionsPodSecurityPolicy: minor < 16,
    hasPodSecurityAdmission: minor >= 23,
    kubeletChecksProfileLoaded: minor <= 23,
    serverSideFieldValidation: minor >= 25,
    explainsMissingMapping: minor >= 24,
    defaultRuntime: minor < 24 ? 'docker' : 'containerd',
  };
}
