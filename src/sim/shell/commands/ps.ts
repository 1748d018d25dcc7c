/**
 * `ps` (procps-ng 4, pid_max 4194304 so PIDs take 7 columns): the default, `-e`/`-A`, `-f`, BSD `aux`,
 * and `Z` / `-Z`, which adds the LABEL column: the task's AppArmor label as `/proc/PID/attr/current`
 * shows it (`unconfined`, `name (enforce)`).
 */
import type { CommandSpec, Invocation } from '../registry.ts';
import type { ProcInfo } from '../../node/process-api.ts';

type Style = { all: boolean; full: boolean; bsd: boolean; label: boolean; user: boolean; pids: number[] | undefined; format: Column[] | undefined };

/** One `-o` column: its key and the header to print (`comm=` gives an empty one). */
type Column = { key: string; header: string };

/** procps's output specifiers we know: header, width (0 for the unpadded last-only text) and alignment */
const SPECIFIERS: Record<string, { header: string; width: number; right: boolean; value: (p: ProcInfo) => string }> = {
  pid: { header: 'PID', width: 7, right: true, value: (p) => String(p.pid) },
  ppid: { header: 'PPID', width: 7, right: true, value: (p) => String(p.ppid) },
  uid: { header: 'UID', width: 5, right: true, value: (p) => String(p.uid) },
  user: { header: 'USER', width: 8, right: false, value: (p) => p.user },
  comm: { header: 'COMMAND', width: 15, right: false, value: (p) => p.comm },
  tty: { header: 'TT', width: 8, right: false, value: (p) => ttyOf(p) },
  time: { header: 'TIME', width: 8, right: true, value: () => '00:00:00' },
  label: { header: 'LABEL', width: 31, right: false, value: (p) => labelOf(p) },
  args: { header: 'COMMAND', width: 27, right: false, value: (p) => commandLine(p) },
  command: { header: 'COMMAND', width: 27, right: false, value: (p) => commandLine(p) },
  cmd: { header: 'CMD', width: 27, right: false, value: (p) => commandLine(p) },
};

const PS_USAGE = '\nUsage:\n ps [options]\n\n Try \'ps --help <simple|list|output|threads|misc|all>\'\n  or \'ps --help <s|l|o|t|m|a>\'\n for additional help text.\n\nFor more details see ps(1).\n';

/** The `ps` program. */
export const psCommand: CommandSpec = {
  name: 'ps',
  summary: 'report a snapshot of the current processes',
  usage: 'ps [options]',
  options: [
    { flag: '-e, -A', summary: 'all processes' },
    { flag: '-f', summary: 'full-format listing' },
    { flag: 'aux', summary: 'BSD syntax: every process with its user, CPU and memory' },
    { flag: '-Z, Z', summary: 'add the security label column (the AppArmor profile)' },
  ],
  run(inv) {
    const style = parseStyle(inv.argv.slice(1));
    if (typeof style === 'string') return { stdout: '', stderr: `error: ${style}\n${PS_USAGE}`, exitCode: 1 };
    // busybox ps takes no selection: every process, PID USER COMMAND
    if (inv.flavour === 'busybox') return { stdout: renderBusybox(inv.proc.processes()), stderr: '', exitCode: 0 };
    const { pids } = style;
    const procs = inv.proc.processes().filter((p) => (pids === undefined ? style.all || (p.uid === inv.proc.uid && ttyOf(p) !== '?') : pids.includes(p.pid)));
    const stdout = style.format === undefined ? render(inv, procs, style) : renderFormat(procs, style.format);
    // as procps: status 1 when nothing was listed
    return { stdout, stderr: '', exitCode: procs.length === 0 ? 1 : 0 };
  },
};

function parseStyle(args: readonly string[]): Style | string {
  const style: Style = { all: false, full: false, bsd: false, label: false, user: false, pids: undefined, format: undefined };
  for (let k = 0; k < args.length; k++) {
    const arg = args[k] ?? '';
    if (arg.startsWith('--')) return 'unknown gnu long option';
    if (arg.startsWith('-')) {
      for (let i = 1; i < arg.length; i++) {
        const letter = arg[i] ?? '';
        if (letter === 'p' || letter === 'o') {
          // as procps: the argument is the rest of this word, else the next one
          const value = i + 1 < arg.length ? arg.slice(i + 1) : args[++k];
          const problem = letter === 'p' ? addPids(style, value) : addFormat(style, value);
          if (problem !== undefined) return problem;
          break;
        }
        if (letter === 'e' || letter === 'A') style.all = true;
        else if (letter === 'f') style.full = true;
        else if (letter === 'Z') style.label = true;
        else if (letter !== 'w' && letter !== 'l') return 'unsupported SysV option';
      }
      continue;
    }
    for (const letter of arg) {
      style.bsd = true;
      if (letter === 'a' || letter === 'x') style.all = true;
      else if (letter === 'u') style.user = true;
      else if (letter === 'Z') style.label = true;
      else if (letter !== 'w' && letter !== 'f') return 'unsupported option (BSD syntax)';
    }
  }
  return style;
}

/** `-p 1,2`: the process IDs to list; returns procps's error for a bad list. */
function addPids(style: Style, value: string | undefined): string | undefined {
  if (value === undefined) return 'list of process IDs must follow -p';
  const pids = value.split(/[ ,]/).filter((t) => t !== '');
  if (pids.length === 0 || pids.some((t) => !/^\d+$/.test(t) || Number(t) === 0)) return 'process ID list syntax error';
  style.pids = [...(style.pids ?? []), ...pids.map(Number)];
  return undefined;
}

/** `-o pid,comm=NAME`: comma-separated keys, each with an optional `=HEADER` (empty hides it). */
function addFormat(style: Style, value: string | undefined): string | undefined {
  if (value === undefined) return 'format specification must follow -o';
  const columns: Column[] = [];
  for (const item of value.split(',')) {
    const [key = '', ...header] = item.split('=');
    const spec = SPECIFIERS[key];
    if (spec === undefined) return `unknown user-defined format specifier "${key}"`;
    columns.push({ key, header: header.length === 0 ? spec.header : header.join('=') });
  }
  style.format = [...(style.format ?? []), ...columns];
  return undefined;
}

/** The `-o` listing: columns padded to their widths (the last one unpadded), no header line when every header is empty. */
function renderFormat(procs: readonly ProcInfo[], columns: readonly Column[]): string {
  const line = (cell: (c: Column) => string): string =>
    columns.map((c, k) => {
      const spec = SPECIFIERS[c.key];
      const text = cell(c);
      if (spec === undefined) return text;
      if (spec.right) return text.padStart(spec.width);
      if (k === columns.length - 1) return text;
      // a command line that is not the last column is cut to its width, as procps on an 80-column terminal
      return spec.width === 27 ? text.padEnd(27).slice(0, 27) : text.padEnd(spec.width);
    }).join(' ');
  const rows = procs.map((p) => line((c) => SPECIFIERS[c.key]?.value(p) ?? ''));
  if (columns.some((c) => c.header !== '')) rows.unshift(line((c) => c.header));
  return rows.map((r) => `${r.trimEnd()}\n`).join('');
}

function ttyOf(p: ProcInfo): string {
  return p.ppid <= 1 ? '?' : 'pts/0';
}

function labelOf(p: ProcInfo): string {
  return p.profile === 'unconfined' ? 'unconfined' : `${p.profile} (${p.mode})`;
}

function commandLine(p: ProcInfo): string {
  return p.args.length > 0 ? p.args.join(' ') : `[${p.comm}]`;
}

function render(inv: Invocation, procs: readonly ProcInfo[], style: Style): string {
  const start = new Date(inv.node.now() - inv.node.uptime() * 1000).toISOString().slice(11, 16);
  const lines: string[] = [];
  const label = (text: string): string => (style.label ? `${text.padEnd(31)} ` : '');
  if (style.bsd && style.user) {
    lines.push(`${label('LABEL')}USER         PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND`);
    for (const p of procs) {
      const tty = ttyOf(p).padEnd(8);
      // session leaders (init, sshd, login shells) are `Ss`; ps itself runs in the foreground
      const stat = p.pid === inv.proc.pid ? 'R+' : p.ppid <= 1 || (p.args[0] ?? '').startsWith('-') ? 'Ss' : 'S';
      lines.push(`${label(labelOf(p))}${p.user.padEnd(8)} ${String(p.pid).padStart(7)}  0.0  0.1 ${vsz(p)} ${tty} ${stat.padEnd(4)} ${start}   0:00 ${commandLine(p)}`);
    }
  } else if (style.full) {
    lines.push(`${label('LABEL')}UID          PID    PPID  C STIME TTY          TIME CMD`);
    for (const p of procs) {
      lines.push(`${label(labelOf(p))}${p.user.padEnd(8)} ${String(p.pid).padStart(7)} ${String(p.ppid).padStart(7)}  0 ${start} ${ttyOf(p).padEnd(8)} 00:00:00 ${commandLine(p)}`);
    }
  } else {
    lines.push(`${label('LABEL')}    PID TTY          TIME CMD`);
    for (const p of procs) lines.push(`${label(labelOf(p))}${String(p.pid).padStart(7)} ${ttyOf(p).padEnd(8)} 00:00:00 ${p.comm}`);
  }
  return lines.map((l) => `${l}\n`).join('');
}

function vsz(p: ProcInfo): string {
  const size = 2000 + ((p.pid * 7919) % 9000);
  return `${String(size * 4).padStart(6)} ${String(size).padStart(5)}`;
}

/** busybox ps.c: `%5u %-8.8s %s`, kernel threads in brackets. */
function renderBusybox(procs: readonly ProcInfo[]): string {
  return `PID   USER     COMMAND\n${procs.map((p) => `${String(p.pid).padStart(5)} ${p.user.slice(0, 8).padEnd(8)} ${commandLine(p)}\n`).join('')}`;
}
