// Manifest decoding against kubectl's own output (tests/fixtures/manifests/kubectl-errors.json, recorded
// from kubectl v1.32.4), plus the server-side cases kubectl cannot show without an apiserver.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseManifests, splitDocuments } from '../../src/sim/cluster/manifests.ts';
import { eraRules } from '../../src/sim/cluster/versions.ts';

const dir = fileURLToPath(new URL('../fixtures/manifests/', import.meta.url));
type Recorded = { file: string; validate: boolean; stderr: string; exitCode: number };
const recorded = JSON.parse(readFileSync(`${dir}kubectl-errors.json`, 'utf8')) as { cases: Recorded[] };
const listed = (JSON.parse(readFileSync(`${dir}disagreements.json`, 'utf8')) as { disagreements: Record<string, string> }).disagreements;
const v132 = eraRules({ major: 1, minor: 32 });
const v114 = eraRules({ major: 1, minor: 14 });
const v130 = eraRules({ major: 1, minor: 30 });

function firstError(text: string, fileName: string, rules = v132, validate = true): string | undefined {
  const doc = parseManifests(text, { rules, fileName, validate }).find((d) => !d.ok);
  return doc && !doc.ok ? doc.error : undefined;
}

describe('manifest errors against recorded kubectl output', () => {
  it('has recorded cases to compare against', () => {
    expect(recorded.cases.length).toBeGreaterThanOrEqual(50);
  });

  it('prints every recorded kubectl error byte for byte, except the listed disagreements', () => {
    const disagreements: Record<string, string> = {};
    for (const c of recorded.cases) {
      const id = `${c.file}${c.validate ? '' : ' --validate=false'}`;
      const ours = firstError(readFileSync(`${dir}${c.file}`, 'utf8'), c.file, v132, c.validate);
      if (ours !== c.stderr) disagreements[id] = `ours: ${ours ?? '(no error)'}`;
    }
    expect(Object.keys(disagreements).sort()).toEqual(Object.keys(listed).sort());
  });

  it('every recorded case is an error (kubectl exited 1)', () => {
    expect(recorded.cases.every((c) => c.exitCode === 1 && c.stderr.startsWith('error: '))).toBe(true);
  });
});

describe('manifest documents', () => {
  it('splits at --- lines, including ones followed by a comment, but not at ---text', () => {
    expect(splitDocuments('a: 1\n---\nb: 2\n--- # c\nc: 3\n---x: 4\n')).toEqual(['a: 1\n', 'b: 2\n', 'c: 3\n---x: 4\n']);
  });

  it('numbers YAML error lines within the failing document, as kubectl converts one document at a time', () => {
    const text = 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: a\n---\napiVersion: v1\nkind: Pod\nmetadata: name: x\n';
    const docs = parseManifests(text, { rules: v132, fileName: 'two.yaml' });
    expect(docs[0]?.ok).toBe(true);
    expect(docs[1]).toMatchObject({ ok: false, isFatal: true, error: 'error: error parsing two.yaml: error converting YAML to JSON: yaml: line 3: mapping values are not allowed in this context' });
  });

  it('skips empty documents and keeps every field of the ones it reads, unknown ones included', () => {
    const docs = parseManifests('---\n# only a comment\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  a: b\nextra: 1\n', { rules: v132 });
    expect(docs).toHaveLength(1);
    expect(docs[0]).toMatchObject({ ok: true, object: { kind: 'ConfigMap', data: { a: 'b' }, extra: 1 } });
  });

  it('reads YAML 1.1 booleans as go-yaml v2 does', () => {
    const docs = parseManifests('apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  hostNetwork: yes\n  containers: []\n', { rules: v132 });
    expect(docs[0]).toMatchObject({ ok: true, object: { spec: { hostNetwork: true } } });
  });

  it('reads a JSON manifest', () => {
    const docs = parseManifests('{"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "x"}}', { rules: v132, fileName: 'ns.json' });
    expect(docs[0]).toMatchObject({ ok: true, object: { kind: 'Namespace', metadata: { name: 'x' } } });
  });
});

describe('kind mapping by cluster version', () => {
  const cases: Array<[string, ReturnType<typeof eraRules>, string, string]> = [
    ['an unknown kind on a current cluster', v132, 'apiVersion: v1\nkind: Foo\nmetadata:\n  name: x\n',
      'error: resource mapping not found for name: "x" namespace: "" from "x.yaml": no matches for kind "Foo" in version "v1"\nensure CRDs are installed first'],
    ['a PodSecurityPolicy after its removal in v1.25', v130, 'apiVersion: policy/v1beta1\nkind: PodSecurityPolicy\nmetadata:\n  name: p\n',
      'error: resource mapping not found for name: "p" namespace: "" from "x.yaml": no matches for kind "PodSecurityPolicy" in version "policy/v1beta1"\nensure CRDs are installed first'],
    ['an unknown kind on a v1.14 cluster', v114, 'apiVersion: apps/v1\nkind: Pod\nmetadata:\n  name: x\n',
      'error: unable to recognize "x.yaml": no matches for kind "Pod" in version "apps/v1"'],
  ];
  it.each(cases)('reports %s', (_name, rules, text, expected) => {
    expect(firstError(text, 'x.yaml', rules)).toBe(expected);
  });

  it('accepts a PodSecurityPolicy and an extensions/v1beta1 DaemonSet on v1.14', () => {
    const text = 'apiVersion: policy/v1beta1\nkind: PodSecurityPolicy\nmetadata:\n  name: p\n---\napiVersion: extensions/v1beta1\nkind: DaemonSet\nmetadata:\n  name: d\n';
    expect(parseManifests(text, { rules: v114 }).map((d) => d.ok)).toEqual([true, true]);
  });

  it('keeps reading after a mapping error, as kubectl continues with the next document', () => {
    const text = 'apiVersion: v1\nkind: Foo\nmetadata:\n  name: x\n---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: a\n';
    expect(parseManifests(text, { rules: v132 }).map((d) => d.ok)).toEqual([false, true]);
  });
});

describe('client-side schema validation before v1.25', () => {
  it('rejects the appArmorProfile field on a v1.14 cluster with the OpenAPI validation error', () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: hello\nspec:\n  containers:\n  - name: hello\n    image: busybox\n    securityContext:\n      appArmorProfile:\n        type: RuntimeDefault\n';
    expect(firstError(text, 'pod.yaml', v114)).toBe('error: error validating "pod.yaml": error validating data: ValidationError(Pod.spec.containers[0].securityContext): unknown field "appArmorProfile" in io.k8s.api.core.v1.SecurityContext; if you choose to ignore these errors, turn validation off with --validate=false');
  });

  it('lists several unknown fields in brackets', () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: hello\n  foo: 1\nspec:\n  bar: 2\n  containers: []\n';
    expect(firstError(text, 'pod.yaml', v114)).toBe('error: error validating "pod.yaml": error validating data: [ValidationError(Pod.metadata): unknown field "foo" in io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta, ValidationError(Pod.spec): unknown field "bar" in io.k8s.api.core.v1.PodSpec]; if you choose to ignore these errors, turn validation off with --validate=false');
  });

  it('leaves unknown fields to the server from v1.25, and skips the check with --validate=false', () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: hello\nspec:\n  bar: 2\n  containers: []\n';
    expect(firstError(text, 'pod.yaml', v130)).toBeUndefined();
    expect(firstError(text, 'pod.yaml', v114, false)).toBeUndefined();
  });
});

describe('streams, lists and hostile input', () => {
  it('reads a stream of JSON objects and stops at the first syntax error after them', () => {
    const docs = parseManifests('{"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "a"}}\n{"apiVersion": "v1",}', { rules: v132, fileName: 's.json' });
    expect(docs.map((d) => d.ok)).toEqual([true, false]);
    // Go's decoder counts the offset from the start of the stream (kubectl v1.32.4 says 90 for this file too).
    expect(docs[1]).toMatchObject({ message: "error parsing s.json: json: offset 90: invalid character '}' looking for beginning of object key string" });
  });

  it('flattens a kind: List into its items', () => {
    const text = 'apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Namespace\n  metadata:\n    name: a\n- apiVersion: v1\n  kind: ConfigMap\n  metadata:\n    name: b\n';
    expect(parseManifests(text, { rules: v132 }).map((d) => (d.ok ? d.object.kind : d.error))).toEqual(['Namespace', 'ConfigMap']);
  });

  it('refuses an alias bomb without throwing', () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 0; i < 8; i++) bomb.push(`${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)}]`);
    const docs = parseManifests(`${bomb.join('\n')}\n`, { rules: v132, fileName: 'bomb.yaml' });
    expect(docs).toEqual([{ ok: false, isFatal: true, error: 'error: error parsing bomb.yaml: error converting YAML to JSON: yaml: document contains excessive aliasing', message: 'error parsing bomb.yaml: error converting YAML to JSON: yaml: document contains excessive aliasing' }]);
  });
});
