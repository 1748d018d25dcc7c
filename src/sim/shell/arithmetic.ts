// Integer arithmetic of `$(( … ))` (a bash subset: + - * / % **, comparisons, && || !, ?:, parens,
// variables). Values are 64-bit in bash; here they are JS integers truncated toward zero.

/** Looks up a variable's value for the arithmetic evaluator. */
export type ArithmeticLookup = (name: string) => string | undefined;

/** An arithmetic error with bash's wording after the `bash: ` prefix. */
export class ArithmeticError {
  readonly message: string;
  constructor(message: string) {
    this.message = message;
  }
}

const TOKEN = /\s*(0[xX][0-9a-fA-F]+|\d+|[A-Za-z_][A-Za-z0-9_]*|\*\*|<=|>=|==|!=|&&|\|\||<<|>>|[-+*/%()<>!?:~&|^])/y;
const BINARY: Record<string, number> = {
  '||': 1, '&&': 2, '|': 3, '^': 4, '&': 5, '==': 6, '!=': 6, '<': 7, '>': 7, '<=': 7, '>=': 7,
  '<<': 8, '>>': 8, '+': 9, '-': 9, '*': 10, '/': 10, '%': 10, '**': 11,
};

/** Splits an expression into tokens, remembering where each starts (for bash's "error token is"). */
function tokenize(expression: string): { tokens: string[]; starts: number[] } | undefined {
  const tokens: string[] = [];
  const starts: number[] = [];
  let at = 0;
  while (at < expression.length) {
    if (/^\s*$/.test(expression.slice(at))) break;
    TOKEN.lastIndex = at;
    const m = TOKEN.exec(expression);
    if (m === null) return undefined;
    tokens.push(m[1] as string);
    starts.push(TOKEN.lastIndex - (m[1] as string).length);
    at = TOKEN.lastIndex;
  }
  return { tokens, starts };
}

function apply(op: string, a: number, b: number, expression: string): number {
  switch (op) {
    case '+': return a + b;
    case '-': return a - b;
    case '*': return a * b;
    case '/':
    case '%':
      if (b === 0) throw new ArithmeticError(`${expression.trim()}: division by 0 (error token is "${String(b)}")`);
      return op === '/' ? Math.trunc(a / b) : a % b;
    case '**': return b < 0 ? 0 : Math.trunc(a ** b);
    case '<': return Number(a < b);
    case '>': return Number(a > b);
    case '<=': return Number(a <= b);
    case '>=': return Number(a >= b);
    case '==': return Number(a === b);
    case '!=': return Number(a !== b);
    case '&&': return Number(a !== 0 && b !== 0);
    case '||': return Number(a !== 0 || b !== 0);
    case '&': return a & b;
    case '|': return a | b;
    case '^': return a ^ b;
    case '<<': return a << b;
    default: return a >> b;
  }
}

/** A Pratt parser over one expression's tokens; errors follow bash's expr.c wording. */
class ArithmeticParser {
  readonly #expression: string;
  readonly #tokens: string[];
  readonly #starts: number[];
  readonly #lookup: ArithmeticLookup;
  readonly #depth: number;
  #pos = 0;

  constructor(expression: string, lexed: { tokens: string[]; starts: number[] }, lookup: ArithmeticLookup, depth: number) {
    this.#expression = expression;
    this.#tokens = lexed.tokens;
    this.#starts = lexed.starts;
    this.#lookup = lookup;
    this.#depth = depth;
  }

  /** Parses and evaluates the whole expression. */
  evaluate(): number {
    if (this.#tokens.length === 0) return 0;
    const result = this.#ternary();
    if (this.#pos < this.#tokens.length) {
      throw new ArithmeticError(`${this.#shown}: syntax error in expression (error token is "${this.#from(this.#pos)}")`);
    }
    return result;
  }

  get #shown(): string {
    return this.#expression.trimStart();
  }

  #from(k: number): string {
    return this.#expression.slice(this.#starts[k] ?? this.#expression.length);
  }

  /** As bash's expr.c: a missing operand names the operator before it. */
  #fail(): never {
    throw new ArithmeticError(`${this.#shown}: syntax error: operand expected (error token is "${this.#from(Math.max(0, this.#pos - 1))}")`);
  }

  #primary(): number {
    const t = this.#tokens[this.#pos++];
    if (t === undefined) {
      this.#pos = this.#tokens.length;
      return this.#fail();
    }
    if (t === '(') {
      const v = this.#ternary();
      if (this.#tokens[this.#pos++] !== ')') this.#fail();
      return v;
    }
    if (t === '-') return -this.#primary();
    if (t === '+') return this.#primary();
    if (t === '!') return Number(this.#primary() === 0);
    if (t === '~') return ~this.#primary();
    if (/^\d/.test(t)) return t.startsWith('0x') || t.startsWith('0X') ? parseInt(t, 16) : parseInt(t, /^0\d/.test(t) ? 8 : 10);
    if (/^[A-Za-z_]/.test(t)) {
      const value = this.#lookup(t) ?? '';
      return value.trim() === '' ? 0 : evaluateArithmetic(value, this.#lookup, this.#depth + 1);
    }
    this.#pos--;
    return this.#fail();
  }

  #binary(minPrec: number): number {
    let left = this.#primary();
    for (;;) {
      const op = this.#tokens[this.#pos];
      const prec = op === undefined ? undefined : BINARY[op];
      if (op === undefined || prec === undefined || prec < minPrec) return left;
      this.#pos++;
      const right = this.#binary(op === '**' ? prec : prec + 1);
      left = apply(op, left, right, this.#expression);
    }
  }

  #ternary(): number {
    const cond = this.#binary(1);
    if (this.#tokens[this.#pos] !== '?') return cond;
    this.#pos++;
    const a = this.#ternary();
    if (this.#tokens[this.#pos++] !== ':') this.#fail();
    const b = this.#ternary();
    return cond !== 0 ? a : b;
  }
}

/**
 * Evaluates an arithmetic expression.
 * @param expression the text inside `$(( ))`
 * @param lookup variable values (unset or empty → 0; a value that is itself an expression is evaluated)
 * @param depth recursion guard for variables whose values are expressions
 * @returns the integer result; throws ArithmeticError (bash's message) on bad input
 * @example evaluateArithmetic('1 + x * 2', () => '3') // 7
 */
export function evaluateArithmetic(expression: string, lookup: ArithmeticLookup, depth = 0): number {
  const lexed = tokenize(expression);
  if (lexed === undefined || depth > 16) {
    const shown = expression.trimStart();
    throw new ArithmeticError(`${shown}: syntax error: invalid arithmetic operator (error token is "${shown}")`);
  }
  return new ArithmeticParser(expression, lexed, lookup, depth).evaluate();
}
