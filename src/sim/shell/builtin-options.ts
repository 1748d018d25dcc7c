// The option scan of bash's builtins (internal_getopt in builtins/bashgetopt.c) and dash's (nextopt in
// options.c): which options a builtin got, or the exact error and usage line it prints for a bad one.
import type { BuiltinContext } from './builtins.ts';

/** What a builtin's option scan found: the option letters with their arguments, and the remaining words. */
export type BuiltinOptions = { options: { letter: string; value?: string }[]; operands: string[] };

/**
 * Scans a builtin's options; letters followed by `:` take an argument (as getopt). `--` ends the options;
 * bash reports any other `--word` as the option `--` (bashgetopt.c reads its second `-` as a letter).
 * @param ctx the builtin's context (argv, error prefix, dialect)
 * @param letters the accepted option letters, `d:` for one with an argument
 * @param usage bash's usage line without `NAME: usage: ` (`pwd [-LP]`); dash prints none
 * @returns the options and operands, or the exit status (2) after printing the error
 */
export function scanBuiltinOptions(ctx: BuiltinContext, letters: string, usage: string): BuiltinOptions | number {
  const name = ctx.argv[0] ?? '';
  const isDash = ctx.state.dialect.flavour === 'sh';
  const words = ctx.argv.slice(1);
  const options: BuiltinOptions['options'] = [];
  const fail = (option: string, why: string): number => {
    if (isDash) ctx.err(`${ctx.prefix}${name}: Illegal option ${option}\n`);
    else ctx.err(`${ctx.prefix}${name}: ${option}: ${why}\n${name}: usage: ${usage}\n`);
    return 2;
  };
  while (words.length > 0) {
    const word = words[0] ?? '';
    if (word === '--') {
      words.shift();
      break;
    }
    if (!word.startsWith('-') || word === '-') break;
    words.shift();
    for (let k = 1; k < word.length; k++) {
      const letter = word.charAt(k);
      const at = letters.indexOf(letter);
      if (letter === ':' || at < 0) return fail(`-${letter}`, 'invalid option');
      if (letters.charAt(at + 1) !== ':') {
        options.push({ letter });
        continue;
      }
      const value = k + 1 < word.length ? word.slice(k + 1) : words.shift();
      if (value === undefined) return fail(`-${letter}`, 'option requires an argument');
      options.push({ letter, value });
      break;
    }
  }
  return { options, operands: words };
}
