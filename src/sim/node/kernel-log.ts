/**
 * The node's kernel ring buffer: audit records from the kernel model, stamped when they were logged, and
 * rendered as `dmesg` and `journalctl -k` print them. Rendering only; the records' text is the kernel
 * model's, untouched.
 */

/** One stamped record. */
export type KernelLogEntry = {
  /** the record as the kernel model logged it (`type=1400 apparmor="DENIED" …`) */
  record: string;
  /** seconds since boot */
  uptime: number;
  /** ms since the epoch */
  epochMs: number;
  /** the audit serial number */
  serial: number;
};

/**
 * The `[    N.NNNNNN] ` prefix dmesg prints.
 * @param uptime - seconds since boot
 * @returns the prefix with its trailing space
 * @example dmesgStamp(5.25) // → '[    5.250000] '
 */
export function dmesgStamp(uptime: number): string {
  return `[${uptime.toFixed(6).padStart(12)}] `;
}

/**
 * The message text of a record as the kernel prints it: `audit: type=1400 audit(EPOCH.MS:SERIAL): …`.
 * @param entry - the stamped record
 * @returns the text after the dmesg stamp
 * @example kernelMessage({ record: 'type=1400 apparmor="DENIED"', uptime: 1, epochMs: 1700000000123, serial: 7 })
 * // → 'audit: type=1400 audit(1700000000.123:7): apparmor="DENIED"'
 */
export function kernelMessage(entry: KernelLogEntry): string {
  const stamp = `audit(${Math.floor(entry.epochMs / 1000)}.${String(entry.epochMs % 1000).padStart(3, '0')}:${entry.serial}): `;
  return `audit: ${entry.record.replace(/^type=(\d+) /, (_m, type: string) => `type=${type} ${stamp}`)}`;
}

/**
 * A dmesg line.
 * @param entry - the stamped record
 * @returns the line without newline
 * @example dmesgLine({ record: 'type=1400 apparmor="DENIED"', uptime: 5.25, epochMs: 1700000000123, serial: 7 })
 * // → '[    5.250000] audit: type=1400 audit(1700000000.123:7): apparmor="DENIED"'
 */
export function dmesgLine(entry: KernelLogEntry): string {
  return dmesgStamp(entry.uptime) + kernelMessage(entry);
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * The syslog-style time journalctl prints by default (`Nov 23 08:45:18`), in UTC (the node's zone).
 * @param epochMs - ms since the epoch
 * @returns the stamp
 * @example syslogTime(0) // → 'Jan 01 00:00:00'
 */
export function syslogTime(epochMs: number): string {
  const d = new Date(epochMs);
  const two = (n: number): string => String(n).padStart(2, '0');
  return `${MONTHS[d.getUTCMonth()] ?? 'Jan'} ${two(d.getUTCDate())} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`;
}

/**
 * A `journalctl -k` line.
 * @param entry - the stamped record
 * @param hostname - the node's hostname
 * @returns the line without newline
 * @example journalLine({ record: 'type=1400 apparmor="DENIED"', uptime: 1, epochMs: 0, serial: 7 }, 'node01')
 * // → 'Jan 01 00:00:00 node01 kernel: audit: type=1400 audit(0.000:7): apparmor="DENIED"'
 */
export function journalLine(entry: KernelLogEntry, hostname: string): string {
  return `${syslogTime(entry.epochMs)} ${hostname} kernel: ${kernelMessage(entry)}`;
}
