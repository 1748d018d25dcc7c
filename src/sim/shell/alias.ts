// Alias expansion (`alias k=kubectl`, `alias sudo='sudo '`) for interactive shells, and the `alias` /
// `unalias` builtins. bash substitutes alias text while reading; here the first words are replaced.
import type { Word } from './ast.ts';
import type { Builtin } from './builtins.ts';
import { lex } from './lexer.ts';

/** Alias names bash accepts (no quotes, `$`, `/`, `=` or blanks). */
const ALIAS_NAME = /^[^\s'"`$\\/=<>|&;()]+$/;

/** The result of expanding a command's leading words: plain words, or source text to run instead. */
export type AliasExpansion = { kind: 'words'; words: Word[] } | { kind: 'source'; text: string } | undefined;

/**
 * Replaces the command word by its alias, repeating for the next word while a value ends in a blank
 * (bash's rule), and never expanding the same alias twice in a row.
 * @param words the command's words as typed
 * @param aliases the defined aliases
 * @returns new words; source text when a value holds operators (`alias x='a; b'`); undefined when none applies
 * @example expandAliases([{ raw: 'k', line: 1 }], new Map([['k', 'kubectl']])) // words: kubectl
 */
export function expandAliases(words: readonly Word[], aliases: ReadonlyMap<string, string>): AliasExpansion {
  const out: Word[] = [];
  const used = new Set<string>();
  let k = 0;
  let isChanged = false;
  while (k < words.length) {
    const word = words[k] as Word;
    const value = ALIAS_NAME.test(word.raw) && !used.has(word.raw) ? aliases.get(word.raw) : undefined;
    if (value === undefined) break;
    used.add(word.raw);
    isChanged = true;
    const tokens = lex(value).tokens.filter((t) => t.kind !== 'eof');
    if (tokens.some((t) => t.kind !== 'word')) {
      return { kind: 'source', text: [value, ...words.slice(k + 1).map((w) => w.raw)].join(' ') };
    }
    out.push(...tokens.map((t) => ({ raw: (t as { raw: string }).raw, line: word.line })));
    k++;
    if (!/[ \t]$/.test(value)) break;
  }
  return isChanged ? { kind: 'words', words: [...out, ...words.slice(k)] } : undefined;
}

const quote = (value: string): string => `'${value.replace(/'/g, "'\\''")}'`;

/** `alias [name[=value] …]`. */
export const aliasBuiltin: Builtin = (ctx) => {
  const { aliases } = ctx.state;
  const args = ctx.argv.slice(1).filter((a, k) => !(k === 0 && (a === '-p' || a === '--')));
  if (args.length === 0) {
    for (const name of [...aliases.keys()].sort()) ctx.out(`alias ${name}=${quote(aliases.get(name) ?? '')}\n`);
    return 0;
  }
  let status = 0;
  for (const arg of args) {
    const eq = arg.indexOf('=');
    const name = eq < 0 ? arg : arg.slice(0, eq);
    if (eq >= 0 && !ALIAS_NAME.test(name)) {
      ctx.err(`${ctx.prefix}alias: \`${name}': invalid alias name\n`);
      status = 1;
    } else if (eq >= 0) aliases.set(name, arg.slice(eq + 1));
    else if (aliases.has(name)) ctx.out(`alias ${name}=${quote(aliases.get(name) ?? '')}\n`);
    else {
      ctx.err(`${ctx.prefix}alias: ${name}: not found\n`);
      status = 1;
    }
  }
  return status;
};

/** `unalias [-a] name …`. */
export const unaliasBuiltin: Builtin = (ctx) => {
  const { aliases } = ctx.state;
  let status = 0;
  for (const arg of ctx.argv.slice(1)) {
    if (arg === '-a') aliases.clear();
    else if (!aliases.delete(arg)) {
      ctx.err(`${ctx.prefix}unalias: ${arg}: not found\n`);
      status = 1;
    }
  }
  return status;
};
