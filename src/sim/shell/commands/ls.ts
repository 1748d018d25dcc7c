/**
 * `ls` (GNU coreutils; busybox wording as a flavour) as it prints to a pipe or the terminal of the
 * simulator: one name per line (no columns), C-locale byte order, `-l -a -A -d -1 -R -h -n -i -F -p -r
 * -S -t -U -Z -g -o`. Listing a directory is open(O_DIRECTORY) + getdents, so AppArmor needs `r` on `dir/`.
 */
import type { CommandSpec, Invocation } from '../registry.ts';
import type { ProcStat } from '../../node/process-api.ts';
import { isFailure, parseArgs, type Args } from './support/args.ts';
import { blocks, longLines, type Entry } from './support/long-format.ts';
import { Output, programName, quote, strerror } from './support/output.ts';

const LONG = {
  all: { key: 'a' }, 'almost-all': { key: 'A' }, directory: { key: 'd' }, recursive: { key: 'R' }, 'human-readable': { key: 'h' },
  'numeric-uid-gid': { key: 'n' }, inode: { key: 'i' }, classify: { key: 'F', argument: 'optional' as const }, reverse: { key: 'r' },
  context: { key: 'Z' }, size: { key: 's' }, color: { key: 'C', argument: 'optional' as const }, 'indicator-style': { key: 'I', argument: 'required' as const },
  'group-directories-first': { key: 'G' }, 'full-time': { key: 'T' }, author: { key: 'W' },
};
const USAGE = 'ls [-1AaCxdLHRFplinshrSXvctu] [-w WIDTH] [FILE]...';

type Settings = {
  name: string; long: boolean; all: boolean; almostAll: boolean; directory: boolean; recursive: boolean; classify: boolean;
  slash: boolean; reverse: boolean; sort: 'name' | 'size' | 'none'; size: boolean; inode: boolean; context: boolean;
  numeric: boolean; human: boolean; noOwner: boolean; noGroup: boolean; mtime: number; busybox: boolean;
};

/** The `ls` program. */
export const lsCommand: CommandSpec = {
  name: 'ls',
  summary: 'list directory contents',
  usage: 'ls [OPTION]... [FILE]...',
  options: [
    { flag: '-a, --all', summary: 'do not ignore entries starting with .' },
    { flag: '-A, --almost-all', summary: 'do not list implied . and ..' },
    { flag: '-d, --directory', summary: 'list directories themselves, not their contents' },
    { flag: '-F, --classify', summary: 'append indicator (one of */=>@|) to entries' },
    { flag: '-h, --human-readable', summary: 'with -l and -s, print sizes like 1K 234M 2G etc.' },
    { flag: '-i, --inode', summary: 'print the index number of each file' },
    { flag: '-l', summary: 'use a long listing format' },
    { flag: '-n, --numeric-uid-gid', summary: 'like -l, but list numeric user and group IDs' },
    { flag: '-r, --reverse', summary: 'reverse order while sorting' },
    { flag: '-R, --recursive', summary: 'list subdirectories recursively' },
    { flag: '-S', summary: 'sort by file size, largest first' },
    { flag: '-Z, --context', summary: 'print any security context of each file' },
    { flag: '-1', summary: 'list one file per line' },
  ],
  run(inv) {
    const name = programName(inv, 'ls');
    const args = parseArgs(inv, name, { short: 'aAdFhilnrRSstUZ1gopCxLHcuvX', long: LONG }, 2, USAGE);
    if (isFailure(args)) return args;
    const settings = settingsOf(args, name, inv);
    const output = new Output();
    const files: Entry[] = [];
    const dirs: Entry[] = [];
    for (const operand of args.operands.length === 0 ? ['.'] : args.operands) {
      // as ls.c: -l, -d and -F never dereference command-line symlinks; otherwise a link to a directory lists it
      const isNoDeref = settings.long || settings.directory || settings.classify;
      // a trailing slash makes the kernel resolve the last component even for lstat (path_lookupat)
      const st = isNoDeref && !operand.endsWith('/') ? inv.proc.lstat(operand) : inv.proc.stat(operand);
      if (!st.ok) {
        const line = inv.flavour === 'busybox' ? `${name}: ${operand}: ${strerror(st.errno)}` : `${name}: cannot access ${quote(operand)}: ${strerror(st.errno)}`;
        output.fail(line, inv.flavour === 'busybox' ? 1 : 2);
        continue;
      }
      (st.value.type === 'dir' && !settings.directory ? dirs : files).push({ name: operand, stat: linkTarget(inv, operand, st.value) });
    }
    if (files.length > 0) output.out(render(inv, sortEntries(files, settings), settings, false));
    const showHeaders = settings.recursive || files.length + dirs.length > 1 || output.stderr !== '';
    let isFirst = files.length === 0;
    for (const dir of sortEntries(dirs, settings)) {
      listDirectory(inv, dir.name, settings, output, { showHeaders, isFirst, isOperand: true });
      isFirst = false;
    }
    return output.result();
  },
};

function settingsOf(args: Args, name: string, inv: Invocation): Settings {
  const sortKey = args.options.findLast((o) => o.key === 'S' || o.key === 'U' || o.key === 't')?.key;
  const long = args.options.findLast((o) => ['l', 'n', 'g', 'o', '1', 'C', 'x'].includes(o.key));
  return {
    name, long: long !== undefined && ['l', 'n', 'g', 'o'].includes(long.key), all: args.has('a'), almostAll: args.has('A'),
    directory: args.has('d'), recursive: args.has('R'), classify: args.has('F'), slash: args.has('p'), reverse: args.has('r'),
    sort: sortKey === 'S' ? 'size' : sortKey === 'U' ? 'none' : 'name', size: args.has('s'), inode: args.has('i'),
    context: args.has('Z'), numeric: args.has('n'), human: args.has('h'), noOwner: args.has('g'), noGroup: args.has('o'),
    mtime: inv.node.now() - inv.node.uptime() * 1000, busybox: inv.flavour === 'busybox',
  };
}

/** A symlink's target as readlink(2) reports it (`/proc/self` reads as the caller's pid). */
function linkTarget(inv: Invocation, path: string, stat: ProcStat): ProcStat {
  if (stat.type !== 'symlink') return stat;
  const target = inv.proc.readlink(path);
  return target.ok ? { ...stat, target: target.value, size: target.value.length } : stat;
}

function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function sortEntries(entries: Entry[], settings: Settings): Entry[] {
  if (settings.sort === 'none') return entries;
  const sorted = [...entries].sort((a, b) => (settings.sort === 'size' ? b.stat.size - a.stat.size : 0) || compareNames(a.name, b.name));
  return settings.reverse ? sorted.reverse() : sorted;
}

function indicator(stat: ProcStat, settings: Settings): string {
  if (stat.type === 'dir') return settings.classify || settings.slash ? '/' : '';
  if (!settings.classify) return '';
  if (stat.type === 'symlink') return '@';
  if (stat.type === 'fifo') return '|';
  return stat.type === 'file' && (stat.mode & 0o111) !== 0 ? '*' : '';
}

function render(inv: Invocation, entries: readonly Entry[], settings: Settings, withTotal: boolean): string {
  const named = entries.map((e) => ({ name: `${e.name}${settings.long && e.stat.type === 'symlink' ? '' : indicator(e.stat, settings)}`, stat: e.stat }));
  const total = withTotal && (settings.long || settings.size) ? `total ${entries.reduce((sum, e) => sum + blocks(e.stat), 0)}\n` : '';
  if (settings.long) return total + longLines(named, inv.proc, settings, settings.mtime);
  const inodeWidth = Math.max(0, ...entries.map((e) => String(e.stat.ino).length));
  const blockWidth = Math.max(0, ...entries.map((e) => String(blocks(e.stat)).length));
  return total + named.map((e) => {
    const prefix = `${settings.inode ? `${String(e.stat.ino).padStart(inodeWidth)} ` : ''}${settings.size ? `${String(blocks(e.stat)).padStart(blockWidth)} ` : ''}`;
    return `${prefix}${settings.context ? '? ' : ''}${e.name}\n`;
  }).join('');
}

type Placement = { showHeaders: boolean; isFirst: boolean; isOperand: boolean };

function listDirectory(inv: Invocation, dir: string, settings: Settings, output: Output, placement: Placement): void {
  const listed = inv.proc.readdir(dir);
  if (!listed.ok) {
    const line = inv.flavour === 'busybox' ? `${settings.name}: can't open ${quote(dir)}: ${strerror(listed.errno)}` : `${settings.name}: cannot open directory ${quote(dir)}: ${strerror(listed.errno)}`;
    if (placement.showHeaders) output.out(`${placement.isFirst ? '' : '\n'}${dir}:\n`);
    output.fail(line, placement.isOperand && inv.flavour !== 'busybox' ? 2 : 1);
    return;
  }
  const join = (n: string): string => (dir.endsWith('/') ? `${dir}${n}` : `${dir}/${n}`);
  const names = listed.value.filter((n) => settings.all || settings.almostAll || !n.startsWith('.'));
  if (settings.all) names.push('.', '..');
  const entries: Entry[] = [];
  for (const entryName of names) {
    const st = inv.proc.lstat(join(entryName));
    if (st.ok) entries.push({ name: entryName, stat: linkTarget(inv, join(entryName), st.value) });
  }
  const sorted = sortEntries(entries, settings);
  if (placement.showHeaders) output.out(`${placement.isFirst ? '' : '\n'}${dir}:\n`);
  output.out(render(inv, sorted, settings, true));
  if (!settings.recursive) return;
  for (const entry of sorted) {
    if (entry.stat.type !== 'dir' || entry.name === '.' || entry.name === '..') continue;
    listDirectory(inv, join(entry.name), settings, output, { showHeaders: true, isFirst: false, isOperand: false });
  }
}
