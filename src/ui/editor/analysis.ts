/**
 * One document's analysis, shared by markers, hover and the Try-an-access panel. `analyse` is what runs after
 * each keystroke (in analysis-worker.ts, off the main thread): `checkProfile` against the bundled
 * /etc/apparmor.d, reduced to plain data that can cross `postMessage`. `compileText` is for the panel.
 */
import {
  bundleReader, checkPolicy, checkProfile, compilePolicy, IncludeCache, type CompiledPolicy, type Diagnostic,
} from '../../apparmor/index.ts';

/** The name the editor's own file carries in rule references (`RuleRef.file`). */
export const MAIN_FILE = 'profile';

/** What one check of the text found (structured-clone safe). */
export type Analysis = {
  text: string;
  diagnostics: Diagnostic[];
  /** expanded variables, for hover */
  variables: ReadonlyMap<string, readonly string[]>;
  /** the names of the top-level profiles, for the panel's profile choice */
  profiles: string[];
};

/**
 * Checks a document as apparmor_parser 3.0.8 would, with lint warnings.
 *
 * @param text - the editor's text
 * @param includes - parsed bundled includes kept between keystrokes (the worker keeps one), so
 *   `tunables/global` and the abstractions are not parsed again on every check
 * @returns diagnostics, variables and profile names
 * @example analyse('profile p { capability chown }').diagnostics[0]?.code // → 'UNEXPECTED_TOKEN'
 */
export function analyse(text: string, includes: IncludeCache = new IncludeCache()): Analysis {
  const check = checkProfile(text, { reader: bundleReader, fileName: MAIN_FILE, includes });
  return {
    text,
    diagnostics: check.diagnostics,
    variables: check.policy.variables,
    profiles: check.policy.profiles.map((p) => p.name),
  };
}

/**
 * Compiles a document for evaluation, as `apparmor_parser` would before loading it (no lint).
 *
 * @param text - the editor's text
 * @param includes - parsed bundled includes kept between calls
 * @returns the compiled policy, or undefined when the text has errors (the parser would refuse to load it)
 * @example compileText('profile p { file, }')?.profiles[0]?.name // → 'p'
 */
export function compileText(text: string, includes: IncludeCache = new IncludeCache()): CompiledPolicy | undefined {
  const check = checkPolicy(text, { reader: bundleReader, fileName: MAIN_FILE, includes });
  if (check.diagnostics.some((d) => d.severity === 'error')) return undefined;
  return compilePolicy(check.policy);
}
