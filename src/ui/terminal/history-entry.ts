// How bash stores a command typed over several lines as one history entry (cmdhist on, lithist off, as
// bashhist.c: bash_add_history with history_delimiting_chars): lines inside a here-document or a quoted
// string keep their newlines, a line ending in a keyword or operator is joined with a space, others with '; '.

// After these a ';' would be a syntax error, so bash joins with a blank.
const OPEN_ENDINGS = /(^|[\s;&|(){}])(do|then|else|elif|in|\{|\(|\|\||&&|\||;|&)$|^\s*$/;

function hasOpenQuote(text: string): boolean {
  let quote = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quote === '') {
      if (ch === '\\') i++;
      else if (ch === "'" || ch === '"') quote = ch;
    } else if (ch === quote) quote = '';
    else if (quote === '"' && ch === '\\') i++;
  }
  return quote !== '';
}

/**
 * The history entry bash records for a command typed as these lines.
 * @param lines the lines of one complete command, as typed
 * @returns the single history entry
 * @example joinHistoryLines(['for n in a b; do', 'echo $n', 'done']) // 'for n in a b; do echo $n; done'
 */
export function joinHistoryLines(lines: readonly string[]): string {
  if (lines.some((line) => /<<-?\s*['"]?[\w-]/.test(line))) return lines.join('\n');
  let entry = lines[0] ?? '';
  for (const line of lines.slice(1)) {
    if (hasOpenQuote(entry)) entry += '\n' + line;
    else if (entry.endsWith('\\')) entry = entry.slice(0, -1) + line;
    else if (line.trim() === '') continue;
    else entry += (OPEN_ENDINGS.test(entry.trimEnd()) ? ' ' : '; ') + line;
  }
  return entry;
}
