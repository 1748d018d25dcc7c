// Variable assignments: `NAME=value`, `NAME+=value`, `NAME[i]=value`, `NAME=(a b c)`; evaluation
// (expansion, no splitting except inside array lists) is separate from applying to the state.
import { evaluateIn, expandToString, expandWord, ExpansionError, type ExpandEnv } from './expand.ts';
import type { ShellState } from './state.ts';
import { splitArrayElements } from './word-parts.ts';

/** An evaluated assignment, ready to apply. `value` is a list for `NAME=( … )`. */
export type Assignment = { name: string; index: number | undefined; value: string | string[]; isAppend: boolean };

const MAX_INDEX = 65_535;
const ASSIGNMENT = /^([A-Za-z_][A-Za-z0-9_]*)(?:\[([^\]]*)\])?(\+?)=/;

/**
 * Expands the value of an assignment word.
 * @param raw the word, e.g. `NODES=($(kubectl get nodes -o name))`
 * @param env the shell state for expansion
 * @returns the assignment to apply
 * @example evaluateAssignment('A=~/x', env) // { name: 'A', index: undefined, value: '/root/x', isAppend: false }
 */
export function evaluateAssignment(raw: string, env: ExpandEnv): Assignment {
  const m = ASSIGNMENT.exec(raw);
  const name = m?.[1] ?? '';
  const rest = raw.slice(m?.[0].length ?? 0);
  const isAppend = m?.[3] === '+';
  let index: number | undefined;
  if (m?.[2] !== undefined) {
    index = evaluateIn(expandToString(m[2], env, 'double'), env);
    const length = env.lookup(name)?.value.length ?? 0;
    if (index < 0 && length + index < 0) throw new ExpansionError(`${name}[${m[2]}]: bad array subscript`);
    // arrays are dense lists here; bash's are sparse up to 2^63, which no lab needs
    if (index > MAX_INDEX) throw new ExpansionError(`${name}[${m[2]}]: array index too large for the simulator (max ${MAX_INDEX})`);
  }
  if (index === undefined && rest.startsWith('(') && rest.endsWith(')')) {
    const value = splitArrayElements(rest.slice(1, -1)).flatMap((word) => expandWord(word, env));
    return { name, index, value, isAppend };
  }
  return { name, index, value: expandToString(rest, env), isAppend };
}

/**
 * Applies an assignment to the shell state, keeping the variable's export flag.
 * @param state the shell
 * @param assignment what to set
 * @returns nothing
 * @example applyAssignment(state, { name: 'X', index: undefined, value: '1', isAppend: false })
 */
export function applyAssignment(state: ShellState, assignment: Assignment): void {
  const { name, index, value, isAppend } = assignment;
  const old = state.vars.get(name);
  const isExported = old?.isExported ?? false;
  if (Array.isArray(value)) {
    const base = isAppend && old !== undefined ? old.value : [];
    state.vars.set(name, { value: [...base, ...value], isArray: true, isExported });
    return;
  }
  if (index !== undefined) {
    const list = old === undefined ? [] : [...old.value];
    const at = index < 0 ? list.length + index : index;
    if (at >= 0) list[at] = isAppend ? (list[at] ?? '') + value : value;
    state.vars.set(name, { value: list, isArray: true, isExported });
    return;
  }
  const next = isAppend ? (old?.value[0] ?? '') + value : value;
  if (old === undefined) state.vars.set(name, { value: [next], isArray: false, isExported });
  else {
    const list = [...old.value];
    list[0] = next;
    state.vars.set(name, { ...old, value: list });
  }
}

/**
 * Runs a builtin or function with `x=1 cmd` bindings in effect, exported, then restores the old
 * values (bash's temporary_env), except for the names in `kept`.
 * @param state the shell
 * @param assignments the command's prefix assignments
 * @param kept names whose binding survives (`x=1 export x`)
 * @param run the command
 * @returns what run returns
 */
export function withTemporaryBindings<T>(state: ShellState, assignments: readonly Assignment[], kept: readonly string[], run: () => T): T {
  const saved = assignments.map((a) => [a.name, state.vars.get(a.name)] as const);
  for (const a of assignments) {
    applyAssignment(state, a);
    const v = state.vars.get(a.name);
    if (v !== undefined) state.vars.set(a.name, { ...v, isExported: true });
  }
  try {
    return run();
  } finally {
    for (const [name, v] of saved) {
      if (kept.includes(name)) continue;
      if (v === undefined) state.vars.delete(name);
      else state.vars.set(name, v);
    }
  }
}

/**
 * Whether a word has the form of an assignment (`NAME=`, `NAME+=`, `NAME[i]=`).
 * @param raw the word as typed
 * @returns true for an assignment word
 * @example isAssignmentWord('A=(a b)') // true
 */
export function isAssignmentWord(raw: string): boolean {
  return ASSIGNMENT.test(raw);
}

/**
 * An `export NAME=value` argument, expanded as an assignment (no splitting or globbing); `NAME=(a b)`
 * assigns the array first and passes just NAME, as bash does for declaration builtins.
 * @param raw the argument as typed
 * @param env the shell state for expansion
 * @param state the shell, for arrays and `+=`
 * @returns the argument(s) the builtin receives
 * @example declarationArgument('X=$v', env, state) // ['X=a b'] when v is "a b"
 */
export function declarationArgument(raw: string, env: ExpandEnv, state: ShellState): string[] {
  const a = evaluateAssignment(raw, env);
  if (typeof a.value !== 'string' || a.index !== undefined) {
    applyAssignment(state, a);
    return [a.name];
  }
  return [`${a.name}=${a.isAppend ? (state.vars.get(a.name)?.value[0] ?? '') + a.value : a.value}`];
}
