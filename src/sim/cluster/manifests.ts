/**
 * Manifest files (YAML with `---` separators, or JSON) → objects, with the exact lines kubectl prints
 * when a document cannot become an object. Mirrors kubectl's resource builder (`StreamVisitor`): split
 * into documents, convert each to JSON (go-yaml v2 via sigs.k8s.io/yaml), validate, then map the kind.
 * Every error string below was produced by kubectl v1.32.4 offline (see tests/fixtures/manifests) or is
 * quoted from kubectl/apimachinery sources where a server is needed (comments say which).
 */
import { parseDocument } from 'yaml';
import { goQuote } from './field-errors.ts';
import { goJsonMarshal, splitJsonStream } from './go-json.ts';
import { lookupKind, splitApiVersion } from './kinds.ts';
import type { KubeObject } from './objects.ts';
import { findUnknownFields } from './schema.ts';
import type { EraRules } from './versions.ts';
import { findTabIndent, goYamlError } from './yaml-errors.ts';

/** One document of a manifest: an object, or the error kubectl prints for it. */
export type ManifestDocument =
  | { readonly ok: true; readonly object: KubeObject }
  | {
    readonly ok: false;
    /** What kubectl prints when this is its only error: `error: ` + {@link message}. */
    readonly error: string;
    /**
     * The bare Go error text. With several errors kubectl prints each bare message on its own line
     * instead (checkErr's `utilerrors.Aggregate` branch), e.g. `error parsing s.json: json: offset 90: …`.
     */
    readonly message: string;
    /** True when kubectl stops reading the file here (parse and validation errors); mapping errors continue. */
    readonly isFatal: boolean;
  };

/** How the manifest is read. */
export type ParseManifestsOptions = {
  readonly rules: EraRules;
  /** The name kubectl shows: the `-f` argument, or `STDIN` for `-f -`. */
  readonly fileName?: string;
  /** kubectl's `--validate` (true by default; false skips the client-side checks). */
  readonly validate?: boolean;
};

// staging/src/k8s.io/kubectl/pkg/cmd/util/helpers.go / resource/visitor.go: the validation error suffix.
const VALIDATE_HINT = 'if you choose to ignore these errors, turn validation off with --validate=false';

/**
 * Reads every document of a manifest, stopping after the first fatal error as kubectl does.
 * @param text the file's contents
 * @param options the era rules, the file name and `--validate`
 * @returns the documents in order (empty documents skipped)
 * @example parseManifests('kind: Pod', { rules, fileName: 'x.yaml' })[0] // → { ok: false, error: 'error: error validating "x.yaml": error validating data: apiVersion not set; …', isFatal: true }
 */
export function parseManifests(text: string, options: ParseManifestsOptions): ManifestDocument[] {
  const fileName = options.fileName ?? 'STDIN';
  const documents: ManifestDocument[] = [];
  for (const decoded of decodeStream(text, fileName)) {
    if ('error' in decoded) { documents.push(failed(decoded.error, true)); break; }
    // StreamVisitor skips empty and `null` documents; a top-level list never becomes an object either.
    const value = decoded.value;
    if (value === null || value === undefined || Array.isArray(value)) continue;
    for (const item of listItems(value)) {
      const document = toObject(item, fileName, options);
      documents.push(document);
      if (!document.ok && document.isFatal) return documents;
    }
  }
  return documents;
}

/** A `kind: List` (what `kubectl get -o yaml` prints) stands for its items, as the builder flattens it. */
function listItems(value: unknown): unknown[] {
  const raw = value as Record<string, unknown>;
  if (typeof value === 'object' && raw['kind'] === 'List' && Array.isArray(raw['items'])) return raw['items'];
  return [value];
}

/** Each document's decoded value, or the error that stops the stream (kubectl reads no further). */
function decodeStream(text: string, fileName: string): Array<{ value: unknown } | { error: string }> {
  if (text.trimStart().startsWith('{')) {
    const { values, error } = splitJsonStream(text);
    const decoded: Array<{ value: unknown } | { error: string }> = values.map((v) => ({ value: JSON.parse(v) as unknown }));
    return error ? [...decoded, { error: `error: error parsing ${fileName}: ${error}` }] : decoded;
  }
  const out: Array<{ value: unknown } | { error: string }> = [];
  for (const chunk of splitDocuments(text)) {
    const decoded = decodeChunk(chunk, fileName);
    out.push(decoded);
    if ('error' in decoded) break;
  }
  return out;
}

/**
 * Splits a YAML stream at `---` lines as apimachinery's `YAMLReader` does (a line starting with `---`
 * followed only by spaces or a comment), or returns a JSON text whole.
 * @param text the file's contents
 * @returns the document texts, each with its own line numbering
 * @example splitDocuments('a: 1\n---\nb: 2\n') // → ['a: 1\n', 'b: 2\n']
 */
export function splitDocuments(text: string): string[] {
  if (text.trimStart().startsWith('{')) return [text];
  const chunks: string[] = [];
  let current = '';
  for (const line of text.split(/(?<=\n)/)) {
    const rest = line.startsWith('---') ? line.slice(3).trim() : undefined;
    if (rest !== undefined && (rest === '' || rest.startsWith('#'))) {
      if (current !== '') chunks.push(current);
      current = '';
      continue;
    }
    current += line;
  }
  if (current !== '') chunks.push(current);
  return chunks;
}

function decodeChunk(chunk: string, fileName: string): { value: unknown } | { error: string } {
  const prefix = `error: error parsing ${fileName}: error converting YAML to JSON: yaml:`;
  const tab = findTabIndent(chunk);
  if (tab) return { error: `${prefix} line ${tab.line}: ${tab.problem}` };
  // YAML 1.1 and no duplicate-key errors, as go-yaml v2 (yes/no/on/off are booleans, later keys win).
  const doc = parseDocument(chunk, { version: '1.1', uniqueKeys: false, merge: true, prettyErrors: false });
  const first = doc.errors[0];
  if (first) {
    const err = goYamlError(first, chunk);
    return { error: `${prefix} line ${err.line}: ${err.problem}` };
  }
  try {
    return { value: doc.toJS({ maxAliasCount: 100 }) as unknown };
  } catch {
    // The yaml package refuses alias bombs here; go-yaml v2 refuses them with this text.
    return { error: `${prefix} document contains excessive aliasing` };
  }
}

function toObject(value: unknown, fileName: string, options: ParseManifestsOptions): ManifestDocument {
  const validate = options.validate ?? true;
  if (typeof value !== 'object' || value === null) {
    return fatal(`error: error validating ${goQuote(fileName)}: error validating data: invalid object to validate; ${VALIDATE_HINT}`);
  }
  const raw = value as Record<string, unknown>;
  if (validate) {
    const problems = typeProblems(raw);
    if (!options.rules.serverSideFieldValidation && problems.length === 0) problems.push(...clientSchemaProblems(raw, options.rules));
    if (problems.length > 0) {
      const joined = problems.length === 1 ? problems[0] : `[${problems.join(', ')}]`;
      return fatal(`error: error validating ${goQuote(fileName)}: error validating data: ${joined}; ${VALIDATE_HINT}`);
    }
  }
  const kind = typeof raw['kind'] === 'string' ? raw['kind'] : '';
  // apimachinery runtime.NewMissingKindErr, wrapped by the builder's `unable to decode %q: %v`.
  if (kind === '') return fatal(`error: unable to decode ${goQuote(fileName)}: Object 'Kind' is missing in '${goJsonMarshal(raw)}'`);
  const apiVersion = typeof raw['apiVersion'] === 'string' ? raw['apiVersion'] : '';
  const metadata = (typeof raw['metadata'] === 'object' && raw['metadata'] !== null ? raw['metadata'] : {}) as KubeObject['metadata'];
  if (!lookupKind(apiVersion, kind, options.rules)) {
    return failed(noMappingError(apiVersion, kind, metadata, fileName, options.rules), false);
  }
  return { ok: true, object: { ...raw, apiVersion, kind, metadata } as KubeObject };
}

const failed = (error: string, isFatal: boolean): ManifestDocument =>
  ({ ok: false, error, message: error.replace(/^error: /, ''), isFatal });
const fatal = (error: string): ManifestDocument => failed(error, true);

/** kubectl's `getObjectKind` checks (validation/schema.go), in its order: apiVersion, then kind. */
function typeProblems(raw: Record<string, unknown>): string[] {
  const problems: string[] = [];
  for (const field of ['apiVersion', 'kind'] as const) {
    const value = raw[field];
    if (value === undefined || value === null || value === '') problems.push(`${field} not set`);
    else if (typeof value !== 'string') problems.push(`${field} isn't string type`);
  }
  return problems;
}

/** kubectl < v1.25 validated against the server's OpenAPI schema on the client. */
function clientSchemaProblems(raw: Record<string, unknown>, rules: EraRules): string[] {
  return findUnknownFields(raw, rules).map((f) => `ValidationError(${f.parentPath}): unknown field "${f.name}" in ${f.parentType}`);
}

/**
 * `meta.NoKindMatchError` as kubectl wraps it at its mapping step, worded per kubectl version.
 * @param apiVersion the object's apiVersion
 * @param kind the object's kind
 * @param metadata the object's metadata (name and namespace are quoted in the newer wording)
 * @param fileName the manifest's name
 * @param rules the era rules
 * @returns the line(s) kubectl prints, starting with `error: `
 * @example noMappingError('v1', 'Foo', { name: 'x' }, 'x.yaml', eraRules({ major: 1, minor: 14 })) // → 'error: unable to recognize "x.yaml": no matches for kind "Foo" in version "v1"'
 */
export function noMappingError(apiVersion: string, kind: string, metadata: KubeObject['metadata'], fileName: string, rules: EraRules): string {
  const { group, version } = splitApiVersion(apiVersion);
  const groupVersion = group ? `${group}/${version}` : version;
  const cause = `no matches for kind ${goQuote(kind)} in version ${goQuote(groupVersion)}`;
  if (!rules.explainsMissingMapping) return `error: unable to recognize ${goQuote(fileName)}: ${cause}`;
  const name = typeof metadata.name === 'string' ? metadata.name : '';
  const namespace = typeof metadata.namespace === 'string' ? metadata.namespace : '';
  return `error: resource mapping not found for name: ${goQuote(name)} namespace: ${goQuote(namespace)} from ${goQuote(fileName)}: ${cause}\nensure CRDs are installed first`;
}
