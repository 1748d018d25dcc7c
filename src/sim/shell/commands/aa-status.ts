/**
 * `aa-status` / `apparmor_status` as the C rewrite in AppArmor 3.0.8 prints it: loaded profiles by
 * mode, then processes with a profile by mode, or one count for `--profiled` & co, or JSON. Reads what
 * the real tool reads (`/sys/kernel/security/apparmor/profiles`, each `/proc/PID/attr/current`).
 */
import type { CommandResult } from '../host.ts';
import type { CommandSpec, Invocation } from '../registry.ts';

const USAGE = `Displays various information about the currently loaded AppArmor policy.
OPTIONS (one only):
  --enabled       returns error code if AppArmor not enabled
  --profiled      prints the number of loaded policies
  --enforced      prints the number of loaded enforcing policies
  --complaining   prints the number of loaded non-enforcing policies
  --kill          prints the number of loaded enforcing policies that kill tasks on policy violations
  --special-unconfined   prints the number of loaded non-enforcing policies in the special unconfined mode
  --process-mixed prints the number processes with mixed profile modes
  --json          displays multiple data points in machine-readable JSON format
  --pretty-json   same data as --json, formatted for human consumption as well
  --verbose       (default) displays multiple data points about loaded policy set
  --help          this message
`;

const PROFILE_MODES = ['enforce', 'complain', 'kill', 'unconfined'] as const;
const PROCESS_MODES = ['enforce', 'complain', 'unconfined', 'mixed', 'kill'] as const;
/** as aa_status.c's exit codes */
const EXIT_NO_PERM = 4;

type Profile = { name: string; mode: string };
type Process = { exe: string; pid: string; profile: string; mode: string };

function usage(argv0: string, exitCode: number): CommandResult {
  return { stdout: `Usage: ${argv0} [OPTIONS]\n${USAGE}`, stderr: '', exitCode };
}

function readProfiles(invocation: Invocation): Profile[] | undefined {
  const text = invocation.proc.readFile('/sys/kernel/security/apparmor/profiles');
  if (!text.ok) return undefined;
  return text.value.split('\n').filter(Boolean).map((line) => {
    const cut = line.lastIndexOf(' (');
    return { name: line.slice(0, cut), mode: line.slice(cut + 2, -1) };
  }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

function readProcesses(invocation: Invocation): Process[] {
  const { proc } = invocation;
  const pids = proc.readdir('/proc');
  const processes: Process[] = [];
  for (const pid of (pids.ok ? pids.value : []).filter((n) => /^\d+$/.test(n)).sort((a, b) => Number(a) - Number(b))) {
    const label = proc.readFile(`/proc/${pid}/attr/current`);
    if (!label.ok) continue;
    const text = label.value.trim();
    if (text === 'unconfined') continue;
    const match = /^(.*) \(([^)]+)\)$/.exec(text);
    const exe = proc.readlink(`/proc/${pid}/exe`);
    processes.push({ exe: exe.ok ? exe.value : '', pid, profile: match?.[1] ?? text, mode: match?.[2] ?? 'unconfined' });
  }
  return processes;
}

function verbose(profiles: Profile[], processes: Process[]): string {
  const lines = ['apparmor module is loaded.', `${profiles.length} profiles are loaded.`];
  for (const mode of PROFILE_MODES) {
    const inMode = profiles.filter((p) => p.mode === mode);
    lines.push(`${inMode.length} profiles are in ${mode} mode.`, ...inMode.map((p) => `   ${p.name}`));
  }
  lines.push(`${processes.length} processes have profiles defined.`);
  for (const mode of PROCESS_MODES) {
    const inMode = processes.filter((p) => p.mode === mode);
    lines.push(mode === 'unconfined'
      ? `${inMode.length} processes are unconfined but have a profile defined.`
      : `${inMode.length} processes are in ${mode} mode.`);
    // as aa_status.c: the profile is named only when it differs from the executable
    lines.push(...inMode.map((p) => `   ${p.exe} (${p.pid}) ${p.exe === p.profile ? '' : p.profile}`));
  }
  return `${lines.join('\n')}\n`;
}

function json(profiles: Profile[], processes: Process[]): string {
  const profileText = profiles.map((p) => `"${p.name}": "${p.mode}"`).join(', ');
  const byExe = new Map<string, Process[]>();
  for (const p of processes) byExe.set(p.exe, [...(byExe.get(p.exe) ?? []), p]);
  const processText = [...byExe].map(([exe, list]) =>
    `"${exe}": [${list.map((p) => `{"profile": "${p.profile}", "pid": "${p.pid}", "status": "${p.mode}"}`).join(', ')}]`).join(', ');
  return `{"version": "2", "profiles": {${profileText}}, "processes": {${processText}}}\n`;
}

type Json = string | Json[] | { [key: string]: Json };

/** As cJSON_Print (formatted), which aa-status uses for --pretty-json: tabs, `"key":<TAB>value`, `[a, b]`. */
function cjsonPrint(value: Json, depth = 0): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map((v) => cjsonPrint(v, depth + 1)).join(', ')}]`;
  const entries = Object.entries(value);
  const inner = entries.map(([key, v], i) => `${'\t'.repeat(depth + 1)}${JSON.stringify(key)}:\t${cjsonPrint(v, depth + 1)}${i < entries.length - 1 ? ',' : ''}\n`);
  return `{\n${inner.join('')}${'\t'.repeat(depth)}}`;
}

function prettyJson(profiles: Profile[], processes: Process[]): string {
  const byExe: { [exe: string]: Json } = {};
  for (const p of processes) {
    const list = (byExe[p.exe] ?? []) as Json[];
    list.push({ profile: p.profile, pid: p.pid, status: p.mode });
    byExe[p.exe] = list;
  }
  return `${cjsonPrint({ version: '2', profiles: Object.fromEntries(profiles.map((p) => [p.name, p.mode])), processes: byExe })}\n`;
}

function run(invocation: Invocation): CommandResult {
  const argv0 = invocation.argv[0] ?? 'aa-status';
  const args = invocation.argv.slice(1);
  const option = args[0] ?? '--verbose';
  const known = ['--enabled', '--profiled', '--enforced', '--complaining', '--kill', '--special-unconfined', '--process-mixed', '--json', '--pretty-json', '--verbose', '--help'];
  if (args.length > 1 || !known.includes(option)) return usage(argv0, 1);
  if (option === '--help') return usage(argv0, 0);
  if (option === '--enabled') return { stdout: '', stderr: '', exitCode: 0 };
  const isQuiet = option !== '--verbose' && option !== '--json' && option !== '--pretty-json';
  const profiles = readProfiles(invocation);
  if (profiles === undefined) {
    const header = isQuiet || option !== '--verbose' ? '' : 'apparmor module is loaded.\n';
    const stderr = 'You do not have enough privilege to read the profile set.\n';
    // the header is printed before the profiles are read, so it comes first on the terminal
    return { stdout: header, stderr, exitCode: EXIT_NO_PERM, output: [{ fd: 1, text: header }, { fd: 2, text: stderr }] };
  }
  const count = (mode: string): CommandResult => ({ stdout: `${profiles.filter((p) => p.mode === mode).length}\n`, stderr: '', exitCode: 0 });
  if (option === '--profiled') return { stdout: `${profiles.length}\n`, stderr: '', exitCode: 0 };
  if (option === '--enforced') return count('enforce');
  if (option === '--complaining') return count('complain');
  if (option === '--kill') return count('kill');
  if (option === '--special-unconfined') return count('unconfined');
  const processes = readProcesses(invocation);
  if (option === '--process-mixed') return { stdout: `${processes.filter((p) => p.mode === 'mixed').length}\n`, stderr: '', exitCode: 0 };
  if (option === '--json') return { stdout: json(profiles, processes), stderr: '', exitCode: 0 };
  if (option === '--pretty-json') return { stdout: prettyJson(profiles, processes), stderr: '', exitCode: 0 };
  return { stdout: verbose(profiles, processes), stderr: '', exitCode: 0 };
}

/** `aa-status` (also installed as `apparmor_status`). */
export const aaStatusCommand: CommandSpec = {
  name: 'aa-status',
  aliases: ['apparmor_status'],
  summary: 'display various information about the current AppArmor policy',
  usage: 'aa-status [OPTIONS]',
  directory: '/usr/sbin',
  help: 'own',
  options: [
    { flag: '--enabled', summary: 'returns error code if AppArmor not enabled' },
    { flag: '--profiled', summary: 'prints the number of loaded policies' },
    { flag: '--enforced', summary: 'prints the number of loaded enforcing policies' },
    { flag: '--complaining', summary: 'prints the number of loaded non-enforcing policies' },
    { flag: '--kill', summary: 'prints the number of loaded enforcing policies that kill tasks on policy violations' },
    { flag: '--special-unconfined', summary: 'prints the number of loaded non-enforcing policies in the special unconfined mode' },
    { flag: '--process-mixed', summary: 'prints the number processes with mixed profile modes' },
    { flag: '--json', summary: 'displays multiple data points in machine-readable JSON format' },
    { flag: '--pretty-json', summary: 'same data as --json, formatted for human consumption as well' },
    { flag: '--verbose', summary: '(default) displays multiple data points about loaded policy set' },
  ],
  run,
};
