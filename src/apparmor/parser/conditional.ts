/**
 * `if` blocks (`yacc:cond_rule`, `expr`): `if $BOOL { … } else if … else { … }`, `if defined @{X}`, `not`.
 * 5.x adds `and`, `or`, parentheses and comparisons; at 3.0 those are the syntax errors 3.0.8 gives.
 */
import type { BodyItem, Condition, IfBlock } from './ast.ts';
import type { Cursor } from './cursor.ts';

const EXPR_START = 'TOK_BOOL_VAR or TOK_NOT or TOK_DEFINED';

/** `expr: TOK_NOT expr | TOK_BOOL_VAR | TOK_DEFINED ( TOK_SET_VAR | TOK_BOOL_VAR )` (5.x: `( expr )`, `a OP b`, `true`). */
function parsePrimary(c: Cursor): Condition {
  const token = c.peek();
  const start = token.range[0];
  if (c.accept('TOK_NOT')) return { kind: 'not', operand: parsePrimary(c), range: c.rangeFrom(start) };
  if (c.accept('TOK_BOOL_VAR')) return { kind: 'boolean', name: token.text.replace(/^\$\{?|\}$/g, ''), range: token.range };
  if (c.accept('TOK_DEFINED')) {
    const v = c.peek();
    if (v.kind !== 'TOK_SET_VAR' && v.kind !== 'TOK_BOOL_VAR') c.syntaxError('TOK_SET_VAR or TOK_BOOL_VAR');
    c.next();
    const name = v.text.replace(/^[@$]\{?|\}$/g, '');
    return { kind: 'defined', name, isBoolean: v.kind === 'TOK_BOOL_VAR', range: c.rangeFrom(start) };
  }
  if (c.version === '5.0') {
    if (c.accept('TOK_OPENPAREN')) {
      const inner = parseExpression(c);
      c.expect('TOK_CLOSEPAREN', 'TOK_CLOSEPAREN');
      return inner;
    }
    if (c.at('TOK_ID') && c.peek(1).kind !== 'TOK_COMPARE' && (token.text === 'true' || token.text === 'false')) {
      c.next();
      return { kind: 'literal', value: token.text === 'true', range: token.range };
    }
    if (c.at('TOK_ID') || c.at('TOK_SET_VAR')) {
      const left = c.word(c.next());
      const op = c.expect('TOK_COMPARE', 'TOK_COMPARE');
      const right = c.peek();
      if (right.kind !== 'TOK_ID' && right.kind !== 'TOK_SET_VAR') c.syntaxError('TOK_ID or TOK_SET_VAR');
      c.next();
      return { kind: 'compare', operator: op.text, left, right: c.word(right), range: c.rangeFrom(start) };
    }
  }
  return c.syntaxError(EXPR_START);
}

/** 5.x `expr ( and | or ) expr`, left to right. */
function parseExpression(c: Cursor): Condition {
  let left = parsePrimary(c);
  while (c.version === '5.0' && (c.at('TOK_AND') || c.at('TOK_OR'))) {
    const op = c.next().kind === 'TOK_AND' ? 'and' : 'or';
    const right = parsePrimary(c);
    left = { kind: op, left, right, range: [left.range[0], right.range[1]] };
  }
  return left;
}

/**
 * Parses an `if` block.
 * `cond_rule = 'if' expr '{' rules '}' [ 'else' ( '{' rules '}' | cond_rule ) ]`
 *
 * @param c - the cursor, at `if`
 * @param parseBody - the body parser (passed in to keep the module graph acyclic)
 * @returns the block
 */
export function parseConditionalBlock(c: Cursor, parseBody: (c: Cursor) => BodyItem[]): IfBlock {
  const start = c.next().range[0];
  const condition = parseExpression(c);
  c.expect('TOK_OPEN', 'TOK_OPEN');
  const then = parseBody(c);
  c.expect('TOK_CLOSE', 'TOK_ID or TOK_MODE or TOK_SET_VAR');
  let otherwise: BodyItem[] | undefined;
  if (c.accept('TOK_ELSE')) {
    if (c.at('TOK_IF')) otherwise = [parseConditionalBlock(c, parseBody)];
    else {
      c.expect('TOK_OPEN', 'TOK_OPEN or TOK_IF');
      otherwise = parseBody(c);
      c.expect('TOK_CLOSE', 'TOK_ID or TOK_MODE or TOK_SET_VAR');
    }
  }
  return { kind: 'if', condition, then, else: otherwise, range: c.rangeFrom(start) };
}
