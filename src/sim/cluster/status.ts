/**
 * API errors as `metav1.Status` (apimachinery's pkg/api/errors constructors) and how kubectl prints them
 * (`cmdutil.CheckErr`: `The Pod "x" is invalid: …` for Invalid, `Error from server (Reason): …` for the
 * rest, with `error when creating "file": ` added by `AddSourceToErr`). Data in, strings out.
 */
import { aggregateFieldErrors, fieldErrorBody, goQuote, type FieldError } from './field-errors.ts';

/** The `Status.reason` values the simulated server returns. */
export type StatusReason = 'Invalid' | 'Forbidden' | 'AlreadyExists' | 'NotFound' | 'BadRequest';

/** A failed request's status, as the apiserver sends it. */
export type ApiStatus = {
  readonly reason: StatusReason;
  readonly code: number;
  /** `Status.message`: e.g. `Pod "x" is invalid: [a, b]` or `pods "x" is forbidden: …`. */
  readonly message: string;
  readonly details?: { readonly kind: string; readonly name: string; readonly causes: readonly FieldError[] };
};

/**
 * `errors.NewInvalid`: the message aggregates (and deduplicates) the field errors; the causes keep them all.
 * @param kind the kind (`Pod`; a grouped kind prints as `DaemonSet.apps` in the message)
 * @param group the API group ('' for core)
 * @param name the object's name
 * @param errors the validation errors
 * @returns a 422 Invalid status
 * @example invalidStatus('Pod', '', 'x', [err]).message // → 'Pod "x" is invalid: spec.containers: Required value'
 */
export function invalidStatus(kind: string, group: string, name: string, errors: readonly FieldError[]): ApiStatus {
  const qualifiedKind = group ? `${kind}.${group}` : kind;
  return {
    reason: 'Invalid', code: 422,
    message: `${qualifiedKind} ${goQuote(name)} is invalid: ${aggregateFieldErrors(errors)}`,
    details: { kind, name, causes: errors },
  };
}

/**
 * `errors.NewForbidden`.
 * @param qualifiedResource e.g. `pods`
 * @param name the object's name
 * @param cause the admission error text
 * @returns a 403 Forbidden status
 * @example forbiddenStatus('pods', 'x', 'nope').message // → 'pods "x" is forbidden: nope'
 */
export function forbiddenStatus(qualifiedResource: string, name: string, cause: string): ApiStatus {
  return { reason: 'Forbidden', code: 403, message: `${qualifiedResource} ${goQuote(name)} is forbidden: ${cause}` };
}

/**
 * `errors.NewAlreadyExists`.
 * @param qualifiedResource e.g. `pods`
 * @param name the object's name
 * @returns a 409 AlreadyExists status
 * @example alreadyExistsStatus('pods', 'x').message // → 'pods "x" already exists'
 */
export function alreadyExistsStatus(qualifiedResource: string, name: string): ApiStatus {
  return { reason: 'AlreadyExists', code: 409, message: `${qualifiedResource} ${goQuote(name)} already exists` };
}

/**
 * `errors.NewNotFound`.
 * @param qualifiedResource e.g. `namespaces`
 * @param name the missing object's name
 * @returns a 404 NotFound status
 * @example notFoundStatus('pods', 'x').message // → 'pods "x" not found'
 */
export function notFoundStatus(qualifiedResource: string, name: string): ApiStatus {
  return { reason: 'NotFound', code: 404, message: `${qualifiedResource} ${goQuote(name)} not found` };
}

/**
 * A 400 BadRequest status (strict field validation, undecodable bodies).
 * @param message the status message
 * @returns the status
 * @example badRequestStatus('x').code // → 400
 */
export function badRequestStatus(message: string): ApiStatus {
  return { reason: 'BadRequest', code: 400, message };
}

/** Where the failing request came from, for kubectl's `error when creating "x.yaml": ` prefix. */
export type ErrorSource = { readonly verb?: 'creating' | 'applying' | 'patching' | 'deleting' | 'retrieving'; readonly fileName?: string };

/**
 * Prints a status the way kubectl does (without the trailing newline). Invalid errors list their causes:
 * one on the same line, several as `* …` lines under `The Pod "x" is invalid: ` (kubectl's
 * `MultilineError`), and never show the `error when creating` source.
 * @param status the failed request's status
 * @param source the verb and file name kubectl was working on
 * @returns the text kubectl writes to stderr
 * @example formatKubectlError(notFoundStatus('pods', 'x')) // → 'Error from server (NotFound): pods "x" not found'
 */
export function formatKubectlError(status: ApiStatus, source: ErrorSource = {}): string {
  if (status.reason === 'Invalid' && status.details) {
    const prefix = `The ${status.details.kind} ${goQuote(status.details.name)} is invalid`;
    const causes = status.details.causes.map((c) => `${c.field}: ${fieldErrorBody(c)}`);
    if (causes.length === 0) return prefix;
    if (causes.length === 1) return `${prefix}: ${causes[0]}`;
    return `${prefix}: \n${causes.map((c) => `* ${c}`).join('\n')}`;
  }
  const where = source.fileName ? `error when ${source.verb ?? 'creating'} ${goQuote(source.fileName)}: ` : '';
  return `Error from server (${status.reason}): ${where}${status.message}`;
}

/** One error kubectl collected: a client-side message (Go error text) or a server status with its source. */
export type KubectlError = string | { readonly status: ApiStatus; readonly source?: ErrorSource };

/**
 * What kubectl prints for the errors of one command (cmdutil.CheckErr): a single error gets its usual
 * layout (`error: …`, `The Pod "x" is invalid: …`); several are printed one per line by `MultipleErrors`,
 * bare Go text for client errors and `Error from server (Reason): …` for every status, Invalid included.
 * @param errors the collected errors, in order
 * @returns the text for stderr (no trailing newline)
 * @example formatKubectlErrors(['error parsing a.yaml: x', 'error parsing b.yaml: y']) // → 'error parsing a.yaml: x\nerror parsing b.yaml: y'
 */
export function formatKubectlErrors(errors: readonly KubectlError[]): string {
  const one = (e: KubectlError, isAlone: boolean): string => {
    if (typeof e !== 'string') {
      if (isAlone) return formatKubectlError(e.status, e.source);
      const where = e.source?.fileName ? `error when ${e.source.verb ?? 'creating'} ${goQuote(e.source.fileName)}: ` : '';
      return `Error from server (${e.status.reason}): ${where}${e.status.message}`;
    }
    return isAlone && !e.startsWith('error: ') ? `error: ${e}` : e;
  };
  if (errors.length === 1 && errors[0] !== undefined) return one(errors[0], true);
  return errors.map((e) => one(e, false)).join('\n');
}

/**
 * A warning header as kubectl prints it.
 * @param warning the warning text the server sent
 * @returns `Warning: <text>`
 * @example formatWarning('x') // → 'Warning: x'
 */
export function formatWarning(warning: string): string {
  return `Warning: ${warning}`;
}
