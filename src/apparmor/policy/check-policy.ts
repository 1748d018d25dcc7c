/**
 * The whole front end in one call, as `apparmor_parser -Q` runs it: parse, resolve (includes, variables),
 * then the compile-time checks. Diagnostics come back in the order apparmor_parser would meet them.
 */
import type { Diagnostic } from '../diagnostics.ts';
import type { PolicyFile } from '../parser/ast.ts';
import { parsePolicy } from '../parser/parser.ts';
import { checkCompile } from './parser-checks.ts';
import { resolvePolicy, type ResolveOptions } from './resolve.ts';
import type { ResolvedPolicy } from './resolved-policy.ts';

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
  const diagnostics = [...parsed.diagnostics, ...policy.diagnostics];
  if (!hasError(diagnostics)) diagnostics.push(...checkCompile(policy, options.version ?? '3.0'));
  return { ast: parsed.ast, policy, diagnostics };
}
