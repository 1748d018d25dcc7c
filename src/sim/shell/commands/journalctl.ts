/**
 * `journalctl` (systemd 252) over the node's kernel log: `-k` shows the kernel messages with syslog
 * stamps (`Nov 23 08:45:18 node01 kernel: audit: …`); the node has no other journal entries. Users
 * outside `adm`/`systemd-journal` see only their own entries (none) and a hint.
 */
import { journalLine } from '../../node/kernel-log.ts';
import type { CommandResult } from '../host.ts';
import type { CommandSpec, Invocation } from '../registry.ts';
import { getopt } from './support/getopt.ts';

const HINT = `Hint: You are currently not seeing messages from other users and the system.
      Users in groups 'adm', 'systemd-journal' can see all messages.
      Pass -q to turn off this notice.
`;

function run(invocation: Invocation): CommandResult {
  const argv0 = invocation.argv[0] ?? 'journalctl';
  const parsed = getopt(invocation.argv.slice(1), {
    short: 'bkfeqrxn:g:u:p:',
    long: {
      dmesg: { key: 'k' }, boot: { key: 'b', argument: 'optional' }, follow: { key: 'f' }, 'pager-end': { key: 'e' },
      quiet: { key: 'q' }, reverse: { key: 'r' }, catalog: { key: 'x' }, lines: { key: 'n', argument: 'optional' },
      grep: { key: 'g', argument: 'required' }, unit: { key: 'u', argument: 'required' }, priority: { key: 'p', argument: 'required' },
      'no-pager': { key: 'no-pager' }, 'no-hostname': { key: 'no-hostname' },
    },
  });
  if (!parsed.ok) return { stdout: '', stderr: `${argv0}: ${parsed.message}\n`, exitCode: 1 };
  const has = (key: string): boolean => parsed.options.some((o) => o.key === key);
  const value = (key: string): string | undefined => parsed.options.findLast((o) => o.key === key)?.value;
  const { proc } = invocation;
  const isPrivileged = proc.uid === 0;
  const hint = isPrivileged || has('q') ? '' : HINT;
  const log = isPrivileged ? proc.syslog() : { ok: true as const, value: [] };
  let entries = log.ok && value('u') === undefined ? [...log.value] : [];
  const pattern = value('g');
  if (pattern !== undefined) entries = entries.filter((e) => e.record.includes(pattern));
  const count = value('n');
  if (count !== undefined && /^\d+$/.test(count)) entries = entries.slice(-Number(count));
  if (has('r')) entries.reverse();
  if (entries.length === 0) return { stdout: '-- No entries --\n', stderr: hint, exitCode: 0 };
  const host = has('no-hostname') ? '' : invocation.node.hostname;
  const lines = entries.map((e) => (host === '' ? journalLine(e, '').replace('  kernel:', ' kernel:') : journalLine(e, host)));
  return { stdout: lines.map((l) => `${l}\n`).join(''), stderr: hint, exitCode: 0 };
}

/** `journalctl`. */
export const journalctlCommand: CommandSpec = {
  name: 'journalctl',
  summary: 'query the systemd journal',
  usage: 'journalctl [OPTIONS...] [MATCHES...]',
  options: [
    { flag: '-k, --dmesg', summary: 'Show kernel message log from the current boot' },
    { flag: '-b, --boot', summary: 'Show current boot or the specified boot' },
    { flag: '-f, --follow', summary: 'Follow the journal' },
    { flag: '-n, --lines', summary: 'Number of journal entries to show', takesValue: true },
    { flag: '-g, --grep', summary: 'Show entries with MESSAGE matching PATTERN', takesValue: true },
    { flag: '-r, --reverse', summary: 'Show the newest entries first' },
    { flag: '-q, --quiet', summary: 'Do not show info messages and privilege warning' },
    { flag: '--no-pager', summary: 'Do not pipe output into a pager' },
  ],
  run,
};
