/** `change_profile [[safe|unsafe] EXEC] [-> PROFILE] ,` (`apparmor.d(5)` "Change Profile rules"). */
import type { ChangeProfileRule, Qualifiers, Word } from '../ast.ts';
import type { Cursor } from '../cursor.ts';

/**
 * Parses a change_profile rule after its qualifiers.
 * `CHANGE_PROFILE RULE = 'change_profile' [ [ 'safe' | 'unsafe' ] EXEC_GLOB ] [ '->' PROFILE_AARE ] ','`
 *
 * @param c - the cursor, at `change_profile`
 * @param qualifiers - the parsed prefix
 * @param start - offset where the rule starts
 * @returns the rule
 */
export function parseChangeProfileRule(c: Cursor, qualifiers: Qualifiers, start: number): ChangeProfileRule {
  c.next();
  let safety: 'safe' | 'unsafe' | undefined;
  if (c.accept('TOK_SAFE')) safety = 'safe';
  else if (c.accept('TOK_UNSAFE')) safety = 'unsafe';
  const execPath: Word | undefined = c.at('TOK_ID') ? c.word(c.next()) : undefined;
  let target: Word | undefined;
  if (c.accept('TOK_ARROW')) target = c.word(c.expect('TOK_ID', 'TOK_ID or TOK_SET_VAR'));
  const end = c.expect('TOK_END_OF_RULE', 'TOK_ARROW or TOK_END_OF_RULE');
  const range = c.rangeFrom(start);
  if (!execPath && safety) {
    c.report('INVALID_CHANGE_PROFILE', range, 'Exec condition is required when unsafe or safe keywords are present', { line: end.line });
  } else if (execPath && !(execPath.text.startsWith('/') || execPath.text.startsWith('@{'))) {
    c.report('INVALID_CHANGE_PROFILE', execPath.range, "Exec condition must begin with '/'.", { line: end.line });
  }
  return { kind: 'change_profile', qualifiers, safety, execPath, target, range };
}
