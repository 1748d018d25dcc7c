/**
 * Audit lines as the corpus stores them: the raw `dmesg` form (`[ 11.75] audit: type=1400 audit(…): …`)
 * and the normalised form the conformance suite compares (`audit_norm` of the kernel README). Text only.
 */

/**
 * Normalises a raw or bare audit line as the corpus' `audit_norm` does: drops the dmesg prefix and the
 * `audit(…)` stamp, replaces `pid`, `peer_pid`, `tid`, `ses`, `auid` values with placeholders and
 * collapses runs of spaces (the kernel prints two before `capname=`).
 * @param line - a line as dmesg prints it, or the record text alone
 * @returns the normalised line
 * @example normaliseAuditLine('[ 1.5] audit: type=1400 audit(1.2:3): apparmor="DENIED" pid=7 comm="x"')
 * // → 'type=1400 apparmor="DENIED" pid=<pid> comm="x"'
 */
export function normaliseAuditLine(line: string): string {
  return line
    .replace(/^\[\s*[\d.]+\]\s+audit:\s+/, '')
    .replace(/audit\([\d.:]+\):\s*/, '')
    .replace(/\b(pid|peer_pid|tid|ses|auid)=\d+/g, (_m, key: string) => `${key}=<${key}>`)
    .replace(/ {2,}/g, ' ');
}

/**
 * Renders a record the way `dmesg` shows it, with a kernel timestamp and an audit stamp.
 * @param record - the record text starting `type=1400 ` (without an `audit(…)` stamp)
 * @param seconds - seconds since boot, for the `[ … ]` prefix
 * @param serial - the audit serial number
 * @returns the dmesg line
 * @example dmesgLine('type=1400 apparmor="DENIED"', 1.5, 7)
 * // → '[    1.500000] audit: type=1400 audit(1.500:7): apparmor="DENIED"'
 */
export function dmesgLine(record: string, seconds: number, serial: number): string {
  const stamp = `audit(${seconds.toFixed(3)}:${serial}): `;
  const body = record.replace(/^type=(\d+) (?:audit\([^)]*\): )?/, (_m, type: string) => `type=${type} ${stamp}`);
  return `[${seconds.toFixed(6).padStart(12)}] audit: ${body}`;
}
