// Recursive-descent parser for the bash subset: token list → one CommandList per top-level line.
// Grammar follows POSIX "Shell Command Language" §2.10 (as bash's parse.y); errors carry bash's wording.
// (Near 400 lines: one method per production keeps the grammar readable in one place.)
import type {
  AndOrList, CaseClause, Command, CommandList, ForClause, Group, IfClause, Pipeline, Redirection, RedirectOp,
  SimpleCommand, WhileClause, Word,
} from './ast.ts';
import { lex, type LexResult, type Token } from './lexer.ts';

/** A syntax error, in the three forms bash reports. `expecting` feeds dash's wording. */
export type SyntaxError =
  | { kind: 'unexpected-token'; token: string; line: number }
  | { kind: 'unexpected-eof'; line: number; expecting: string | undefined }
  | { kind: 'unmatched'; char: string; line: number };

/** One top-level step: bash runs each complete line before reading (and failing on) the next. */
export type ScriptStep = { kind: 'commands'; list: CommandList } | { kind: 'error'; error: SyntaxError };

/** The parse of a whole script. */
export type ParsedScript = { steps: ScriptStep[]; lex: LexResult };

const REDIRECT_OPS = new Set(['<', '>', '>>', '>|', '<>', '>&', '<&', '&>', '&>>', '<<', '<<-', '<<<']);
const RESERVED = new Set(['if', 'then', 'elif', 'else', 'fi', 'for', 'in', 'do', 'done', 'while', 'until', 'case', 'esac', '{', '}', '!']);
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*(\[[^\]]*\])?\+?=/;

/** Thrown inside this module only and caught by `parse`. */
class Failure {
  readonly error: SyntaxError;
  constructor(error: SyntaxError) {
    this.error = error;
  }
}

/** Walks the token list; each method parses one production. */
class Parser {
  readonly #tokens: Token[];
  readonly #lexError: LexResult['error'];
  #pos = 0;

  constructor(result: LexResult) {
    this.#tokens = result.tokens;
    this.#lexError = result.error;
  }

  #peek(): Token {
    return this.#tokens[this.#pos] ?? { kind: 'eof', line: 1 };
  }

  #next(): Token {
    const token = this.#peek();
    if (this.#pos < this.#tokens.length - 1) this.#pos++;
    return token;
  }

  #isWord(text: string): boolean {
    const token = this.#peek();
    return token.kind === 'word' && token.raw === text;
  }

  #isOp(op: string): boolean {
    const token = this.#peek();
    return token.kind === 'op' && token.op === op;
  }

  /** Fails at the current token: at end of input that is an EOF error, else "unexpected token". */
  #fail(expecting?: string): never {
    const token = this.#peek();
    if (token.kind === 'eof') {
      if (this.#lexError !== undefined) throw new Failure({ kind: 'unmatched', ...this.#lexError });
      throw new Failure({ kind: 'unexpected-eof', line: token.line, expecting });
    }
    const text = token.kind === 'word' ? token.raw : token.kind === 'op' ? token.op : 'newline';
    throw new Failure({ kind: 'unexpected-token', token: text, line: token.line });
  }

  #expectWord(text: string): void {
    if (!this.#isWord(text)) this.#fail(text);
    this.#next();
  }

  #isLineEnd(): boolean {
    const kind = this.#peek().kind;
    return kind === 'newline' || kind === 'eof';
  }

  #skipNewlines(): void {
    while (this.#peek().kind === 'newline') this.#next();
  }

  /** Parses the next top-level line, or returns undefined at end of input. */
  parseLine(): CommandList | undefined {
    this.#skipNewlines();
    if (this.#peek().kind === 'eof') {
      if (this.#lexError !== undefined) this.#fail();
      return undefined;
    }
    const items: CommandList['items'] = [];
    for (;;) {
      const command = this.#parseAndOr();
      const sep = this.#peek();
      if (sep.kind === 'op' && (sep.op === ';' || sep.op === '&')) {
        this.#next();
        items.push({ command, isBackground: sep.op === '&' });
        if (this.#isLineEnd()) break;
        continue;
      }
      items.push({ command, isBackground: false });
      if (sep.kind === 'newline' || sep.kind === 'eof') break;
      this.#fail();
    }
    if (this.#peek().kind === 'eof' && this.#lexError !== undefined) this.#fail();
    if (this.#isLineEnd()) this.#next();
    return { items };
  }

  /** compound_list: and-or lists separated by `;`, `&`, newlines, until one of `terminators`. */
  #parseCompoundList(terminators: readonly string[]): CommandList {
    const items: CommandList['items'] = [];
    this.#skipNewlines();
    while (!this.#atTerminator(terminators)) {
      const command = this.#parseAndOr();
      const sep = this.#peek();
      const isBackground = sep.kind === 'op' && sep.op === '&';
      items.push({ command, isBackground });
      if (sep.kind === 'op' && (sep.op === ';' || sep.op === '&')) this.#next();
      else if (sep.kind === 'newline') this.#skipNewlines();
      else if (!this.#atTerminator(terminators)) this.#fail(terminators[0]);
      this.#skipNewlines();
    }
    if (items.length === 0) this.#fail(terminators[0]);
    return { items };
  }

  #atTerminator(terminators: readonly string[]): boolean {
    const token = this.#peek();
    if (token.kind === 'eof') this.#fail(terminators[0]);
    if (token.kind === 'word') return terminators.includes(token.raw);
    return token.kind === 'op' && terminators.includes(token.op);
  }

  /** and_or: pipeline (('&&' | '||') linebreak pipeline)*. */
  #parseAndOr(): AndOrList {
    const first = this.#parsePipeline();
    const rest: AndOrList['rest'] = [];
    while (this.#isOp('&&') || this.#isOp('||')) {
      const op = (this.#next() as { op: '&&' | '||' }).op;
      this.#skipNewlines();
      rest.push({ op, pipeline: this.#parsePipeline() });
    }
    return { first, rest };
  }

  /** pipeline: ['!'] command (('|' | '|&') linebreak command)*. */
  #parsePipeline(): Pipeline {
    let isNegated = false;
    while (this.#isWord('!')) {
      this.#next();
      isNegated = !isNegated;
    }
    const after = this.#peek();
    if (isNegated && (after.kind === 'newline' || after.kind === 'eof' || (after.kind === 'op' && [';', '&'].includes(after.op)))) {
      // bash accepts a bare `!` (parse.y: BANG list_terminator): an empty command, negated
      const empty: Command = { kind: 'simple', assignments: [], words: [], redirections: [], line: after.line };
      return { isNegated, commands: [empty], pipesStderr: [] };
    }
    const commands = [this.#parseCommand()];
    const pipesStderr: boolean[] = [];
    while (this.#isOp('|') || this.#isOp('|&')) {
      pipesStderr.push((this.#next() as { op: string }).op === '|&');
      this.#skipNewlines();
      commands.push(this.#parseCommand());
    }
    return { isNegated, commands, pipesStderr };
  }

  /** command: compound_command redirect_list? | function_definition | simple_command. */
  #parseCommand(): Command {
    const token = this.#peek();
    if (token.kind === 'op' && token.op === '(') {
      this.#next();
      const body = this.#parseCompoundList([')']);
      this.#next();
      return this.#withRedirections<Group>({ kind: 'group', isSubshell: true, body, redirections: [] });
    }
    if (token.kind !== 'word') return this.#parseSimpleCommand();
    switch (token.raw) {
      case 'if': return this.#withRedirections(this.#parseIf());
      case 'for': return this.#withRedirections(this.#parseFor());
      case 'while':
      case 'until': return this.#withRedirections(this.#parseWhile());
      case 'case': return this.#withRedirections(this.#parseCase());
      case '{': {
        this.#next();
        const body = this.#parseCompoundList(['}']);
        this.#next();
        return this.#withRedirections<Group>({ kind: 'group', isSubshell: false, body, redirections: [] });
      }
      default:
        if (RESERVED.has(token.raw)) this.#fail();
    }
    const after = this.#tokens[this.#pos + 1];
    if (NAME.test(token.raw) && after?.kind === 'op' && after.op === '(') return this.#parseFunction(token);
    return this.#parseSimpleCommand();
  }

  #withRedirections<T extends Exclude<Command, SimpleCommand | { kind: 'function' }>>(command: T): T {
    while (this.#peek().kind === 'op' && REDIRECT_OPS.has((this.#peek() as { op: string }).op)) {
      command.redirections.push(this.#parseRedirection());
    }
    return command;
  }

  /** function_definition: fname '(' ')' linebreak function_body. */
  #parseFunction(name: Extract<Token, { kind: 'word' }>): Command {
    this.#next();
    this.#next();
    if (!this.#isOp(')')) this.#fail();
    this.#next();
    this.#skipNewlines();
    const start = this.#peek();
    const body = this.#parseCommand();
    if (body.kind === 'simple' || body.kind === 'function') {
      throw new Failure({ kind: 'unexpected-token', token: start.kind === 'word' ? start.raw : 'newline', line: start.line });
    }
    return { kind: 'function', name: name.raw, body, line: name.line };
  }

  /** if_clause: If compound_list Then compound_list else_part? Fi. */
  #parseIf(): IfClause {
    this.#next();
    const branches: IfClause['branches'] = [];
    let elseBody: CommandList | undefined;
    for (;;) {
      const condition = this.#parseCompoundList(['then']);
      this.#next();
      const body = this.#parseCompoundList(['fi', 'elif', 'else']);
      branches.push({ condition, body });
      const word = (this.#next() as { raw: string }).raw;
      if (word === 'fi') break;
      if (word === 'else') {
        elseBody = this.#parseCompoundList(['fi']);
        this.#next();
        break;
      }
    }
    return { kind: 'if', branches, elseBody, redirections: [] };
  }

  /** for_clause: For name [linebreak in wordlist sequential_sep] do_group. */
  #parseFor(): ForClause {
    const line = this.#next().line;
    const name = this.#peek();
    if (name.kind !== 'word' || !NAME.test(name.raw)) {
      this.#fail();
    }
    this.#next();
    let items: Word[] | undefined;
    this.#skipNewlines();
    if (this.#isWord('in')) {
      this.#next();
      items = [];
      while (this.#peek().kind === 'word') {
        const word = this.#next() as Extract<Token, { kind: 'word' }>;
        items.push({ raw: word.raw, line: word.line });
      }
      if (this.#isOp(';') || this.#peek().kind === 'newline') this.#next();
      else this.#fail('do');
    } else if (this.#isOp(';')) this.#next();
    this.#skipNewlines();
    this.#expectWord('do');
    const body = this.#parseCompoundList(['done']);
    this.#next();
    return { kind: 'for', variable: name.raw, items, body, redirections: [], line };
  }

  /** while_clause / until_clause: While compound_list do_group. */
  #parseWhile(): WhileClause {
    const isUntil = (this.#next() as { raw: string }).raw === 'until';
    const condition = this.#parseCompoundList(['do']);
    this.#next();
    const body = this.#parseCompoundList(['done']);
    this.#next();
    return { kind: 'while', isUntil, condition, body, redirections: [] };
  }

  /** case_clause: Case WORD linebreak in linebreak case_list Esac. */
  #parseCase(): CaseClause {
    this.#next();
    const subject = this.#peek();
    if (subject.kind !== 'word') this.#fail();
    this.#next();
    this.#skipNewlines();
    this.#expectWord('in');
    this.#skipNewlines();
    const items: CaseClause['items'] = [];
    while (!this.#isWord('esac')) {
      if (this.#isOp('(')) this.#next();
      const patterns: Word[] = [];
      for (;;) {
        const pattern = this.#peek();
        if (pattern.kind !== 'word') this.#fail();
        patterns.push({ raw: pattern.raw, line: pattern.line });
        this.#next();
        if (!this.#isOp('|')) break;
        this.#next();
      }
      if (!this.#isOp(')')) this.#fail();
      this.#next();
      this.#skipNewlines();
      const body = this.#isOp(';;') || this.#isWord('esac') ? { items: [] } : this.#parseCompoundList([';;', 'esac']);
      items.push({ patterns, body });
      if (this.#isOp(';;')) this.#next();
      this.#skipNewlines();
      this.#atTerminator(['esac']);
    }
    this.#next();
    return { kind: 'case', subject: { raw: subject.raw, line: subject.line }, items, redirections: [] };
  }

  /** io_redirect: [IO_NUMBER] op WORD (here-documents carry their body). */
  #parseRedirection(): Redirection {
    const token = this.#next() as Extract<Token, { kind: 'op' }>;
    const target = this.#peek();
    if (target.kind === 'eof' && this.#lexError === undefined) {
      throw new Failure({ kind: 'unexpected-token', token: 'newline', line: target.line - 1 });
    }
    if (target.kind !== 'word') this.#fail();
    this.#next();
    const redirection: Redirection = { fd: token.fd, op: token.op as RedirectOp, target: { raw: target.raw, line: target.line } };
    if (token.hereDoc !== undefined) redirection.hereDoc = token.hereDoc;
    return redirection;
  }

  /** simple_command: cmd_prefix? cmd_word? cmd_suffix?. */
  #parseSimpleCommand(): SimpleCommand {
    const command: SimpleCommand = { kind: 'simple', assignments: [], words: [], redirections: [], line: this.#peek().line };
    for (;;) {
      const token = this.#peek();
      if (token.kind === 'op' && REDIRECT_OPS.has(token.op)) command.redirections.push(this.#parseRedirection());
      else if (token.kind === 'word') {
        const word = { raw: token.raw, line: token.line };
        if (command.words.length === 0 && ASSIGNMENT.test(token.raw)) command.assignments.push(word);
        else command.words.push(word);
        this.#next();
      } else break;
    }
    if (command.words.length + command.assignments.length + command.redirections.length === 0) this.#fail();
    const token = this.#peek();
    if (token.kind === 'op' && token.op === '(') this.#fail();
    return command;
  }
}

/**
 * Parses a script into top-level steps. Never throws; a syntax error becomes the last step.
 * @param src the script text
 * @param isBash bash syntax (process substitution) rather than dash's
 * @returns the steps and the lexer's result (for continuation checks)
 * @example parse('echo a; fi').steps[0] // { kind: 'error', error: { kind: 'unexpected-token', token: 'fi', line: 1 } }
 */
export function parse(src: string, isBash = true): ParsedScript {
  const lexed = lex(src, isBash);
  const parser = new Parser(lexed);
  const steps: ScriptStep[] = [];
  try {
    for (let list = parser.parseLine(); list !== undefined; list = parser.parseLine()) {
      steps.push({ kind: 'commands', list });
    }
  } catch (e) {
    if (!(e instanceof Failure)) throw e;
    steps.push({ kind: 'error', error: e.error });
  }
  return { steps, lex: lexed };
}

/**
 * Whether the text is a complete script, or the terminal should print the `> ` prompt and read more:
 * open quotes or brackets, unterminated here-documents, a trailing `|`, `&&`, `||` or `\`, and
 * unfinished `if`/`for`/`while`/`case`/`{`.
 * @param src everything typed so far, lines joined with `\n`
 * @param isBash bash syntax rather than dash's
 * @returns false when bash would ask for a continuation line
 * @example isComplete('for x in a b; do') // false
 */
export function isComplete(src: string, isBash = true): boolean {
  const { steps, lex: lexed } = parse(src, isBash);
  if (lexed.hasOpenHereDoc || lexed.hasTrailingBackslash) return false;
  const last = steps[steps.length - 1];
  return !(last?.kind === 'error' && last.error.kind !== 'unexpected-token');
}
