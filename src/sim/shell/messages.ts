// The exact error wording of bash and dash: prefixes ("bash: ", "bash: line 3: ", "sh: 1: "),
// strerror texts, and syntax-error lines. Everything user-visible that the shell itself prints.
import type { Errno } from './host.ts';
import type { SyntaxError } from './parser.ts';

/** Which shell is being imitated and how it was started. */
export type Dialect = {
  /** `bash`, or `sh` for dash (Debian's /bin/sh). */
  flavour: 'bash' | 'sh';
  /** `$0`, the name errors start with. */
  argv0: string;
  /** An interactive bash omits line numbers ("bash: foo: command not found"). */
  isInteractive: boolean;
  /** Lines read before this script: an interactive dash numbers lines across the whole session. */
  lineOffset?: number;
  /** True when the script came from `-c` (or the terminal), false for a script file. */
  isCommandString?: boolean;
  /** Replaces argv0 in runtime errors: bash -c says "environment: line 1:" inside functions. */
  errorName?: string;
};

/** glibc's strerror texts. */
export const STRERROR: Record<Errno, string> = {
  ENOENT: 'No such file or directory',
  EACCES: 'Permission denied',
  EPERM: 'Operation not permitted',
  EISDIR: 'Is a directory',
  ENOTDIR: 'Not a directory',
  EEXIST: 'File exists',
  EROFS: 'Read-only file system',
  ENOTEMPTY: 'Directory not empty',
  EINVAL: 'Invalid argument',
  ENOEXEC: 'Exec format error',
  ELOOP: 'Too many levels of symbolic links',
  ENAMETOOLONG: 'File name too long',
  EBUSY: 'Device or resource busy',
  ESRCH: 'No such process',
};

/**
 * The prefix of a runtime error: `bash: `, `bash: line 2: ` (non-interactive) or `sh: 2: `.
 * @param dialect the shell
 * @param line the 1-based line of the command
 * @returns the prefix, ending with a space
 * @example errorPrefix({ flavour: 'sh', argv0: 'sh', isInteractive: false }, 1) // 'sh: 1: '
 */
export function errorPrefix(dialect: Dialect, line: number): string {
  if (dialect.flavour === 'sh') return `${dialect.argv0}: ${line + (dialect.lineOffset ?? 0)}: `;
  return dialect.isInteractive ? `${dialect.argv0}: ` : `${dialect.errorName ?? dialect.argv0}: line ${line}: `;
}

/**
 * Quotes a name with control characters as bash's ansic_quote does for messages (`$'a\tb'`).
 * @param name the text
 * @returns the text, or its `$'…'` form when it holds control characters
 * @example quoteForMessage('a\tb') // "$'a\\tb'"
 */
export function quoteForMessage(name: string): string {
  if (!/[\x00-\x1f\x7f]/.test(name)) return name;
  const named: Record<string, string> = { '\x1b': '\\E', '\n': '\\n', '\t': '\\t', '\r': '\\r', '\x07': '\\a', '\b': '\\b', '\f': '\\f', '\v': '\\v', "'": "\\'", '\\': '\\\\' };
  const body = [...name].map((c) => named[c] ?? (/[\x00-\x1f\x7f]/.test(c) ? `\\${c.charCodeAt(0).toString(8).padStart(3, '0')}` : c)).join('');
  return `$'${body}'`;
}

/**
 * The message for a command that could not be run.
 * @param dialect the shell
 * @param line the command's line
 * @param name the command name as typed
 * @param errno why: ENOENT (not found), EACCES, EISDIR, ENOEXEC
 * @returns the line (with newline) and the exit status bash uses (127 or 126)
 * @example commandError(bash, 1, 'foo', 'ENOENT').text // 'bash: foo: command not found\n'
 */
export function commandError(dialect: Dialect, line: number, typed: string, errno: Errno): { text: string; status: number } {
  const prefix = errorPrefix(dialect, line);
  const name = dialect.flavour === 'bash' ? quoteForMessage(typed) : typed;
  const isPath = typed.includes('/');
  if (errno === 'ENOENT') {
    if (dialect.flavour === 'sh') return { text: `${prefix}${name}: not found\n`, status: 127 };
    return { text: `${prefix}${name}: ${isPath ? STRERROR.ENOENT : 'command not found'}\n`, status: 127 };
  }
  if (dialect.flavour === 'sh' && errno === 'EISDIR') return { text: `${prefix}${name}: ${STRERROR.EACCES}\n`, status: 126 };
  if (errno === 'ENOEXEC') return { text: `${prefix}${name}: cannot execute binary file: ${STRERROR.ENOEXEC}\n`, status: 126 };
  return { text: `${prefix}${name}: ${STRERROR[errno]}\n`, status: 126 };
}

/**
 * The message for a redirection that failed to open its file.
 * @param dialect the shell
 * @param line the command's line
 * @param path the file as typed (after expansion)
 * @param errno the host's error
 * @param isOutput true for `>`/`>>`, false for `<`
 * @returns the message line with newline
 * @example redirectError(sh, 1, '/x/y', 'ENOENT', true) // 'sh: 1: cannot create /x/y: Directory nonexistent\n'
 */
export function redirectError(dialect: Dialect, line: number, path: string, errno: Errno, isOutput: boolean): string {
  const prefix = errorPrefix(dialect, line);
  if (dialect.flavour === 'bash') return `${prefix}${path}: ${STRERROR[errno]}\n`;
  const reason = errno === 'ENOENT' ? (isOutput ? 'Directory nonexistent' : 'No such file') : STRERROR[errno];
  return `${prefix}${isOutput ? 'cannot create' : 'cannot open'} ${path}: ${reason}\n`;
}

/**
 * Renders a syntax error as bash or dash prints it. Non-interactive bash adds a second line quoting the
 * offending source line.
 * @param dialect the shell
 * @param error the parser's error
 * @param source the script (to quote the line)
 * @returns the message lines with trailing newline
 * @example formatSyntaxError(interactiveBash, { kind: 'unexpected-token', token: ';;', line: 1 }, 'a ;;') // "bash: syntax error near unexpected token `;;'\n"
 */
export function formatSyntaxError(dialect: Dialect, error: SyntaxError, source: string): string {
  if (dialect.flavour === 'sh') {
    const prefix = `${dialect.argv0}: ${error.line + (dialect.lineOffset ?? 0)}: Syntax error: `;
    if (error.kind === 'unmatched') {
      return error.char === "'" || error.char === '"' ? `${prefix}Unterminated quoted string\n` : `${prefix}end of file unexpected (expecting "${error.char}")\n`;
    }
    if (error.kind === 'unexpected-eof') {
      return `${prefix}end of file unexpected${error.expecting === undefined ? '' : ` (expecting "${error.expecting}")`}\n`;
    }
    return `${prefix}${error.token === 'newline' ? 'newline' : `"${error.token}"`} unexpected\n`;
  }
  const prefix = dialect.isInteractive ? `${dialect.argv0}: ` : `${dialect.argv0}: -c: line ${error.line}: `;
  if (error.kind === 'unmatched') return `${prefix}unexpected EOF while looking for matching \`${error.char}'\n`;
  if (error.kind === 'unexpected-eof') return `${prefix}syntax error: unexpected end of file\n`;
  const first = `${prefix}syntax error near unexpected token \`${error.token}'\n`;
  if (dialect.isInteractive) return first;
  const quoted = source.split('\n')[error.line - 1] ?? '';
  return `${first}${prefix}\`${quoted}'\n`;
}
