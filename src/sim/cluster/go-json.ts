/**
 * Go's encoding/json as kubectl shows it: `json.Marshal` output (sorted keys, compact, HTML-safe escapes)
 * for the `Object 'Kind' is missing in '…'` message, and the decoder's syntax errors
 * (`json: offset 36: invalid character '}' looking for beginning of object key string`, `unexpected EOF`)
 * for manifests written as JSON. Not a JSON parser: JSON.parse does the parsing once this says the text is
 * well formed.
 */

/**
 * Marshals a value as Go's `json.Marshal` does for the `map[string]interface{}` YAMLToJSON produces.
 * @param value a JSON-compatible value
 * @returns compact JSON with object keys sorted and `<`, `>`, `&` escaped as `\u003c` …
 * @example goJsonMarshal({ b: 1, a: '<' }) // → '{"a":"\\u003c","b":1}'
 */
export function goJsonMarshal(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return goJsonString(value);
  if (typeof value === 'number') return Number.isFinite(value) ? goFloat(value) : 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (Array.isArray(value)) return `[${value.map(goJsonMarshal).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${goJsonString(k)}:${goJsonMarshal(v)}`).join(',')}}`;
  }
  return 'null';
}

function goJsonString(text: string): string {
  return JSON.stringify(text)
    .replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** Go formats float64 with 'f' below 1e21 and 'e' (two-digit exponent) above, like JavaScript. */
function goFloat(n: number): string {
  const text = String(n);
  return text.replace(/e([+-])(\d)$/, 'e$10$2');
}

/** Go's `quoteChar` in encoding/json/scanner.go. */
function quoteChar(ch: string): string {
  if (ch === "'") return "'\\''";
  if (ch === '"') return '\'"\'';
  const quoted = JSON.stringify(ch);
  return `'${quoted.slice(1, -1)}'`;
}

/**
 * Checks a JSON text the way Go's decoder would read it and returns its first syntax error.
 * @param text one JSON value (leading/trailing whitespace allowed)
 * @returns Go's error text, or undefined when the text is well formed
 * @example goJsonSyntaxError('{"a": 1,}') // → "json: offset 9: invalid character '}' looking for beginning of object key string"
 */
export function goJsonSyntaxError(text: string): string | undefined {
  let i = 0;
  const ws = (): void => { while (i < text.length && ' \t\r\n'.includes(text[i] ?? '')) i++; };
  class Stop { readonly message: string; constructor(message: string) { this.message = message; } }
  const fail = (context: string): never => {
    if (i >= text.length) throw new Stop('unexpected EOF');
    throw new Stop(`json: offset ${i + 1}: invalid character ${quoteChar(text[i] ?? '')} ${context}`);
  };
  const str = (): void => {
    i++;
    while (i < text.length && text[i] !== '"') {
      if ((text.codePointAt(i) ?? 0) < 0x20) fail('in string literal');
      i += text[i] === '\\' ? 2 : 1;
    }
    if (i >= text.length) fail('');
    i++;
  };
  const value = (): void => {
    ws();
    const ch = text[i];
    if (ch === '{') {
      i++; ws();
      if (text[i] === '}') { i++; return; }
      for (;;) {
        ws();
        if (text[i] !== '"') fail('looking for beginning of object key string');
        str(); ws();
        if (text[i] !== ':') fail('after object key');
        i++; value(); ws();
        if (text[i] === '}') { i++; return; }
        if (text[i] !== ',') fail('after object key:value pair');
        i++;
      }
    } else if (ch === '[') {
      i++; ws();
      if (text[i] === ']') { i++; return; }
      for (;;) {
        value(); ws();
        if (text[i] === ']') { i++; return; }
        if (text[i] !== ',') fail('after array element');
        i++;
      }
    } else if (ch === '"') {
      str();
    } else {
      const literal = /^(?:-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)/.exec(text.slice(i));
      if (!literal) fail('looking for beginning of value');
      i += literal?.[0].length ?? 0;
    }
  };
  try {
    value();
    return undefined;
  } catch (error) {
    if (error instanceof Stop) return error.message;
    throw error;
  }
}
