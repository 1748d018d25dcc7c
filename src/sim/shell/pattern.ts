// bash pattern matching (`*`, `?`, `[…]`) for globbing, `case` and `${x#pat}`. Patterns arrive with
// quoted characters backslash-escaped, so a quoted `*` stays a literal star (as bash's quote_string_for_globbing).

const CLASSES: Record<string, string> = {
  alpha: 'A-Za-z', digit: '0-9', alnum: 'A-Za-z0-9', upper: 'A-Z', lower: 'a-z', space: ' \\t\\n\\r\\f\\v',
  blank: ' \\t', punct: '!-\\/:-@\\[-`{-~', xdigit: '0-9A-Fa-f', word: 'A-Za-z0-9_', cntrl: '\\x00-\\x1f\\x7f',
  print: ' -~', graph: '!-~',
};

const escapeRegExp = (c: string): string => c.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');

/** Reads a bracket expression at `i` (the `[`); returns its regex class and the end, or undefined. */
function readBracket(pattern: string, i: number): { source: string; end: number } | undefined {
  let j = i + 1;
  let negate = false;
  if (pattern[j] === '!' || pattern[j] === '^') {
    negate = true;
    j++;
  }
  let body = '';
  let isFirst = true;
  for (; j < pattern.length; j++) {
    const c = pattern[j] as string;
    if (c === ']' && !isFirst) return { source: `[${negate ? '^' : ''}${body}]`, end: j + 1 };
    isFirst = false;
    if (c === '[' && pattern[j + 1] === ':') {
      const close = pattern.indexOf(':]', j + 2);
      const cls = close < 0 ? undefined : CLASSES[pattern.slice(j + 2, close)];
      if (cls !== undefined) {
        body += cls;
        j = close + 1;
        continue;
      }
    }
    const literal = c === '\\' && j + 1 < pattern.length ? (pattern[++j] as string) : c;
    const to = pattern[j + 2];
    if (pattern[j + 1] === '-' && to !== undefined && to !== ']') {
      // a range; a reversed one (`[z-a]`) matches nothing, as in bash
      if (literal <= to) body += `${escapeRegExp(literal)}-${escapeRegExp(to)}`;
      j += 2;
    } else body += escapeRegExp(literal);
  }
  return undefined;
}

/**
 * Compiles an anchored pattern; a source the engine rejects matches nothing instead of throwing.
 * @param source a regex source from patternToRegExpSource
 * @returns the anchored RegExp
 * @example anchoredRegExp('a[\\s\\S]*').test('abc') // true
 */
export function anchoredRegExp(source: string): RegExp {
  try {
    return new RegExp(`^${source}$`);
  } catch {
    return /(?!)/;
  }
}

/**
 * Converts a pattern to a RegExp source (without anchors).
 * @param pattern the pattern, quoted characters escaped with `\`
 * @returns the regex source; `*` and `?` match any character including `/`
 * @example patternToRegExpSource('a*.[ch]') // 'a[\\s\\S]*\\.[ch]'
 */
export function patternToRegExpSource(pattern: string): string {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i] as string;
    if (c === '\\') out += escapeRegExp(pattern[++i] ?? '\\');
    else if (c === '*') {
      if (!out.endsWith('[\\s\\S]*')) out += '[\\s\\S]*';
    } else if (c === '?') out += '[\\s\\S]';
    else if (c === '[') {
      const bracket = readBracket(pattern, i);
      if (bracket === undefined) out += '\\[';
      else {
        out += bracket.source;
        i = bracket.end - 1;
      }
    } else out += escapeRegExp(c);
  }
  return out;
}

/**
 * Whether a pattern has an unescaped `*`, `?` or a complete `[…]`.
 * @param pattern the pattern, quoted characters escaped with `\`
 * @returns true when globbing could change the word
 * @example hasGlobChars('a\\*b') // false
 */
export function hasGlobChars(pattern: string): boolean {
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') i++;
    else if (c === '*' || c === '?') return true;
    else if (c === '[' && readBracket(pattern, i) !== undefined) return true;
  }
  return false;
}

/**
 * Whether a whole string matches a pattern (as `case` and `[[ == ]]` do).
 * @param text the subject
 * @param pattern the pattern, quoted characters escaped with `\`
 * @returns true on a full match
 * @example matchPattern('abc', 'a*') // true
 */
export function matchPattern(text: string, pattern: string): boolean {
  return anchoredRegExp(patternToRegExpSource(pattern)).test(text);
}

/**
 * Removes backslash escapes, giving the literal a pattern stands for when nothing matched.
 * @param pattern the escaped pattern
 * @returns the text with `\x` → `x`
 * @example unescapePattern('a\\*') // 'a*'
 */
export function unescapePattern(pattern: string): string {
  return pattern.replace(/\\([\s\S])/g, '$1');
}

/**
 * The shortest or longest prefix/suffix removal of `${x#p}`, `${x##p}`, `${x%p}`, `${x%%p}`.
 * @param text the value
 * @param pattern the escaped pattern
 * @param op one of `#`, `##`, `%`, `%%`
 * @returns the value with the matched part removed
 * @example removeAffix('a/b/c', '*\/', '##') // 'c'
 */
export function removeAffix(text: string, pattern: string, op: '#' | '##' | '%' | '%%'): string {
  const re = anchoredRegExp(patternToRegExpSource(pattern));
  const n = text.length;
  if (op === '#' || op === '##') {
    const order = op === '#' ? Array.from({ length: n + 1 }, (_, k) => k) : Array.from({ length: n + 1 }, (_, k) => n - k);
    for (const k of order) if (re.test(text.slice(0, k))) return text.slice(k);
    return text;
  }
  const order = op === '%' ? Array.from({ length: n + 1 }, (_, k) => n - k) : Array.from({ length: n + 1 }, (_, k) => k);
  for (const k of order) if (re.test(text.slice(k))) return text.slice(0, k);
  return text;
}
