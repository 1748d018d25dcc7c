/**
 * The kinds the simulated API server serves and under which apiVersions, by cluster version (the
 * discovery data kubectl's REST mapper would see). Data plus two lookups.
 */
import type { EraRules } from './versions.ts';

/** One served kind at one group/version. */
export type KindInfo = {
  readonly kind: string;
  readonly group: string;
  readonly version: string;
  /** The plural resource name: `pods`, `daemonsets`. */
  readonly resource: string;
  readonly namespaced: boolean;
};

type KindRow = Omit<KindInfo, 'group' | 'version'> & {
  readonly apiVersions: ReadonlyArray<{ readonly apiVersion: string; readonly servedWhile: (rules: EraRules) => boolean }>;
};

const always = (): boolean => true;

const KINDS: readonly KindRow[] = [
  { kind: 'Pod', resource: 'pods', namespaced: true, apiVersions: [{ apiVersion: 'v1', servedWhile: always }] },
  { kind: 'Namespace', resource: 'namespaces', namespaced: false, apiVersions: [{ apiVersion: 'v1', servedWhile: always }] },
  { kind: 'ConfigMap', resource: 'configmaps', namespaced: true, apiVersions: [{ apiVersion: 'v1', servedWhile: always }] },
  { kind: 'Event', resource: 'events', namespaced: true, apiVersions: [{ apiVersion: 'v1', servedWhile: always }] },
  {
    kind: 'DaemonSet', resource: 'daemonsets', namespaced: true, apiVersions: [
      { apiVersion: 'apps/v1', servedWhile: always },
      // extensions/v1beta1 and apps/v1beta2 DaemonSets stopped being served in v1.16.
      { apiVersion: 'extensions/v1beta1', servedWhile: (r) => r.version.minor < 16 },
      { apiVersion: 'apps/v1beta2', servedWhile: (r) => r.version.minor < 16 },
    ],
  },
  {
    kind: 'Deployment', resource: 'deployments', namespaced: true, apiVersions: [
      { apiVersion: 'apps/v1', servedWhile: always },
      { apiVersion: 'extensions/v1beta1', servedWhile: (r) => r.version.minor < 16 },
      { apiVersion: 'apps/v1beta1', servedWhile: (r) => r.version.minor < 16 },
      { apiVersion: 'apps/v1beta2', servedWhile: (r) => r.version.minor < 16 },
    ],
  },
  {
    kind: 'PodSecurityPolicy', resource: 'podsecuritypolicies', namespaced: false, apiVersions: [
      { apiVersion: 'policy/v1beta1', servedWhile: (r) => r.hasPodSecurityPolicy },
      { apiVersion: 'extensions/v1beta1', servedWhile: (r) => r.hasExtensionsPodSecurityPolicy },
    ],
  },
];

/**
 * Splits an apiVersion into group and version (`v1` is the core group).
 * @param apiVersion e.g. `apps/v1`
 * @returns the group ('' for core) and version
 * @example splitApiVersion('apps/v1') // → { group: 'apps', version: 'v1' }
 */
export function splitApiVersion(apiVersion: string): { group: string; version: string } {
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? { group: '', version: apiVersion } : { group: apiVersion.slice(0, slash), version: apiVersion.slice(slash + 1) };
}

/**
 * Finds the served kind for an apiVersion/kind pair.
 * @param apiVersion the manifest's apiVersion
 * @param kind the manifest's kind
 * @param rules the era rules
 * @returns the kind, or undefined when the server has no such mapping
 * @example lookupKind('policy/v1beta1', 'PodSecurityPolicy', eraRules({ major: 1, minor: 30 })) // → undefined
 */
export function lookupKind(apiVersion: string, kind: string, rules: EraRules): KindInfo | undefined {
  const row = KINDS.find((k) => k.kind === kind);
  const served = row?.apiVersions.find((v) => v.apiVersion === apiVersion && v.servedWhile(rules));
  if (!row || !served) return undefined;
  const { group, version } = splitApiVersion(apiVersion);
  return { kind: row.kind, resource: row.resource, namespaced: row.namespaced, group, version };
}

/**
 * Finds a served kind by its resource name or kind, as `kubectl get pods` / `get pod` / `get po` resolve.
 * @param name `pods`, `pod`, `Pod`, `ds`, `ns`, `cm`, `psp`
 * @param rules the era rules
 * @returns the kind at its preferred version, or undefined
 * @example lookupResource('ds', rules)?.kind // → 'DaemonSet'
 */
export function lookupResource(name: string, rules: EraRules): KindInfo | undefined {
  const short: Record<string, string> = { po: 'pods', ns: 'namespaces', cm: 'configmaps', ds: 'daemonsets', deploy: 'deployments', ev: 'events', psp: 'podsecuritypolicies' };
  const wanted = (short[name.toLowerCase()] ?? name.toLowerCase()).split('.')[0] ?? '';
  const row = KINDS.find((k) => k.resource === wanted || k.kind.toLowerCase() === wanted);
  const served = row?.apiVersions.find((v) => v.servedWhile(rules));
  return row && served ? lookupKind(served.apiVersion, row.kind, rules) : undefined;
}

/**
 * `GroupResource.String()`: `pods`, `daemonsets.apps`, `podsecuritypolicies.policy`.
 * @param info the kind
 * @returns the qualified resource used in `pods "x" not found`
 * @example qualifiedResource({ kind: 'DaemonSet', group: 'apps', version: 'v1', resource: 'daemonsets', namespaced: true }) // → 'daemonsets.apps'
 */
export function qualifiedResource(info: KindInfo): string {
  return info.group ? `${info.resource}.${info.group}` : info.resource;
}
