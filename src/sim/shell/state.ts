// The mutable state of one shell process (variables, functions, cwd, options) and the pure path
// helpers around it. Subshells and `$( … )` work on a clone, so their changes never leak back.
import type { Command } from './ast.ts';
import type { Variable } from './expand.ts';
import type { Dialect } from './messages.ts';

/** One shell process's state. */
export type ShellState = {
  vars: Map<string, Variable>;
  functions: Map<string, Command>;
  cwd: string;
  positional: string[];
  /** `$?`. */
  status: number;
  /** `set -e`. */
  isErrexit: boolean;
  /** `set -u`. */
  isNounset: boolean;
  /** `set -o pipefail`: a pipeline fails with its last failing stage. */
  isPipefail?: boolean;
  dialect: Dialect;
  /** Lines entered in an interactive bash, oldest first (for `history` and `!!`). */
  history: string[];
  /** `alias` definitions; expanded in interactive shells only, as bash's expand_aliases. */
  aliases: Map<string, string>;
};

/**
 * A deep copy for a subshell: same values, independent maps.
 * @param state the parent
 * @returns the child state
 * @example cloneState(s).vars !== s.vars // true
 */
export function cloneState(state: ShellState): ShellState {
  const vars = new Map<string, Variable>();
  for (const [name, v] of state.vars) vars.set(name, { ...v, value: [...v.value] });
  return {
    ...state, vars, functions: new Map(state.functions), positional: [...state.positional], history: [...state.history],
    aliases: new Map(state.aliases),
  };
}

/**
 * Sets a scalar variable (element 0 of an array), keeping its export flag.
 * @param state the shell
 * @param name the variable
 * @param value the new value
 * @returns nothing
 * @example setVar(s, 'X', '1')
 */
export function setVar(state: ShellState, name: string, value: string): void {
  const old = state.vars.get(name);
  if (old === undefined) state.vars.set(name, { value: [value], isArray: false, isExported: false });
  else old.value[0] = value;
}

/**
 * The variable's scalar value, or undefined when unset.
 * @param state the shell
 * @param name the variable
 * @returns element 0
 * @example getVar(s, 'HOME') // '/root'
 */
export function getVar(state: ShellState, name: string): string | undefined {
  return state.vars.get(name)?.value[0];
}

/**
 * The environment a child process sees: every exported scalar, plus the per-command assignments.
 * @param state the shell
 * @param extra `VAR=x` prefixes of this command
 * @returns a plain record
 * @example exportedEnv(s, { A: '1' }).A // '1'
 */
export function exportedEnv(state: ShellState, extra: Readonly<Record<string, string>> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, v] of [...state.vars].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (v.isExported && !v.isArray && v.value[0] !== undefined) env[name] = v.value[0];
  }
  return { ...env, ...extra };
}

/**
 * Resolves a path against a working directory, normalising `.`, `..` and repeated slashes.
 * @param cwd an absolute directory
 * @param path absolute or relative
 * @returns the absolute normal path
 * @example resolvePath('/etc/apparmor.d', '../passwd') // '/etc/passwd'
 */
export function resolvePath(cwd: string, path: string): string {
  const parts: string[] = [];
  for (const part of (path.startsWith('/') ? path : `${cwd}/${path}`).split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return '/' + parts.join('/');
}

/**
 * The special parameters `$?`, `$$`, `$!`, `$-`, `$0`.
 * @param state the shell
 * @param host for the process id
 * @param name the parameter's name
 * @returns its value
 * @example specialParameter(state, host, '?') // '0'
 */
export function specialParameter(state: ShellState, host: { readonly pid: number }, name: string): string {
  switch (name) {
    case '?': return String(state.status);
    case '$': return String(host.pid);
    case '!': return '';
    case '-': return `${state.isErrexit ? 'e' : ''}${state.isNounset ? 'u' : ''}hB${state.dialect.isInteractive ? 'i' : ''}`;
    default: return state.dialect.argv0;
  }
}
