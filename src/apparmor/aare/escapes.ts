/**
 * Backslash escape sequences, as apparmor's `lib.c:strn_escseq`: octal `\101`, decimal `\d065`, hex `\x41`,
 * the C letters `\a \e \f \n \r \t`, `\\` and `\"`, plus a caller-chosen set of literal characters.
 */

/** A decoded escape: the byte value and the index just after the sequence. */
export type Escape = { value: number; next: number };

/**
 * Reads the escape sequence that starts at `pos` (just after the backslash) in a byte string.
 *
 * @param text - the bytes (or char codes) being read
 * @param pos - index of the first character after the `\`
 * @param literal - characters that escape to themselves (the regex lexer passes `*+.|^$-[](){}`)
 * @returns the escape, or `undefined` for an unsupported sequence (the caller then treats `\` literally)
 * @example readEscape([0x78, 0x34, 0x31], 0, '') // → { value: 0x41, next: 3 }  ("\x41")
 */
export function readEscape(text: ArrayLike<number>, pos: number, literal: string): Escape | undefined {
  if (pos >= text.length) return undefined;
  const c = text[pos] ?? 0;
  if (c >= 0x30 && c <= 0x37) return readNumber(text, pos, 8, 3);
  const after = pos + 1;
  switch (String.fromCharCode(c)) {
    case '\\': return { value: 0x5c, next: after };
    case '"': return { value: 0x22, next: after };
    case 'd': return readNumber(text, after, 10, 3);
    case 'x': return readNumber(text, after, 16, 2);
    case 'a': return { value: 7, next: after };
    case 'e': return { value: 0x1b, next: after };
    case 'f': return { value: 0x0c, next: after };
    case 'n': return { value: 0x0a, next: after };
    case 'r': return { value: 0x0d, next: after };
    case 't': return { value: 0x09, next: after };
  }
  if (c !== 0 && literal.includes(String.fromCharCode(c))) return { value: c, next: after };
  return undefined;
}

/** As `lib.c:strntol`: take digits while the value stays ≤ 255, at most `maxDigits`; none → invalid. */
function readNumber(text: ArrayLike<number>, pos: number, base: number, maxDigits: number): Escape | undefined {
  let value = 0;
  let i = pos;
  while (i < text.length && i - pos < maxDigits) {
    const digit = digitValue(text[i] ?? 0, base);
    if (digit < 0 || value * base + digit > 255) break;
    value = value * base + digit;
    i++;
  }
  return i === pos ? undefined : { value, next: i };
}

function digitValue(c: number, base: number): number {
  let v = -1;
  if (c >= 0x30 && c <= 0x39) v = c - 0x30;
  else if (c >= 0x61 && c <= 0x7a) v = c - 0x61 + 10;
  else if (c >= 0x41 && c <= 0x5a) v = c - 0x41 + 10;
  return v >= 0 && v < base ? v : -1;
}
