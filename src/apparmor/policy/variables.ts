/**
 * The variable symbol table and textual expansion, as apparmor_parser 3.0.8 does it (`parser_symtab.c`,
 * `parser_variable.c`): set variables hold lists of strings, a reference to a list of N values becomes the
 * alternation `{v1,…,vN}` (one value is inserted as is), values may reference other variables, and slashes are
 * folded afterwards for paths. Booleans (`$X = true`) live in a separate table.
 */

const VARIABLE_REF = /@\{([A-Za-z][A-Za-z0-9_]*)\}/g;

/** What went wrong while expanding one string. */
export type ExpansionProblem = { kind: 'undefined' | 'cycle'; name: string; by?: string };

/** The result of expanding one string. */
export type Expansion = { text: string; problems: ExpansionProblem[] };

/** Set and boolean variables of one policy load. */
export class SymbolTable {
  readonly #sets = new Map<string, string[]>();
  readonly #booleans = new Map<string, boolean>();

  /**
   * `@{NAME} = values`: defines a set variable.
   *
   * @param name - the name without `@{}`
   * @param values - the values as written
   * @returns false when it is already defined (apparmor_parser: "'NAME' is already defined")
   */
  define(name: string, values: string[]): boolean {
    if (this.#sets.has(name)) return false;
    this.#sets.set(name, [...values]);
    return true;
  }

  /**
   * `@{NAME} += values`.
   *
   * @param name - the name without `@{}`
   * @param values - the values to add
   * @returns false when it was never defined ("Failed to find declaration for: NAME")
   */
  append(name: string, values: string[]): boolean {
    const list = this.#sets.get(name);
    if (!list) return false;
    list.push(...values);
    return true;
  }

  /**
   * 5.x `?=` (define unless defined) and `:=` (override).
   *
   * @param name - the name without `@{}`
   * @param values - the values
   * @param isOverride - true for `:=`
   */
  assign(name: string, values: string[], isOverride: boolean): void {
    if (isOverride || !this.#sets.has(name)) this.#sets.set(name, [...values]);
  }

  /** @returns the raw values of a set variable, or undefined. */
  get(name: string): readonly string[] | undefined {
    return this.#sets.get(name);
  }

  /** @returns whether a set variable exists. */
  has(name: string): boolean {
    return this.#sets.has(name);
  }

  /**
   * `$NAME = true|false`.
   *
   * @param name - the name without `$`
   * @param value - the value
   * @param operator - `=` (error when defined), 5.x `?=` (keep an existing value) or `:=` (override)
   * @returns false when already defined
   */
  defineBoolean(name: string, value: boolean, operator: '=' | '?=' | ':=' = '='): boolean {
    if (operator === '?=' && this.#booleans.has(name)) return true;
    if (this.#booleans.has(name) && operator !== ':=') return false;
    this.#booleans.set(name, value);
    return true;
  }

  /** @returns a boolean's value, or undefined when unset. */
  getBoolean(name: string): boolean | undefined {
    return this.#booleans.get(name);
  }

  /** @returns every set variable with its values fully expanded (unresolvable references left as written). */
  expandedSets(): Map<string, string[]> {
    const out = new Map<string, string[]>();
    for (const [name, values] of this.#sets) out.set(name, values.map((v) => expandVariables(v, this).text));
    return out;
  }
}

/**
 * Expands every `@{NAME}` reference in `text`, recursively.
 *
 * @param text - the string as written
 * @param table - the symbol table
 * @param builtins - built-in variables such as `profile_name`
 * @returns the expanded text and the undefined or cyclic references met
 * @example expandVariables('@{X}/a', tableWith({ X: ['/b', '/c'] })).text // → '{/b,/c}/a'
 */
export function expandVariables(text: string, table: SymbolTable, builtins: ReadonlyMap<string, string> = new Map()): Expansion {
  const problems: ExpansionProblem[] = [];
  const expand = (s: string, active: readonly string[]): string =>
    s.replace(VARIABLE_REF, (whole: string, name: string, offset: number) => {
      const builtin = builtins.get(name);
      if (builtin !== undefined && !table.has(name)) return builtin;
      const values = table.get(name);
      if (!values) {
        problems.push({ kind: 'undefined', name, ...(active.length > 0 ? { by: active[active.length - 1] } : {}) });
        return whole;
      }
      if (active.includes(name)) {
        problems.push({ kind: 'cycle', name, by: active[active.length - 1] ?? name });
        return whole;
      }
      // as parser_variable.c expand_by_alternations: a value's trailing '/' goes when the text goes on with '/'
      const isSlashNext = s.charCodeAt(offset + whole.length) === 47;
      const expanded = values.map((v) => expand(v, [...active, name])).map((v) => (isSlashNext ? v.replace(/\/+$/, '') : v));
      return expanded.length === 1 ? (expanded[0] as string) : `{${expanded.join(',')}}`;
    });
  return { text: expand(text, []), problems };
}
