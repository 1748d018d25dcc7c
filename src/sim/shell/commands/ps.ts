/**
 * `ps` (procps-ng 4, pid_max 4194304 so PIDs take 7 columns): the default, `-e`/`-A`, `-f`, BSD `aux`,
 * and `Z` / `-Z`, which adds the LABEL column: the task's AppArmor label as `/proc/PID/attr/current`
 * shows it (`unconfined`, `name (enforce)`).
 */
import type { CommandSpec, Invocation } from '../registry.ts';
import type { ProcInfo } from '../../node/process-api.ts';

type Style = { all: boolean; full: boolean; bsd: boolean; label: boolean; user: boolean };

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
    const procs = inv.proc.processes().filter((p) => style.all || (p.uid === inv.proc.uid && ttyOf(p) !== '?'));
    return { stdout: render(inv, procs, style), stderr: '', exitCode: 0 };
  },
};

function parseStyle(args: readonly string[]): Style | string {
  const style: Style = { all: false, full: false, bsd: false, label: false, user: false };
  for (const arg of args) {
    if (arg.startsWith('-')) {
      for (const letter of arg.slice(1)) {
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
