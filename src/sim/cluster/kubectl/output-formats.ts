/**
 * kubectl's non-table output formats: `-o json` (json.MarshalIndent, 4 spaces, sorted keys, HTML-safe
 * escapes), `-o yaml` (sigs.k8s.io/yaml: sorted keys, sequences flush with their key), `-o name`
 * (`pod/x`, `daemonset.apps/x`) and the `List` wrapper for several objects. Pure.
 */
import { stringify } from 'yaml';
import type { KubeObject } from '../objects.ts';
import { splitApiVersion } from '../kinds.ts';

/**
 * The object kubectl prints for several results: a `v1` List.
 * @param items the objects
 * @returns `{apiVersion: v1, items, kind: List, metadata: {resourceVersion: ""}}`
 * @example asList([]).kind // → 'List'
 */
export function asList(items: readonly KubeObject[]): KubeObject {
  return { apiVersion: 'v1', items: [...items], kind: 'List', metadata: { resourceVersion: '' } };
}

/**
 * `json.MarshalIndent(obj, "", "    ")` of an unstructured object.
 * @param value the object
 * @returns the JSON text with a final newline
 * @example printJson({ b: 1, a: [] }) // → '{\n    "a": [],\n    "b": 1\n}\n'
 */
export function printJson(value: unknown): string {
  return `${marshalIndent(value, '')}\n`;
}

function marshalIndent(value: unknown, pad: string): string {
  const inner = `${pad}    `;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[\n${value.map((v) => inner + marshalIndent(v, inner)).join(',\n')}\n${pad}]`;
  }
  if (typeof value === 'object' && value !== null) {
    const keys = Object.keys(value).filter((k) => (value as Record<string, unknown>)[k] !== undefined).sort();
    if (keys.length === 0) return '{}';
    return `{\n${keys.map((k) => `${inner}${goString(k)}: ${marshalIndent((value as Record<string, unknown>)[k], inner)}`).join(',\n')}\n${pad}}`;
  }
  if (typeof value === 'string') return goString(value);
  if (value === undefined || value === null) return 'null';
  return String(value);
}

function goString(text: string): string {
  return JSON.stringify(text).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
}

/**
 * sigs.k8s.io/yaml's rendering of an object.
 * @param value the object
 * @returns YAML text
 * @example printYaml({ kind: 'Pod', apiVersion: 'v1' }) // → 'apiVersion: v1\nkind: Pod\n'
 */
export function printYaml(value: unknown): string {
  return stringify(value, { sortMapEntries: true, indentSeq: false, singleQuote: true, lineWidth: 0 });
}

/**
 * `-o name`: `<kind>[.<group>]/<name>` with the kind lower-cased.
 * @param object the object
 * @returns e.g. `pod/hello-apparmor`, `daemonset.apps/loader`
 * @example printName({ apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'l' } }) // → 'daemonset.apps/l\n'
 */
export function printName(object: KubeObject): string {
  const { group } = splitApiVersion(object.apiVersion);
  return `${object.kind.toLowerCase()}${group ? `.${group}` : ''}/${object.metadata.name ?? ''}\n`;
}
