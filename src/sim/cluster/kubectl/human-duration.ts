/**
 * apimachinery's duration.HumanDuration: the AGE column (`5s`, `2m30s`, `3h`, `4d5h`). Pure.
 */

/**
 * Formats an age as kubectl's AGE column does.
 * @param ms the elapsed time in milliseconds
 * @returns `<invalid>`, `0s`, `90s`, `2m5s`, `15m`, `3h20m`, `20h`, `3d4h`, `30d`, `2y5d`, `9y`
 * @example humanDuration(125_000) // → '2m5s'
 */
export function humanDuration(ms: number): string {
  const seconds = Math.trunc(ms / 1000);
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 120) return `${seconds}s`;
  const minutes = Math.trunc(seconds / 60);
  if (minutes < 10) return seconds % 60 === 0 ? `${minutes}m` : `${minutes}m${seconds % 60}s`;
  if (minutes < 180) return `${minutes}m`;
  const hours = Math.trunc(minutes / 60);
  if (hours < 8) return minutes % 60 === 0 ? `${hours}h` : `${hours}h${minutes % 60}m`;
  if (hours < 48) return `${hours}h`;
  const days = Math.trunc(hours / 24);
  if (hours < 24 * 8) return hours % 24 === 0 ? `${days}d` : `${days}d${hours % 24}h`;
  if (hours < 24 * 365 * 2) return `${days}d`;
  const years = Math.trunc(days / 365);
  if (hours < 24 * 365 * 8) return days % 365 === 0 ? `${years}y` : `${years}y${days % 365}d`;
  return `${years}y`;
}

/**
 * The AGE of an object from its RFC 3339 timestamp, against the injected clock.
 * @param timestamp e.g. `2024-05-01T10:00:00Z` (undefined → `<unknown>`, as translateTimestampSince)
 * @param nowMs the clock's reading in epoch milliseconds
 * @returns the column text
 * @example ageSince('2024-05-01T10:00:00Z', Date.parse('2024-05-01T10:00:42Z')) // → '42s'
 */
export function ageSince(timestamp: string | undefined, nowMs: number): string {
  if (timestamp === undefined || timestamp === '') return '<unknown>';
  const then = Date.parse(timestamp);
  return Number.isNaN(then) ? '<unknown>' : humanDuration(nowMs - then);
}
