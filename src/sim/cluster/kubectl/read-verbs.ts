/**
 * `kubectl get` and `kubectl describe`: resource and name resolution, the output formats (table,
 * wide, json, yaml, name, jsonpath) and kubectl's messages (`No resources found in default namespace.`,
 * `Error from server (NotFound): pods "x" not found`, unknown resource types and output formats).
 */
import type { CommandResult } from '../../shell/host.ts';
import { describeNode, describePod } from '../describe.ts';
import { executeJsonPath, parseJsonPath } from '../jsonpath.ts';
import type { KubeObject } from '../objects.ts';
import { printTable } from '../printers.ts';
import { formatKubectlError, notFoundStatus } from '../status.ts';
import { qualifiedResource, type KindInfo } from '../kinds.ts';
import { flag, isOn } from './args.ts';
import { failure, listObjects, namespaceOf, resolveResource, result, type VerbContext } from './context.ts';
import { asList, printJson, printName, printYaml } from './output-formats.ts';

const FORMATS = 'custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml';

/** `TYPE NAME…` or `TYPE/NAME…` into a kind and names, or kubectl's error. */
function target(ctx: VerbContext, verb: string): { info: KindInfo; names: string[] } | CommandResult {
  const [first, ...rest] = ctx.args.positional;
  if (first === undefined) {
    const hint = verb === 'get'
      ? 'You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\n' : '';
    return failure(`${hint}error: Required resource not specified.\nUse "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).\nSee 'kubectl ${verb} -h' for help and examples`);
  }
  const [type, slashName] = first.includes('/') ? [first.slice(0, first.indexOf('/')), first.slice(first.indexOf('/') + 1)] : [first, undefined];
  const info = resolveResource(ctx.cluster, type);
  if (!info) return failure(`error: the server doesn't have a resource type "${type}"`);
  return { info, names: slashName !== undefined ? [slashName, ...rest] : rest };
}

function find(ctx: VerbContext, info: KindInfo, name: string): KubeObject | string {
  if (info.kind === 'Node') {
    return ctx.cluster.node(name)?.object ?? formatKubectlError(notFoundStatus('nodes', name));
  }
  const got = ctx.cluster.api.get(info.resource, name, info.namespaced ? namespaceOf(ctx.args) : undefined);
  return got.ok ? got.object : got.error;
}

/**
 * `kubectl get`.
 * @param ctx the verb context
 * @returns the printed objects or errors
 */
export function runGet(ctx: VerbContext): CommandResult {
  const output = flag(ctx.args, 'output') ?? '';
  const format = output.split('=')[0] ?? '';
  if (!['', 'wide', 'json', 'yaml', 'name', 'jsonpath'].includes(format)) {
    return failure(`error: unable to match a printer suitable for the output format "${output}", allowed formats are: ${FORMATS}`);
  }
  const found = target(ctx, 'get');
  if ('exitCode' in found) return found;
  const { info, names } = found;
  const objects: KubeObject[] = [];
  const errors: string[] = [];
  if (names.length === 0) objects.push(...selected(ctx, listObjects(ctx, info)));
  for (const name of names) {
    const one = find(ctx, info, name);
    if (typeof one === 'string') errors.push(one); else objects.push(one);
  }
  const stderr = errors.map((e) => `${e}\n`).join('');
  if (objects.length === 0 && names.length === 0) {
    const ns = info.namespaced && !isOn(ctx.args, 'all-namespaces') ? namespaceOf(ctx.args) : undefined;
    const minor = ctx.cluster.rules.version.minor;
    return result('', minor < 17 ? 'No resources found.\n' : ns ? `No resources found in ${ns} namespace.\n` : 'No resources found\n', 0);
  }
  const isSingle = names.length === 1 && objects.length === 1;
  const data = isSingle ? objects[0] as KubeObject : asList(objects);
  let stdout: string;
  switch (format) {
    case 'json': stdout = printJson(data); break;
    case 'yaml': stdout = printYaml(data); break;
    case 'name': stdout = objects.map((o) => printName(withKind(o, info))).join(''); break;
    case 'jsonpath': {
      const template = parseJsonPath(output.slice('jsonpath='.length));
      if (!template.ok) return failure(`error: error parsing jsonpath ${output.slice('jsonpath='.length)}, ${template.error}`);
      stdout = executeJsonPath(template, data);
      break;
    }
    default:
      stdout = printTable(info.kind, objects, {
        nowMs: ctx.cluster.nowMs(), isWide: format === 'wide', showNamespace: isOn(ctx.args, 'all-namespaces') && info.namespaced,
        noHeaders: isOn(ctx.args, 'no-headers'), showLabels: isOn(ctx.args, 'show-labels'),
      });
  }
  return { stdout, stderr, exitCode: errors.length > 0 ? 1 : 0 };
}

function withKind(o: KubeObject, info: KindInfo): KubeObject {
  return { ...o, apiVersion: info.group ? `${info.group}/${info.version}` : info.version, kind: info.kind };
}

/** `-l key=value[,key2=value2]`, `-l key` (exists), `-l '!key'` and `--field-selector`. */
function selected(ctx: VerbContext, objects: KubeObject[]): KubeObject[] {
  return byFields(ctx, byLabels(ctx, objects));
}

/** `--field-selector path=value[,path!=value]` over the object's fields (`involvedObject.name`, `spec.nodeName`). */
function byFields(ctx: VerbContext, objects: KubeObject[]): KubeObject[] {
  const selector = flag(ctx.args, 'field-selector');
  if (selector === undefined) return objects;
  const at = (o: unknown, path: string): string => {
    const value = path.split('.').reduce<unknown>((v, k) => (typeof v === 'object' && v !== null ? (v as Record<string, unknown>)[k] : undefined), o);
    return value === undefined ? '' : String(value);
  };
  const terms = selector.split(',').map((t) => /^([^!=]+?)\s*(==|=|!=)\s*(.*)$/.exec(t.trim())).filter((m) => m !== null);
  return objects.filter((o) => terms.every((m) => (m[2] === '!=' ? at(o, m[1] ?? '') !== m[3] : at(o, m[1] ?? '') === m[3])));
}

function byLabels(ctx: VerbContext, objects: KubeObject[]): KubeObject[] {
  const selector = flag(ctx.args, 'selector');
  if (selector === undefined) return objects;
  const terms = selector.split(',').map((t) => t.trim()).filter((t) => t !== '');
  return objects.filter((o) => terms.every((term) => {
    const labels = o.metadata.labels ?? {};
    const m = /^([^!=]+?)\s*(==|=|!=)\s*(.*)$/.exec(term);
    if (!m) return term.startsWith('!') ? !(term.slice(1) in labels) : term in labels;
    const value = labels[m[1] ?? ''];
    return m[2] === '!=' ? value !== m[3] : value === m[3];
  }));
}

/**
 * `kubectl describe`.
 * @param ctx the verb context
 * @returns the description(s) or errors
 */
export function runDescribe(ctx: VerbContext): CommandResult {
  const found = target(ctx, 'describe');
  if ('exitCode' in found) return found;
  const { info, names } = found;
  if (info.kind !== 'Pod' && info.kind !== 'Node') return failure(`error: describing ${qualifiedResource(info)} is not supported here`);
  const objects: KubeObject[] = [];
  const errors: string[] = [];
  if (names.length === 0) objects.push(...selected(ctx, listObjects(ctx, info)));
  for (const name of names) {
    const one = find(ctx, info, name);
    if (typeof one === 'string') errors.push(one); else objects.push(one);
  }
  if (objects.length === 0 && names.length === 0) return result('', `No resources found in ${namespaceOf(ctx.args)} namespace.\n`, 0);
  const events = ctx.cluster.api.list('events');
  const minor = ctx.cluster.rules.version.minor;
  const texts = objects.map((o) => {
    const mine = events.filter((e) => (e['involvedObject'] as { uid?: string; name?: string; kind?: string } | undefined)?.uid === o.metadata.uid && o.metadata.uid !== undefined);
    const context = { events: mine, nowMs: ctx.cluster.nowMs(), minor };
    if (info.kind === 'Pod') return describePod(o, context);
    const pods = ctx.cluster.api.list('pods').filter((p) => (p['spec'] as { nodeName?: string }).nodeName === o.metadata.name);
    return describeNode(o, pods, context);
  });
  return { stdout: texts.join('\n\n'), stderr: errors.map((e) => `${e}\n`).join(''), exitCode: errors.length > 0 ? 1 : 0 };
}
