/**
 * Renders a diagnostic the way apparmor_parser 3.0.8 prints its (first) error:
 * `AppArmor parser error for <file> in profile <current file> at line N: <message>`, or the bare message for the
 * errors it prints without that prefix ("Found reference to variable …", "Multiple definitions …").
 */
import type { Diagnostic } from '../diagnostics.ts';

/** Where the policy came from, as apparmor_parser names it. */
export type ParserErrorContext = {
  /** the file given on the command line; omitted for stdin, which prints "AppArmor parser error at line N" */
  fileName?: string;
  /** the file being read when the error happened (an include), default `fileName` */
  currentFile?: string;
};

/**
 * Formats a diagnostic in apparmor_parser's own words.
 *
 * @param diagnostic - an error diagnostic (one with `upstream` set)
 * @param context - the file names apparmor_parser would print
 * @returns the text apparmor_parser writes to stderr, without a trailing newline
 * @example formatParserError({ code: 'MISSING_COMMA', severity: 'error', message: 'm', range: [0, 0],
 *   upstream: { message: 'syntax error, unexpected TOK_CLOSE, expecting TOK_END_OF_RULE', line: 3 } }, { fileName: '/etc/apparmor.d/x' })
 *   // → 'AppArmor parser error for /etc/apparmor.d/x in profile /etc/apparmor.d/x at line 3: syntax error, unexpected TOK_CLOSE, expecting TOK_END_OF_RULE'
 */
export function formatParserError(diagnostic: Diagnostic, context: ParserErrorContext = {}): string {
  const upstream = diagnostic.upstream ?? { message: diagnostic.message, line: 1 };
  if (upstream.isBare) return upstream.message;
  const preface = upstream.preface ? `${upstream.preface}\n` : '';
  const current = diagnostic.file ?? context.currentFile ?? context.fileName;
  if (context.fileName === undefined) return `${preface}AppArmor parser error at line ${upstream.line}: ${upstream.message}`;
  const inProfile = current ? ` in profile ${current}` : '';
  return `${preface}AppArmor parser error for ${context.fileName}${inProfile} at line ${upstream.line}: ${upstream.message}`;
}
