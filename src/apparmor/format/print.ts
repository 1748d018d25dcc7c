/**
 * The canonical printer: turns a syntax tree back into policy text, one rule per line, two-space indentation,
 * qualifiers and keywords in their canonical order. Words are printed as written (quotes and escapes kept), so
 * parse → print → parse gives the same tree, ranges aside. Comments are not in the tree and are not printed.
 */
import type {
  AccessRule, BodyItem, Condition, Conditional, PolicyFile, ProfileNode, Qualifiers, TopLevelItem, Word,
} from '../parser/ast.ts';

const INDENT = '  ';

function words(list: readonly Word[]): string {
  return list.map((w) => w.raw).join(' ');
}

function printPerms(perms: readonly Word[]): string {
  if (perms.length === 0) return '';
  return perms.length === 1 ? (perms[0] as Word).raw : `(${words(perms)})`;
}

function printConditional(cond: Conditional): string {
  if (cond.nested) return `${cond.name}=(${cond.nested.map(printConditional).join(' ')})`;
  if (cond.operator === 'in') return `${cond.name} in (${words(cond.values)})`;
  if (cond.values.length === 0 && !cond.isList) return cond.name;
  return cond.isList ? `${cond.name}=(${words(cond.values)})` : `${cond.name}=${words(cond.values)}`;
}

function join(...parts: (string | undefined)[]): string {
  return parts.filter((p) => p !== undefined && p !== '').join(' ');
}

function printQualifiers(q: Qualifiers): string {
  return join(
    q.priority === undefined ? undefined : `priority=${q.priority}`,
    q.audit ? 'audit' : undefined,
    q.access === 'deny' ? 'deny' : q.isAllowExplicit ? 'allow' : undefined,
    q.owner,
  );
}

function target(word: Word | undefined): string | undefined {
  return word ? `-> ${word.raw}` : undefined;
}

/**
 * Prints one access rule (without indentation), e.g. `audit deny /etc/shadow r,`.
 *
 * @param rule - the rule
 * @returns its canonical text, ending with `,`
 * @example printRule(parseProfile('/x  rw ,', { context: 'body' }).ast.items[0]) // → '/x rw,'
 */
export function printRule(rule: AccessRule): string {
  const prefix = printQualifiers(rule.qualifiers);
  return `${join(prefix, printRuleBody(rule))},`;
}

function printRuleBody(rule: AccessRule): string {
  switch (rule.kind) {
    case 'file': {
      if (rule.isBare) return 'file';
      const path = rule.path?.raw;
      const mode = rule.mode?.text;
      const main = rule.isModeLeading ? join(mode, path) : join(path, mode);
      return join(rule.hasFileKeyword ? 'file' : undefined, rule.safety, main, target(rule.target));
    }
    case 'link':
      return join(rule.isModeForm ? 'l' : 'link', rule.isSubset ? 'subset' : undefined, rule.link.raw, target(rule.target));
    case 'capability': return join('capability', words(rule.names));
    case 'network':
      return join('network', printPerms(rule.perms), rule.family?.raw, rule.type?.raw, rule.protocol?.raw,
        ...rule.conditionals.map(printConditional));
    case 'signal': case 'ptrace': case 'unix': case 'dbus': case 'io_uring':
      return join(rule.kind, printPerms(rule.perms), ...rule.conditionals.map(printConditional));
    case 'mount':
      return join('mount', ...rule.conditionals.map(printConditional), rule.source?.raw, target(rule.mountpoint));
    case 'remount': case 'umount':
      return join(rule.kind, ...rule.conditionals.map(printConditional), rule.mountpoint?.raw);
    case 'pivot_root':
      return join('pivot_root', ...rule.conditionals.map(printConditional), rule.newRoot?.raw, target(rule.targetProfile));
    case 'change_profile': return join('change_profile', rule.safety, rule.execPath?.raw, target(rule.target));
    case 'rlimit': return `set rlimit ${rule.resource.raw} <= ${rule.value.text}`;
    case 'userns': return join('userns', printPerms(rule.perms));
    case 'mqueue': return join('mqueue', printPerms(rule.perms), ...rule.conditionals.map(printConditional), rule.name?.raw);
    case 'all': return 'all';
  }
}

function printCondition(cond: Condition): string {
  switch (cond.kind) {
    case 'boolean': return `$${cond.name}`;
    case 'defined': return `defined ${cond.isBoolean ? `$${cond.name}` : `@{${cond.name}}`}`;
    case 'not': return `not ${printCondition(cond.operand)}`;
    case 'and': case 'or': return `(${printCondition(cond.left)} ${cond.kind} ${printCondition(cond.right)})`;
    case 'compare': return `${cond.left.raw} ${cond.operator} ${cond.right.raw}`;
    case 'literal': return String(cond.value);
  }
}

function printHeader(node: ProfileNode): string {
  const name = node.keyword === '^' ? `^${node.name.raw}` : node.name.raw;
  const xattrs = node.xattrs.length > 0
    ? `xattrs=(${node.xattrs.map((x) => (x.value ? `${x.name}=${x.value.raw}` : x.name)).join(' ')})` : undefined;
  const flagList = node.flags?.list.map((f) => (f.value === undefined ? f.name : `${f.name}=${f.value}`)).join(', ');
  const flags = node.flags ? `${node.flags.hasFlagsKeyword ? 'flags=' : ''}(${flagList})` : undefined;
  const keyword = node.keyword === '^' ? undefined : node.keyword;
  const identities = node.identities ? `+ identities=(${words(node.identities)})` : undefined;
  return join(keyword, name, node.attachment?.raw, xattrs, identities, flags, '{');
}

function printItem(item: TopLevelItem | BodyItem, depth: number, out: string[]): void {
  const pad = INDENT.repeat(depth);
  switch (item.kind) {
    case 'include': {
      const path = item.isMagic ? `<${item.path}>` : `"${item.path}"`;
      out.push(`${pad}${join(item.keyword, item.ifExists ? 'if exists' : undefined, path)}`);
      return;
    }
    case 'abi': out.push(`${pad}abi ${item.isMagic ? `<${item.path}>` : `"${item.path}"`},`); return;
    case 'variable': out.push(`${pad}@{${item.name}} ${item.operator} ${words(item.values)}`); return;
    case 'boolean': out.push(`${pad}$${item.name} ${item.operator ?? '='} ${item.value}`); return;
    case 'alias': out.push(`${pad}alias ${item.from.raw} -> ${item.to.raw},`); return;
    case 'profile': case 'hat':
      out.push(`${pad}${printHeader(item)}`);
      for (const inner of item.body) printItem(inner, depth + 1, out);
      out.push(`${pad}}`);
      return;
    case 'qualifier_block':
      out.push(`${pad}${join(printQualifiers(item.qualifiers), '{')}`);
      for (const inner of item.body) printItem(inner, depth + 1, out);
      out.push(`${pad}}`);
      return;
    case 'if': printIf(item, depth, out, pad); return;
    default: out.push(`${pad}${printRule(item)}`);
  }
}

function printIf(item: Extract<BodyItem, { kind: 'if' }>, depth: number, out: string[], pad: string): void {
  out.push(`${pad}if ${printCondition(item.condition)} {`);
  for (const inner of item.then) printItem(inner, depth + 1, out);
  if (!item.else) {
    out.push(`${pad}}`);
    return;
  }
  out.push(`${pad}} else {`);
  for (const inner of item.else) printItem(inner, depth + 1, out);
  out.push(`${pad}}`);
}

/**
 * Prints a whole policy file canonically.
 *
 * @param file - the tree from `parseProfile`
 * @returns the policy text, ending with a newline
 * @example printPolicy(parseProfile('profile p{/tmp/** rw,}').ast) // → 'profile p {\n  /tmp/** rw,\n}\n'
 */
export function printPolicy(file: PolicyFile): string {
  const out: string[] = [];
  for (const item of file.items) printItem(item, 0, out);
  return out.length === 0 ? '' : `${out.join('\n')}\n`;
}
