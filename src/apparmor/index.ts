/**
 * The engine's public facade (DESIGN.md example 1): parse, resolve, compile, evaluate. Callers and tests use
 * only this module. Owned by the parser; other stages append their re-export lines below.
 */

// evaluator: requests and decisions (policy/request.ts, policy/decision.ts)
export { MAY } from './policy/request.ts';
export type {
  AccessRequest, CapabilityRequest, ChangeProfileRequest, ExecRequest, FileOperation, FileRequest, MountRequest,
  NetworkOperation, NetworkRequest, PtraceRequest, RlimitRequest, SignalRequest, TaskContext,
} from './policy/request.ts';
export type {
  AuditRecord, AuditType, Decision, DecisionReason, Errno, ExecTransition, RuleMatch, RuleRef, Verdict,
} from './policy/decision.ts';

// bundle: our own /etc/apparmor.d tunables, abstractions and abi, and the include reader over them
export { BUNDLED_APPARMOR_D, BUNDLED_DIRECTORIES, bundleReader, listBundledDir, readBundledFile } from './bundle/index.ts';
