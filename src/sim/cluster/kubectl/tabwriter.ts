/**
 * Go's text/tabwriter as kubectl uses it (left-aligned, space padding, no flags): cells end at `\t`,
 * a column's width is set per block of consecutive lines having that column, and a line without a tab
 * ends every block. Pure text layout; the printers decide what goes in the cells.
 */

/** The writer's settings (`tabwriter.NewWriter(out, minwidth, tabwidth, padding, ' ', 0)`). */
export type TabwriterOptions = { readonly minWidth: number; readonly padding: number };

/** kubectl get's printers.GetNewTabWriter: minwidth 6, padding 3. */
export const GET_TABWRITER: TabwriterOptions = { minWidth: 6, padding: 3 };
/** kubectl describe's tabwriter: minwidth 0, padding 2. */
export const DESCRIBE_TABWRITER: TabwriterOptions = { minWidth: 0, padding: 2 };

/**
 * Lays out tab-separated text as Go's tabwriter (format/writeLines in tabwriter.go).
 * @param text lines ending in `\n`, cells separated by `\t`
 * @param options minimum width and padding
 * @returns the aligned text
 * @example tabwrite('NAME\tAGE\nnginx\t5s\n', GET_TABWRITER) // → 'NAME    AGE\nnginx   5s\n'
 */
export function tabwrite(text: string, options: TabwriterOptions): string {
  const hasFinalNewline = text.endsWith('\n');
  const lines = (hasFinalNewline ? text.slice(0, -1) : text).split('\n').map((l) => l.split('\t'));
  const out: string[] = [];
  const widths: number[] = [];
  const writeLines = (from: number, to: number): void => {
    for (let i = from; i < to; i++) {
      const cells = lines[i] ?? [];
      let line = '';
      cells.forEach((cell, j) => {
        line += j < widths.length ? cell + ' '.repeat(Math.max(0, (widths[j] ?? 0) - width(cell))) : cell;
      });
      out.push(line);
    }
  };
  const format = (start: number, end: number): void => {
    let line0 = start;
    const column = widths.length;
    for (let at = start; at < end; at++) {
      if (column >= (lines[at]?.length ?? 0) - 1) continue;
      writeLines(line0, at);
      line0 = at;
      let w = options.minWidth;
      for (; at < end; at++) {
        const cells = lines[at] ?? [];
        if (column >= cells.length - 1) break;
        w = Math.max(w, width(cells[column] ?? '') + options.padding);
      }
      widths.push(w);
      format(line0, at);
      widths.pop();
      line0 = at;
      at -= 1;
    }
    writeLines(line0, end);
  };
  format(0, lines.length);
  return out.join('\n') + (hasFinalNewline ? '\n' : '');
}

/** Width in runes, as tabwriter counts a cell's text (utf8.RuneCount). */
function width(cell: string): number {
  return [...cell].length;
}
