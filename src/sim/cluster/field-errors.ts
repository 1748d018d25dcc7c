/**
 * apimachinery's `field.Error` and `field.ErrorList` in TypeScript: one validation problem at a field
 * path, printed exactly as `k8s.io/apimachinery/pkg/util/validation/field/errors.go` prints it.
 * No validation rules live here; only the types and their wording.
 */

/** The error types of field/errors.go, with the strings `ErrorType.String()` returns. */
export const FIELD_ERROR_TYPES = {
  NotFound: 'Not found',
  Required: 'Required value',
  Duplicate: 'Duplicate value',
  Invalid: 'Invalid value',
  NotSupported: 'Unsupported value',
  Forbidden: 'Forbidden',
  TooLong: 'Too long',
  TooMany: 'Too many',
  Internal: 'Internal error',
} as const;

/** A field error type name such as `Required`. */
export type FieldErrorType = keyof typeof FIELD_ERROR_TYPES;

/** A value shown after the type (`Invalid value: "x"`); `undefined` means none is printed. */
export type BadValue = string | number | boolean | null | undefined;

/** One validation error at a field path, like apimachinery's `field.Error`. */
export type FieldError = {
  readonly type: FieldErrorType;
  /** The path as `field.Path.String()` prints it: `spec.containers[0].securityContext`. */
  readonly field: string;
  readonly badValue?: BadValue;
  readonly detail: string;
};

/**
 * Quotes a string as Go's `strconv.Quote` (and so `%q`) does: `"`, `\` and control characters escaped,
 * printable Unicode kept.
 * @param text any string
 * @returns the Go-quoted string, with its double quotes
 * @example goQuote('a"b\n') // → '"a\\"b\\n"'
 */
export function goQuote(text: string): string {
  let out = '"';
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\x07') out += '\\a';
    else if (ch === '\b') out += '\\b';
    else if (ch === '\f') out += '\\f';
    else if (ch === '\v') out += '\\v';
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}

/**
 * The part after the path, as `(*field.Error).ErrorBody()`: Required, Forbidden, TooLong and Internal
 * never print the value; the others print strings with `%q` and numbers/booleans bare.
 * @param error the field error
 * @returns e.g. `Invalid value: " x": must not be padded with whitespace`
 * @example fieldErrorBody({ type: 'Required', field: 'a', detail: 'd' }) // → 'Required value: d'
 */
export function fieldErrorBody(error: FieldError): string {
  let body: string = FIELD_ERROR_TYPES[error.type];
  const hidesValue = error.type === 'Required' || error.type === 'Forbidden' || error.type === 'TooLong' ||
    error.type === 'Internal' || !('badValue' in error);
  if (!hidesValue) {
    const value = error.badValue;
    if (value === null || value === undefined) body += ': null';
    else if (typeof value === 'string') body += `: ${goQuote(value)}`;
    else body += `: ${String(value)}`;
  }
  return error.detail === '' ? body : `${body}: ${error.detail}`;
}

/**
 * `field.Error.Error()`: `<path>: <body>`.
 * @param error the field error
 * @returns the one-line message
 * @example formatFieldError({ type: 'Required', field: 'metadata.name', detail: '' }) // → 'metadata.name: Required value'
 */
export function formatFieldError(error: FieldError): string {
  return `${error.field}: ${fieldErrorBody(error)}`;
}

/**
 * `ErrorList.ToAggregate().Error()`: one message alone, several deduplicated inside `[a, b]`.
 * @param errors the list (in the order validation found them)
 * @returns the aggregate message the apiserver puts in `Status.message`
 * @example aggregateFieldErrors([]) // → ''
 */
export function aggregateFieldErrors(errors: readonly FieldError[]): string {
  const messages = uniqueMessages(errors);
  if (messages.length === 1) return messages[0] ?? '';
  return messages.length === 0 ? '' : `[${messages.join(', ')}]`;
}

/**
 * `fmt.Sprintf("%v", errList)` on a raw `field.ErrorList` (a Go slice): `[a b]`, space-separated and not
 * deduplicated. PodSecurityPolicy admission prints its errors this way.
 * @param errors the list
 * @returns `[` + messages joined by a space + `]`
 * @example formatFieldErrorSlice([]) // → '[]'
 */
export function formatFieldErrorSlice(errors: readonly FieldError[]): string {
  return `[${errors.map(formatFieldError).join(' ')}]`;
}

function uniqueMessages(errors: readonly FieldError[]): string[] {
  const seen = new Set<string>();
  for (const error of errors) seen.add(formatFieldError(error));
  return [...seen];
}

/** Helpers that build field errors the way `field.Required(...)` etc. do. */
export const fieldError = {
  required: (field: string, detail: string): FieldError => ({ type: 'Required', field, detail }),
  forbidden: (field: string, detail: string): FieldError => ({ type: 'Forbidden', field, detail }),
  invalid: (field: string, badValue: BadValue, detail: string): FieldError =>
    ({ type: 'Invalid', field, badValue, detail }),
  /** `field.NotSupported`: the detail lists the quoted valid values. */
  notSupported: (field: string, badValue: BadValue, valid: readonly string[]): FieldError =>
    ({ type: 'NotSupported', field, badValue, detail: valid.length ? `supported values: ${valid.map(goQuote).join(', ')}` : '' }),
  /**
   * A too-long value. v1.30's validation called `field.TooLongMaxLength` (`may not be longer than N`);
   * from v1.31 apimachinery folded it into `field.TooLong` (`may not be more than N bytes`).
   */
  tooLong: (field: string, max: number, isV130Wording: boolean): FieldError =>
    ({ type: 'TooLong', field, detail: isV130Wording ? `may not be longer than ${max}` : `may not be more than ${max} bytes` }),
};

/**
 * A field path key segment as `field.Path.Key` prints it: `metadata.annotations[<key>]` (no quoting).
 * @param base the parent path
 * @param key the map key
 * @returns `base[key]`
 * @example keyPath('metadata.annotations', 'a/b') // → 'metadata.annotations[a/b]'
 */
export function keyPath(base: string, key: string): string {
  return `${base}[${key}]`;
}
