/**
 * The tokens the lexer emits. Kinds are apparmor_parser's bison token names verbatim (`TOK_ID`, `TOK_MODE`, …),
 * so syntax errors can be worded exactly as the real parser words them ("unexpected TOK_END_OF_RULE").
 */
import type { Range } from '../source.ts';

/** Every token kind; keyword tokens are `TOK_` + the upper-cased keyword as in `parser_misc.c`'s table. */
export type TokenKind =
  | 'TOK_ID' | 'TOK_MODE' | 'TOK_VALUE' | 'TOK_CONDID' | 'TOK_CONDLISTID' | 'TOK_SET_VAR' | 'TOK_BOOL_VAR'
  | 'TOK_END_OF_RULE' | 'TOK_OPEN' | 'TOK_CLOSE' | 'TOK_OPENPAREN' | 'TOK_CLOSEPAREN' | 'TOK_EQUALS'
  | 'TOK_ADD_ASSIGN' | 'TOK_COND_ASSIGN' | 'TOK_OVERRIDE_ASSIGN' | 'TOK_ARROW' | 'TOK_LE' | 'TOK_COLON'
  | 'TOK_CARET' | 'TOK_HAT' | 'TOK_PROFILE' | 'TOK_IN' | 'TOK_PRIORITY' | 'TOK_ALL'
  | 'TOK_NETWORK' | 'TOK_UNIX' | 'TOK_CAPABILITY' | 'TOK_IF' | 'TOK_ELSE' | 'TOK_NOT' | 'TOK_DEFINED'
  | 'TOK_AND' | 'TOK_OR' | 'TOK_CHANGE_PROFILE' | 'TOK_UNSAFE' | 'TOK_SAFE' | 'TOK_LINK' | 'TOK_OWNER'
  | 'TOK_OTHER' | 'TOK_SUBSET' | 'TOK_AUDIT' | 'TOK_DENY' | 'TOK_ALLOW' | 'TOK_PROMPT' | 'TOK_SET'
  | 'TOK_RLIMIT' | 'TOK_ALIAS' | 'TOK_PTRACE' | 'TOK_FILE' | 'TOK_MOUNT' | 'TOK_REMOUNT' | 'TOK_UMOUNT'
  | 'TOK_PIVOTROOT' | 'TOK_DBUS' | 'TOK_SIGNAL' | 'TOK_SEND' | 'TOK_RECEIVE' | 'TOK_BIND' | 'TOK_READ'
  | 'TOK_WRITE' | 'TOK_EAVESDROP' | 'TOK_PEER' | 'TOK_TRACE' | 'TOK_TRACEDBY' | 'TOK_READBY' | 'TOK_ABI'
  | 'TOK_CREATE' | 'TOK_LISTEN' | 'TOK_ACCEPT' | 'TOK_CONNECT' | 'TOK_GETATTR' | 'TOK_SETATTR' | 'TOK_GETOPT'
  | 'TOK_SETOPT' | 'TOK_SHUTDOWN' | 'TOK_USERNS' | 'TOK_MQUEUE' | 'TOK_IO_URING' | 'TOK_SQPOLL'
  | 'TOK_OVERRIDE_CREDS' | 'TOK_DELETE' | 'TOK_OPEN_MQ' | 'TOK_COMPARE' | 'TOK_PLUS'
  /** an `include`/`#include` directive, already read whole (the real lexer opens the file right there) */
  | 'INCLUDE'
  /** a character no lexer state accepts; `text` holds the real parser's message */
  | 'LEX_ERROR'
  | 'EOF';

/** One token. `text` is the processed value (quotes stripped, escapes kept as the parser keeps them). */
export type Token = {
  kind: TokenKind;
  text: string;
  /** the source text of the token */
  raw: string;
  range: Range;
  /** 1-based line where the token starts (the parser's `current_lineno` when it is read) */
  line: number;
  /** for INCLUDE tokens */
  include?: { path: string; isMagic: boolean; ifExists: boolean; keyword: '#include' | 'include' };
};

/**
 * How bison names a token in "unexpected X" messages.
 *
 * @param kind - the token kind
 * @returns the name apparmor_parser prints
 * @example tokenDisplayName('EOF') // → 'end of file'
 */
export function tokenDisplayName(kind: TokenKind): string {
  if (kind === 'EOF') return 'end of file';
  if (kind === 'TOK_OPEN_MQ') return 'TOK_OPEN';
  return kind;
}
