/**
 * GNU `getopt_long` as coreutils uses it: short option clusters (`-la`), `-nVALUE` / `-n VALUE`, long
 * options with unique-prefix abbreviation (`--all`, `--lines=3`), argument permutation (operands may come
 * before options) and `--`. Errors carry glibc's exact wording; the caller adds the program name.
 */

/** How a long option takes its value. */
export type LongArgument = 'none' | 'required' | 'optional';

/** The options a command accepts. */
export type GetoptSpec = {
  /** short options as getopt's string: a letter followed by `:` takes a value (`'ln:'`) */
  short: string;
  /** long option name → the key it reports and whether it takes a value */
  long?: Readonly<Record<string, { key: string; argument?: LongArgument }>>;
  /** stop at the first operand (POSIX order; `env`, `sudo`-like commands) */
  stopAtOperand?: boolean;
  /** a leading `-N` (digits) is an option `N` with the digits as value (`head -5`) */
  allowDigits?: boolean;
};

/** One parsed option in command-line order: short options report their letter as `key`. */
export type ParsedOption = { key: string; value?: string };

/** The parse: options in order and the operands, or the first error. */
export type GetoptResult =
  | { ok: true; options: ParsedOption[]; operands: string[] }
  | { ok: false; message: string };

/**
 * Parses arguments as `getopt_long` with permutation.
 * @param args - the arguments without argv[0]
 * @param spec - the accepted options
 * @returns options and operands, or the error text (`invalid option -- 'z'`)
 * @example getopt(['-n', '3', 'f'], { short: 'n:' }) // → { ok: true, options: [{ key: 'n', value: '3' }], operands: ['f'] }
 */
export function getopt(args: readonly string[], spec: GetoptSpec): GetoptResult {
  const options: ParsedOption[] = [];
  const operands: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg === '--') {
      operands.push(...args.slice(i + 1));
      break;
    }
    if (arg.startsWith('--')) {
      const parsed = parseLong(arg, args[i + 1], spec);
      if (!parsed.ok) return parsed;
      options.push(parsed.option);
      if (parsed.usedNext) i++;
      continue;
    }
    if (arg.startsWith('-') && arg !== '-') {
      if (spec.allowDigits && /^-\d+$/.test(arg) && options.length === 0 && operands.length === 0) {
        options.push({ key: 'N', value: arg.slice(1) });
        continue;
      }
      const parsed = parseShort(arg, args[i + 1], spec.short);
      if (!parsed.ok) return parsed;
      options.push(...parsed.options);
      if (parsed.usedNext) i++;
      continue;
    }
    operands.push(arg);
    if (spec.stopAtOperand) {
      operands.push(...args.slice(i + 1));
      break;
    }
  }
  return { ok: true, options, operands };
}

type ShortParse = { ok: true; options: ParsedOption[]; usedNext: boolean } | { ok: false; message: string };

function parseShort(arg: string, next: string | undefined, short: string): ShortParse {
  const options: ParsedOption[] = [];
  for (let k = 1; k < arg.length; k++) {
    const letter = arg[k] ?? '';
    const at = letter === ':' ? -1 : short.indexOf(letter);
    if (at === -1) return { ok: false, message: `invalid option -- '${letter}'` };
    if (short[at + 1] !== ':') {
      options.push({ key: letter });
      continue;
    }
    const rest = arg.slice(k + 1);
    if (rest !== '') return { ok: true, options: [...options, { key: letter, value: rest }], usedNext: false };
    if (next === undefined) return { ok: false, message: `option requires an argument -- '${letter}'` };
    return { ok: true, options: [...options, { key: letter, value: next }], usedNext: true };
  }
  return { ok: true, options, usedNext: false };
}

type LongParse = { ok: true; option: ParsedOption; usedNext: boolean } | { ok: false; message: string };

function parseLong(arg: string, next: string | undefined, spec: GetoptSpec): LongParse {
  const eq = arg.indexOf('=');
  const name = arg.slice(2, eq === -1 ? undefined : eq);
  const inline = eq === -1 ? undefined : arg.slice(eq + 1);
  const table = spec.long ?? {};
  const exact = Object.hasOwn(table, name) ? name : undefined;
  const candidates = exact !== undefined ? [exact] : Object.keys(table).filter((n) => n.startsWith(name));
  const distinct = new Set(candidates.map((n) => table[n]?.key));
  if (candidates.length === 0 || name === '') return { ok: false, message: `unrecognized option '${arg}'` };
  if (distinct.size > 1) {
    return { ok: false, message: `option '${arg.slice(0, eq === -1 ? undefined : eq)}' is ambiguous; possibilities:${candidates.map((n) => ` '--${n}'`).join('')}` };
  }
  const full = candidates[0] ?? name;
  const entry = table[full] ?? { key: full };
  const argument = entry.argument ?? 'none';
  if (argument === 'none' && inline !== undefined) return { ok: false, message: `option '--${full}' doesn't allow an argument` };
  if (argument === 'required' && inline === undefined) {
    if (next === undefined) return { ok: false, message: `option '--${full}' requires an argument` };
    return { ok: true, option: { key: entry.key, value: next }, usedNext: true };
  }
  return { ok: true, option: inline === undefined ? { key: entry.key } : { key: entry.key, value: inline }, usedNext: false };
}
