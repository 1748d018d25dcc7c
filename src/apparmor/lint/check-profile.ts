/**
 * `checkProfile`: everything an editor or the CLI shows for one file — parse, resolve and compile-time errors
 * (as `checkPolicy`), then lint warnings, but only when there is no error (a broken file gets no style advice).
 */
import type { ResolveOptions } from '../policy/resolve.ts';
import { checkPolicy, type CheckResult } from '../policy/check-policy.ts';
import { lintPolicy, type LintOptions } from './checks.ts';

/** Options of `checkProfile`: the resolver's plus the lint's node facts. */
export type CheckProfileOptions = ResolveOptions & Pick<LintOptions, 'mergedUsr'>;

/**
 * Parses, resolves, checks and lints one policy file.
 *
 * @param text - the policy text
 * @param options - resolver options, language level and node facts
 * @returns the tree, the resolved policy and all diagnostics (errors first, then warnings and infos)
 * @example checkProfile('profile p { /usr/bin/x ux, }').diagnostics[0]?.code // → 'DANGEROUS_UX'
 */
export function checkProfile(text: string, options: CheckProfileOptions = {}): CheckResult {
  const result = checkPolicy(text, options);
  if (result.diagnostics.some((d) => d.severity === 'error')) return result;
  const lintOptions: LintOptions = {
    ast: result.ast, ...(options.fileName ? { fileName: options.fileName } : {}), ...(options.mergedUsr ? { mergedUsr: true } : {}),
  };
  return { ...result, diagnostics: [...result.diagnostics, ...lintPolicy(result.policy, lintOptions)] };
}
