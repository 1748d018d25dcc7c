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
  const shown = expression.trimStart();
  if (lexed === undefined || depth > 16) {
    throw new ArithmeticError(`${shown}: syntax error: invalid arithmetic operator (error token is "${shown}")`);
  }
  const { tokens, starts } = lexed;
  let pos = 0;
  const from = (k: number): string => expression.slice(starts[k] ?? expression.length);
  // as bash's expr.c: a missing operand names the operator before it, a leftover names itself
  const fail = (): never => {
    throw new ArithmeticError(`${shown}: syntax error: operand expected (error token is "${from(Math.max(0, pos - 1))}")`);
  };
  const leftover = (): never => {
    throw new ArithmeticError(`${shown}: syntax error in expression (error token is "${from(pos)}")`);
  };
  const primary = (): number => {
    const t = tokens[pos++];
    if (t === undefined) {
      pos = tokens.length;
      return fail();
    }
    if (t === '(') {
      const v = ternary();
      if (tokens[pos++] !== ')') fail();
      return v;
    }
    if (t === '-') return -primary();
    if (t === '+') return primary();
    if (t === '!') return Number(primary() === 0);
    if (t === '~') return ~primary();
    if (/^\d/.test(t)) return t.startsWith('0x') || t.startsWith('0X') ? parseInt(t, 16) : parseInt(t, /^0\d/.test(t) ? 8 : 10);
    if (/^[A-Za-z_]/.test(t)) {
      const value = lookup(t) ?? '';
      return value.trim() === '' ? 0 : evaluateArithmetic(value, lookup, depth + 1);
    }
    pos--;
    return fail();
  };
  const binary = (minPrec: number): number => {
    let left = primary();
    for (;;) {
      const op = tokens[pos];
      const prec = op === undefined ? undefined : BINARY[op];
      if (op === undefined || prec === undefined || prec < minPrec) return left;
      pos++;
      const right = binary(op === '**' ? prec : prec + 1);
      left = apply(op, left, right, expression);
    }
  };
  const ternary = (): number => {
    const cond = binary(1);
    if (tokens[pos] !== '?') return cond;
    pos++;
    const a = ternary();
    if (tokens[pos++] !== ':') fail();
    const b = ternary();
    return cond !== 0 ? a : b;
  };
  if (tokens.length === 0) return 0;
  const result = ternary();
  if (pos < tokens.length) leftover();
  return result;
}
