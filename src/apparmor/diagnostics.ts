/**
 * The diagnostics contract (DESIGN.md §5): stable string codes, offset ranges, three renderings from the
 * same objects. This module holds data and formatting only; checks live in the parser and lint.
 */
import { LineCounter, type Range } from './source.ts';

/**
 * Every diagnostic the engine emits. Stable: each code is documented once in
 * `content/docs/04-reference/diagnostics.md`, and editors link to it.
 */
export type DiagnosticCode =
  // syntax (errors)
  | 'UNEXPECTED_TOKEN'
  | 'UNEXPECTED_EOF'
  | 'MISSING_COMMA'
  | 'UNCLOSED_BLOCK'
  | 'UNCLOSED_STRING'
  | 'INVALID_CHARACTER'
  | 'INVALID_PROFILE_NAME'
  | 'INVALID_ATTACHMENT'
  | 'INVALID_FLAG'
  | 'CONFLICTING_FLAGS'
  | 'INVALID_PERMISSION'
  | 'CONFLICTING_PERMS'
  | 'CONFLICTING_EXEC_MODES'
  | 'EXEC_MODE_WITH_DENY'
  | 'BARE_X_WITHOUT_DENY'
  | 'INVALID_PATH'
  | 'INVALID_GLOB'
  | 'QUALIFIER_ORDER'
  | 'QUALIFIER_NOT_ALLOWED'
  | 'UNKNOWN_CAPABILITY'
  | 'UNKNOWN_NETWORK_FAMILY'
  | 'UNKNOWN_NETWORK_TYPE'
  | 'INVALID_NETWORK_RULE'
  | 'UNKNOWN_SIGNAL'
  | 'INVALID_RULE_OPTION'
  | 'INVALID_RLIMIT'
  | 'UNDEFINED_VARIABLE'
  | 'VARIABLE_REDEFINED'
  | 'VARIABLE_NOT_DECLARED'
  | 'VARIABLE_CYCLE'
  | 'MISPLACED_PREAMBLE'
  | 'MISSING_INCLUDE'
  | 'INCLUDE_WITH_COMMA'
  | 'DUPLICATE_PROFILE'
  | 'UNSUPPORTED_SYNTAX'
  | 'LIMIT_EXCEEDED'
  | 'INVALID_VARIABLE'
  | 'INVALID_ABI'
  | 'INVALID_MOUNT_RULE'
  | 'INVALID_DBUS_RULE'
  | 'INVALID_UNIX_RULE'
  | 'INVALID_CHANGE_PROFILE'
  // lint (warnings and infos)
  | 'DANGEROUS_UX'
  | 'NO_OP_RULE'
  | 'DENY_MATCHES_NOTHING'
  | 'SYMLINK_PATH'
  | 'DIRECTORY_WITHOUT_SLASH'
  | 'DEPRECATED_SYNTAX'
  | 'QUIET_DENY'
  | 'EXEC_MODE_OVERRIDDEN'
  | 'WRITE_AND_APPEND';

export type Severity = 'error' | 'warning' | 'info';

/** One finding about the source text. `range` is `[start, end)` in UTF-16 offsets. */
export type Diagnostic = {
  code: DiagnosticCode;
  severity: Severity;
  message: string;
  range: Range;
  /** Other places that explain this one, e.g. the first definition of a redefined variable. */
  related?: { message: string; range: Range }[];
  /** The file the range refers to, when not the main text (e.g. an included abstraction). */
  file?: string;
  /**
   * How apparmor_parser 3.0.8 reports this finding, when it does: its exact message, the line it blames (its
   * `current_lineno`, which can be past the range), and whether it prints the message bare, without the
   * `AppArmor parser error … at line N:` prefix; `preface` is a line it prints first (e.g. "'X' is already
   * defined"). Rendered by `formatParserError`.
   */
  upstream?: { message: string; line: number; isBare?: boolean; preface?: string };
};

/** The sink parse functions report through (yaml's `onError` shape). */
export type OnDiagnostic = (code: DiagnosticCode, range: Range, message: string, severity?: Severity) => void;

/** A programmer error inside the engine (never caused by user input), like apparmor's `AppArmorBug`. */
export class EngineBug extends Error {
  /** @param message - what invariant was broken */
  constructor(message: string) {
    super(message);
    this.name = 'EngineBug';
  }
}

/**
 * Renders a diagnostic as `file:line:col: severity CODE: message` followed by the source line and a caret
 * line under the range (as yaml's `prettifyError`).
 *
 * @param diagnostic - the diagnostic to render
 * @param text - the source it refers to
 * @param fileName - the name to print in front
 * @returns a multi-line string without a trailing newline
 * @example prettyDiagnostic({ code: 'MISSING_COMMA', severity: 'error', message: 'missing ","', range: [18, 18] },
 *   'profile p {\n  /a r\n}', 'p')
 *   // → 'p:2:7: error MISSING_COMMA: missing ","\n  /a r\n      ^'
 */
export function prettyDiagnostic(diagnostic: Diagnostic, text: string, fileName = '<input>'): string {
  const lines = new LineCounter(text);
  const [start, end] = diagnostic.range;
  const { line, col } = lines.linePos(start);
  const lineStart = lines.lineStart(line);
  const nextStart = line < lines.lineCount ? lines.lineStart(line + 1) - 1 : text.length;
  const sourceLine = text.slice(lineStart, nextStart);
  const width = Math.max(1, Math.min(end, nextStart) - start);
  const head = `${fileName}:${line}:${col}: ${diagnostic.severity} ${diagnostic.code}: ${diagnostic.message}`;
  return `${head}\n${sourceLine}\n${' '.repeat(col - 1)}${'^'.repeat(width)}`;
}
