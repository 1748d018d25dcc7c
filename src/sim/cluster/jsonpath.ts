/**
 * kubectl's JSONPath templates (client-go util/jsonpath) over an object's JSON: text with `{…}` actions,
 * field paths (`.a.b`, `..name`, `['k']`, `\.` escapes), `[*]`, indexes and slices, filters
 * (`?(@.type=="Ready")`), `{range …}…{end}` and `{"\n"}` literals. Missing keys print nothing, as kubectl's
 * default `--allow-missing-template-keys=true`. Not the Go text/template printer (`-o go-template`).
 */
import { goJsonMarshal } from './go-json.ts';

type Step =
  | { kind: 'field'; name: string }
  | { kind: 'wildcard' }
  | { kind: 'recursive' }
  | { kind: 'index'; start?: number; end?: number; step?: number; isSlice: boolean }
  | { kind: 'filter'; left: Step[]; op?: string; right?: Operand };

type Operand = { kind: 'path'; steps: Step[] } | { kind: 'literal'; value: string | number | boolean | null };

type TemplateNode =
  | { kind: 'text'; text: string }
  | { kind: 'path'; steps: Step[] }
  | { kind: 'range'; steps: Step[]; body: TemplateNode[] };

/** A parsed template, or kubectl's parse error text (without the `error: ` prefix). */
export type JsonPathTemplate = { ok: true; nodes: TemplateNode[] } | { ok: false; error: string };

/**
 * Parses a JSONPath template as kubectl's `-o jsonpath=` does.
 * @param template e.g. `{range .items[*]}{.metadata.name}{"\n"}{end}`
 * @returns the template, or an error such as `unclosed action`
 * @example parseJsonPath('{.a}').ok // → true
 */
export function parseJsonPath(template: string): JsonPathTemplate {
  const stack: TemplateNode[][] = [[]];
  let at = 0;
  while (at < template.length) {
    const open = template.indexOf('{', at);
    const top = stack[stack.length - 1] as TemplateNode[];
    if (open < 0) { top.push({ kind: 'text', text: template.slice(at) }); break; }
    if (open > at) top.push({ kind: 'text', text: template.slice(at, open) });
    const close = findClose(template, open + 1);
    if (close < 0) return { ok: false, error: 'unclosed action' };
    const action = template.slice(open + 1, close).trim();
    at = close + 1;
    if (action === 'end') {
      if (stack.length === 1) return { ok: false, error: 'not in range, nothing to end' };
      stack.pop();
      continue;
    }
    if (action.startsWith('range ') || action === 'range') {
      const steps = parsePath(action.slice(5).trim());
      if (typeof steps === 'string') return { ok: false, error: steps };
      const body: TemplateNode[] = [];
      top.push({ kind: 'range', steps, body });
      stack.push(body);
      continue;
    }
    if (action.startsWith('"') || action.startsWith("'")) {
      const text = unquote(action);
      if (text === undefined) return { ok: false, error: `invalid syntax ${action}` };
      top.push({ kind: 'text', text });
      continue;
    }
    const steps = parsePath(action);
    if (typeof steps === 'string') return { ok: false, error: steps };
    top.push({ kind: 'path', steps });
  }
  return { ok: true, nodes: stack[0] as TemplateNode[] };
}

/**
 * Executes a template against JSON data.
 * @param template a parsed template
 * @param data the object (a list is `{kind: List, items: […]}`)
 * @returns the printed text
 * @example executeJsonPath(okTemplate('{.items[*].metadata.name}'), { items: [{ metadata: { name: 'a' } }, { metadata: { name: 'b' } }] }) // → 'a b'
 */
export function executeJsonPath(template: { nodes: TemplateNode[] }, data: unknown): string {
  return run(template.nodes, data);
}

function run(nodes: readonly TemplateNode[], current: unknown): string {
  let out = '';
  for (const node of nodes) {
    if (node.kind === 'text') out += node.text;
    else if (node.kind === 'path') out += evaluate(node.steps, [current]).map(toText).join(' ');
    else for (const item of evaluate(node.steps, [current])) out += run(node.body, item);
  }
  return out;
}

/** As PrintResults: maps and lists as compact JSON, strings raw, others as fmt.Print would. */
function toText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === null || value === undefined) return '<nil>';
  if (typeof value === 'object') return goJsonMarshal(value);
  return String(value);
}

function evaluate(steps: readonly Step[], start: unknown[]): unknown[] {
  let values = start;
  for (const step of steps) values = values.flatMap((v) => apply(step, v));
  return values;
}

function apply(step: Step, value: unknown): unknown[] {
  switch (step.kind) {
    case 'field':
      return isObject(value) && step.name in value ? [value[step.name]] : [];
    case 'wildcard':
      return Array.isArray(value) ? value : isObject(value) ? Object.values(value) : [];
    case 'recursive':
      return descendants(value);
    case 'index':
      return Array.isArray(value) ? slice(value, step) : [];
    case 'filter':
      return Array.isArray(value) ? value.filter((item) => passes(step, item)) : [];
  }
}

function descendants(value: unknown): unknown[] {
  const children = Array.isArray(value) ? value : isObject(value) ? Object.values(value) : [];
  if (children.length === 0) return [];
  return [value, ...children.flatMap(descendants)];
}

function slice(list: unknown[], step: Extract<Step, { kind: 'index' }>): unknown[] {
  const norm = (n: number | undefined, fallback: number): number => {
    if (n === undefined) return fallback;
    return n < 0 ? Math.max(0, list.length + n) : Math.min(n, list.length);
  };
  if (!step.isSlice) {
    const i = (step.start ?? 0) < 0 ? list.length + (step.start ?? 0) : step.start ?? 0;
    return i >= 0 && i < list.length ? [list[i]] : [];
  }
  const out: unknown[] = [];
  for (let i = norm(step.start, 0); i < norm(step.end, list.length); i += step.step ?? 1) out.push(list[i]);
  return out;
}

function passes(step: Extract<Step, { kind: 'filter' }>, item: unknown): boolean {
  const left = evaluate(step.left, [item]);
  if (step.op === undefined) return left.length > 0;
  if (left.length === 0) return false;
  const right = step.right?.kind === 'path' ? evaluate(step.right.steps, [item]) : [step.right?.value];
  if (right.length === 0) return false;
  const [a, b] = [left[0], right[0]];
  switch (step.op) {
    case '==': return a === b;
    case '!=': return a !== b;
    case '<': return typeof a === typeof b && (a as number) < (b as number);
    case '>': return typeof a === typeof b && (a as number) > (b as number);
    case '<=': return typeof a === typeof b && (a as number) <= (b as number);
    case '>=': return typeof a === typeof b && (a as number) >= (b as number);
    default: return false;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The `}` closing an action, skipping quoted strings (`{"}"}`). */
function findClose(text: string, from: number): number {
  let quote = '';
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '}') return i;
  }
  return -1;
}

/** strconv.Unquote for the literal actions (`{"\n"}`, `{"\t"}`). */
function unquote(text: string): string | undefined {
  const quote = text[0];
  if (text.length < 2 || text[text.length - 1] !== quote) return undefined;
  const body = text.slice(1, -1);
  const escapes: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', '"': '"', "'": "'", a: '\x07', b: '\b', f: '\f', v: '\v' };
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i] as string;
    if (c !== '\\') { out += c; continue; }
    const next = body[++i] ?? '';
    const mapped = escapes[next];
    if (mapped === undefined) return undefined;
    out += mapped;
  }
  return out;
}

/** Parses a path such as `.items[?(@.type=="Ready")].message`; returns steps or an error text. */
function parsePath(text: string): Step[] | string {
  const steps: Step[] = [];
  let i = 0;
  if (text[0] === '$' || text[0] === '@') i = 1;
  while (i < text.length) {
    const c = text[i];
    if (c === '.') {
      if (text[i + 1] === '.') { steps.push({ kind: 'recursive' }); i += 2; }
      else i += 1;
      if (text[i] === '*') { steps.push({ kind: 'wildcard' }); i += 1; continue; }
      const { name, next } = readName(text, i);
      if (name !== '') steps.push({ kind: 'field', name });
      i = next;
    } else if (c === '[') {
      const close = findBracket(text, i);
      if (close < 0) return `unterminated array`;
      const parsed = parseBracket(text.slice(i + 1, close).trim());
      if (typeof parsed === 'string') return parsed;
      steps.push(parsed);
      i = close + 1;
    } else if (c === ' ' || c === '\t') i += 1;
    else {
      const { name, next } = readName(text, i);
      if (name === '') return `unrecognized character in action: U+${(c ?? '').charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')} '${c ?? ''}'`;
      steps.push({ kind: 'field', name });
      i = next;
    }
  }
  return steps;
}

function readName(text: string, from: number): { name: string; next: number } {
  let name = '';
  let i = from;
  for (; i < text.length; i++) {
    const c = text[i] as string;
    if (c === '\\' && i + 1 < text.length) { name += text[++i]; continue; }
    if (c === '.' || c === '[' || c === ' ' || c === ')' || /[=!<>]/.test(c)) break;
    name += c;
  }
  return { name, next: i };
}

function findBracket(text: string, from: number): number {
  let depth = 0;
  let quote = '';
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (quote) { if (c === quote) quote = ''; continue; }
    if (c === '"' || c === "'") quote = c;
    else if (c === '[') depth++;
    else if (c === ']' && --depth === 0) return i;
  }
  return -1;
}

function parseBracket(inner: string): Step | string {
  if (inner === '*') return { kind: 'wildcard' };
  if (/^'.*'$|^".*"$/.test(inner)) return { kind: 'field', name: inner.slice(1, -1) };
  if (inner.startsWith('?(') && inner.endsWith(')')) return parseFilter(inner.slice(2, -1).trim());
  const m = /^(-?\d*)(?::(-?\d*))?(?::(-?\d*))?$/.exec(inner);
  if (!m || inner === '') return `invalid array index ${inner}`;
  const num = (s: string | undefined): number | undefined => (s === undefined || s === '' ? undefined : Number(s));
  const isSlice = inner.includes(':');
  return { kind: 'index', isSlice, start: num(m[1]), end: num(m[2]), step: num(m[3]) };
}

function parseFilter(text: string): Step | string {
  const m = /^(.*?)\s*(==|!=|<=|>=|<|>)\s*(.*)$/.exec(text);
  const left = parsePath((m ? m[1] : text) ?? '');
  if (typeof left === 'string') return left;
  if (!m) return { kind: 'filter', left };
  const rightText = (m[3] ?? '').trim();
  let right: Operand;
  if (rightText.startsWith('@') || rightText.startsWith('$')) {
    const steps = parsePath(rightText);
    if (typeof steps === 'string') return steps;
    right = { kind: 'path', steps };
  } else if (/^["'].*["']$/.test(rightText)) right = { kind: 'literal', value: rightText.slice(1, -1) };
  else if (rightText === 'true' || rightText === 'false') right = { kind: 'literal', value: rightText === 'true' };
  else if (rightText !== '' && !Number.isNaN(Number(rightText))) right = { kind: 'literal', value: Number(rightText) };
  else return `unrecognized filter operand ${rightText}`;
  return { kind: 'filter', left, op: m[2] ?? '==', right };
}
