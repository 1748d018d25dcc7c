// Recognises `sh -c '…'`, `bash -c '…' argv0 args…`, `bash script.sh` and `… | bash` so they run through
// the same interpreter, and builds the child's state (exported variables only, as a new process).
import type { ShellHost } from './host.ts';
import { STRERROR } from './messages.ts';
import { resolvePath, type ShellState } from './state.ts';

/** A child shell to start. */
export type NestedShellRequest = {
  script: string;
  stdin: string;
  argv0: string;
  flavour: 'bash' | 'sh';
  args: string[];
  isErrexit?: boolean;
  /** False when the script was read from a file (`bash script.sh`). */
  isCommandString?: boolean;
};

const SHELLS = new Set(['sh', 'bash', 'dash']);

/**
 * Returns the child shell an argv asks for, an error to print, or undefined when argv is not a shell.
 * @param argv the command's arguments
 * @param stdin its standard input (the script when no -c or file is given)
 * @param host to read a script file
 * @param cwd to resolve a script file
 * @returns the request, `{ error, status }`, or undefined
 * @example nestedShellRequest(['sh', '-c', 'echo $0', 'x'], '', host, '/')?.argv0 // 'x'
 */
export function nestedShellRequest(
  argv: readonly string[], stdin: string, host: Pick<ShellHost, 'readFile'>, cwd: string,
): NestedShellRequest | { error: string; status: number } | undefined {
  const base = (argv[0] ?? '').split('/').pop() ?? '';
  if (!SHELLS.has(base)) return undefined;
  const flavour = base === 'bash' ? 'bash' : 'sh';
  let k = 1;
  let isCommand = false;
  let isErrexit = false;
  for (; k < argv.length; k++) {
    const arg = argv[k] as string;
    if (arg === '--' || arg === '-') {
      k++;
      break;
    }
    if (!/^[-+]/.test(arg)) break;
    if (arg.startsWith('--')) continue;
    if (arg.includes('c')) isCommand = true;
    if (arg.startsWith('-') && arg.includes('e')) isErrexit = true;
  }
  const rest = argv.slice(k);
  if (isCommand) {
    const script = rest[0];
    if (script === undefined) return { error: `${base}: -c: option requires an argument\n`, status: 2 };
    return { script, stdin, argv0: rest[1] ?? base, flavour, args: rest.slice(2), isErrexit };
  }
  const file = rest[0];
  if (file === undefined) return { script: stdin, stdin: '', argv0: base, flavour, args: [], isErrexit };
  const text = host.readFile(resolvePath(cwd, file));
  if (typeof text === 'string') {
    const error = flavour === 'sh' ? `${base}: 0: cannot open ${file}: No such file\n` : `${base}: ${file}: ${STRERROR[text]}\n`;
    return { error, status: flavour === 'sh' ? 2 : 127 };
  }
  return { script: text.content, stdin, argv0: file, flavour, args: rest.slice(1), isErrexit, isCommandString: false };
}

/**
 * The state of a child shell process: exported variables (plus `VAR=x` prefixes), same cwd.
 * @param parent the parent shell
 * @param request the child to start
 * @param extra per-command environment assignments
 * @returns the new state
 * @example childState(parent, request, {}).functions.size // 0
 */
export function childState(parent: ShellState, request: NestedShellRequest, extra: Readonly<Record<string, string>>): ShellState {
  const vars: ShellState['vars'] = new Map();
  for (const [name, v] of parent.vars) {
    if (v.isExported && !v.isArray && v.value[0] !== undefined) vars.set(name, { value: [v.value[0]], isArray: false, isExported: true });
  }
  for (const [name, value] of Object.entries(extra)) vars.set(name, { value: [value], isArray: false, isExported: true });
  if (request.flavour === 'bash') {
    const level = (Number(vars.get('SHLVL')?.value[0] ?? 0) || 0) + 1;
    vars.set('SHLVL', { value: [String(level)], isArray: false, isExported: true });
  }
  return {
    vars,
    functions: new Map(),
    cwd: parent.cwd,
    positional: request.args,
    status: 0,
    isErrexit: request.isErrexit ?? false,
    isNounset: false,
    history: [],
    aliases: new Map(),
    dialect: { flavour: request.flavour, argv0: request.argv0, isInteractive: false, isCommandString: request.isCommandString ?? true },
  };
}
