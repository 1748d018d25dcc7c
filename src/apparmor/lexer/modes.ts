/**
 * The lexer's start conditions and keyword table, named as the `%x` states of apparmor's `parser_lex.l` and the
 * keyword table of `parser_misc.c` (names only; the scanning code is ours).
 */
import type { LanguageVersion } from '../parser/ast.ts';
import type { TokenKind } from './tokens.ts';

/** A lexer start condition; the name is printed in "Lexer found unexpected character … in state: X". */
export type LexMode =
  | 'INITIAL' | 'SUB_ID' | 'SUB_ID_WS' | 'SUB_VALUE' | 'EXTCOND_MODE' | 'EXTCONDLIST_MODE' | 'NETWORK_MODE'
  | 'LIST_VAL_MODE' | 'LIST_COND_MODE' | 'LIST_COND_VAL' | 'LIST_COND_PAREN_VAL' | 'ASSIGN_MODE' | 'RLIMIT_MODE'
  | 'MOUNT_MODE' | 'DBUS_MODE' | 'SIGNAL_MODE' | 'PTRACE_MODE' | 'UNIX_MODE' | 'CHANGE_PROFILE_MODE'
  | 'INCLUDE' | 'INCLUDE_EXISTS' | 'ABI_MODE' | 'USERNS_MODE' | 'MQUEUE_MODE' | 'IOURING_MODE' | 'INTEGER_MODE'
  | 'EXPR_MODE';

/** Keywords recognised in INITIAL (`parser_misc.c` keyword_table, 3.0.8), with the mode each one enters. */
const KEYWORDS_3_0: Record<string, [TokenKind, LexMode]> = {
  network: ['TOK_NETWORK', 'NETWORK_MODE'],
  unix: ['TOK_UNIX', 'UNIX_MODE'],
  capability: ['TOK_CAPABILITY', 'INITIAL'],
  if: ['TOK_IF', 'INITIAL'],
  else: ['TOK_ELSE', 'INITIAL'],
  not: ['TOK_NOT', 'INITIAL'],
  defined: ['TOK_DEFINED', 'INITIAL'],
  change_profile: ['TOK_CHANGE_PROFILE', 'CHANGE_PROFILE_MODE'],
  unsafe: ['TOK_UNSAFE', 'INITIAL'],
  safe: ['TOK_SAFE', 'INITIAL'],
  link: ['TOK_LINK', 'INITIAL'],
  owner: ['TOK_OWNER', 'INITIAL'],
  user: ['TOK_OWNER', 'INITIAL'],
  other: ['TOK_OTHER', 'INITIAL'],
  subset: ['TOK_SUBSET', 'INITIAL'],
  audit: ['TOK_AUDIT', 'INITIAL'],
  deny: ['TOK_DENY', 'INITIAL'],
  allow: ['TOK_ALLOW', 'INITIAL'],
  set: ['TOK_SET', 'INITIAL'],
  rlimit: ['TOK_RLIMIT', 'RLIMIT_MODE'],
  alias: ['TOK_ALIAS', 'INITIAL'],
  rewrite: ['TOK_ALIAS', 'INITIAL'],
  ptrace: ['TOK_PTRACE', 'PTRACE_MODE'],
  file: ['TOK_FILE', 'INITIAL'],
  mount: ['TOK_MOUNT', 'MOUNT_MODE'],
  remount: ['TOK_REMOUNT', 'MOUNT_MODE'],
  umount: ['TOK_UMOUNT', 'MOUNT_MODE'],
  unmount: ['TOK_UMOUNT', 'MOUNT_MODE'],
  pivot_root: ['TOK_PIVOTROOT', 'MOUNT_MODE'],
  in: ['TOK_IN', 'INITIAL'],
  dbus: ['TOK_DBUS', 'DBUS_MODE'],
  signal: ['TOK_SIGNAL', 'SIGNAL_MODE'],
  send: ['TOK_SEND', 'INITIAL'],
  receive: ['TOK_RECEIVE', 'INITIAL'],
  bind: ['TOK_BIND', 'INITIAL'],
  read: ['TOK_READ', 'INITIAL'],
  write: ['TOK_WRITE', 'INITIAL'],
  eavesdrop: ['TOK_EAVESDROP', 'INITIAL'],
  peer: ['TOK_PEER', 'INITIAL'],
  trace: ['TOK_TRACE', 'INITIAL'],
  tracedby: ['TOK_TRACEDBY', 'INITIAL'],
  readby: ['TOK_READBY', 'INITIAL'],
  abi: ['TOK_ABI', 'ABI_MODE'],
};

/** Keywords added after 3.0 (4.x/5.x). */
const KEYWORDS_5_0: Record<string, [TokenKind, LexMode]> = {
  ...KEYWORDS_3_0,
  prompt: ['TOK_PROMPT', 'INITIAL'],
  userns: ['TOK_USERNS', 'USERNS_MODE'],
  mqueue: ['TOK_MQUEUE', 'MQUEUE_MODE'],
  io_uring: ['TOK_IO_URING', 'IOURING_MODE'],
  if: ['TOK_IF', 'EXPR_MODE'],
};

/**
 * Looks a word up in the keyword table of a language level.
 *
 * @param word - a `[[:alpha:]][[:alnum:]_]*` word read in INITIAL
 * @param version - the language level
 * @returns the token kind and the mode to push, or undefined for a plain TOK_ID
 * @example keywordToken('network', '3.0') // → ['TOK_NETWORK', 'NETWORK_MODE']
 */
export function keywordToken(word: string, version: LanguageVersion): [TokenKind, LexMode] | undefined {
  const table = version === '3.0' ? KEYWORDS_3_0 : KEYWORDS_5_0;
  return Object.hasOwn(table, word) ? table[word] : undefined;
}

/** Per-mode permission words that are tokens of their own (`parser_lex.l` mode blocks). */
export const MODE_WORDS: Partial<Record<LexMode, Record<string, TokenKind>>> = {
  UNIX_MODE: {
    create: 'TOK_CREATE', listen: 'TOK_LISTEN', accept: 'TOK_ACCEPT', connect: 'TOK_CONNECT', getattr: 'TOK_GETATTR',
    setattr: 'TOK_SETATTR', getopt: 'TOK_GETOPT', setopt: 'TOK_SETOPT', shutdown: 'TOK_SHUTDOWN', bind: 'TOK_BIND',
    send: 'TOK_SEND', receive: 'TOK_RECEIVE', read: 'TOK_READ', write: 'TOK_WRITE',
  },
  DBUS_MODE: {
    bind: 'TOK_BIND', eavesdrop: 'TOK_EAVESDROP', send: 'TOK_SEND', receive: 'TOK_RECEIVE', read: 'TOK_READ',
    write: 'TOK_WRITE',
  },
  SIGNAL_MODE: { send: 'TOK_SEND', receive: 'TOK_RECEIVE', read: 'TOK_READ', write: 'TOK_WRITE' },
  PTRACE_MODE: {
    trace: 'TOK_TRACE', readby: 'TOK_READBY', tracedby: 'TOK_TRACEDBY', read: 'TOK_READ', write: 'TOK_WRITE',
  },
  USERNS_MODE: { create: 'TOK_CREATE' },
  MQUEUE_MODE: {
    create: 'TOK_CREATE', open: 'TOK_OPEN_MQ', delete: 'TOK_DELETE', getattr: 'TOK_GETATTR', setattr: 'TOK_SETATTR',
    read: 'TOK_READ', write: 'TOK_WRITE',
  },
  IOURING_MODE: { override_creds: 'TOK_OVERRIDE_CREDS', sqpoll: 'TOK_SQPOLL' },
};

/** Modes whose rules end at `,` (the lexer pops back to INITIAL there). */
export const RULE_MODES: ReadonlySet<LexMode> = new Set<LexMode>([
  'NETWORK_MODE', 'RLIMIT_MODE', 'CHANGE_PROFILE_MODE', 'MOUNT_MODE', 'DBUS_MODE', 'SIGNAL_MODE', 'PTRACE_MODE',
  'UNIX_MODE', 'ABI_MODE', 'USERNS_MODE', 'MQUEUE_MODE', 'IOURING_MODE',
]);

/** Modes that share INITIAL's `NAME=` / `NAME in (` / `peer=(` conditional rules. */
export const CONDITIONAL_MODES: ReadonlySet<LexMode> = new Set<LexMode>([
  'INITIAL', 'MOUNT_MODE', 'DBUS_MODE', 'SIGNAL_MODE', 'PTRACE_MODE', 'UNIX_MODE',
]);
