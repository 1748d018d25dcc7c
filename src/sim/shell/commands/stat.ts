/**
 * `stat` (GNU coreutils; busybox wording as a flavour): the default layout and `-c`/`--printf` formats.
 * getattr is not mediated by AppArmor, so stat works under any profile (kernel README behaviour 14).
 * The model keeps no per-file times: every time shows the node's boot time.
 */
import type { CommandSpec, Invocation } from '../registry.ts';
import type { ProcStat } from '../../node/process-api.ts';
import { interpretEscapes } from './echo.ts';
import { isFailure, missingOperand, parseArgs } from './support/args.ts';
import { modeString } from './support/modes.ts';
import { Output, programName, quote, strerror } from './support/output.ts';

const LONG = { dereference: { key: 'L' }, format: { key: 'c', argument: 'required' as const }, printf: { key: 'p', argument: 'required' as const }, terse: { key: 't' }, 'file-system': { key: 'f' } };

const TYPE_NAMES: Record<string, string> = { file: 'regular file', dir: 'directory', symlink: 'symbolic link', fifo: 'fifo', chr: 'character special file' };

/** as gnulib file-type.c: a regular file of size 0 is a `regular empty file` */
function typeName(st: ProcStat): string {
  if (st.type === 'file' && st.size === 0) return 'regular empty file';
  return TYPE_NAMES[st.type] ?? 'unknown';
}

/** The `stat` program. */
export const statCommand: CommandSpec = {
  name: 'stat',
  summary: 'display file or file system status',
  usage: 'stat [OPTION]... FILE...',
  options: [
    { flag: '-L, --dereference', summary: 'follow links' },
    { flag: '-c  --format=FORMAT', summary: 'use the specified FORMAT instead of the default; output a newline after each use of FORMAT', takesValue: true },
    { flag: '--printf=FORMAT', summary: 'like --format, but interpret backslash escapes, and do not output a mandatory trailing newline', takesValue: true },
  ],
  run(inv) {
    const name = programName(inv, 'stat');
    const args = parseArgs(inv, name, { short: 'Lc:tf', long: LONG });
    if (isFailure(args)) return args;
    if (args.operands.length === 0) return missingOperand(inv, name, 'missing operand');
    const output = new Output();
    const custom = args.options.findLast((o) => o.key === 'c' || o.key === 'p');
    for (const file of args.operands) {
      const found = args.has('L') ? inv.proc.stat(file) : inv.proc.lstat(file);
      const link = found.ok && found.value.type === 'symlink' ? inv.proc.readlink(file) : undefined;
      // readlink(2) is what names the target (`/proc/self` reads as the caller's pid)
      const st = found.ok && link?.ok ? { ok: true as const, value: { ...found.value, target: link.value, size: link.value.length } } : found;
      if (!st.ok) {
        output.fail(inv.flavour === 'busybox' ? `${name}: can't stat ${quote(file)}: ${strerror(st.errno)}` : `${name}: cannot statx ${quote(file)}: ${strerror(st.errno)}`);
        continue;
      }
      if (custom === undefined) output.out(defaultLayout(inv, file, st.value));
      else if (custom.key === 'c') output.out(`${format(inv, custom.value ?? '', file, st.value)}\n`);
      else output.out(interpretEscapes(format(inv, custom.value ?? '', file, st.value)).text);
    }
    return output.result();
  },
};

function timeText(inv: Invocation): string {
  const boot = new Date(inv.node.now() - inv.node.uptime() * 1000).toISOString();
  return `${boot.slice(0, 10)} ${boot.slice(11, 19)}.000000000 +0000`;
}

function blocks512(st: ProcStat): number {
  if (st.type === 'dir') return 8;
  return st.type === 'file' ? Math.ceil(st.size / 4096) * 8 : 0;
}

function defaultLayout(inv: Invocation, file: string, st: ProcStat): string {
  const { proc } = inv;
  const user = proc.userName(st.uid) ?? 'UNKNOWN';
  const group = proc.groupName(st.gid) ?? 'UNKNOWN';
  const time = timeText(inv);
  const fileLine = st.type === 'symlink' && st.target !== undefined ? `${file} -> ${st.target}` : file;
  return [
    `  File: ${fileLine}`,
    `  Size: ${String(st.size).padEnd(10)}\tBlocks: ${String(blocks512(st)).padEnd(10)} IO Block: 4096   ${typeName(st)}`,
    `Device: 254,0\tInode: ${String(st.ino).padEnd(11)} Links: ${st.nlink}`,
    `Access: (${(st.mode & 0o7777).toString(8).padStart(4, '0')}/${modeString(st.type, st.mode)})  Uid: (${String(st.uid).padStart(5)}/${user.padStart(8)})   Gid: (${String(st.gid).padStart(5)}/${group.padStart(8)})`,
    `Access: ${time}`, `Modify: ${time}`, `Change: ${time}`, ` Birth: ${time}`,
  ].join('\n') + '\n';
}

/** The `%` directives of stat.c's print_stat. */
function format(inv: Invocation, text: string, file: string, st: ProcStat): string {
  const { proc } = inv;
  return text.replace(/%(.)/g, (whole, letter: string) => {
    switch (letter) {
      case '%': return '%';
      case 'n': return file;
      case 'N': return st.type === 'symlink' && st.target !== undefined ? `${quote(file)} -> ${quote(st.target)}` : quote(file);
      case 's': return String(st.size);
      case 'a': return (st.mode & 0o7777).toString(8);
      case 'A': return modeString(st.type, st.mode);
      case 'f': return ((st.type === 'dir' ? 0o40000 : st.type === 'symlink' ? 0o120000 : 0o100000) | st.mode).toString(16);
      case 'F': return typeName(st);
      case 'u': return String(st.uid);
      case 'g': return String(st.gid);
      case 'U': return proc.userName(st.uid) ?? 'UNKNOWN';
      case 'G': return proc.groupName(st.gid) ?? 'UNKNOWN';
      case 'i': return String(st.ino);
      case 'h': return String(st.nlink);
      case 'b': return String(blocks512(st));
      case 'B': return '512';
      case 'o': return '4096';
      case 'd': return '65024';
      case 'D': return 'fe00';
      case 'm': return '/';
      case 'x': case 'y': case 'z': case 'w': return timeText(inv);
      case 'X': case 'Y': case 'Z': case 'W': return String(Math.floor((inv.node.now() - inv.node.uptime() * 1000) / 1000));
      default: return letter === 'C' ? '?' : whole === '%' ? '%' : `?`;
    }
  });
}
