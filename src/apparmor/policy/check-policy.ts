/**
 * The whole front end in one call, as `apparmor_parser -Q` runs it: parse, resolve (includes, variables),
 * then the compile-time checks. Diagnostics come back in the order apparmor_parser would meet them.
 */
import type { Diagnostic } from '../diagnostics.ts';
import type { PolicyFile } from '../parser/ast.ts';
import { parsePolicy } from '../parser/parser.ts';
import { LineCounter } from '../source.ts';
import { checkCompile } from './parser-checks.ts';
import { resolvePolicy, type ResolveOptions } from './resolve.ts';
import type { ResolvedPolicy } from './resolved-policy.ts';

/** Resolver findings that apparmor_parser makes while it reads the file (the rest come after parsing). */
const READ_TIME: ReadonlySet<Diagnostic['code']> = new Set(['VARIABLE_REDEFINED', 'VARIABLE_NOT_DECLARED', 'MISSING_INCLUDE', 'INVALID_ABI']);

/**
 * apparmor_parser reads includes and assignments as it goes, so their errors interleave with syntax errors by
 * position; expansion and duplicate errors come after the whole file. Orders our diagnostics the same way
 * (included files count at the line of their include directive in the main file).
 */
function inParserOrder(parsed: Diagnostic[], resolved: Diagnostic[], lines: LineCounter): Diagnostic[] {
  const isReadTime = (d: Diagnostic): boolean => READ_TIME.has(d.code) || (d.file !== undefined && d.upstream?.isBare !== true);
  const lineOf = (d: Diagnostic): number => {
    const anchor = d.file === undefined ? undefined : d.related?.[0]?.range[0];
    return anchor === undefined ? d.upstream?.line ?? lines.linePos(d.range[0]).line : lines.linePos(anchor).line;
  };
  // on one line a read-time error comes first: apparmor_parser meets it while reading that line's first token
  const early = [...resolved.filter(isReadTime), ...parsed]
    .map((d, index) => ({ d, index, line: lineOf(d) }))
    .sort((a, b) => a.line - b.line || a.index - b.index)
    .map((entry) => entry.d);
  return [...early, ...resolved.filter((d) => !isReadTime(d))];
}

/** The result of `checkPolicy`. */
export type CheckResult = { ast: PolicyFile; policy: ResolvedPolicy; diagnostics: Diagnostic[] };

/**
 * Parses, resolves and checks one policy file.
 *
 * @param text - the policy text
 * @param options - resolver options (reader, `-I` dirs, names) and the language level
 * @returns the tree, the resolved policy and every diagnostic (parse errors first, then resolve, then compile)
 * @example checkPolicy('profile p { /bin/cat ix, /bin/cat Px, }').diagnostics[0]?.code // → 'CONFLICTING_EXEC_MODES'
 */
export function checkPolicy(text: string, options: ResolveOptions = {}): CheckResult {
  const parsed = parsePolicy(text, { version: options.version ?? '3.0' });
  const policy = resolvePolicy(parsed.ast, { ...options, text });
  const hasError = (list: Diagnostic[]): boolean => list.some((d) => d.severity === 'error');
  const diagnostics = inParserOrder(parsed.diagnostics, policy.diagnostics, new LineCounter(text));
  if (!hasError(diagnostics)) diagnostics.push(...checkCompile(policy, options.version ?? '3.0'));
  return { ast: parsed.ast, policy, diagnostics };
}
