/**
 * What every coreutils-style command shares: an output collector, GNU's file-name quoting (`quote` and
 * `quotef` of gnulib's quotearg in the C locale), strerror texts and the usage-error epilogue.
 * Busybox wording (for commands run inside busybox containers) is chosen by the callers.
 */
import type { CommandResult } from '../../host.ts';
import type { Errno } from '../../../node/process-api.ts';
import type { Invocation } from '../../registry.ts';
import { ERRNO_TEXT } from '../../../kernel/index.ts';

/** Collects a command's stdout and stderr and its exit status. */
export class Output {
  stdout = '';
  stderr = '';
  exitCode = 0;

  /** @param text - appended to stdout */
  out(text: string): void {
    this.stdout += text;
  }

  /**
   * Appends one error line and raises the exit status to at least `status`.
   * @param line - the message without its newline
   * @param status - the exit status it implies (default 1)
   */
  fail(line: string, status = 1): void {
    this.stderr += `${line}\n`;
    if (this.exitCode === 0) this.exitCode = status;
  }

  /** @returns the collected result */
  result(): CommandResult {
    return { stdout: this.stdout, stderr: this.stderr, exitCode: this.exitCode };
  }
}

/**
 * @param errno - an errno name
 * @returns glibc's strerror text
 * @example strerror('EACCES') // → 'Permission denied'
 */
export function strerror(errno: Errno): string {
  // an errno the table does not know prints as its name rather than as "undefined"
  return (ERRNO_TEXT as Partial<Record<string, string>>)[errno] ?? errno;
}

const SAFE = /^[A-Za-z0-9_./:,+@%^=-]+$/;

/**
 * gnulib `quote()` in the C locale (shell-escape-always): the name between single quotes, a name with a
 * single quote between double quotes, control characters as `$'\n'` pieces.
 * @param name - a file name or operand
 * @returns the quoted form
 * @example quote('a b') // → "'a b'"
 */
export function quote(name: string): string {
  // as quotearg.c: a ' with no other specials is wrapped in double quotes
  if (!/[\x00-\x1f\x7f]/.test(name)) {
    if (!name.includes("'")) return `'${name}'`;
    if (!/["$`\\!]/.test(name)) return `"${name}"`;
    return `'${name.replace(/'/g, "'\\''")}'`;
  }
  const pieces = name.split(/([\x00-\x1f\x7f]+)/).filter((p) => p !== '');
  return pieces.map((p) => (/^[\x00-\x1f\x7f]/.test(p) ? `$'${[...p].map(escapeControl).join('')}'` : quote(p))).join('');
}

/**
 * gnulib `quotef()` (shell-escape): like `quote` but only when the name needs it.
 * @param name - a file name
 * @returns the name as GNU tools print it after a colon
 * @example quotef('/etc/shadow') // → '/etc/shadow'
 */
export function quotef(name: string): string {
  return SAFE.test(name) && !name.startsWith('~') ? name : quote(name);
}

function escapeControl(char: string): string {
  const named: Record<string, string> = { '\n': '\\n', '\t': '\\t', '\r': '\\r', '\x07': '\\a', '\b': '\\b', '\f': '\\f', '\v': '\\v' };
  return named[char] ?? `\\${char.charCodeAt(0).toString(8).padStart(3, '0')}`;
}

/** The banner line busybox prints above a usage text. */
export const BUSYBOX_BANNER = 'BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.';

/**
 * A usage error as coreutils (`ls: invalid option -- 'z'` + `Try 'ls --help' …`) or busybox (the message
 * then the usage text) prints it.
 * @param invocation - the command's invocation (its flavour)
 * @param name - the program name
 * @param message - the first line without the program name; empty for busybox's bare usage
 * @param status - the exit status (2 for ls, sort, grep; 1 for most)
 * @param usage - for busybox: the synopsis after `Usage: `
 * @returns the result to return
 * @example usageError({ flavour: 'gnu' }, 'rm', 'missing operand').stderr // → "rm: missing operand\nTry 'rm --help' for more information.\n"
 */
export function usageError(invocation: Pick<Invocation, 'flavour'>, name: string, message: string, status = 1, usage = `${name} [OPTION]...`): CommandResult {
  if (invocation.flavour === 'busybox') {
    const first = message === '' ? '' : `${name}: ${message}\n`;
    return { stdout: '', stderr: `${first}${BUSYBOX_BANNER}\n\nUsage: ${usage}\n`, exitCode: 1 };
  }
  return { stdout: '', stderr: `${name}: ${message}\nTry '${name} --help' for more information.\n`, exitCode: status };
}

/**
 * The program name a command reports: coreutils print argv[0] as typed (`/bin/ls: cannot access …`),
 * busybox applets their own name.
 * @param invocation - argv and flavour
 * @param fallback - the spec's name, when argv[0] is empty
 * @returns the name to prefix messages with
 * @example programName({ argv: ['/usr/bin/ls'], flavour: 'gnu' }, 'ls') // → '/usr/bin/ls'
 */
export function programName(invocation: Pick<Invocation, 'argv' | 'flavour'>, fallback: string): string {
  const argv0 = invocation.argv[0] ?? '';
  if (argv0 === '') return fallback;
  return invocation.flavour === 'busybox' ? (argv0.split('/').pop() || fallback) : argv0;
}
