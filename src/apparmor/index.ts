/**
 * The engine's public facade (DESIGN.md example #1): a thin list of re-exports plus `parseProfile`. Callers and
 * tests outside `src/apparmor` import only from here.
 */
import { parsePolicy, type ParseOptions, type ParseResult } from './parser/parser.ts';

export type * from './parser/ast.ts';
export type * from './policy/resolved-policy.ts';
export type { Diagnostic, DiagnosticCode, Severity } from './diagnostics.ts';
export type { Range } from './source.ts';
export type { ParseOptions, ParseResult } from './parser/parser.ts';
export type { ParserErrorContext } from './format/parser-error.ts';
export { prettyDiagnostic, EngineBug } from './diagnostics.ts';
export { LineCounter } from './source.ts';
export { formatParserError } from './format/parser-error.ts';
export { tokenize } from './lexer/lexer.ts';
export { resolvePolicy, type ResolveOptions } from './policy/resolve.ts';
export { IncludeCache, type ParsedInclude } from './policy/include-cache.ts';
export { checkPolicy, type CheckResult } from './policy/check-policy.ts';
export { checkCompile } from './policy/parser-checks.ts';
export { printPolicy, printRule } from './format/print.ts';
export { preprocessPolicy, type PreprocessOptions, type PreprocessResult } from './format/preprocess.ts';
export { lintPolicy, type LintOptions } from './lint/checks.ts';
export { decodeFileMode, formatFileMode, type DecodedMode } from './parser/rules/file-mode.ts';
export {
  CAPABILITIES, NETWORK_FAMILIES, NETWORK_PROTOCOLS, NETWORK_TYPES, RLIMITS, SIGNALS, isKnownSignal,
} from './vocabulary.ts';
export { checkProfile, type CheckProfileOptions } from './lint/check-profile.ts';

/**
 * Parses one policy file (profiles, preamble, or with `context: 'body'` an abstraction's rules). Never throws on
 * user input: problems come back as diagnostics, and the tree holds everything that could be parsed.
 *
 * @param text - the policy text
 * @param options - `version: '3.0' | '5.0'` (default 3.0, i.e. apparmor_parser 3.0.8) and `context`
 * @returns `{ ast, diagnostics }`
 * @example parseProfile('profile p { capability chown, }').diagnostics // → []
 */
export function parseProfile(text: string, options: ParseOptions = {}): ParseResult {
  return parsePolicy(text, options);
}

// evaluator: requests, decisions, compile, evaluate, audit lines (policy/*, audit/*)
export { MAY } from './policy/request.ts';
export type {
  AccessRequest, CapabilityRequest, ChangeProfileRequest, ExecRequest, FileOperation, FileRequest, MountRequest,
  NetworkOperation, NetworkRequest, PtraceRequest, RlimitRequest, SignalRequest, TaskContext,
} from './policy/request.ts';
export type {
  AuditRecord, AuditType, Decision, DecisionReason, Errno, ExecTransition, RuleMatch, RuleRef, Verdict,
} from './policy/decision.ts';
export { compilePolicy, type CompiledPolicy, type CompiledProfile, type RuleInfo } from './policy/compile.ts';
export { evaluate, decideFile, type EvaluateOptions } from './policy/evaluate.ts';
export { findAttachment } from './policy/exec.ts';
export { PERM, formatPolicyPerms, formatKernelFileMask, mapPolicyToKernel } from './policy/perms.ts';
export { PatternCache } from './policy/matchers.ts';
export { AuditCache } from './audit/cache.ts';
export { renderAuditRecord, untrustedString } from './audit/render.ts';
export { parseAuditLine, type AuditEventType, type AuditFieldName, type AuditLogFields } from './audit/parse.ts';

// kernel model / CLI: the bundled /etc/apparmor.d as an include reader (bundle/index.ts)
export { BUNDLED_APPARMOR_D, BUNDLED_DIRECTORIES, bundleReader, listBundledDir, readBundledFile } from './bundle/index.ts';
