/**
 * kubectl's non-table output formats: `-o json` (json.MarshalIndent, 4 spaces, sorted keys, HTML-safe
 * escapes), `-o yaml` (sigs.k8s.io/yaml: sorted keys, sequences flush with their key), `-o name`
 * (`pod/x`, `daemonset.apps/x`) and the `List` wrapper for several objects. Pure.
 */
import { Document, Scalar, visit } from 'yaml';
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
  const doc = new Document(value, { sortMapEntries: true });
  visit(doc, {
    Scalar(_, node) {
      // go-yaml v2 double-quotes a string that YAML 1.1 would read as another type ("True", "1", a timestamp)
      if (typeof node.value === 'string' && isAmbiguousString(node.value)) node.type = Scalar.QUOTE_DOUBLE;
    },
  });
  return doc.toString({ indentSeq: false, singleQuote: true, lineWidth: 0 });
}

const YAML11_BOOL_NULL = /^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|null|Null|NULL|~|)$/;
const YAML11_NUMBER = /^[-+]?(?:0b[01_]+|0x[0-9a-fA-F_]+|0[0-7_]+|[0-9][0-9_]*(?:\.[0-9_]*)?(?:[eE][-+]?[0-9]+)?|\.[0-9_]+(?:[eE][-+]?[0-9]+)?|[1-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?|\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;
const YAML11_TIMESTAMP = /^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:(?:[Tt]|[ \t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9]{1,2}(?::[0-9]{2})?))?)?$/;

/** Whether a string would resolve to a bool, null, number or timestamp under YAML 1.1 (go-yaml v2's resolve). */
function isAmbiguousString(text: string): boolean {
  return YAML11_BOOL_NULL.test(text) || YAML11_NUMBER.test(text) || YAML11_TIMESTAMP.test(text);
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
