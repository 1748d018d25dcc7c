// Every AppArmor validation rule of KUBERNETES.md §2, through the API server, checked against the exact
// text kubectl prints (validation.go wording, field/errors.go formatting, kubectl's CheckErr layout).
import { describe, expect, it } from 'vitest';
import { createApiServer } from '../../src/sim/cluster/api-server.ts';
import type { KubeObject } from '../../src/sim/cluster/objects.ts';
import { aggregateFieldErrors, formatFieldError } from '../../src/sim/cluster/field-errors.ts';
import type { ClusterVersion, FeatureGates } from '../../src/sim/cluster/versions.ts';

const KEY = 'container.apparmor.security.beta.kubernetes.io/';
const v = (minor: number): ClusterVersion => ({ major: 1, minor });

function server(minor: number, featureGates?: FeatureGates) {
  return createApiServer({ version: v(minor), featureGates, clock: () => '2024-05-01T10:00:00Z' });
}

type PodParts = { annotations?: Record<string, string>; container?: Record<string, unknown>; podSecurityContext?: Record<string, unknown>; extra?: Record<string, unknown> };
function pod({ annotations, container = {}, podSecurityContext, extra = {} }: PodParts, name = 'hello'): KubeObject {
  return {
    apiVersion: 'v1', kind: 'Pod', metadata: { name, ...(annotations ? { annotations } : {}) },
    spec: { containers: [{ name: 'hello', image: 'busybox', ...container }], ...(podSecurityContext ? { securityContext: podSecurityContext } : {}), ...extra },
  };
}
const withProfile = (appArmorProfile: unknown): PodParts => ({ container: { securityContext: { appArmorProfile } } });

function createError(minor: number, object: KubeObject, featureGates?: FeatureGates): string {
  const result = server(minor, featureGates).create(object, { fileName: 'pod.yaml' });
  return result.ok ? '(created)' : result.error;
}

const P = 'spec.containers[0].securityContext.appArmorProfile';

describe('appArmorProfile field validation (v1.30+)', () => {
  const cases: Array<[string, PodParts, string]> = [
    ['Localhost without localhostProfile', withProfile({ type: 'Localhost' }),
      `${P}.localhostProfile: Required value: must be set when AppArmor type is Localhost`],
    ['Localhost with an empty localhostProfile', withProfile({ type: 'Localhost', localhostProfile: '' }),
      `${P}.localhostProfile: Required value: must be set when AppArmor type is Localhost`],
    ['a localhostProfile padded with whitespace', withProfile({ type: 'Localhost', localhostProfile: ' k8s-deny ' }),
      `${P}.localhostProfile: Invalid value: " k8s-deny ": must not be padded with whitespace`],
    ['RuntimeDefault with a localhostProfile', withProfile({ type: 'RuntimeDefault', localhostProfile: 'x' }),
      `${P}.localhostProfile: Invalid value: "x": can only be set when AppArmor type is Localhost`],
    ['Unconfined with a localhostProfile', withProfile({ type: 'Unconfined', localhostProfile: 'x' }),
      `${P}.localhostProfile: Invalid value: "x": can only be set when AppArmor type is Localhost`],
    ['an empty appArmorProfile', withProfile({}),
      `${P}.type: Required value: type is required when appArmorProfile is set`],
    ['an annotation value used as the type', withProfile({ type: 'runtime/default' }),
      `${P}.type: Unsupported value: "runtime/default": supported values: "Localhost", "RuntimeDefault", "Unconfined"`],
    ['the lower-case annotation spelling as the type', withProfile({ type: 'unconfined' }),
      `${P}.type: Unsupported value: "unconfined": supported values: "Localhost", "RuntimeDefault", "Unconfined"`],
    ['a bad pod-level profile', { podSecurityContext: { appArmorProfile: { type: 'Localhost' } } },
      'spec.securityContext.appArmorProfile.localhostProfile: Required value: must be set when AppArmor type is Localhost'],
  ];
  it.each(cases)('rejects %s', (_name, parts, cause) => {
    expect(createError(34, pod(parts))).toBe(`The Pod "hello" is invalid: ${cause}`);
  });

  it('rejects a localhostProfile longer than 4095 bytes, worded per apimachinery version', () => {
    const long = withProfile({ type: 'Localhost', localhostProfile: 'a'.repeat(4096) });
    expect(createError(30, pod(long))).toBe(`The Pod "hello" is invalid: ${P}.localhostProfile: Too long: may not be longer than 4095`);
    expect(createError(31, pod(long))).toBe(`The Pod "hello" is invalid: ${P}.localhostProfile: Too long: may not be more than 4095 bytes`);
    expect(createError(31, pod(withProfile({ type: 'Localhost', localhostProfile: 'a'.repeat(4095) })))).toBe('(created)');
  });

  it('counts multi-byte characters in bytes, as Go len() does', () => {
    expect(createError(31, pod(withProfile({ type: 'Localhost', localhostProfile: 'é'.repeat(2048) })))).toContain('Too long');
  });

  it('accepts the three valid forms', () => {
    for (const profile of [{ type: 'RuntimeDefault' }, { type: 'Unconfined' }, { type: 'Localhost', localhostProfile: 'k8s-apparmor-example-deny-write' }]) {
      expect(createError(30, pod(withProfile(profile)))).toBe('(created)');
    }
  });

  it('lists several errors one per line under the kubectl header, and joins them in brackets in the status message', () => {
    const object = pod({ container: { securityContext: { appArmorProfile: { type: 'Localhost' } } }, podSecurityContext: { appArmorProfile: {} } });
    const result = server(30).create(object, { fileName: 'pod.yaml' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toBe([
      'The Pod "hello" is invalid: ',
      `* ${P}.localhostProfile: Required value: must be set when AppArmor type is Localhost`,
      '* spec.securityContext.appArmorProfile.type: Required value: type is required when appArmorProfile is set',
    ].join('\n'));
    expect(result.status?.message).toBe(`Pod "hello" is invalid: [${P}.localhostProfile: Required value: must be set when AppArmor type is Localhost, spec.securityContext.appArmorProfile.type: Required value: type is required when appArmorProfile is set]`);
  });

  it('refuses the field on v1.25 … v1.29 with strict server-side field validation (kubectl\'s default)', () => {
    expect(createError(29, pod(withProfile({ type: 'Localhost' })))).toBe('Error from server (BadRequest): error when creating "pod.yaml": Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "spec.containers[0].securityContext.appArmorProfile"');
  });

  it('warns about the field and drops it on v1.29 with --validate=warn', () => {
    const result = server(29).create(pod(withProfile({ type: 'Localhost' })), { fileName: 'pod.yaml', fieldValidation: 'Warn' });
    expect(result.warnings).toEqual(['unknown field "spec.containers[0].securityContext.appArmorProfile"']);
    expect(result.ok && JSON.stringify(result.object).includes('appArmorProfile')).toBe(false);
    expect(result.ok).toBe(true);
  });

  it('drops the field silently before v1.25, where only kubectl validated and the apiserver does not know it', () => {
    const result = server(24).create(pod(withProfile({ type: 'Localhost' })), { fileName: 'pod.yaml' });
    expect(result.ok).toBe(true);
    expect(result.warnings).toEqual([]);
    expect(result.ok && JSON.stringify(result.object).includes('appArmorProfile')).toBe(false);
  });
});

describe('annotation validation, both eras', () => {
  for (const minor of [14, 30]) {
    it(`rejects an annotation for a container that does not exist (v1.${minor})`, () => {
      expect(createError(minor, pod({ annotations: { [`${KEY}nginx`]: 'runtime/default' } })))
        .toBe(`The Pod "hello" is invalid: metadata.annotations[${KEY}nginx]: Invalid value: "nginx": container not found`);
    });

    it(`rejects an annotation value that is not a profile reference (v1.${minor})`, () => {
      expect(createError(minor, pod({ annotations: { [`${KEY}hello`]: 'k8s-apparmor-example-deny-write' } })))
        .toBe(`The Pod "hello" is invalid: metadata.annotations[${KEY}hello]: Invalid value: "k8s-apparmor-example-deny-write": invalid AppArmor profile name: "k8s-apparmor-example-deny-write"`);
    });

    it(`accepts runtime/default, unconfined, localhost/<name> and the empty value (v1.${minor})`, () => {
      for (const value of ['runtime/default', 'unconfined', 'localhost/k8s-apparmor-example-deny-write', '']) {
        expect(createError(minor, pod({ annotations: { [`${KEY}hello`]: value } }))).toBe('(created)');
      }
    });
  }

  it('reports both problems of an annotation naming a missing container with a bad value', () => {
    expect(createError(30, pod({ annotations: { [`${KEY}web`]: 'Unconfined' } }))).toBe([
      'The Pod "hello" is invalid: ',
      `* metadata.annotations[${KEY}web]: Invalid value: "web": container not found`,
      `* metadata.annotations[${KEY}web]: Invalid value: "Unconfined": invalid AppArmor profile name: "Unconfined"`,
    ].join('\n'));
  });

  it('finds init containers by name', () => {
    const object = pod({ annotations: { [`${KEY}init`]: 'runtime/default' }, extra: { initContainers: [{ name: 'init', image: 'busybox' }] } });
    expect(createError(14, object)).toBe('(created)');
  });

  it('forbids any AppArmor annotation when the beta AppArmor feature gate is off', () => {
    expect(createError(14, pod({ annotations: { [`${KEY}hello`]: 'localhost/k8s-apparmor-example-deny-write' } }), { AppArmor: false }))
      .toBe(`The Pod "hello" is invalid: metadata.annotations[${KEY}hello]: Forbidden: AppArmor is disabled by feature-gate`);
  });

  it('ignores the feature gate from v1.30, where AppArmor is GA', () => {
    expect(createError(30, pod({ annotations: { [`${KEY}hello`]: 'runtime/default' } }), { AppArmor: false })).toBe('(created)');
  });
});

describe('annotation and field must match on create (v1.30+)', () => {
  const cases: Array<[string, PodParts, string]> = [
    ['a Localhost field with a runtime/default annotation',
      { annotations: { [`${KEY}hello`]: 'runtime/default' }, ...withProfile({ type: 'Localhost', localhostProfile: 'x' }) },
      `${P}.type: Forbidden: apparmor type in annotation and field must match`],
    ['an Unconfined field with a localhost annotation',
      { annotations: { [`${KEY}hello`]: 'localhost/x' }, ...withProfile({ type: 'Unconfined' }) },
      `${P}.type: Forbidden: apparmor type in annotation and field must match`],
    ['a RuntimeDefault field with an unconfined annotation',
      { annotations: { [`${KEY}hello`]: 'unconfined' }, ...withProfile({ type: 'RuntimeDefault' }) },
      `${P}.type: Forbidden: apparmor type in annotation and field must match`],
    ['two different Localhost profiles',
      { annotations: { [`${KEY}hello`]: 'localhost/a' }, ...withProfile({ type: 'Localhost', localhostProfile: 'b' }) },
      `${P}.localhostProfile: Forbidden: apparmor profile in annotation and field must match`],
  ];
  it.each(cases)('rejects %s', (_name, parts, cause) => {
    expect(createError(30, pod(parts))).toBe(`The Pod "hello" is invalid: ${cause}`);
  });

  it('counts the pod-level field as the container\'s profile when the annotation cannot be synced into the container', () => {
    const object = pod({ annotations: { [`${KEY}hello`]: 'localhost/' }, podSecurityContext: { appArmorProfile: { type: 'RuntimeDefault' } } });
    expect(createError(30, object)).toBe(`The Pod "hello" is invalid: ${P}.type: Forbidden: apparmor type in annotation and field must match`);
  });

  it('skips the match check for Windows pods, which may not carry the field at all', () => {
    const object = pod({ annotations: { [`${KEY}hello`]: 'runtime/default' }, ...withProfile({ type: 'Unconfined' }), extra: { os: { name: 'windows' } } });
    expect(createError(30, object)).toBe(`The Pod "hello" is invalid: ${P}: Forbidden: cannot be set for a windows pod`);
    const annotated = pod({ annotations: { [`${KEY}hello`]: 'unconfined' }, extra: { os: { name: 'windows' } } });
    const result = server(30).create(annotated);
    expect(result.ok).toBe(true);
    expect(result.warnings).toEqual([]);
  });

  it('has no match check before v1.30 (the field does not exist there)', () => {
    const object = pod({ annotations: { [`${KEY}hello`]: 'runtime/default' }, ...withProfile({ type: 'Unconfined' }) });
    expect(server(29).create(object, { fieldValidation: 'Ignore' }).ok).toBe(true);
  });
});

describe('field error formatting', () => {
  it('prints booleans and numbers bare and null for a missing value, as field/errors.go does', () => {
    expect(formatFieldError({ type: 'Invalid', field: 'a', badValue: true, detail: 'd' })).toBe('a: Invalid value: true: d');
    expect(formatFieldError({ type: 'Invalid', field: 'a', badValue: 7, detail: 'd' })).toBe('a: Invalid value: 7: d');
    expect(formatFieldError({ type: 'Invalid', field: 'a', badValue: null, detail: 'd' })).toBe('a: Invalid value: null: d');
    expect(formatFieldError({ type: 'Required', field: 'a', badValue: 'x', detail: '' })).toBe('a: Required value');
  });

  it('deduplicates identical messages in the aggregate', () => {
    const e = { type: 'Required' as const, field: 'a', detail: '' };
    expect(aggregateFieldErrors([e, e])).toBe('a: Required value');
  });

  it('quotes values as Go %q does', () => {
    expect(formatFieldError({ type: 'Invalid', field: 'a', badValue: 'x"y\n', detail: 'd' })).toBe('a: Invalid value: "x\\"y\\n": d');
  });
});

describe('basic pod checks a learner meets', () => {
  it('requires a name and an image, and reports a bad container name with the RFC 1123 text', () => {
    const object: KubeObject = { apiVersion: 'v1', kind: 'Pod', metadata: {}, spec: { containers: [{ name: 'Web' }] } };
    expect(createError(30, object)).toBe([
      'The Pod "" is invalid: ',
      '* metadata.name: Required value: name or generateName is required',
      "* spec.containers[0].name: Invalid value: \"Web\": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')",
      '* spec.containers[0].image: Required value',
    ].join('\n'));
  });
});

describe('workload templates', () => {
  it('reports the annotation/field mismatch of a Deployment template as in kubernetes/kubernetes#128306', () => {
    const deployment: KubeObject = {
      apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'deployment-fails-validation' },
      spec: { selector: { matchLabels: { app: 'x' } }, template: {
        metadata: { labels: { app: 'x' }, annotations: { [`${KEY}hello`]: 'localhost/k8s-apparmor-example-deny-write' } },
        spec: { containers: [{ name: 'hello', image: 'busybox', securityContext: { appArmorProfile: { type: 'RuntimeDefault' } } }] },
      } },
    };
    expect(createError(31, deployment)).toBe('The Deployment "deployment-fails-validation" is invalid: spec.template.spec.containers[0].securityContext.appArmorProfile.type: Forbidden: apparmor type in annotation and field must match');
  });

  it('serves extensions/v1beta1 Deployments only before v1.16', () => {
    const old: KubeObject = { apiVersion: 'extensions/v1beta1', kind: 'Deployment', metadata: { name: 'd' }, spec: { template: { spec: { containers: [{ name: 'c', image: 'i' }] } } } };
    expect(createError(14, old)).toBe('(created)');
    expect(createError(16, old)).toBe('error: unable to recognize "pod.yaml": no matches for kind "Deployment" in version "extensions/v1beta1"');
    expect(createError(30, old)).toBe('error: resource mapping not found for name: "d" namespace: "" from "pod.yaml": no matches for kind "Deployment" in version "extensions/v1beta1"\nensure CRDs are installed first');
  });
});
