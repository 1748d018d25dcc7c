/**
 * Completion for the policy language, computed from the text alone (no Monaco): rule keywords with
 * snippets at a statement start, then what the rule kind takes next — permissions and exec modes after a
 * path, capabilities, network families/types/protocols, signal/ptrace/unix/dbus permissions, mount options,
 * profile flags, `include <…>` paths of the bundled /etc/apparmor.d, and `@{variables}`.
 */
import { BUNDLED_APPARMOR_D } from '../../apparmor/index.ts';
import {
  CAPABILITIES, MOUNT_OPTIONS, NETWORK_FAMILIES, NETWORK_PROTOCOLS, NETWORK_TYPES, PROFILE_FLAGS_3_0,
  PROFILE_MODES_3_0, RLIMITS, SIGNALS,
} from '../../apparmor/vocabulary.ts';
import { CAPABILITY_DOCS, EXEC_MODE_DOCS, FLAG_DOCS, KEYWORD_DOCS, PERMISSION_DOCS } from './language-docs.ts';
import { isInsideList, QUALIFIERS, statementAt, type StatementContext } from './statement-context.ts';

/** What a completion inserts, for the adapter's icon. */
export type CompletionKind = 'keyword' | 'snippet' | 'permission' | 'value' | 'variable' | 'file' | 'flag';

/** One suggestion. `insertText` uses Monaco snippet syntax when `isSnippet`. */
export type Completion = {
  label: string;
  kind: CompletionKind;
  insertText: string;
  isSnippet?: boolean;
  detail?: string;
  documentation?: string;
};

/** The suggestions and the `[start, end)` offsets of the text they replace. */
export type CompletionResult = { items: Completion[]; range: [number, number] };

const RULE_SNIPPETS: readonly (readonly [label: string, body: string])[] = [
  ['capability', 'capability ${1:net_admin},'],
  ['network', 'network ${1:inet} ${2:stream},'],
  ['file', 'file,'],
  ['signal', 'signal (${1:send}) set=(${2:term}) peer=${3:unconfined},'],
  ['ptrace', 'ptrace (${1:read}) peer=${2:unconfined},'],
  ['mount', 'mount fstype=${1:tmpfs} ${2:none} -> ${3:/mnt/},'],
  ['umount', 'umount ${1:/mnt/},'],
  ['remount', 'remount options=(${1:ro}) ${2:/mnt/},'],
  ['pivot_root', 'pivot_root oldroot=${1:/old/} ${2:/new/},'],
  ['unix', 'unix (${1:connect, send, receive}) type=${2:stream},'],
  ['dbus', 'dbus ${1:send} bus=${2:system} path=${3:/org/freedesktop/DBus},'],
  ['change_profile', 'change_profile -> ${1:name},'],
  ['set rlimit', 'set rlimit ${1:nofile} <= ${2:1024},'],
  ['include', 'include <${1:abstractions/base}>'],
  ['profile', 'profile ${1:name} flags=(${2:attach_disconnected}) {\n\t$0\n}'],
  ['deny', 'deny ${1:/path/**} ${2:w},'],
  ['audit', 'audit '],
  ['owner', 'owner ${1:/path/**} ${2:rw},'],
];

const FILE_PERMISSIONS: readonly string[] = ['r', 'w', 'a', 'l', 'k', 'm', 'rw', 'rk', 'mr', 'rix', 'mrix', 'rwk'];

const CLASS_PERMISSIONS: Readonly<Record<string, readonly string[]>> = {
  signal: ['send', 'receive', 'r', 'w', 'rw'],
  ptrace: ['trace', 'read', 'tracedby', 'readby', 'r', 'w', 'rw'],
  unix: ['create', 'bind', 'listen', 'accept', 'connect', 'shutdown', 'getattr', 'setattr', 'getopt', 'setopt', 'send', 'receive', 'r', 'w', 'rw'],
  dbus: ['send', 'receive', 'bind', 'eavesdrop', 'r', 'w', 'rw'],
};

const CLASS_CONDITIONALS: Readonly<Record<string, readonly string[]>> = {
  signal: ['set=(${1:term})', 'peer=${1:unconfined}'],
  ptrace: ['peer=${1:unconfined}'],
  unix: ['type=${1:stream}', 'addr=${1:@name}', 'peer=(label=${1:unconfined})'],
  dbus: ['bus=${1:system}', 'path=${1:/}', 'interface=${1:org.freedesktop.DBus}', 'member=${1:Hello}', 'peer=(name=${1:org.freedesktop.DBus})'],
  mount: ['fstype=${1:tmpfs}', 'options=(${1:rw})', '-> ${1:/mnt/}'],
  remount: ['options=(${1:ro})'],
  umount: [],
};

function values(words: readonly string[], kind: CompletionKind, docs: Readonly<Record<string, string>> = {}, detail?: string): Completion[] {
  return words.map((word) => ({
    label: word, kind, insertText: word,
    ...(detail ? { detail } : {}), ...(docs[word] ? { documentation: docs[word] } : {}),
  }));
}

function snippets(bodies: readonly string[]): Completion[] {
  return bodies.map((body) => ({ label: body.replace(/\$\{\d+:([^}]*)\}/g, '$1'), kind: 'snippet', insertText: body, isSnippet: true }));
}

/** Every `@{NAME}` assigned in the text or in the bundled tunables. */
function variableNames(text: string, extra: Iterable<string>): string[] {
  const names = new Set(extra);
  const assignment = /@\{([A-Za-z0-9_]+)\}\s*\+?=/g;
  for (const source of [text, ...BUNDLED_APPARMOR_D.values()]) {
    for (const match of source.matchAll(assignment)) names.add(match[1] ?? '');
  }
  names.delete('');
  return [...names].sort();
}

function includePaths(): Completion[] {
  return [...BUNDLED_APPARMOR_D.keys()]
    .filter((path) => path.startsWith('abstractions/') || path.startsWith('tunables/') || path.startsWith('abi/'))
    .map((path) => ({ label: path, kind: 'file', insertText: path, detail: 'bundled /etc/apparmor.d' }));
}

function ruleStart(): Completion[] {
  const keywords = RULE_SNIPPETS.map(([label, body]): Completion => ({
    label, kind: 'keyword', insertText: body, isSnippet: true, detail: 'rule', ...(KEYWORD_DOCS[label.split(' ').pop() ?? ''] ? { documentation: KEYWORD_DOCS[label.split(' ').pop() ?? ''] } : {}),
  }));
  const qualifiers = values(QUALIFIERS.filter((q) => q !== 'quiet'), 'keyword', KEYWORD_DOCS, 'qualifier');
  const fileRule: Completion = { label: '/path rule', kind: 'snippet', insertText: '${1:/path/**} ${2:r},', isSnippet: true, detail: 'file rule' };
  return [...keywords, ...qualifiers.filter((q) => !keywords.some((k) => k.label === q.label)), fileRule];
}

function afterPath(): Completion[] {
  return [
    ...values(FILE_PERMISSIONS, 'permission', PERMISSION_DOCS, 'file permissions'),
    ...values(Object.keys(EXEC_MODE_DOCS), 'permission', EXEC_MODE_DOCS, 'exec mode'),
  ];
}

function forClass(context: StatementContext): Completion[] {
  const [keyword = '', ...rest] = context.words;
  const index = rest.length; // position of the partial word after the keyword (1-based)
  switch (keyword) {
    case 'capability': return values(CAPABILITIES, 'value', CAPABILITY_DOCS, 'capability');
    case 'network':
      if (index === 1) return [...values(NETWORK_FAMILIES, 'value', {}, 'address family'), ...values(NETWORK_TYPES, 'value', {}, 'socket type')];
      if (index === 2) return [...values(NETWORK_TYPES, 'value', {}, 'socket type'), ...values(NETWORK_PROTOCOLS, 'value', {}, 'protocol')];
      return values(NETWORK_PROTOCOLS, 'value', {}, 'protocol');
    case 'signal':
      if (isInsideList(context.text, 'set')) return values(SIGNALS, 'value', {}, 'signal');
      break;
    case 'mount': case 'remount':
      if (isInsideList(context.text, 'options')) return values(MOUNT_OPTIONS, 'value', {}, 'mount option');
      break;
    case 'ptrace': case 'unix': case 'dbus': case 'umount':
      break;
    case 'set': return index === 1 ? values(['rlimit'], 'keyword') : index === 2 ? values(RLIMITS, 'value', {}, 'resource') : [];
    case 'file':
      return index >= 2 ? afterPath() : [];
    default:
      if (/^(\/|@\{|"\/)/.test(keyword) && index >= 1) return afterPath();
      return [];
  }
  return [...values(CLASS_PERMISSIONS[keyword] ?? [], 'permission', {}, `${keyword} permission`), ...snippets(CLASS_CONDITIONALS[keyword] ?? [])];
}

/**
 * Computes the completions at an offset.
 *
 * @param text - the document
 * @param offset - the cursor offset
 * @param knownVariables - more variable names (e.g. from the resolved policy)
 * @returns the suggestions and the range the chosen one replaces
 * @example completeAt('profile p {\n  capability ', 25).items.some((i) => i.label === 'net_admin') // → true
 */
export function completeAt(text: string, offset: number, knownVariables: Iterable<string> = []): CompletionResult {
  const context = statementAt(text, offset);
  const range: [number, number] = [context.partialStart, offset];
  const include = /(?:^|\s)#?include(?:\s+if\s+exists)?\s*<([^>]*)$/.exec(context.text);
  if (include) return { items: includePaths(), range: [offset - (include[1] ?? '').length, offset] };
  const variable = /@\{([A-Za-z0-9_]*)$/.exec(text.slice(Math.max(0, offset - 200), offset));
  if (variable) {
    const names = variableNames(text, knownVariables);
    return { items: names.map((name) => ({ label: `@{${name}}`, kind: 'variable', insertText: `${name}}` })), range: [offset - (variable[1] ?? '').length, offset] };
  }
  if (isInsideList(context.text, 'flags')) {
    return { items: values([...PROFILE_MODES_3_0, ...PROFILE_FLAGS_3_0], 'flag', FLAG_DOCS, 'profile flag'), range };
  }
  if (context.words.length <= 1) {
    if (/^(profile|hat)$/.test(context.words[0] ?? '')) return { items: [], range };
    return { items: ruleStart(), range };
  }
  return { items: forClass(context), range };
}
