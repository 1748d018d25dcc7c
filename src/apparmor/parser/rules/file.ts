/**
 * File and link rules (`apparmor.d(5)` "File rules", "Link rules"; `yacc:file_rule`, `frule`, `link_rule`).
 * Checks done here are the ones apparmor_parser does while parsing, with its wording.
 */
import type { FileMode, FileRule, LinkRule, Qualifiers, Word } from '../ast.ts';
import { SyntaxAbort, type Cursor } from '../cursor.ts';
import type { Token } from '../../lexer/tokens.ts';
import { decodeFileMode } from './file-mode.ts';

const RULE_START = 'TOK_ID or TOK_MODE or TOK_SET_VAR';

function parseIdOrVar(c: Cursor, expecting: string): Token {
  const token = c.peek();
  if (token.kind === 'TOK_ID' || token.kind === 'TOK_SET_VAR') return c.next();
  return c.syntaxError(expecting);
}

function parseMode(c: Cursor, token: Token): FileMode {
  const { decoded, error, errorKind } = decodeFileMode(token.text);
  const code = errorKind === 'write-append' ? 'WRITE_AND_APPEND' : errorKind === 'exec' ? 'CONFLICTING_EXEC_MODES' : 'INVALID_PERMISSION';
  if (error) c.report(code, token.range, error, { line: token.line });
  return { text: token.text, range: token.range, decoded };
}

function parseOptTarget(c: Cursor): Word | undefined {
  if (!c.accept('TOK_ARROW')) return undefined;
  return c.word(parseIdOrVar(c, 'TOK_ID or TOK_SET_VAR'));
}

/**
 * Checks apparmor_parser makes on every file rule once it is complete (`yacc:rules: rules opt_prefix rule`).
 *
 * @param c - the cursor (diagnostics sink)
 * @param rule - the finished rule
 * @param line - the line apparmor_parser blames
 */
export function checkFileRuleExec(c: Cursor, rule: FileRule, line: number): void {
  const perms = rule.mode?.decoded;
  if (!perms) return;
  const isDeny = rule.qualifiers.access === 'deny';
  if (isDeny && perms.exec) {
    const message = "Invalid mode, in deny rules 'x' must not be preceded by exec qualifier 'i', 'p', or 'u'";
    c.report('EXEC_MODE_WITH_DENY', rule.mode?.range ?? rule.range, message, { line });
  } else if (!isDeny && perms.isBareX && !rule.target) {
    const message = "Invalid mode, 'x' must be preceded by exec qualifier 'i', 'p', 'c', or 'u'";
    c.report('BARE_X_WITHOUT_DENY', rule.mode?.range ?? rule.range, message, { line });
  }
}

/**
 * Parses a file rule after its qualifiers.
 * `FILE RULE = [QUALIFIERS] ( 'file' | ['file'] [safe|unsafe] ( FILEGLOB ACCESS | ACCESS FILEGLOB ) ['->' TARGET] ) ','`
 *
 * @param c - the cursor, at `file`, `safe`/`unsafe`, a path or a permission string
 * @param qualifiers - the parsed prefix
 * @param start - offset where the rule (with its qualifiers) starts
 * @returns the rule (a link rule for the `l /a -> /b,` spelling)
 */
export function parseFileRule(c: Cursor, qualifiers: Qualifiers, start: number): FileRule | LinkRule {
  const hasFileKeyword = c.accept('TOK_FILE') !== undefined;
  const base = { kind: 'file' as const, qualifiers, hasFileKeyword, safety: undefined, path: undefined, mode: undefined,
    isModeLeading: false, target: undefined, isBare: false };
  if (hasFileKeyword && c.at('TOK_END_OF_RULE')) {
    const end = c.next();
    const rule: FileRule = { ...base, isBare: true, range: c.rangeFrom(start) };
    if (qualifiers.access === 'deny' && c.version === '3.0') {
      const message = "Invalid mode, in deny rules 'x' must not be preceded by exec qualifier 'i', 'p', or 'u'";
      c.report('EXEC_MODE_WITH_DENY', rule.range, `${message} (bare 'file,' implies ix; 'deny file,' is accepted from AppArmor 3.1)`,
        { line: end.line, upstream: message });
    }
    return rule;
  }
  let safety: 'safe' | 'unsafe' | undefined;
  if (c.accept('TOK_SAFE')) safety = 'safe';
  else if (c.accept('TOK_UNSAFE')) safety = 'unsafe';
  if (c.at('TOK_MODE')) return parseLeadingModeRule(c, { ...base, safety }, start);
  const pathToken = parseIdOrVar(c, RULE_START);
  const modeToken = c.expect('TOK_MODE', 'TOK_MODE');
  const mode = parseMode(c, modeToken);
  const target = parseOptTarget(c);
  if (c.at('TOK_ID') || c.at('TOK_SET_VAR')) {
    const message = `missing an end of line character? (entry: ${pathToken.text})`;
    c.report('MISSING_COMMA', c.peek().range, message, { line: c.peek().line });
    throw new SyntaxAbort(c.next());
  }
  const end = c.expect('TOK_END_OF_RULE', 'TOK_END_OF_RULE');
  const rule: FileRule = { ...base, safety, path: c.word(pathToken), mode, target, range: c.rangeFrom(start) };
  finishFileRule(c, rule, end);
  return rule;
}

function finishFileRule(c: Cursor, rule: FileRule, end: Token): void {
  checkFileRuleExec(c, rule, end.line);
  const target = rule.target?.text;
  if (target?.startsWith(':')) {
    // as parse_label: `:ns:name` needs a closing ':' and a name after it
    const close = target.indexOf(':', 1);
    const rest = close < 0 ? '' : target.slice(close + 1).replace(/^\/\//, '');
    if (close < 0) c.report('INVALID_PROFILE_NAME', rule.target?.range ?? rule.range, `Namespace not terminated: ${target}`, { line: end.line });
    else if (rest === '') c.report('INVALID_PROFILE_NAME', rule.target?.range ?? rule.range, `Empty named transition profile name: ${target}`, { line: end.line });
  }
  const perms = rule.mode?.decoded;
  if (rule.safety && perms && !perms.exec && !perms.isBareX) {
    c.report('INVALID_PERMISSION', rule.range, 'unsafe rule missing exec permissions', { line: end.line });
  }
}

/** `ACCESS [subset] FILEGLOB ['->' TARGET] ','` — leading permissions; with `l` it is a link rule. */
function parseLeadingModeRule(c: Cursor, base: Omit<FileRule, 'range'>, start: number): FileRule | LinkRule {
  const modeToken = c.next();
  const mode = parseMode(c, modeToken);
  const isSubset = c.accept('TOK_SUBSET') !== undefined || c.accept('TOK_LE') !== undefined;
  const pathToken = parseIdOrVar(c, 'TOK_ID or TOK_SET_VAR');
  const target = parseOptTarget(c);
  const end = c.expect('TOK_END_OF_RULE', 'TOK_END_OF_RULE');
  const perms = mode.decoded;
  const onlyLink = !perms.read && !perms.write && !perms.append && !perms.lock && !perms.mmap && !perms.exec && !perms.isBareX;
  if (isSubset && !onlyLink) c.report('CONFLICTING_PERMS', mode.range, 'subset can only be used with link rules.', { line: end.line });
  if (target && perms.link && (perms.exec || perms.isBareX)) {
    c.report('CONFLICTING_PERMS', mode.range, 'link and exec perms conflict on a file rule using ->', { line: end.line });
  }
  const range = c.rangeFrom(start);
  if (perms.link && onlyLink && target) {
    return { kind: 'link', qualifiers: base.qualifiers, isSubset, isModeForm: true, link: c.word(pathToken), target, range };
  }
  const rule: FileRule = { ...base, path: c.word(pathToken), mode, isModeLeading: true, target, range };
  finishFileRule(c, rule, end);
  return rule;
}

/**
 * Parses `link [subset] FILEGLOB -> FILEGLOB ,` after its qualifiers.
 *
 * @param c - the cursor, at `link`
 * @param qualifiers - the parsed prefix
 * @param start - offset where the rule starts
 * @returns the link rule
 */
export function parseLinkRule(c: Cursor, qualifiers: Qualifiers, start: number): LinkRule {
  c.next();
  const isSubset = c.accept('TOK_SUBSET') !== undefined || c.accept('TOK_LE') !== undefined;
  const link = c.word(parseIdOrVar(c, 'TOK_ID or TOK_SET_VAR'));
  c.expect('TOK_ARROW', 'TOK_ARROW');
  const target = c.word(parseIdOrVar(c, 'TOK_ID or TOK_SET_VAR'));
  c.expect('TOK_END_OF_RULE', 'TOK_END_OF_RULE');
  return { kind: 'link', qualifiers, isSubset, isModeForm: false, link, target, range: c.rangeFrom(start) };
}
