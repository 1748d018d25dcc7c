/**
 * The parser's token cursor and error reporting: one token of lookahead (as bison's LALR(1)), syntax errors
 * worded as bison words them ("syntax error, unexpected X, expecting Y"), and a private abort used to resync
 * after an error. The abort never leaves the parser: `parsePolicy` catches it and keeps going.
 */
import type { Diagnostic, DiagnosticCode, Severity } from '../diagnostics.ts';
import type { Token, TokenKind } from '../lexer/tokens.ts';
import { tokenDisplayName } from '../lexer/tokens.ts';
import type { Range } from '../source.ts';
import type { LanguageVersion, Word } from './ast.ts';

/** Tokens that can only start a rule: after an error, parsing resumes at one of these on a new line. */
const RULE_KEYWORDS: ReadonlySet<TokenKind> = new Set<TokenKind>([
  'INCLUDE', 'TOK_CAPABILITY', 'TOK_NETWORK', 'TOK_SIGNAL', 'TOK_PTRACE', 'TOK_UNIX', 'TOK_DBUS', 'TOK_MOUNT',
  'TOK_REMOUNT', 'TOK_UMOUNT', 'TOK_PIVOTROOT', 'TOK_CHANGE_PROFILE', 'TOK_AUDIT', 'TOK_DENY', 'TOK_ALLOW', 'TOK_OWNER',
  'TOK_FILE', 'TOK_LINK', 'TOK_PROFILE', 'TOK_HAT', 'TOK_CARET', 'TOK_SET', 'TOK_ABI', 'TOK_USERNS', 'TOK_MQUEUE',
  'TOK_IO_URING',
]);

const QUALIFIER_TOKENS: ReadonlySet<TokenKind> = new Set<TokenKind>(['TOK_AUDIT', 'TOK_ALLOW', 'TOK_DENY', 'TOK_OWNER', 'TOK_OTHER']);

/** Words that start 4.x/5.x syntax, with the release that added them; at 3.0 they fail as plain ids. */
const NEWER_WORDS: Readonly<Record<string, string>> = {
  userns: '4.0', mqueue: '4.0', io_uring: '4.0', all: '4.0', priority: '4.1', prompt: '4.1',
};

/** Thrown inside the parser to unwind to the nearest resync point; never escapes `parsePolicy`. */
export class SyntaxAbort {
  readonly token: Token;
  /** @param token - where parsing stopped */
  constructor(token: Token) {
    this.token = token;
  }
}

/** Extra facts about a diagnostic: apparmor_parser's line, whether it prints the message bare, severity. */
export type ReportOptions = { line?: number; isBare?: boolean; severity?: Severity; upstream?: string };

/** A cursor over the token list plus the diagnostics sink. */
export class Cursor {
  readonly tokens: Token[];
  readonly version: LanguageVersion;
  readonly diagnostics: Diagnostic[] = [];
  #index = 0;

  /**
   * @param tokens - the lexer's output, ending with EOF
   * @param version - the language level
   */
  constructor(tokens: Token[], version: LanguageVersion) {
    this.tokens = tokens;
    this.version = version;
  }

  /** @returns the token `offset` places ahead (EOF past the end). */
  peek(offset = 0): Token {
    const last = this.tokens[this.tokens.length - 1] as Token;
    return this.tokens[this.#index + offset] ?? last;
  }

  /** @returns the current token and moves past it (never past EOF). */
  next(): Token {
    const token = this.peek();
    if (token.kind !== 'EOF') this.#index++;
    return token;
  }

  /** @returns true when the current token has kind `kind`. */
  at(kind: TokenKind): boolean {
    return this.peek().kind === kind;
  }

  /** @returns the current token if it has kind `kind` (and moves past it), else undefined. */
  accept(kind: TokenKind): Token | undefined {
    return this.at(kind) ? this.next() : undefined;
  }

  /**
   * Consumes a token of kind `kind` or reports bison's syntax error and aborts the rule.
   *
   * @param kind - the token kind required here
   * @param expecting - bison's "expecting …" list for this parser state
   * @returns the token
   */
  expect(kind: TokenKind, expecting: string): Token {
    const token = this.peek();
    if (token.kind === kind) return this.next();
    return this.syntaxError(expecting);
  }

  /**
   * Reports "syntax error, unexpected X, expecting Y" at the current token (or its lexer error) and aborts.
   *
   * @param expecting - bison's expected-token list, or '' when bison prints none
   * @returns never
   */
  syntaxError(expecting: string): never {
    const token = this.peek();
    if (token.kind === 'LEX_ERROR') {
      const isOpenQuote = token.raw === '"' && !this.tokens.some((t) => t.range[0] > token.range[0] && t.raw.includes('"'));
      const isCondAssign = this.version === '3.0' && token.raw === '?' && this.peek(1).raw === '=';
      const code: DiagnosticCode = isOpenQuote ? 'UNCLOSED_STRING' : isCondAssign ? 'UNSUPPORTED_SYNTAX' : 'INVALID_CHARACTER';
      const hint = isOpenQuote ? ' (this quote is never closed)' : isCondAssign ? " ('?=' was added in AppArmor 4.0; apparmor_parser 3.0.8 does not know it)" : '';
      this.report(code, token.range, `${token.text}${hint}`, { line: token.line, upstream: token.text });
      throw new SyntaxAbort(token);
    }
    const unexpected = tokenDisplayName(token.kind);
    const message = `syntax error, unexpected ${unexpected}${expecting ? `, expecting ${expecting}` : ''}`;
    const [code, hint] = this.#explain(token, expecting);
    this.report(code, token.range, hint ? `${message} (${hint})` : message, { line: token.line, upstream: message });
    throw new SyntaxAbort(token);
  }

  /** A diagnostic code and a human hint for the common causes of a syntax error. */
  #explain(token: Token, expecting: string): [DiagnosticCode, string | undefined] {
    const previous = this.peek(-1);
    const atRuleStart = expecting === 'TOK_ID or TOK_MODE or TOK_SET_VAR';
    if (atRuleStart && QUALIFIER_TOKENS.has(token.kind)) {
      return ['QUALIFIER_ORDER', 'qualifiers go in the order [audit] [allow|deny] [owner|other], each at most once'];
    }
    if (token.kind === 'EOF' && atRuleStart) return ['UNCLOSED_BLOCK', "a '{' is never closed: the file ends inside a block"];
    if (token.kind === 'TOK_END_OF_RULE' && previous.kind === 'INCLUDE') return ['INCLUDE_WITH_COMMA', 'include lines end without a comma'];
    const isAssignment = (token.kind === 'TOK_EQUALS' || token.kind === 'TOK_ADD_ASSIGN') && previous.kind === 'TOK_SET_VAR';
    const isPreambleLate = expecting === 'end of file' && ['TOK_SET_VAR', 'TOK_BOOL_VAR', 'TOK_ALIAS'].includes(token.kind);
    if (isAssignment || isPreambleLate || (atRuleStart && token.kind === 'TOK_ALIAS')) {
      return ['MISPLACED_PREAMBLE', 'variable assignments and alias rules belong at the top of the file, before the first profile'];
    }
    const word = [token, previous].map((t) => t.text.trim()).find((w) => Object.hasOwn(NEWER_WORDS, w));
    if (this.version === '3.0' && word) {
      return ['UNSUPPORTED_SYNTAX', `'${word}' was added in AppArmor ${NEWER_WORDS[word]}; apparmor_parser 3.0.8 does not know it`];
    }
    return [token.kind === 'EOF' ? 'UNEXPECTED_EOF' : 'UNEXPECTED_TOKEN', undefined];
  }

  /**
   * Records a diagnostic. `message` is ours; `options.upstream` is apparmor_parser's wording when it differs.
   *
   * @param code - the diagnostic code
   * @param range - where in the text
   * @param message - what to tell the user
   * @param options - apparmor_parser's line and wording, severity
   */
  report(code: DiagnosticCode, range: Range, message: string, options: ReportOptions = {}): void {
    const severity = options.severity ?? 'error';
    const diagnostic: Diagnostic = { code, severity, message, range };
    if (severity === 'error') {
      diagnostic.upstream = {
        message: options.upstream ?? message,
        line: options.line ?? this.peek().line,
        ...(options.isBare ? { isBare: true } : {}),
      };
    }
    this.diagnostics.push(diagnostic);
  }

  /** @returns a `Word` for a token. */
  word(token: Token): Word {
    return { text: token.text, raw: token.raw, range: token.range };
  }

  /**
   * Skips to just after the next `,`, or to the `}` closing the current block (not consumed), or to the first
   * token on a later line that clearly starts a rule (a keyword, an include, or a path followed by permissions),
   * so a rule missing its comma does not swallow the next one.
   *
   * @param from - the token where the error was found
   */
  resync(from: Token = this.peek()): void {
    let depth = 0;
    let line = from.line;
    for (;;) {
      const token = this.peek();
      if (token.kind === 'EOF') return;
      if (depth === 0 && token.line > line && this.#startsRule(token)) return;
      if (token.kind === 'TOK_CLOSE') {
        if (depth === 0) return;
        depth--;
      } else if (token.kind === 'TOK_OPEN') depth++;
      this.next();
      if (token.kind === 'TOK_END_OF_RULE' && depth === 0) return;
      line = Math.max(line, token.line);
    }
  }

  #startsRule(token: Token): boolean {
    if (RULE_KEYWORDS.has(token.kind)) return true;
    const next = this.peek(1);
    return (token.kind === 'TOK_ID' || token.kind === 'TOK_SET_VAR') && token.text.startsWith('/') === true
      && next.kind === 'TOK_MODE' && next.line === token.line;
  }

  /** @returns the range from `start` to the end of the previous token. */
  rangeFrom(start: number): Range {
    const prev = this.tokens[this.#index - 1];
    return [start, prev ? Math.max(start, prev.range[1]) : start];
  }
}
