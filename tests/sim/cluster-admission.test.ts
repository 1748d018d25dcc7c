// Admission for AppArmor in both eras: PodSecurityPolicy (v1.14 … v1.24, strategy.go wording) and Pod
// Security Admission (v1.23+, check_appArmorProfile.go and admission.go wording), as kubectl prints them.
import { describe, expect, it } from 'vitest';
import { createApiServer, type ApiServer } from '../../src/sim/cluster/api-server.ts';
import type { KubeObject } from '../../src/sim/cluster/objects.ts';

const KEY = 'container.apparmor.security.beta.kubernetes.io/';

function server(minor: number, isPspEnabled = false): ApiServer {
  return createApiServer({ version: { major: 1, minor }, isPspEnabled, clock: () => '2024-05-01T10:00:00Z' });
}

function pod(name: string, annotations?: Record<string, string>, container: Record<string, unknown> = {}, spec: Record<string, unknown> = {}): KubeObject {
  return {
    apiVersion: 'v1', kind: 'Pod', metadata: { name, ...(annotations ? { annotations } : {}) },
    spec: { containers: [{ name: 'c', image: 'busybox', ...container }], ...spec },
  };
}

function psp(name: string, annotations: Record<string, string>, privileged = false): KubeObject {
  return { apiVersion: 'policy/v1beta1', kind: 'PodSecurityPolicy', metadata: { name, annotations }, spec: { privileged, seLinux: { rule: 'RunAsAny' } } };
}

function errorOf(api: ApiServer, object: KubeObject, fileName = 'x.yaml'): string {
  const result = api.create(object, { fileName });
  return result.ok ? '(created)' : result.error;
}

function label(api: ApiServer, labels: Record<string, string>, namespace = 'default'): string[] {
  const result = api.label('namespace', namespace, undefined, labels, { overwrite: true });
  return result.warnings;
}

describe('PodSecurityPolicy (v1.14)', () => {
  const allowDefault = { 'apparmor.security.beta.kubernetes.io/allowedProfileNames': 'runtime/default', 'apparmor.security.beta.kubernetes.io/defaultProfileName': 'runtime/default' };

  it('rejects a profile that is not in allowedProfileNames with the admission plugin\'s exact text', () => {
    const api = server(14, true);
    expect(api.create(psp('restricted', allowDefault)).ok).toBe(true);
    expect(errorOf(api, pod('x', { [`${KEY}c`]: 'localhost/foo' }))).toBe(
      `Error from server (Forbidden): error when creating "x.yaml": pods "x" is forbidden: unable to validate against any pod security policy: [pod.metadata.annotations[${KEY}c]: Forbidden: localhost/foo is not an allowed profile. Allowed values: "runtime/default"]`);
  });

  it('fills in defaultProfileName where a container has no profile and records the policy', () => {
    const api = server(14, true);
    api.create(psp('restricted', allowDefault));
    const result = api.create(pod('x'));
    expect(result.ok && result.object.metadata.annotations).toEqual({ [`${KEY}c`]: 'runtime/default', 'kubernetes.io/psp': 'restricted' });
  });

  it('requires a profile when a policy restricts profiles but gives no default', () => {
    const api = server(14, true);
    api.create(psp('strict', { 'apparmor.security.beta.kubernetes.io/allowedProfileNames': 'runtime/default,localhost/k8s-deny' }));
    expect(errorOf(api, pod('x'))).toBe(
      `Error from server (Forbidden): error when creating "x.yaml": pods "x" is forbidden: unable to validate against any pod security policy: [pod.metadata.annotations[${KEY}c]: Forbidden: AppArmor profile must be set]`);
    expect(errorOf(api, pod('y', { [`${KEY}c`]: 'localhost/k8s-deny' }))).toBe('(created)');
  });

  it('prefers a policy that admits the pod unchanged over one that would default it', () => {
    const api = server(14, true);
    api.create(psp('a-defaulting', allowDefault));
    api.create(psp('b-open', {}));
    const result = api.create(pod('x'));
    expect(result.ok && result.object.metadata.annotations).toEqual({ 'kubernetes.io/psp': 'b-open' });
  });

  it('lists every policy\'s errors space-separated, policies in name order', () => {
    const api = server(14, true);
    api.create(psp('b', { 'apparmor.security.beta.kubernetes.io/allowedProfileNames': 'runtime/default' }));
    api.create(psp('a', { 'apparmor.security.beta.kubernetes.io/allowedProfileNames': 'localhost/x' }));
    expect(errorOf(api, pod('x', { [`${KEY}c`]: 'unconfined' }, { securityContext: { privileged: true } }))).toBe(
      'Error from server (Forbidden): error when creating "x.yaml": pods "x" is forbidden: unable to validate against any pod security policy: [' +
      `pod.metadata.annotations[${KEY}c]: Forbidden: unconfined is not an allowed profile. Allowed values: "localhost/x" ` +
      'spec.containers[0].securityContext.privileged: Invalid value: true: Privileged containers are not allowed ' +
      `pod.metadata.annotations[${KEY}c]: Forbidden: unconfined is not an allowed profile. Allowed values: "runtime/default" ` +
      'spec.containers[0].securityContext.privileged: Invalid value: true: Privileged containers are not allowed]');
  });

  it('rejects every pod when the plugin is on and no policy exists', () => {
    expect(errorOf(server(20, true), pod('x'))).toBe('Error from server (Forbidden): error when creating "x.yaml": pods "x" is forbidden: unable to validate against any pod security policy: []');
  });

  it('does nothing when the plugin is off, and is gone from v1.25 even if asked for', () => {
    expect(errorOf(server(14, false), pod('x'))).toBe('(created)');
    expect(errorOf(server(25, true), pod('x'))).toBe('(created)');
  });
});

describe('Pod Security Admission, AppArmor check', () => {
  it('rejects an Unconfined field under enforce=baseline (v1.30: the synced annotation is reported too)', () => {
    const api = server(30);
    label(api, { 'pod-security.kubernetes.io/enforce': 'baseline' });
    expect(errorOf(api, pod('x', undefined, { securityContext: { appArmorProfile: { type: 'Unconfined' } } }), 'pod.yaml')).toBe(
      'Error from server (Forbidden): error when creating "pod.yaml": pods "x" is forbidden: violates PodSecurity "baseline:latest": ' +
      `forbidden AppArmor profiles (container "c" and annotation must not set AppArmor profile type to "Unconfined", "${KEY}c=\\"unconfined\\"")`);
  });

  it('names the pod as the setter of a pod-level Unconfined field', () => {
    const api = server(34);
    label(api, { 'pod-security.kubernetes.io/enforce': 'restricted' });
    const error = errorOf(api, pod('x', undefined, {}, { securityContext: { appArmorProfile: { type: 'Unconfined' } } }));
    expect(error).toContain(`violates PodSecurity "restricted:latest": forbidden AppArmor profiles (pod and annotation must not set AppArmor profile type to "Unconfined", "${KEY}c=\\"unconfined\\"")`);
  });

  it('reports the annotation alone, in the pre-field wording, on v1.23 … v1.29', () => {
    const api = server(29);
    label(api, { 'pod-security.kubernetes.io/enforce': 'baseline' });
    expect(errorOf(api, pod('x', { [`${KEY}c`]: 'unconfined' }), 'pod.yaml')).toBe(
      `Error from server (Forbidden): error when creating "pod.yaml": pods "x" is forbidden: violates PodSecurity "baseline:latest": forbidden AppArmor profile (${KEY}c="unconfined")`);
  });

  it('allows RuntimeDefault and Localhost profiles at baseline', () => {
    const api = server(30);
    label(api, { 'pod-security.kubernetes.io/enforce': 'baseline' });
    expect(errorOf(api, pod('a', { [`${KEY}c`]: 'localhost/k8s-deny' }))).toBe('(created)');
    expect(errorOf(api, pod('b', undefined, { securityContext: { appArmorProfile: { type: 'RuntimeDefault' } } }))).toBe('(created)');
  });

  it('uses the enforce-version label in the message', () => {
    const api = server(30);
    label(api, { 'pod-security.kubernetes.io/enforce': 'baseline', 'pod-security.kubernetes.io/enforce-version': 'v1.29' });
    expect(errorOf(api, pod('x', { [`${KEY}c`]: 'unconfined' }))).toContain('violates PodSecurity "baseline:v1.29": ');
  });

  it('warns instead of rejecting in warn mode, with the restricted level\'s four musts in registry order', () => {
    const api = server(30);
    label(api, { 'pod-security.kubernetes.io/warn': 'restricted' });
    const result = api.create(pod('x'));
    expect(result.ok).toBe(true);
    expect(result.warnings).toEqual(['would violate PodSecurity "restricted:latest": ' +
      'allowPrivilegeEscalation != false (container "c" must set securityContext.allowPrivilegeEscalation=false), ' +
      'unrestricted capabilities (container "c" must set securityContext.capabilities.drop=["ALL"]), ' +
      'runAsNonRoot != true (pod or container "c" must set securityContext.runAsNonRoot=true), ' +
      'seccompProfile (pod or container "c" must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost")']);
  });

  it('puts the deprecation warning before the Pod Security warning', () => {
    const api = server(30);
    label(api, { 'pod-security.kubernetes.io/warn': 'baseline' });
    const result = api.create(pod('x', { [`${KEY}c`]: 'unconfined' }));
    expect(result.warnings).toEqual([
      `metadata.annotations[${KEY}c]: deprecated since v1.30; use the "appArmorProfile" field instead`,
      `would violate PodSecurity "baseline:latest": forbidden AppArmor profiles (container "c" and annotation must not set AppArmor profile type to "Unconfined", "${KEY}c=\\"unconfined\\"")`,
    ]);
  });

  it('is not active before v1.23', () => {
    const api = server(22);
    label(api, { 'pod-security.kubernetes.io/enforce': 'restricted' });
    expect(errorOf(api, pod('x', { [`${KEY}c`]: 'unconfined' }))).toBe('(created)');
  });

  it('reports a privileged profile loader DaemonSet as warnings and still creates it', () => {
    const api = server(30);
    label(api, { 'pod-security.kubernetes.io/enforce': 'baseline' });
    const ds: KubeObject = {
      apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'apparmor-loader' },
      spec: { selector: { matchLabels: { app: 'l' } }, template: { metadata: { labels: { app: 'l' } }, spec: {
        containers: [{ name: 'loader', image: 'busybox', securityContext: { privileged: true } }],
        volumes: [{ name: 'profiles', hostPath: { path: '/etc/apparmor.d' } }],
      } } },
    };
    const result = api.create(ds);
    expect(result.ok).toBe(true);
    expect(result.warnings).toEqual(['would violate PodSecurity "baseline:latest": hostPath volumes (volume "profiles"), privileged (container "loader" must not set securityContext.privileged=true)']);
  });

  it('says "pods" for more than one other pod, and lists one line per distinct reason list by pod name', () => {
    const api = server(30);
    for (const name of ['d', 'c', 'b']) api.create(pod(name, { [`${KEY}c`]: 'unconfined' }));
    api.create(pod('a', undefined, { securityContext: { privileged: true } }));
    expect(label(api, { 'pod-security.kubernetes.io/enforce': 'baseline' })).toEqual([
      'existing pods in namespace "default" violate the new PodSecurity enforce level "baseline:latest"',
      'a: privileged',
      'b (and 2 other pods): forbidden AppArmor profiles',
    ]);
  });

  it('warns about existing violating pods when a namespace\'s enforce level is raised', () => {
    const api = server(30);
    api.create(pod('a', { [`${KEY}c`]: 'unconfined' }));
    api.create(pod('b', { [`${KEY}c`]: 'unconfined' }));
    api.create(pod('ok'));
    expect(label(api, { 'pod-security.kubernetes.io/enforce': 'baseline' })).toEqual([
      'existing pods in namespace "default" violate the new PodSecurity enforce level "baseline:latest"',
      'a (and 1 other pod): forbidden AppArmor profiles',
    ]);
  });
});

describe('Pod Security Admission, the other baseline checks a profile loader meets', () => {
  function baselineError(spec: Record<string, unknown>, minor = 30): string {
    const api = server(minor);
    label(api, { 'pod-security.kubernetes.io/enforce': 'baseline' });
    return errorOf(api, { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'x' }, spec });
  }
  const prefix = 'Error from server (Forbidden): error when creating "x.yaml": pods "x" is forbidden: violates PodSecurity "baseline:latest": ';
  const loaderSpec = {
    hostPID: true, hostNetwork: true,
    containers: [
      { name: 'a', image: 'i', ports: [{ containerPort: 80, hostPort: 8080 }, { containerPort: 90, hostPort: 9090 }], securityContext: { privileged: true } },
      { name: 'b', image: 'i', securityContext: { capabilities: { add: ['SYS_ADMIN', 'NET_ADMIN', 'CHOWN'] } } },
    ],
  };
  const caps = 'non-default capabilities (container "b" must not include "NET_ADMIN", "SYS_ADMIN" in securityContext.capabilities.add)';
  const others = 'host namespaces (hostNetwork=true, hostPID=true), hostPort (container "a" uses hostPorts 8080, 9090), ' +
    'privileged (container "a" must not set securityContext.privileged=true)';

  it('names the failed checks in registration order (capabilities second, as in the PSA tutorial\'s output)', () => {
    expect(baselineError(loaderSpec)).toBe(`${prefix}${caps}, ${others}`);
  });

  it('runs the overlapping baseline checks last on v1.34', () => {
    expect(baselineError(loaderSpec, 34)).toBe(`${prefix}${others}, ${caps}`);
  });

  it('forbids an Unconfined seccomp profile at baseline', () => {
    expect(baselineError({ securityContext: { seccompProfile: { type: 'Unconfined' } }, containers: [{ name: 'a', image: 'i' }] }))
      .toBe(`${prefix}seccompProfile (pod must not set securityContext.seccompProfile.type to "Unconfined")`);
  });

  it('admits a pod that meets the restricted level', () => {
    const api = server(30);
    label(api, { 'pod-security.kubernetes.io/enforce': 'restricted' });
    const restrictedPod = pod('x', undefined, { securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } } },
      { securityContext: { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' }, appArmorProfile: { type: 'Localhost', localhostProfile: 'k8s-deny' } } });
    expect(errorOf(api, restrictedPod)).toBe('(created)');
  });
});

describe('Pod Security Admission namespace labels', () => {
  it('refuses a misspelt level and a malformed version on label', () => {
    const api = server(30);
    const result = api.label('ns', 'default', undefined, { 'pod-security.kubernetes.io/enforce': 'strict', 'pod-security.kubernetes.io/enforce-version': '1.30' });
    expect(result.ok ? '' : result.error).toBe([
      'The Namespace "default" is invalid: ',
      '* metadata.labels[pod-security.kubernetes.io/enforce]: Invalid value: "strict": must be one of privileged, baseline, restricted',
      '* metadata.labels[pod-security.kubernetes.io/enforce-version]: Invalid value: "1.30": must be "latest" or "v1.x"',
    ].join('\n'));
  });

  it('refuses a namespace created with a bad level, and accepts any label before v1.23', () => {
    const ns: KubeObject = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'typo', labels: { 'pod-security.kubernetes.io/warn': 'Restricted' } } };
    const refused = server(25).create(ns, { fileName: 'ns.yaml' });
    expect(refused.ok ? '' : refused.error).toBe('The Namespace "typo" is invalid: metadata.labels[pod-security.kubernetes.io/warn]: Invalid value: "Restricted": must be one of privileged, baseline, restricted');
    expect(server(22).create(ns).ok).toBe(true);
  });
});

describe('server-side dry runs', () => {
  it('shows a label\'s PSA warnings without applying it (kubectl label --dry-run=server)', () => {
    const api = server(30);
    api.create(pod('a', { [`${KEY}c`]: 'unconfined' }));
    const result = api.label('ns', 'default', undefined, { 'pod-security.kubernetes.io/enforce': 'baseline' }, { dryRun: true });
    expect(result.warnings[0]).toBe('existing pods in namespace "default" violate the new PodSecurity enforce level "baseline:latest"');
    const ns = api.get('ns', 'default');
    expect(ns.ok && ns.object.metadata.labels?.['pod-security.kubernetes.io/enforce']).toBeUndefined();
  });

  it('admits a pod without storing it', () => {
    const api = server(30);
    expect(api.create(pod('a'), { dryRun: true }).ok).toBe(true);
    expect(api.list('pods')).toEqual([]);
  });
});
