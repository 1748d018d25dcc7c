/**
 * `aa-enforce`, `aa-complain`, `aa-disable` (apparmor-utils 3.0.8, Python): take profile names, profile
 * files or program paths; rewrite the `flags=(…)` of the profile header in its file under
 * `/etc/apparmor.d`, then reload it with `apparmor_parser -r` (or, for disable, link it into
 * `disable/` and unload it with `-R`). Messages as `apparmor/tools.py` prints them.
 */
import type { CommandResult } from '../host.ts';
import type { CommandSpec, Invocation } from '../registry.ts';

const PROFILE_DIR = '/etc/apparmor.d';
type Tool = 'enforce' | 'complain' | 'disable';

/** A top-level profile header: indentation, keyword, name, attachment, flags, the rest of the line. */
const HEADER = /^(\s*)(profile\s+)?("[^"]+"|[^\s{]+)((?:\s+(?!flags=)[^\s{]+)?)(?:\s+flags=\(([^)]*)\))?(\s*\{.*)$/;

type Target = { program: string | undefined; file: string };

function profileNames(text: string): string[] {
  const names: string[] = [];
  let depth = 0;
  for (const line of text.split('\n')) {
    const bare = line.replace(/#.*$/, '');
    const header = HEADER.exec(bare);
    if (depth === 0 && header && (header[2] !== undefined || header[3]?.startsWith('/'))) names.push((header[3] ?? '').replace(/^"|"$/g, ''));
    depth += (bare.match(/\{/g) ?? []).length - (bare.match(/\}/g) ?? []).length;
  }
  return names;
}

/**
 * Rewrites the `flags=(…)` of top-level profile headers as apparmor-utils' `change_profile_flags` does:
 * drops `complain`/`enforce`, adds `complain` for aa-complain, joins with `, `, drops an empty list.
 * @param text - the profile file
 * @param program - the profile to change, or undefined for every top-level profile in the file
 * @param tool - the mode to set
 * @returns the new file text
 * @example rewriteFlags('profile p flags=(attach_disconnected) {\n}\n', 'p', 'complain')
 * // → 'profile p flags=(attach_disconnected, complain) {\n}\n'
 */
export function rewriteFlags(text: string, program: string | undefined, tool: 'enforce' | 'complain'): string {
  let depth = 0;
  return text.split('\n').map((line) => {
    const bare = line.replace(/#.*$/, '');
    const header = depth === 0 ? HEADER.exec(line) : null;
    depth += (bare.match(/\{/g) ?? []).length - (bare.match(/\}/g) ?? []).length;
    if (!header) return line;
    const [, indent = '', keyword = '', name = '', attachment = '', flagText, rest = ''] = header;
    if (keyword === '' && !name.startsWith('/')) return line;
    if (program !== undefined && name.replace(/^"|"$/g, '') !== program) return line;
    const flags = (flagText ?? '').split(/[\s,]+/).filter((f) => f !== '' && f !== 'complain' && f !== 'enforce');
    if (tool === 'complain') flags.push('complain');
    const flagPart = flags.length > 0 ? ` flags=(${flags.join(', ')})` : '';
    return `${indent}${keyword}${name}${attachment}${flagPart}${rest}`;
  }).join('\n');
}

function profileFiles(invocation: Invocation): string[] {
  const listed = invocation.proc.readdir(PROFILE_DIR);
  return (listed.ok ? listed.value : [])
    .map((name) => `${PROFILE_DIR}/${name}`)
    .filter((path) => {
      const stat = invocation.proc.stat(path);
      return stat.ok && stat.value.type === 'file';
    });
}

/** As tools.py `get_next_to_profile`: a path, a loaded profile's name, a program on PATH, or a file name. */
function resolveTarget(invocation: Invocation, arg: string, info: string[]): Target | undefined {
  const { proc } = invocation;
  const files = profileFiles(invocation);
  const exists = proc.stat(arg).ok;
  if (exists || arg.startsWith('/')) {
    const full = proc.resolve(arg);
    if (full.startsWith(`${PROFILE_DIR}/`)) return { program: undefined, file: full };
    const owner = files.find((file) => {
      const text = proc.readFile(file);
      return text.ok && profileNames(text.value).includes(full);
    });
    return { program: full, file: owner ?? `${PROFILE_DIR}/${full.slice(1).replace(/\//g, '.')}` };
  }
  for (const file of files) {
    const text = proc.readFile(file);
    if (text.ok && profileNames(text.value).includes(arg)) return { program: arg, file };
  }
  if (proc.stat(`${PROFILE_DIR}/${arg}`).ok) return { program: undefined, file: `${PROFILE_DIR}/${arg}` };
  // an absolute path never gets here: it names a program whose profile file is then "not found, skipping"
  if (arg.includes('/')) {
    info.push(`${arg} does not exist, please double-check the path.`);
    return undefined;
  }
  info.push(`Can't find ${arg} in the system path list. If the name of the application\nis correct, please run 'which ${arg}' as a user with correct PATH\nenvironment set up in order to find the fully-qualified path and\nuse the full path as parameter.`);
  return undefined;
}

function changeMode(invocation: Invocation, tool: Tool, target: Target, out: { stdout: string; stderr: string; status: number }): void {
  const { proc } = invocation;
  const outputName = target.program ?? target.file;
  const text = proc.readFile(target.file);
  if (!text.ok) {
    out.stdout += `Profile for ${outputName} not found, skipping\n`;
    return;
  }
  const base = target.file.split('/').pop() ?? target.file;
  const disableLink = `${PROFILE_DIR}/disable/${base}`;
  if (tool === 'disable') {
    out.stdout += `Disabling ${outputName}.\n`;
    if (!proc.lstat(disableLink).ok) proc.symlink(target.file, disableLink);
    const unloaded = proc.spawn({ argv: ['/usr/sbin/apparmor_parser', `-I${PROFILE_DIR}`, '--base', PROFILE_DIR, '-R', target.file] });
    if (typeof unloaded !== 'string' && unloaded.exitCode !== 0) {
      out.stderr += `\nERROR: ${unloaded.stderr.trimEnd()}\n`;
      out.status = 1;
    }
    return;
  }
  out.stdout += `Setting ${outputName} to ${tool} mode.\n`;
  proc.unlink(disableLink);
  const written = proc.writeFile(target.file, rewriteFlags(text.value, target.program, tool));
  if (!written.ok) {
    out.stderr += `\nERROR: Cannot write to profile directory: ${PROFILE_DIR}\n`;
    out.status = 1;
    return;
  }
  const reloaded = proc.spawn({ argv: ['/usr/sbin/apparmor_parser', `-I${PROFILE_DIR}`, '-r', '-T', target.file] });
  if (typeof reloaded !== 'string' && reloaded.exitCode !== 0) {
    out.stderr += `\nERROR: ${reloaded.stderr.trimEnd()}\n`;
    out.status = 1;
  }
}

type ToolArgs = { help: boolean; missingDir: boolean; programs: string[]; unknown: string[] };

const LONG_OPTIONS = ['--help', '--dir', '--no-reload'];

/** As argparse reads the tools' command line: unique long-option prefixes, `-d DIR`, `--`, leftovers kept. */
function parseToolArgs(args: readonly string[]): ToolArgs {
  const parsed: ToolArgs = { help: false, missingDir: false, programs: [], unknown: [] };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg === '--') {
      parsed.programs.push(...args.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      parsed.programs.push(arg);
      continue;
    }
    const [flag = '', inline] = arg.startsWith('--') ? arg.split(/=(.*)/s) : [arg.slice(0, 2), arg.length > 2 ? arg.slice(2) : undefined];
    const matches = flag.startsWith('--') ? LONG_OPTIONS.filter((o) => o.startsWith(flag)) : [];
    const option = matches.length === 1 ? matches[0] : flag;
    if (option === '-h' || option === '--help') {
      parsed.help = true;
      return parsed;
    }
    if (option === '-d' || option === '--dir') {
      if (inline === undefined && (args[i + 1] === undefined || args[i + 1]?.startsWith('-'))) parsed.missingDir = true;
      else if (inline === undefined) i++;
    } else if (option !== '--no-reload' || inline !== undefined) parsed.unknown.push(arg);
  }
  return parsed;
}

function runTool(invocation: Invocation, tool: Tool): CommandResult {
  const name = `aa-${tool}`;
  const usage = `usage: ${name} [-h] [-d DIR] [--no-reload] program [program ...]\n`;
  const parsed = parseToolArgs(invocation.argv.slice(1));
  if (parsed.help) {
    return { stdout: `${usage}\nSwitch the given programs to ${tool === 'disable' ? 'disabled' : `${tool} mode`}\n\npositional arguments:\n  program               name of program\n\noptions:\n  -h, --help            show this help message and exit\n  -d DIR, --dir DIR     path to profiles\n  --no-reload           Do not reload the profile after modifying it\n`, stderr: '', exitCode: 0 };
  }
  const argError = (message: string): CommandResult => ({ stdout: '', stderr: `${usage}${name}: error: ${message}\n`, exitCode: 2 });
  if (parsed.missingDir) return argError('argument -d/--dir: expected one argument');
  const programs = parsed.programs;
  // argparse: parse_known_args fails on a missing positional before parse_args rejects the leftovers
  if (programs.length === 0) return argError('the following arguments are required: program');
  if (parsed.unknown.length > 0) return argError(`unrecognized arguments: ${parsed.unknown.join(' ')}`);
  if (invocation.proc.uid !== 0) return { stdout: '', stderr: `\nERROR: Cannot write to profile directory: ${PROFILE_DIR}\n`, exitCode: 1 };
  const out = { stdout: '', stderr: '', status: 0 };
  for (const program of programs) {
    const info: string[] = [];
    const target = resolveTarget(invocation, program, info);
    out.stdout += info.map((line) => `${line}\n`).join('');
    if (target) changeMode(invocation, tool, target, out);
  }
  return { stdout: out.stdout, stderr: out.stderr, exitCode: out.status };
}

function spec(tool: Tool, summary: string): CommandSpec {
  return {
    name: `aa-${tool}`,
    summary,
    usage: `aa-${tool} [-h] [-d DIR] [--no-reload] program [program ...]`,
    directory: '/usr/sbin',
    help: 'own',
    options: [
      { flag: '-d, --dir', summary: 'path to profiles', takesValue: true },
      { flag: '--no-reload', summary: 'Do not reload the profile after modifying it' },
      { flag: '-h, --help', summary: 'show this help message and exit' },
    ],
    run: (invocation) => runTool(invocation, tool),
  };
}

/** `aa-enforce`. */
export const aaEnforceCommand = spec('enforce', 'set an AppArmor security profile to enforce mode');
/** `aa-complain`. */
export const aaComplainCommand = spec('complain', 'set an AppArmor security profile to complain mode');
/** `aa-disable`. */
export const aaDisableCommand = spec('disable', 'disable an AppArmor security profile');
