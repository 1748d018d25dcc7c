/**
 * Rules added after AppArmor 3.0: `userns`, `mqueue`, `io_uring` and `all` (`apparmor.d(5)` v5.0.2). The lexer
 * only produces their tokens at language level 5.0; at 3.0 these words are plain ids and fail as 3.0.8 fails.
 */
import type { AllRule, Conditional, IoUringRule, MqueueRule, Qualifiers, UsernsRule, Word } from '../ast.ts';
import type { Range } from '../../source.ts';
import type { Cursor } from '../cursor.ts';
import { parseConditionals, parsePerms } from './conditionals.ts';

/**
 * Parses `userns [create] ,`, `mqueue [perms] [conds] [NAME] ,`, `io_uring [perms] [label=…] ,` or `all ,`.
 *
 * @param c - the cursor, at the keyword
 * @param qualifiers - the parsed prefix
 * @param start - offset where the rule starts
 * @returns the rule
 */
export function parseNewerRule(c: Cursor, qualifiers: Qualifiers, start: number): UsernsRule | MqueueRule | IoUringRule | AllRule {
  const keyword = c.next();
  if (keyword.kind === 'TOK_ALL') {
    c.expect('TOK_END_OF_RULE', 'TOK_END_OF_RULE');
    return { kind: 'all', qualifiers, range: c.rangeFrom(start) };
  }
  const perms = parsePerms(c);
  const conditionals = keyword.kind === 'TOK_USERNS' ? [] : parseConditionals(c);
  let name: Word | undefined;
  if (keyword.kind === 'TOK_MQUEUE' && c.at('TOK_ID')) name = c.word(c.next());
  c.expect('TOK_END_OF_RULE', 'TOK_END_OF_RULE');
  const range = c.rangeFrom(start);
  const badCond = keyword.kind === 'TOK_IO_URING' ? conditionals.find((cond) => cond.name !== 'label') : undefined;
  if (badCond) c.report('INVALID_RULE_OPTION', badCond.range, `invalid io_uring rule conditional "${badCond.name}"`, { line: c.peek(-1).line });
  if (keyword.kind === 'TOK_USERNS') return { kind: 'userns', qualifiers, perms, range };
  if (keyword.kind === 'TOK_MQUEUE') {
    checkMqueue(c, conditionals, name, range);
    return { kind: 'mqueue', qualifiers, perms, conditionals, name, range };
  }
  return { kind: 'io_uring', qualifiers, perms, conditionals, range };
}

/** `mqueue.cc`: `type` is posix or sysv; posix queue names start with `/`, sysv keys are numbers. */
function checkMqueue(c: Cursor, conds: Conditional[], name: Word | undefined, range: Range): void {
  const type = conds.find((cond) => cond.name === 'type')?.values[0]?.text;
  const line = c.peek(-1).line;
  if (type !== undefined && type !== 'posix' && type !== 'sysv') {
    c.report('INVALID_RULE_OPTION', range, `mqueue type '${type}' is not posix or sysv`, { line });
    return;
  }
  if (!name) return;
  const isPosixName = name.text.startsWith('/') || name.text.startsWith('@{');
  const isSysvKey = /^[0-9]+$/.test(name.text);
  if ((type === 'posix' && !isPosixName) || (type === 'sysv' && !isSysvKey) || (!type && !isPosixName && !isSysvKey)) {
    c.report('INVALID_RULE_OPTION', name.range, `mqueue name '${name.text}' does not fit the queue type`, { line });
  }
}
