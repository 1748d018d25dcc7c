/**
 * The columns of `ls -l`: mode, links, owner, group, size, date and name, each padded to the widest
 * entry as ls.c does, plus `-h` sizes and the `total` block count.
 */
import type { ProcStat, ProcessApi } from '../../../node/process-api.ts';
import { modeString } from './modes.ts';

/** One entry to print: its display name and what lstat/stat said. */
export type Entry = { name: string; stat: ProcStat };

/** What the long format prints besides the base columns. */
export type LongOptions = { numeric: boolean; human: boolean; inode: boolean; context: boolean; noOwner: boolean; noGroup: boolean; busybox?: boolean };

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * `ls -l`'s date column for a recent file (UTC).
 * @param ms - milliseconds since the epoch
 * @returns e.g. `Nov 23 01:16`
 * @example lsDate(0) // → 'Jan  1 00:00'
 */
export function lsDate(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2)} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/**
 * Sizes as `ls -h` (powers of 1024, one decimal below 10, rounded up).
 * @param bytes - a size
 * @returns e.g. `4.0K`, `1.3M`, `615`
 * @example humanSize(4096) // → '4.0K'
 */
export function humanSize(bytes: number): string {
  if (bytes < 1024) return String(bytes);
  const units = ['K', 'M', 'G', 'T'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const rounded = value < 10 ? Math.ceil(value * 10) / 10 : Math.ceil(value);
  return `${value < 10 ? rounded.toFixed(1) : String(rounded)}${units[unit]}`;
}

/**
 * 1K blocks an entry occupies (4K file-system blocks), as `total` and `ls -s` count them.
 * @param stat - the entry
 * @returns the number of 1K blocks
 * @example blocks({ type: 'file', size: 6 } as ProcStat) // → 4
 */
export function blocks(stat: Pick<ProcStat, 'type' | 'size'>): number {
  if (stat.type === 'dir') return 4;
  if (stat.type !== 'file') return 0;
  return Math.ceil(stat.size / 4096) * 4;
}

/**
 * Formats entries as `ls -l` lines.
 * @param entries - the entries, already sorted
 * @param proc - for user and group names
 * @param options - numeric ids, human sizes, inode and context columns
 * @param mtime - the time shown for every entry (the model keeps no per-file times)
 * @returns the lines, each ending with a newline
 */
export function longLines(entries: readonly Entry[], proc: ProcessApi, options: LongOptions, mtime: number): string {
  const rows = entries.map(({ name, stat }) => ({
    inode: String(stat.ino),
    mode: modeString(stat.type, stat.mode),
    links: String(stat.nlink),
    owner: options.numeric ? String(stat.uid) : (proc.userName(stat.uid) ?? String(stat.uid)),
    group: options.numeric ? String(stat.gid) : (proc.groupName(stat.gid) ?? String(stat.gid)),
    size: options.human ? humanSize(stat.size) : String(stat.size),
    name: stat.type === 'symlink' && stat.target !== undefined ? `${name} -> ${stat.target}` : name,
  }));
  const width = (key: 'inode' | 'links' | 'owner' | 'group' | 'size'): number => Math.max(0, ...rows.map((r) => r[key].length));
  const date = lsDate(mtime);
  if (options.busybox) return rows.map((r) => busyboxLine(r, options, date)).join('');
  return rows
    .map((r) => {
      const cols = [r.mode, r.links.padStart(width('links'))];
      if (!options.noOwner) cols.push(r.owner.padEnd(width('owner')));
      if (!options.noGroup) cols.push(r.group.padEnd(width('group')));
      if (options.context) cols.push('?');
      cols.push(r.size.padStart(width('size')), date, r.name);
      return `${options.inode ? `${r.inode.padStart(width('inode'))} ` : ''}${cols.join(' ')}\n`;
    })
    .join('');
}

type Row = { inode: string; mode: string; links: string; owner: string; group: string; size: string; name: string };

/** busybox ls.c: fixed columns (`%4u %-8.8s %-8.8s %9u`, human sizes in 7) instead of GNU's fitted ones. */
function busyboxLine(r: Row, options: LongOptions, date: string): string {
  const owner = options.noOwner ? '' : `${r.owner.slice(0, 8).padEnd(8)} `;
  const group = options.noGroup ? '' : `${r.group.slice(0, 8).padEnd(8)} `;
  return `${options.inode ? `${r.inode.padStart(8)} ` : ''}${r.mode} ${r.links.padStart(4)} ${owner}${group}${r.size.padStart(options.human ? 7 : 9)} ${date} ${r.name}\n`;
}
