/**
 * Renders AppArmor audit records exactly as the kernel prints them (`kernel:audit.c audit_pre`, then
 * `lsm_audit.c` `pid=`/`comm=`, then the class callback). Formatting only: which record to log is decided by
 * the evaluator. Untrusted strings follow `audit_log_untrustedstring`: quoted, or hex when unsafe.
 */
import type { AuditRecord, AuditType } from '../policy/decision.ts';
import type { TaskContext } from '../policy/request.ts';

/** The leading part every AppArmor record shares (`audit_pre`). */
export type AuditHead = {
  type: AuditType;
  operation: string;
  info?: string;
  /** negative errno printed after `info` (only when `info` is set), e.g. -13 */
  error?: number;
  /** the label the record is about (printed as `profile=`) */
  profile: string;
  /** the object name (`name=`), when there is one */
  name?: string;
};

/** A class callback field: printed as ` key=value`; `raw` values are printed as given. */
export type AuditField = [key: string, value: string | number, style: 'quoted' | 'untrusted' | 'raw'];

/**
 * `audit_log_untrustedstring`: a string with a space, quote, control or non-ASCII byte is printed as upper-case
 * hex of its bytes, anything else in double quotes.
 *
 * @param value - the string
 * @returns the printed form
 * @example untrustedString('/tmp/a') // → '"/tmp/a"'
 * @example untrustedString('ok quoted') // → '6F6B2071756F746564'
 */
export function untrustedString(value: string): string {
  const bytes = new TextEncoderLike().encode(value);
  let needsHex = false;
  for (const b of bytes) {
    if (b === 0x22 || b < 0x21 || b > 0x7e) {
      needsHex = true;
      break;
    }
  }
  if (!needsHex) return `"${value}"`;
  let hex = '';
  for (const b of bytes) hex += b.toString(16).toUpperCase().padStart(2, '0');
  return hex;
}

/** UTF-8 encoding without relying on a global `TextEncoder` (the engine has no DOM or Node types). */
class TextEncoderLike {
  /** @returns the UTF-8 bytes of `text` */
  encode(text: string): number[] {
    const out: number[] = [];
    for (const ch of text) {
      const code = ch.codePointAt(0) ?? 0;
      if (code < 0x80) out.push(code);
      else if (code < 0x800) out.push(0xc0 | (code >> 6), 0x80 | (code & 63));
      else if (code < 0x10000) out.push(0xe0 | (code >> 12), 0x80 | ((code >> 6) & 63), 0x80 | (code & 63));
      else out.push(0xf0 | (code >> 18), 0x80 | ((code >> 12) & 63), 0x80 | ((code >> 6) & 63), 0x80 | (code & 63));
    }
    return out;
  }
}

function printField([key, value, style]: AuditField): [string, string] {
  if (style === 'raw') return [key, String(value)];
  if (style === 'quoted') return [key, `"${value}"`];
  return [key, untrustedString(String(value))];
}

/**
 * Builds one record: `type=1400 [audit(STAMP): ]apparmor="…" operation="…" [info="…" [error=N]]
 * profile="…" [name="…"] pid=N comm="…"` followed by the class fields. A missing pid prints `<pid>` (the
 * corpus's `audit_norm` placeholder).
 *
 * @param head - the common fields
 * @param task - pid, comm and the optional `audit(…)` stamp
 * @param fields - the class callback's fields, in print order
 * @param beforeComm - fields the LSM prints between `pid`/`comm`-less data and the callback (capability's
 *   `capability=N ` with its trailing space)
 * @returns the record with its line
 * @example renderAuditRecord({ type: 'DENIED', operation: 'capable', profile: 'p' }, { pid: 1, comm: 'x' },
 *   [['capname', 'net_raw', 'quoted']], 13).line
 *   // → 'type=1400 apparmor="DENIED" operation="capable" profile="p" pid=1 comm="x" capability=13  capname="net_raw"'
 */
export function renderAuditRecord(head: AuditHead, task: TaskContext, fields: AuditField[], capability?: number): AuditRecord {
  const printed: [string, string][] = [
    ['apparmor', `"${head.type}"`],
    ['operation', `"${head.operation}"`],
  ];
  if (head.info !== undefined) {
    printed.push(['info', `"${head.info}"`]);
    if (head.error !== undefined && head.error !== 0) printed.push(['error', String(head.error)]);
  }
  printed.push(['profile', untrustedString(head.profile)]);
  if (head.name !== undefined) printed.push(['name', untrustedString(head.name)]);
  printed.push(['pid', task.pid === undefined ? '<pid>' : String(task.pid)]);
  printed.push(['comm', untrustedString(task.comm ?? '?')]);
  if (capability !== undefined) printed.push(['capability', String(capability)]);
  for (const field of fields) printed.push(printField(field));
  const stamp = task.stamp === undefined ? '' : ` audit(${task.stamp}):`;
  let line = `type=1400${stamp}`;
  for (const [key, value] of printed) {
    // lsm_audit.c prints "capability=%d " with a trailing space, then the callback's " capname=": two spaces
    line += key === 'capname' ? `  ${key}=${value}` : ` ${key}=${value}`;
  }
  return { type: head.type, fields: printed, line };
}
