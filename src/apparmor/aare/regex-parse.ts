/**
 * Regex text → expression tree, as libapparmor_re's `parse.y` (the grammar the parser's DFA builder uses):
 * `|`, `*`, `+`, `( )`, `[...]`, `[^...]`, `.` and backslash escapes, over bytes. `?`, `{`, `}` and `$` are
 * ordinary characters there. It rejects what bison rejects (`[]`, `[a-]`, `[a-c-e]`) and nothing more.
 */
import { readEscape } from './escapes.ts';

/** A byte-set leaf: `form` records how it was written, which matters for exact-match and xmatch_len. */
export type SetNode = {
  kind: 'set';
  /** 256 flags: 1 when the byte matches. */
  bytes: Uint8Array;
  form: 'char' | 'set' | 'notset' | 'any';
  /** Index of the glob token this leaf was written as (see convert.ts). */
  token: number;
};

/** The expression tree (n-ary cat/alt; the C tree is binary but matches the same strings). */
export type RegexNode =
  | { kind: 'eps' }
  | SetNode
  | { kind: 'cat'; items: RegexNode[] }
  | { kind: 'alt'; items: RegexNode[] }
  | { kind: 'star'; child: RegexNode }
  | { kind: 'plus'; child: RegexNode };

type TokenType = 'CHAR' | '*' | '+' | '.' | '|' | '^' | '-' | '[' | ']' | '(' | ')' | 'EOF';
type Lexeme = { type: TokenType; value: number; pos: number; next: number };

const OPERATORS = '*+.|^-[]()';
const ESCAPABLE = '*+.|^$-[](){}';
const TERM_START: ReadonlySet<TokenType> = new Set(['.', 'CHAR', '^', '-', ']', '[', '(']);
const CSET_CHAR: ReadonlySet<TokenType> = new Set(['CHAR', '[', '*', '+', '.', '|', '(', ')']);

class RegexSyntaxError {
  readonly pos: number;
  constructor(pos: number) {
    this.pos = pos;
  }
}

// Leaves only read their byte table, so one-byte and any-byte leaves share constant tables: a pattern of a
// hundred literal characters no longer allocates a hundred 256-byte arrays.
const ANY_BYTE = new Uint8Array(256).fill(1);
const SINGLE_BYTES: (Uint8Array | undefined)[] = [];

function singleByte(value: number): Uint8Array {
  let bytes = SINGLE_BYTES[value];
  if (bytes === undefined) {
    bytes = new Uint8Array(256);
    bytes[value] = 1;
    SINGLE_BYTES[value] = bytes;
  }
  return bytes;
}

/**
 * Parses regex bytes into a tree.
 *
 * @param bytes - the regex as UTF-8 bytes
 * @param tokenOf - for each byte, the glob token it belongs to
 * @returns the tree, or the byte offset where the grammar failed
 * @example parseRegex(new Uint8Array([0x61, 0x2a]), [0, 0]) // → { ok: true, tree: star of 'a' }
 */
export function parseRegex(
  bytes: Uint8Array,
  tokenOf: ArrayLike<number>,
): { ok: true; tree: RegexNode } | { ok: false; offset: number } {
  const parser = new Parser(bytes, tokenOf);
  try {
    const tree = parser.regex();
    if (parser.peek().type !== 'EOF') return { ok: false, offset: parser.peek().pos };
    return { ok: true, tree };
  } catch (error) {
    if (error instanceof RegexSyntaxError) return { ok: false, offset: error.pos };
    throw error;
  }
}

class Parser {
  #bytes: Uint8Array;
  #tokenOf: ArrayLike<number>;
  #current: Lexeme;

  constructor(bytes: Uint8Array, tokenOf: ArrayLike<number>) {
    this.#bytes = bytes;
    this.#tokenOf = tokenOf;
    this.#current = this.#lex(0);
  }

  peek(): Lexeme {
    return this.#current;
  }

  #take(): Lexeme {
    const taken = this.#current;
    this.#current = this.#lex(taken.next);
    return taken;
  }

  /** As parse.y `regex_lex`: operators are themselves, `\` escapes, NUL ends the text. */
  #lex(pos: number): Lexeme {
    if (pos >= this.#bytes.length || this.#bytes[pos] === 0) return { type: 'EOF', value: 0, pos, next: pos };
    const c = this.#bytes[pos] as number;
    const ch = String.fromCharCode(c);
    if (c < 0x80 && OPERATORS.includes(ch)) return { type: ch as TokenType, value: c, pos, next: pos + 1 };
    if (ch === '\\') {
      const escape = readEscape(this.#bytes, pos + 1, ESCAPABLE);
      // An unknown escape yields a literal backslash and the next character is read on its own.
      if (escape === undefined) return { type: 'CHAR', value: 0x5c, pos, next: pos + 1 };
      return { type: 'CHAR', value: escape.value, pos, next: escape.next };
    }
    return { type: 'CHAR', value: c, pos, next: pos + 1 };
  }

  /** `regex : (empty) | expr` */
  regex(): RegexNode {
    const t = this.peek().type;
    if (t === 'EOF' || t === ')') return { kind: 'eps' };
    return this.#expr();
  }

  /** `expr : terms | expr '|' terms0 | '|' terms0` */
  #expr(): RegexNode {
    const items: RegexNode[] = [this.peek().type === '|' ? { kind: 'eps' } : this.#terms()];
    while (this.peek().type === '|') {
      this.#take();
      items.push(TERM_START.has(this.peek().type) ? this.#terms() : { kind: 'eps' });
    }
    return items.length === 1 ? (items[0] as RegexNode) : { kind: 'alt', items };
  }

  /** `terms : qterm | terms qterm` */
  #terms(): RegexNode {
    if (!TERM_START.has(this.peek().type)) throw new RegexSyntaxError(this.peek().pos);
    const items: RegexNode[] = [];
    while (TERM_START.has(this.peek().type)) items.push(this.#qterm());
    return items.length === 1 ? (items[0] as RegexNode) : { kind: 'cat', items };
  }

  /** `qterm : term | term '*' | term '+'` */
  #qterm(): RegexNode {
    const term = this.#term();
    const t = this.peek().type;
    if (t === '*') {
      this.#take();
      return { kind: 'star', child: term };
    }
    if (t === '+') {
      this.#take();
      return { kind: 'plus', child: term };
    }
    return term;
  }

  /** `term : '.' | regex_char | '[' charset ']' | '[' '^' charset ']' | '[' '^' '^' cset_chars ']' | '(' regex ')'` */
  #term(): RegexNode {
    const lexeme = this.#take();
    const token = this.#tokenOf[lexeme.pos] ?? -1;
    switch (lexeme.type) {
      case '.':
        return { kind: 'set', bytes: ANY_BYTE, form: 'any', token };
      case '[':
        return this.#bracket(token);
      case '(': {
        const inner = this.regex();
        if (this.peek().type !== ')') throw new RegexSyntaxError(this.peek().pos);
        this.#take();
        return inner;
      }
      default:
        return { kind: 'set', bytes: singleByte(lexeme.value), form: 'char', token };
    }
  }

  #bracket(token: number): SetNode {
    const chars = new Uint8Array(256);
    let negated = false;
    if (this.peek().type === '^') {
      this.#take();
      negated = true;
      if (this.peek().type === '^') {
        this.#take();
        chars[0x5e] = 1;
        this.#csetChars(chars);
      } else {
        this.#charset(chars);
      }
    } else {
      this.#charset(chars);
    }
    if (this.peek().type !== ']') throw new RegexSyntaxError(this.peek().pos);
    this.#take();
    if (negated) for (let b = 0; b < 256; b++) chars[b] = chars[b] ? 0 : 1;
    return { kind: 'set', bytes: chars, form: negated ? 'notset' : 'set', token };
  }

  /** `charset : cset_char1 cset_chars | cset_char1 '-' cset_charN cset_chars` */
  #charset(chars: Uint8Array): void {
    const first = this.#take();
    if (!CSET_CHAR.has(first.type) && first.type !== ']' && first.type !== '-') throw new RegexSyntaxError(first.pos);
    if (this.peek().type === '-') {
      this.#take();
      addRange(chars, first.value, this.#csetCharN().value);
    } else {
      chars[first.value] = 1;
    }
    this.#csetChars(chars);
  }

  /** `cset_chars : (nothing) | cset_chars cset_charN | cset_chars cset_charN '-' cset_charN` */
  #csetChars(chars: Uint8Array): void {
    while (CSET_CHAR.has(this.peek().type) || this.peek().type === '^') {
      const low = this.#take();
      if (this.peek().type === '-') {
        this.#take();
        addRange(chars, low.value, this.#csetCharN().value);
      } else {
        chars[low.value] = 1;
      }
    }
  }

  #csetCharN(): Lexeme {
    const lexeme = this.#take();
    if (!CSET_CHAR.has(lexeme.type) && lexeme.type !== '^') throw new RegexSyntaxError(lexeme.pos);
    return lexeme;
  }
}

/** As parse.y `insert_char_range`: a reversed range is swapped, not rejected. */
function addRange(chars: Uint8Array, a: number, b: number): void {
  const [low, high] = a <= b ? [a, b] : [b, a];
  for (let c = low; c <= high; c++) chars[c] = 1;
}
