/**
 * `dmesg` (util-linux 2.38): the kernel ring buffer with `[    N.NNNNNN]` stamps; audit records as
 * the kernel model logged them. Debian restricts the buffer to CAP_SYSLOG (`kernel.dmesg_restrict=1`).
 */
import { dmesgLine, dmesgStamp, kernelMessage } from '../../node/kernel-log.ts';
import type { CommandResult } from '../host.ts';
import type { CommandSpec, Invocation } from '../registry.ts';
import { getopt } from './support/getopt.ts';

/** `dmesg --help` of util-linux 2.38.1, as Debian 12 prints it. */
const HELP = `
Usage:
 dmesg [options]

Display or control the kernel ring buffer.

Options:
 -C, --clear                 clear the kernel ring buffer
 -c, --read-clear            read and clear all messages
 -D, --console-off           disable printing messages to console
 -E, --console-on            enable printing messages to console
 -F, --file <file>           use the file instead of the kernel log buffer
 -f, --facility <list>       restrict output to defined facilities
 -H, --human                 human readable output
 -J, --json                  use JSON output format
 -k, --kernel                display kernel messages
 -L, --color[=<when>]        colorize messages (auto, always or never)
                               colors are enabled by default
 -l, --level <list>          restrict output to defined levels
 -n, --console-level <level> set level of messages printed to console
 -P, --nopager               do not pipe output into a pager
 -p, --force-prefix          force timestamp output on each line of multi-line messages
 -r, --raw                   print the raw message buffer
     --noescape              don't escape unprintable character
 -S, --syslog                force to use syslog(2) rather than /dev/kmsg
 -s, --buffer-size <size>    buffer size to query the kernel ring buffer
 -u, --userspace             display userspace messages
 -w, --follow                wait for new messages
 -W, --follow-new            wait and print only new messages
 -x, --decode                decode facility and level to readable string
 -d, --show-delta            show time delta between printed messages
 -e, --reltime               show local time and time delta in readable format
 -T, --ctime                 show human-readable timestamp (may be inaccurate!)
 -t, --notime                don't show any timestamp with messages
     --time-format <format>  show timestamp using the given format:
                               [delta|reltime|ctime|notime|iso]
Suspending/resume will make ctime and iso timestamps inaccurate.
     --since <time>          display the lines since the specified time
     --until <time>          display the lines until the specified time

 -h, --help                  display this help
 -V, --version               display version

Supported log facilities:
    kern - kernel messages
    user - random user-level messages
    mail - mail system
  daemon - system daemons
    auth - security/authorization messages
  syslog - messages generated internally by syslogd
     lpr - line printer subsystem
    news - network news subsystem

Supported log levels (priorities):
   emerg - system is unusable
   alert - action must be taken immediately
    crit - critical conditions
     err - error conditions
    warn - warning conditions
  notice - normal but significant condition
    info - informational
   debug - debug-level messages

For more details see dmesg(1).
`;

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** ctime(3) without the newline, in UTC (the node's zone). */
function ctime(epochMs: number): string {
  const d = new Date(epochMs);
  const two = (n: number): string => String(n).padStart(2, '0');
  return `${DAYS[d.getUTCDay()] ?? 'Sun'} ${MONTHS[d.getUTCMonth()] ?? 'Jan'} ${String(d.getUTCDate()).padStart(2, ' ')} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} ${d.getUTCFullYear()}`;
}

function run(invocation: Invocation): CommandResult {
  const argv0 = invocation.argv[0] ?? 'dmesg';
  const parsed = getopt(invocation.argv.slice(1), {
    short: 'cCdDeEhHkLPrStTuVwxl:n:F:f:s:',
    long: {
      clear: { key: 'C' }, 'read-clear': { key: 'c' }, ctime: { key: 'T' }, notime: { key: 't' }, kernel: { key: 'k' },
      follow: { key: 'w' }, human: { key: 'H' }, level: { key: 'l', argument: 'required' }, facility: { key: 'f', argument: 'required' },
      color: { key: 'L', argument: 'optional' }, raw: { key: 'r' }, decode: { key: 'x' }, 'nopager': { key: 'P' }, help: { key: 'h' }, version: { key: 'V' },
    },
  });
  if (!parsed.ok) return { stdout: '', stderr: `${argv0}: ${parsed.message}\nTry '${argv0} --help' for more information.\n`, exitCode: 1 };
  if (parsed.operands.length > 0) {
    return { stdout: '', stderr: `${argv0}: bad usage\nTry '${argv0} --help' for more information.\n`, exitCode: 1 };
  }
  const has = (key: string): boolean => parsed.options.some((o) => o.key === key);
  if (has('h')) return { stdout: HELP, stderr: '', exitCode: 0 };
  if (has('V')) return { stdout: 'dmesg from util-linux 2.38.1\n', stderr: '', exitCode: 0 };
  if (has('C')) {
    const cleared = invocation.proc.syslogClear();
    return cleared.ok ? { stdout: '', stderr: '', exitCode: 0 } : { stdout: '', stderr: `${argv0}: clear kernel buffer failed: Operation not permitted\n`, exitCode: 1 };
  }
  const log = invocation.proc.syslog();
  if (!log.ok) return { stdout: '', stderr: `${argv0}: read kernel buffer failed: Operation not permitted\n`, exitCode: 1 };
  const lines = log.value.map((entry) => {
    if (has('t')) return kernelMessage(entry);
    if (has('T')) return `[${ctime(entry.epochMs)}] ${kernelMessage(entry)}`;
    if (has('r')) return `<5>${dmesgStamp(entry.uptime)}${kernelMessage(entry)}`;
    return dmesgLine(entry);
  });
  // -c: read, then clear (SYSLOG_ACTION_READ_CLEAR)
  if (has('c')) invocation.proc.syslogClear();
  return { stdout: lines.map((l) => `${l}\n`).join(''), stderr: '', exitCode: 0 };
}

/** `dmesg`. */
export const dmesgCommand: CommandSpec = {
  name: 'dmesg',
  summary: 'print the kernel ring buffer',
  usage: 'dmesg [options]',
  help: HELP,
  options: [
    { flag: '-T, --ctime', summary: 'show human-readable timestamp (may be inaccurate!)' },
    { flag: '-t, --notime', summary: "don't show any timestamp with messages" },
    { flag: '-k, --kernel', summary: 'display kernel messages' },
    { flag: '-w, --follow', summary: 'wait for new messages' },
    { flag: '-r, --raw', summary: 'print the raw message buffer' },
    { flag: '-l, --level', summary: 'restrict output to defined levels', takesValue: true },
  ],
  run,
};
