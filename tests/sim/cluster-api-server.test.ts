// The API server facade (storage, namespaces, label/annotate), the field ↔ annotation sync on create,
// the deprecation warning, the effective profile per container, and the version rules.
import { describe, expect, it } from 'vitest';
import { createApiServer } from '../../src/sim/cluster/api-server.ts';
import type { KubeObject, Pod } from '../../src/sim/cluster/objects.ts';
import { runtimeProfile } from '../../src/sim/cluster/pod.ts';
import { formatKubectlErrors } from '../../src/sim/cluster/status.ts';
import { eraRules, formatClusterVersion, parseClusterVersion } from '../../src/sim/cluster/versions.ts';

const KEY = 'container.apparmor.security.beta.kubernetes.io/';
const DEPRECATED = (c: string): string => `metadata.annotations[${KEY}${c}]: deprecated since v1.30; use the "appArmorProfile" field instead`;

function server(minor = 30) {
  let t = 0;
  return createApiServer({ version: { major: 1, minor }, clock: () => `2024-05-01T10:00:0${t++}Z` });
}

type Spec = Record<string, unknown>;
function pod(name: string, annotations: Record<string, string> | undefined, containers: Spec[], spec: Spec = {}): KubeObject {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, ...(annotations ? { annotations } : {}) }, spec: { containers, ...spec } };
}
const c = (name: string, appArmorProfile?: unknown, extra: Spec = {}): Spec =>
  ({ name, image: 'busybox', ...(appArmorProfile ? { securityContext: { appArmorProfile } } : {}), ...extra });

function created(minor: number, object: KubeObject): { pod: Pod; warnings: string[] } {
  const result = server(minor).create(object);
  if (!result.ok) throw new Error(result.error);
  return { pod: result.object as Pod, warnings: result.warnings };
}

describe('annotation ↔ field sync on create', () => {
  it('copies an annotation into the container field and warns that the annotation is deprecated', () => {
    const { pod: stored, warnings } = created(30, pod('p', { [`${KEY}a`]: 'localhost/k8s-deny' }, [c('a')]));
    expect(stored.spec.containers[0]?.securityContext?.appArmorProfile).toEqual({ type: 'Localhost', localhostProfile: 'k8s-deny' });
    expect(warnings).toEqual([DEPRECATED('a')]);
  });

  it('copies a container field, else the pod field, into the annotation on v1.30 … v1.34', () => {
    const { pod: stored, warnings } = created(34, pod('p', undefined, [c('a', { type: 'Unconfined' }), c('b')], { securityContext: { appArmorProfile: { type: 'RuntimeDefault' } } }));
    expect(stored.metadata.annotations).toEqual({ [`${KEY}a`]: 'unconfined', [`${KEY}b`]: 'runtime/default' });
    expect(warnings).toEqual([]);
  });

  it('leaves the container field empty and does not warn when the annotation equals the pod-level field', () => {
    const { pod: stored, warnings } = created(30, pod('p', { [`${KEY}a`]: 'runtime/default' }, [c('a')], { securityContext: { appArmorProfile: { type: 'RuntimeDefault' } } }));
    expect(stored.spec.containers[0]?.securityContext).toBeUndefined();
    expect(warnings).toEqual([]);
  });

  it('warns but copies nothing for an annotation that cannot become a field (localhost/ with no name)', () => {
    const { pod: stored, warnings } = created(30, pod('p', { [`${KEY}a`]: 'localhost/' }, [c('a')]));
    expect(stored.spec.containers[0]?.securityContext).toBeUndefined();
    expect(warnings).toEqual([DEPRECATED('a')]);
  });

  it('changes nothing and never warns before v1.30', () => {
    const { pod: stored, warnings } = created(29, pod('p', { [`${KEY}a`]: 'localhost/k8s-deny' }, [c('a')]));
    expect(stored.spec.containers[0]?.securityContext).toBeUndefined();
    expect(warnings).toEqual([]);
  });

  it('warns once per container, init containers first', () => {
    const object = pod('p', { [`${KEY}a`]: 'runtime/default', [`${KEY}i`]: 'runtime/default' }, [c('a')], { initContainers: [c('i')] });
    expect(created(30, object).warnings).toEqual([DEPRECATED('i'), DEPRECATED('a')]);
  });
});

describe('the profile each container runs under', () => {
  const stored = (object: KubeObject, minor = 30): Pod => created(minor, object).pod;

  it('takes the container field over the annotation over the pod field', () => {
    const p = pod('p', { [`${KEY}b`]: 'localhost/from-annotation' }, [c('a', { type: 'Localhost', localhostProfile: 'from-container' }), c('b'), c('d')],
      { securityContext: { appArmorProfile: { type: 'Localhost', localhostProfile: 'from-pod' } } }) as Pod;
    expect(runtimeProfile(p, 'a', 'containerd')).toMatchObject({ source: 'container-field', label: 'from-container' });
    expect(runtimeProfile(p, 'b', 'containerd')).toMatchObject({ source: 'annotation', label: 'from-annotation' });
    expect(runtimeProfile(p, 'd', 'containerd')).toMatchObject({ source: 'pod-field', label: 'from-pod' });
  });

  it('sees the stored pod\'s synced values: the annotation became b\'s field, the pod field became d\'s annotation', () => {
    const p = stored(pod('p', { [`${KEY}b`]: 'localhost/from-annotation' }, [c('b'), c('d')],
      { securityContext: { appArmorProfile: { type: 'Localhost', localhostProfile: 'from-pod' } } }));
    expect(runtimeProfile(p, 'b', 'containerd')).toMatchObject({ source: 'container-field', label: 'from-annotation' });
    expect(runtimeProfile(p, 'd', 'containerd')).toMatchObject({ source: 'annotation', label: 'from-pod' });
  });

  it('reads the annotation in the old era, where there is no field', () => {
    const p = stored(pod('p', { [`${KEY}a`]: 'localhost/k8s-apparmor-example-deny-write' }, [c('a')]), 14);
    expect(runtimeProfile(p, 'a', 'docker')).toEqual({ source: 'annotation', type: 'Localhost', localhostProfile: 'k8s-apparmor-example-deny-write', label: 'k8s-apparmor-example-deny-write' });
  });

  it('resolves runtime/default to the runtime\'s own profile, and to unconfined for a privileged container', () => {
    const p = stored(pod('p', undefined, [c('a'), c('priv', undefined, { securityContext: { privileged: true } })]));
    expect(runtimeProfile(p, 'a', 'containerd')?.label).toBe('cri-containerd.apparmor.d');
    expect(runtimeProfile(p, 'a', 'docker')?.label).toBe('docker-default');
    expect(runtimeProfile(p, 'priv', 'containerd')).toEqual({ source: 'default', type: 'RuntimeDefault', label: 'unconfined' });
  });

  it('keeps an explicit Localhost profile on a privileged container', () => {
    const p = stored(pod('p', undefined, [c('a', { type: 'Localhost', localhostProfile: 'x' }, { securityContext: { privileged: true, appArmorProfile: { type: 'Localhost', localhostProfile: 'x' } } })]));
    expect(runtimeProfile(p, 'a', 'containerd')?.label).toBe('x');
  });

  it('passes an empty name through for `localhost/` so the kubelet can refuse it', () => {
    const p = stored(pod('p', { [`${KEY}a`]: 'localhost/' }, [c('a')]), 29);
    expect(runtimeProfile(p, 'a', 'containerd')).toMatchObject({ type: 'Localhost', localhostProfile: '', source: 'annotation' });
    expect(runtimeProfile(p, 'missing', 'containerd')).toBeUndefined();
  });
});

describe('storage', () => {
  it('starts with the four system namespaces', () => {
    expect(server().list('ns').map((n) => n.metadata.name)).toEqual(['default', 'kube-node-lease', 'kube-public', 'kube-system']);
  });

  it('stamps uid, resourceVersion, namespace and the caller\'s clock on create', () => {
    const result = server().create(pod('p', undefined, [c('a')]));
    expect(result.ok && result.object.metadata).toMatchObject({ namespace: 'default', creationTimestamp: expect.stringMatching(/^2024-05-01T10:00:0\dZ$/), uid: expect.any(String) });
    expect(result.ok && result.kind.resource).toBe('pods');
  });

  it('refuses a second object of the same name, and a namespace that does not exist', () => {
    const api = server();
    api.create(pod('p', undefined, [c('a')]));
    const again = api.create(pod('p', undefined, [c('a')]), { fileName: 'p.yaml' });
    expect(again.ok ? '' : again.error).toBe('Error from server (AlreadyExists): error when creating "p.yaml": pods "p" already exists');
    const missing = api.create(pod('q', undefined, [c('a')]), { fileName: 'p.yaml', namespace: 'nope' });
    expect(missing.ok ? '' : missing.error).toBe('Error from server (NotFound): error when creating "p.yaml": namespaces "nope" not found');
  });

  it('refuses an object whose namespace contradicts kubectl\'s', () => {
    const object = { ...pod('p', undefined, [c('a')]), metadata: { name: 'p', namespace: 'a' } };
    const result = server().create(object, { namespace: 'b' });
    expect(result.ok ? '' : result.error).toBe("error: the namespace from the provided object \"a\" does not match the namespace \"b\". You must pass '--namespace=a' to perform this operation.");
  });

  it('gets, lists and deletes by resource name, short name or kind', () => {
    const api = server();
    api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'demo' } });
    api.create(pod('p', undefined, [c('a')]), { namespace: 'demo' });
    expect(api.get('po', 'p', 'demo').ok).toBe(true);
    expect(api.list('pods', 'demo').map((p) => p.metadata.name)).toEqual(['p']);
    const missing = api.get('pod', 'x', 'demo');
    expect(missing.ok ? '' : missing.error).toBe('Error from server (NotFound): pods "x" not found');
    expect(api.delete('namespace', 'demo').ok).toBe(true);
    expect(api.list('pods')).toEqual([]);
  });

  it('labels and annotates, refusing to overwrite without --overwrite', () => {
    const api = server();
    expect(api.label('ns', 'default', undefined, { team: 'a' }).ok).toBe(true);
    const clash = api.label('ns', 'default', undefined, { team: 'b' });
    expect(clash.ok ? '' : clash.error).toBe("error: 'team' already has a value (a), and --overwrite is false");
    expect(api.label('ns', 'default', undefined, { team: null }).ok && api.get('ns', 'default').ok).toBe(true);
    const got = api.get('ns', 'default');
    expect(got.ok && got.object.metadata.labels?.['team']).toBeUndefined();
  });

  it('forbids adding an AppArmor annotation to an existing pod', () => {
    const api = server(14);
    api.create(pod('p', undefined, [c('a')]));
    const result = api.annotate('pod', 'p', 'default', { [`${KEY}a`]: 'localhost/x' });
    expect(result.ok ? '' : result.error).toBe(`The Pod "p" is invalid: metadata.annotations[${KEY}a]: Forbidden: may not add AppArmor annotations`);
  });

  it('reports an invalid namespace name as an RFC 1123 label', () => {
    const result = server().create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'My_NS' } });
    expect(result.ok ? '' : result.error).toBe("The Namespace \"My_NS\" is invalid: metadata.name: Invalid value: \"My_NS\": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')");
  });

  it('validates a DaemonSet\'s pod template under spec.template', () => {
    const ds: KubeObject = { apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'd', namespace: 'kube-system' },
      spec: { template: { metadata: { annotations: { [`${KEY}x`]: 'runtime/default' } }, spec: { containers: [c('a', { type: 'Localhost' })] } } } };
    const result = server().create(ds);
    expect(result.ok ? '' : result.error).toBe([
      'The DaemonSet "d" is invalid: ',
      `* spec.template.metadata.annotations[${KEY}x]: Invalid value: "x": container not found`,
      '* spec.template.spec.containers[0].securityContext.appArmorProfile.localhostProfile: Required value: must be set when AppArmor type is Localhost',
    ].join('\n'));
    expect(result.ok ? '' : result.status?.message).toContain('DaemonSet.apps "d" is invalid: [');
  });
});

describe('cluster versions', () => {
  it('parses the forms learners type and refuses versions outside 1.14 … 1.34', () => {
    expect(parseClusterVersion('v1.30.2')).toEqual({ major: 1, minor: 30 });
    expect(parseClusterVersion('1.14')).toEqual({ major: 1, minor: 14 });
    expect(parseClusterVersion('1.13')).toBeUndefined();
    expect(parseClusterVersion('1.35')).toBeUndefined();
    expect(formatClusterVersion({ major: 1, minor: 24 })).toBe('v1.24.0');
  });

  const table: Array<[number, string, boolean]> = [
    [14, 'hasPodSecurityPolicy', true], [24, 'hasPodSecurityPolicy', true], [25, 'hasPodSecurityPolicy', false],
    [22, 'hasPodSecurityAdmission', false], [23, 'hasPodSecurityAdmission', true],
    [29, 'hasAppArmorField', false], [30, 'hasAppArmorField', true],
    [23, 'kubeletChecksProfileLoaded', true], [24, 'kubeletChecksProfileLoaded', false],
    [24, 'serverSideFieldValidation', false], [25, 'serverSideFieldValidation', true],
    [34, 'copiesFieldToAnnotation', true], [29, 'copiesFieldToAnnotation', false],
  ];
  it.each(table)('v1.%i %s is %s', (minor, rule, expected) => {
    expect(eraRules({ major: 1, minor })[rule as 'hasAppArmorField']).toBe(expected);
  });

  it('runs Docker before v1.24 and containerd after, and honours AppArmor=false only before v1.30', () => {
    expect(eraRules({ major: 1, minor: 23 }).defaultRuntime).toBe('docker');
    expect(eraRules({ major: 1, minor: 24 }).defaultRuntime).toBe('containerd');
    expect(eraRules({ major: 1, minor: 14 }, { AppArmor: false }).appArmorEnabled).toBe(false);
    expect(eraRules({ major: 1, minor: 30 }, { AppArmor: false }).appArmorEnabled).toBe(true);
  });
});

describe('generated names', () => {
  it('appends five characters from the apiserver\'s name alphabet, deterministically, before validation runs', () => {
    const api = server();
    const object: KubeObject = { apiVersion: 'v1', kind: 'Pod', metadata: { generateName: 'hello-' }, spec: { containers: [c('a')] } };
    const first = api.create(object);
    const second = api.create(object);
    const names = [first, second].map((r) => (r.ok ? r.object.metadata.name : ''));
    expect(names[0]).toMatch(/^hello-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(names[1]).toMatch(/^hello-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(names[0]).not.toBe(names[1]);
    const again = server().create(object);
    expect(again.ok && again.object.metadata.name).toBe(names[0]);
  });
});

describe('DaemonSet templates and the deprecated annotation (v1.30+)', () => {
  function daemonSet(annotations: Record<string, string>, containers: Spec[], podSecurityContext?: Spec): KubeObject {
    return { apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'd', namespace: 'kube-system' },
      spec: { template: { metadata: { annotations }, spec: { containers, ...(podSecurityContext ? { securityContext: podSecurityContext } : {}) } } } };
  }

  it('warns once per container whose annotation has no field, under the template\'s path', () => {
    const result = server(30).create(daemonSet({ [`${KEY}a`]: 'runtime/default', [`${KEY}b`]: 'runtime/default' }, [c('a'), c('b', { type: 'RuntimeDefault' })]));
    expect(result.warnings).toEqual([`spec.template.metadata.annotations[${KEY}a]: deprecated since v1.30; use the "appArmorProfile" field instead`]);
  });

  it('does not warn when a pod-level field exists, nor before v1.30, and leaves the template unsynced', () => {
    expect(server(30).create(daemonSet({ [`${KEY}a`]: 'runtime/default' }, [c('a')], { appArmorProfile: { type: 'RuntimeDefault' } })).warnings).toEqual([]);
    expect(server(29).create(daemonSet({ [`${KEY}a`]: 'runtime/default' }, [c('a')])).warnings).toEqual([]);
    const result = server(30).create(daemonSet({ [`${KEY}a`]: 'localhost/x' }, [c('a')]));
    expect(JSON.stringify(result.ok && result.object)).not.toContain('appArmorProfile');
  });
});

describe('status and events for the kubelet', () => {
  it('replaces a pod\'s status and bumps its resourceVersion', () => {
    const api = server(14);
    const created = api.create(pod('p', undefined, [c('a')]));
    const before = created.ok ? created.object.metadata.resourceVersion : '';
    const result = api.updateStatus('pods', 'p', 'default', { phase: 'Pending', reason: 'AppArmor', message: 'Pod Cannot enforce AppArmor: profile "x" is not loaded' });
    expect(result.ok && result.object['status']).toEqual({ phase: 'Pending', reason: 'AppArmor', message: 'Pod Cannot enforce AppArmor: profile "x" is not loaded' });
    expect(result.ok && result.object.metadata.resourceVersion).not.toBe(before);
    const missing = api.updateStatus('pods', 'q', 'default', {});
    expect(missing.ok ? '' : missing.error).toBe('Error from server (NotFound): pods "q" not found');
  });

  it('records events in the object\'s namespace and counts repeats', () => {
    const api = server(30);
    const created = api.create(pod('p', undefined, [c('a')]));
    if (!created.ok) throw new Error(created.error);
    const input = { involvedObject: created.object, type: 'Warning' as const, reason: 'Failed', message: 'Error: failed to get container spec opts', component: 'kubelet', host: 'node01' };
    const first = api.recordEvent(input);
    const again = api.recordEvent(input);
    expect(first.metadata.name).toMatch(/^p\.[0-9a-f]{16}$/);
    expect(again.metadata.name).toBe(first.metadata.name);
    expect(again['count']).toBe(2);
    expect(api.list('events', 'default')).toHaveLength(1);
    expect(api.list('ev', 'default')[0]).toMatchObject({ involvedObject: { kind: 'Pod', name: 'p', uid: created.object.metadata.uid }, source: { component: 'kubelet', host: 'node01' } });
  });
});

describe('kubectl\'s rendering of several errors', () => {
  it('prints one error in its usual layout and several as bare lines, an Invalid status as "Error from server (Invalid)"', () => {
    const api = server(30);
    const invalid = api.create(pod('p', undefined, [c('a', { type: 'Localhost' })]), { fileName: 'p.yaml' });
    if (invalid.ok || !invalid.status) throw new Error('expected an Invalid status');
    const invalidError = { status: invalid.status, source: { fileName: 'p.yaml' } };
    expect(formatKubectlErrors([invalidError])).toBe('The Pod "p" is invalid: spec.containers[0].securityContext.appArmorProfile.localhostProfile: Required value: must be set when AppArmor type is Localhost');
    expect(formatKubectlErrors(['unable to recognize "s.json": no matches for kind "Foo" in version "v1"', invalidError])).toBe([
      'unable to recognize "s.json": no matches for kind "Foo" in version "v1"',
      'Error from server (Invalid): error when creating "p.yaml": Pod "p" is invalid: spec.containers[0].securityContext.appArmorProfile.localhostProfile: Required value: must be set when AppArmor type is Localhost',
    ].join('\n'));
    expect(formatKubectlErrors(['error parsing a.yaml: x'])).toBe('error: error parsing a.yaml: x');
  });
});
