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

/** `journalctl --help` of systemd 252 (Debian 12), without a pager or colours. */
const HELP = `journalctl [OPTIONS...] [MATCHES...]

Query the journal.

Source Options:
     --system                Show the system journal
     --user                  Show the user journal for the current user
  -M --machine=CONTAINER     Operate on local container
  -m --merge                 Show entries from all available journals
  -D --directory=PATH        Show journal files from directory
     --file=PATH             Show journal file
     --root=ROOT             Operate on files below a root directory
     --image=IMAGE           Operate on files in filesystem image
     --namespace=NAMESPACE   Show journal data from specified journal namespace

Filtering Options:
  -S --since=DATE            Show entries not older than the specified date
  -U --until=DATE            Show entries not newer than the specified date
  -c --cursor=CURSOR         Show entries starting at the specified cursor
     --after-cursor=CURSOR   Show entries after the specified cursor
     --cursor-file=FILE      Show entries after cursor in FILE and update FILE
  -b --boot[=ID]             Show current boot or the specified boot
  -u --unit=UNIT             Show logs from the specified unit
     --user-unit=UNIT        Show logs from the specified user unit
  -t --identifier=STRING     Show entries with the specified syslog identifier
  -p --priority=RANGE        Show entries within the specified priority range
     --facility=FACILITY...  Show entries with the specified facilities
  -g --grep=PATTERN          Show entries with MESSAGE matching PATTERN
     --case-sensitive[=BOOL] Force case sensitive or insensitive matching
  -k --dmesg                 Show kernel message log from the current boot

Output Control Options:
  -o --output=STRING         Change journal output mode (short, short-precise,
                               short-iso, short-iso-precise, short-full,
                               short-monotonic, short-unix, verbose, export,
                               json, json-pretty, json-sse, json-seq, cat,
                               with-unit)
     --output-fields=LIST    Select fields to print in verbose/export/json modes
  -n --lines[=INTEGER]       Number of journal entries to show
  -r --reverse               Show the newest entries first
     --show-cursor           Print the cursor after all the entries
     --utc                   Express time in Coordinated Universal Time (UTC)
  -x --catalog               Add message explanations where available
     --no-hostname           Suppress output of hostname field
     --no-full               Ellipsize fields
  -a --all                   Show all fields, including long and unprintable
  -f --follow                Follow the journal
     --no-tail               Show all lines, even in follow mode
  -q --quiet                 Do not show info messages and privilege warning

Pager Control Options:
     --no-pager              Do not pipe output into a pager
  -e --pager-end             Immediately jump to the end in the pager

Forward Secure Sealing (FSS) Options:
     --interval=TIME         Time interval for changing the FSS sealing key
     --verify-key=KEY        Specify FSS verification key
     --force                 Override of the FSS key pair with --setup-keys

Commands:
  -h --help                  Show this help text
     --version               Show package version
  -N --fields                List all field names currently used
  -F --field=FIELD           List all values that a specified field takes
     --list-boots            Show terse information about recorded boots
     --disk-usage            Show total disk usage of all journal files
     --vacuum-size=BYTES     Reduce disk usage below specified size
     --vacuum-files=INT      Leave only the specified number of journal files
     --vacuum-time=TIME      Remove journal files older than specified time
     --verify                Verify journal file consistency
     --sync                  Synchronize unwritten journal messages to disk
     --relinquish-var        Stop logging to disk, log to temporary file system
     --smart-relinquish-var  Similar, but NOP if log directory is on root mount
     --flush                 Flush all journal data from /run into /var
     --rotate                Request immediate rotation of the journal files
     --header                Show journal header information
     --list-catalog          Show all message IDs in the catalog
     --dump-catalog          Show entries in the message catalog
     --update-catalog        Update the message catalog database
     --setup-keys            Generate a new FSS key pair

See the journalctl(1) man page for details.
`;

function run(invocation: Invocation): CommandResult {
  const argv0 = invocation.argv[0] ?? 'journalctl';
  const parsed = getopt(invocation.argv.slice(1), {
    short: 'bkfehqrxn:g:u:p:',
    long: {
      dmesg: { key: 'k' }, boot: { key: 'b', argument: 'optional' }, follow: { key: 'f' }, 'pager-end': { key: 'e' },
      quiet: { key: 'q' }, reverse: { key: 'r' }, catalog: { key: 'x' }, lines: { key: 'n', argument: 'optional' },
      grep: { key: 'g', argument: 'required' }, unit: { key: 'u', argument: 'required' }, priority: { key: 'p', argument: 'required' },
      'no-pager': { key: 'no-pager' }, help: { key: 'h' }, version: { key: 'version' }, 'no-hostname': { key: 'no-hostname' },
    },
  });
  if (!parsed.ok) return { stdout: '', stderr: `${argv0}: ${parsed.message}\n`, exitCode: 1 };
  const has = (key: string): boolean => parsed.options.some((o) => o.key === key);
  if (has('h')) return { stdout: HELP, stderr: '', exitCode: 0 };
  if (has('version')) return { stdout: 'systemd 252 (252.39-1~deb12u2)\n+PAM +AUDIT +SELINUX +APPARMOR +IMA +SMACK +SECCOMP +GCRYPT -GNUTLS +OPENSSL +ACL +BLKID +CURL +ELFUTILS +FIDO2 +IDN2 -IDN +IPTC +KMOD +LIBCRYPTSETUP +LIBFDISK +PCRE2 -PWQUALITY +P11KIT +QRENCODE +TPM2 +BZIP2 +LZ4 +XZ +ZLIB +ZSTD -BPF_FRAMEWORK -XKBCOMMON +UTMP +SYSVINIT default-hierarchy=unified\n', stderr: '', exitCode: 0 };
  const value = (key: string): string | undefined => parsed.options.findLast((o) => o.key === key)?.value;
  const { proc } = invocation;
  const log = proc.journal();
  const hint = log.ok || has('q') ? '' : HINT;
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
  help: HELP,
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
