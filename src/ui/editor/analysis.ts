/**
 * One document's analysis, shared by markers, hover and the Try-an-access panel: `checkProfile` against the
 * bundled /etc/apparmor.d on every change (cheap), and the compiled policy only on demand (the panel).
 */
import {
  bundleReader, checkProfile, compilePolicy, type CheckResult, type CompiledPolicy, type Diagnostic,
} from '../../apparmor/index.ts';

/** The name the editor's own file carries in rule references (`RuleRef.file`). */
export const MAIN_FILE = 'profile';

/** What one check of the text found. */
export type Analysis = {
  text: string;
  diagnostics: Diagnostic[];
  /** expanded variables, for hover */
  variables: ReadonlyMap<string, readonly string[]>;
  /** the check result, kept for `compileAnalysis` */
  check: CheckResult;
};

/**
 * Checks a document as apparmor_parser 3.0.8 would, with lint warnings.
 *
 * @param text - the editor's text
 * @returns diagnostics and variables
 * @example analyse('profile p { capability chown }').diagnostics[0]?.code // → 'UNEXPECTED_TOKEN'
 */
export function analyse(text: string): Analysis {
  const check = checkProfile(text, { reader: bundleReader, fileName: MAIN_FILE });
  return { text, diagnostics: check.diagnostics, variables: check.policy.variables, check };
}

/**
 * Compiles an analysed document for evaluation; undefined when it has errors (apparmor_parser would refuse to
 * load it).
 *
 * @param analysis - the result of `analyse`
 * @returns the compiled policy, or undefined
 */
export function compileAnalysis(analysis: Analysis): CompiledPolicy | undefined {
  if (analysis.diagnostics.some((d) => d.severity === 'error')) return undefined;
  return compilePolicy(analysis.check.policy);
}
