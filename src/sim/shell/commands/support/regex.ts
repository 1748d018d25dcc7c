/**
 * POSIX regular expressions (grep's BRE and ERE) translated to JavaScript RegExp source: BRE's `\(`,
 * `\{`, `\|`, `\+`, `\?` versus literal `( { | + ?`, bracket expressions with `[:alpha:]` classes, and
 * GNU grep's error messages for the malformed ones.
 */

const CLASSES: Record<string, string> = {
  alpha: 'A-Za-z', digit: '0-9', alnum: 'A-Za-z0-9', upper: 'A-Z', lower: 'a-z', space: ' \\t\\n\\r\\f\\v',
  blank: ' \\t', punct: '!-\\/:-@\\[-`{-~', xdigit: '0-9A-Fa-f', cntrl: '\\x00-\\x1f\\x7f', print: ' -~', graph: '!-~', word: 'A-Za-z0-9_',
};

/** A translated pattern, or GNU grep's message for an invalid one. */
export type Translated = { ok: true; source: string } | { ok: false; message: string };

/** Translates `[...]` starting at `start`; returns the JS class and the index after `]`. */
function bracket(pattern: string, start: number): { text: string; end: number } | undefined {
  let i = start + 1;
  let out = '[';
  if (pattern[i] === '^') {
    out += '^';
    i++;
  }
  if (pattern[i] === ']') {
    out += '\\]';
    i++;
  }
  while (i < pattern.length && pattern[i] !== ']') {
    const cls = /^\[:([a-z]+):\]/.exec(pattern.slice(i));
    if (cls) {
      const body = CLASSES[cls[1] ?? ''];
      if (body === undefined) return undefined;
      out += body;
      i += cls[0].length;
      continue;
    }
    const char = pattern[i] ?? '';
    out += char === '\\' || char === '[' ? `\\${char}` : char;
    i++;
  }
  if (i >= pattern.length) return undefined;
  return { text: `${out}]`, end: i + 1 };
}

/**
 * Translates a grep pattern.
 * @param pattern - the pattern text
 * @param isExtended - ERE (`grep -E`) instead of BRE
 * @returns the JavaScript source or the error message
 * @example translateRegex('a\\|b', false) // → { ok: true, source: 'a|b' }
 */
export function translateRegex(pattern: string, isExtended: boolean): Translated {
  let out = '';
  let depth = 0;
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i] ?? '';
    if (char === '[') {
      const cls = bracket(pattern, i);
      // as grep 3.8: a `[` (or `[^`) that ends the pattern is 'Invalid regular expression'; `[a` is Unmatched
      const isBare = /^\[\^?$/.test(pattern.slice(i));
      if (!cls) return { ok: false, message: isBare ? 'Invalid regular expression' : 'Unmatched [, [^, [:, [., or [=' };
      out += cls.text;
      i = cls.end - 1;
      continue;
    }
    const isEscape = char === '\\' && i + 1 < pattern.length;
    const token = isEscape ? pattern[++i] ?? '' : char;
    const isSpecial = isExtended ? !isEscape : isEscape;
    if ('(){}|+?'.includes(token)) {
      if (!isSpecial) {
        out += `\\${token}`;
        continue;
      }
      if (token === '(') depth++;
      if (token === ')') {
        if (depth === 0) {
          if (isExtended) {
            out += '\\)';
            continue;
          }
          return { ok: false, message: 'Unmatched ) or \\)' };
        }
        depth--;
      }
      if (token === '{') {
        const interval = /^(\d*)(,\d*)?\\?\}/.exec(pattern.slice(i + 1));
        if (!interval) {
          if (isExtended) {
            out += '\\{';
            continue;
          }
          return { ok: false, message: 'Unmatched \\{' };
        }
        out += `{${interval[1] || '0'}${interval[2] ?? ''}}`;
        i += interval[0].length;
        continue;
      }
      out += token;
      continue;
    }
    if (isEscape) out += /[wWsSbB<>]/.test(token) ? translateGnuEscape(token) : `\\${token}`;
    else if (char === '*' && (out === '' || out.endsWith('(') || out.endsWith('|') || out === '^')) out += '\\*';
    else out += '/.^$*'.includes(char) ? char : escapeLiteral(char);
  }
  if (depth > 0) return { ok: false, message: 'Unmatched ( or \\(' };
  return { ok: true, source: out };
}

function translateGnuEscape(token: string): string {
  if (token === '<') return '\\b(?=\\w)';
  if (token === '>') return '\\b(?<=\\w)';
  return `\\${token}`;
}

function escapeLiteral(char: string): string {
  return /[\]{}()|+?]/.test(char) ? `\\${char}` : char;
}
