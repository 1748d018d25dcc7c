/**
 * `dmesg` (util-linux 2.38): the kernel ring buffer with `[    N.NNNNNN]` stamps; audit records as
 * the kernel model logged them. Debian restricts the buffer to CAP_SYSLOG (`kernel.dmesg_restrict=1`).
 */
import { dmesgLine, dmesgStamp, kernelMessage } from '../../node/kernel-log.ts';
import type { CommandResult } from '../host.ts';
import type { CommandSpec, Invocation } from '../registry.ts';
import { getopt } from './support/getopt.ts';

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
    short: 'cCdDeEhHkLl:n:rStTuwxF:f:s:',
    long: {
      clear: { key: 'C' }, 'read-clear': { key: 'c' }, ctime: { key: 'T' }, notime: { key: 't' }, kernel: { key: 'k' },
      follow: { key: 'w' }, human: { key: 'H' }, level: { key: 'l', argument: 'required' }, facility: { key: 'f', argument: 'required' },
      color: { key: 'L', argument: 'optional' }, raw: { key: 'r' }, decode: { key: 'x' }, 'nopager': { key: 'P' }, help: { key: 'h' },
    },
  });
  if (!parsed.ok) return { stdout: '', stderr: `${argv0}: ${parsed.message}\nTry '${argv0} --help' for more information.\n`, exitCode: 1 };
  if (parsed.operands.length > 0) {
    return { stdout: '', stderr: `${argv0}: bad usage\nTry '${argv0} --help' for more information.\n`, exitCode: 1 };
  }
  const has = (key: string): boolean => parsed.options.some((o) => o.key === key);
  const log = invocation.proc.syslog();
  if (!log.ok) return { stdout: '', stderr: `${argv0}: read kernel buffer failed: Operation not permitted\n`, exitCode: 1 };
  const lines = log.value.map((entry) => {
    if (has('t')) return kernelMessage(entry);
    if (has('T')) return `[${ctime(entry.epochMs)}] ${kernelMessage(entry)}`;
    if (has('r')) return `<5>${dmesgStamp(entry.uptime)}${kernelMessage(entry)}`;
    return dmesgLine(entry);
  });
  return { stdout: lines.map((l) => `${l}\n`).join(''), stderr: '', exitCode: 0 };
}

/** `dmesg`. */
export const dmesgCommand: CommandSpec = {
  name: 'dmesg',
  summary: 'print the kernel ring buffer',
  usage: 'dmesg [options]',
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
