/**
 * UTF-8 encoding for the matcher: the kernel matches paths byte by byte, so `?` is one *byte*, not one
 * character. Not a general codec: lone surrogates become U+FFFD, as `TextEncoder` does.
 */

/** A string's UTF-8 bytes and, for each byte, the UTF-16 index of the character it belongs to. */
export type Utf8Text = { bytes: Uint8Array; charIndex: Int32Array };

/**
 * Encodes `text` as UTF-8, remembering where each byte came from.
 *
 * @param text - any JavaScript string
 * @returns the bytes plus a byte → UTF-16 offset map (one extra entry for the end)
 * @example encodeUtf8('é/').bytes // → Uint8Array [0xc3, 0xa9, 0x2f]
 */
export function encodeUtf8(text: string): Utf8Text {
  const bytes: number[] = [];
  const charIndex: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const start = i;
    let cp = text.charCodeAt(i);
    if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        cp = 0x10000 + ((cp - 0xd800) << 10) + (low - 0xdc00);
        i++;
      }
    }
    if (cp < 0x80) {
      // ASCII, nearly every pattern byte: no per-character array
      bytes.push(cp);
      charIndex.push(start);
      continue;
    }
    if (cp >= 0xd800 && cp <= 0xdfff) cp = 0xfffd;
    for (const b of codePointBytes(cp)) {
      bytes.push(b);
      charIndex.push(start);
    }
  }
  charIndex.push(text.length);
  return { bytes: Uint8Array.from(bytes), charIndex: Int32Array.from(charIndex) };
}

function codePointBytes(cp: number): number[] {
  if (cp < 0x80) return [cp];
  if (cp < 0x800) return [0xc0 | (cp >> 6), 0x80 | (cp & 0x3f)];
  if (cp < 0x10000) return [0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f)];
  return [0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 0x3f), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f)];
}

/**
 * The UTF-8 bytes of `text` without the position map (the matcher's hot path; ASCII is copied directly).
 *
 * @param text - any string
 * @returns its UTF-8 bytes
 * @example utf8Bytes('/a') // → Uint8Array [0x2f, 0x61]
 */
export function utf8Bytes(text: string): Uint8Array {
  const ascii = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x80) return encodeUtf8(text).bytes;
    ascii[i] = c;
  }
  return ascii;
}
