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

/** Thrown inside the scanner only, to unwind to {@link splitJsonStream}. */
class JsonStop {
  readonly message: string;
  constructor(message: string) { this.message = message; }
}

/** encoding/json's scanner, reduced to syntax checking with Go's error texts and 1-based byte offsets. */
class GoJsonScanner {
  readonly #text: string;
  #i = 0;

  constructor(text: string) { this.#text = text; }

  get offset(): number { return this.#i; }

  skipSpace(): void {
    while (this.#i < this.#text.length && ' \t\r\n'.includes(this.#text[this.#i] ?? '')) this.#i++;
  }

  value(): void {
    this.skipSpace();
    const ch = this.#text[this.#i];
    if (ch === '{') this.#object();
    else if (ch === '[') this.#array();
    else if (ch === '"') this.#string();
    else {
      const literal = /^(?:-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)/.exec(this.#text.slice(this.#i));
      if (!literal) this.#fail('looking for beginning of value');
      this.#i += literal?.[0].length ?? 0;
    }
  }

  #object(): void {
    this.#i++;
    this.skipSpace();
    if (this.#text[this.#i] === '}') { this.#i++; return; }
    for (;;) {
      this.skipSpace();
      if (this.#text[this.#i] !== '"') this.#fail('looking for beginning of object key string');
      this.#string();
      this.skipSpace();
      if (this.#text[this.#i] !== ':') this.#fail('after object key');
      this.#i++;
      this.value();
      this.skipSpace();
      if (this.#text[this.#i] === '}') { this.#i++; return; }
      if (this.#text[this.#i] !== ',') this.#fail('after object key:value pair');
      this.#i++;
    }
  }

  #array(): void {
    this.#i++;
    this.skipSpace();
    if (this.#text[this.#i] === ']') { this.#i++; return; }
    for (;;) {
      this.value();
      this.skipSpace();
      if (this.#text[this.#i] === ']') { this.#i++; return; }
      if (this.#text[this.#i] !== ',') this.#fail('after array element');
      this.#i++;
    }
  }

  #string(): void {
    this.#i++;
    while (this.#i < this.#text.length && this.#text[this.#i] !== '"') {
      if ((this.#text.codePointAt(this.#i) ?? 0) < 0x20) this.#fail('in string literal');
      this.#i += this.#text[this.#i] === '\\' ? 2 : 1;
    }
    if (this.#i >= this.#text.length) this.#fail('');
    this.#i++;
  }

  #fail(context: string): never {
    if (this.#i >= this.#text.length) throw new JsonStop('unexpected EOF');
    throw new JsonStop(`json: offset ${this.#i + 1}: invalid character ${quoteChar(this.#text[this.#i] ?? '')} ${context}`);
  }
}

/**
 * Splits a stream of JSON values (`{…}{…}` or one per line) the way kubectl's JSON decoder reads a file,
 * stopping at the first syntax error with Go's wording.
 * @param text the file's contents
 * @returns each value's text, and the error that stopped the stream
 * @example splitJsonStream('{"a": 1,}').error // → "json: offset 9: invalid character '}' looking for beginning of object key string"
 */
export function splitJsonStream(text: string): { values: string[]; error?: string } {
  const scanner = new GoJsonScanner(text);
  const values: string[] = [];
  try {
    for (;;) {
      scanner.skipSpace();
      if (scanner.offset >= text.length) return { values };
      const start = scanner.offset;
      scanner.value();
      values.push(text.slice(start, scanner.offset));
    }
  } catch (error) {
    if (error instanceof JsonStop) return { values, error: error.message };
    throw error;
  }
}
