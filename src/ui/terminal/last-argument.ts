// The last word of a command line as bash's history expansion splits it (history_tokenize, what `!$` and
// Meta-. use): blanks separate words, quotes and backslashes keep them whole, and ; & | ( ) < > are words.

/**
 * The last word of a command line.
 * @param line a history entry
 * @returns its last word, or undefined when it has none
 * @example lastArgument('cd /tmp/work; ls "my dir"') // '"my dir"'
 */
export function lastArgument(line: string): string | undefined {
  let last: string | undefined;
  let i = 0;
  while (i < line.length) {
    if (/\s/.test(line[i]!)) {
      i++;
      continue;
    }
    const start = i;
    if (/[;&|()<>]/.test(line[i]!)) {
      // Operators: a run of the same character (&&, ||, >>, ;;), or one character.
      while (i < line.length && line[i] === line[start]) i++;
    } else {
      let quote = '';
      while (i < line.length && (quote !== '' || !/[\s;&|()<>]/.test(line[i]!))) {
        const ch = line[i]!;
        if (quote === '' && (ch === "'" || ch === '"')) quote = ch;
        else if (ch === quote) quote = '';
        else if (ch === '\\' && quote !== "'") i++;
        i++;
      }
    }
    last = line.slice(start, Math.min(i, line.length));
  }
  return last;
}
