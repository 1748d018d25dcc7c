// The syntax tree of a bash script, as the parser builds it and the interpreter walks it.
// Words stay raw source text here; expansion (expand.ts) interprets quotes and `$` when a command runs.

/** A word as typed, quotes and `$` included; `line` is 1-based, for error messages. */
export type Word = { raw: string; line: number };

/** Redirection operators bash knows; `fd` is the explicit number before the operator, if any. */
export type RedirectOp = '<' | '>' | '>>' | '>|' | '<>' | '>&' | '<&' | '&>' | '&>>' | '<<' | '<<-' | '<<<';

/** A here-document body, filled in by the lexer once it reaches the line after the operator. */
export type HereDoc = {
  delimiter: string;
  /** A quoted delimiter (`<<'EOF'`, `<<"EOF"`, `<<\EOF`) makes the body literal. */
  isQuoted: boolean;
  /** `<<-` strips leading tabs from body lines and the delimiter line. */
  stripTabs: boolean;
  body: string;
  /** False when input ended before the delimiter line (bash warns and uses what it read). */
  isTerminated: boolean;
  line: number;
};

/** One redirection: `2>/dev/null`, `<<EOF`, `&>log`. */
export type Redirection = { fd: number | undefined; op: RedirectOp; target: Word; hereDoc?: HereDoc };

/** `NAME=value cmd args >redir`. */
export type SimpleCommand = {
  kind: 'simple';
  assignments: Word[];
  words: Word[];
  redirections: Redirection[];
  line: number;
};

/** `if c; then …; elif c; then …; else …; fi`. */
export type IfClause = {
  kind: 'if';
  branches: { condition: CommandList; body: CommandList }[];
  elseBody: CommandList | undefined;
  redirections: Redirection[];
};

/** `for NAME in words; do …; done`; without `in`, the loop runs over "$@". */
export type ForClause = {
  kind: 'for';
  variable: string;
  items: Word[] | undefined;
  body: CommandList;
  redirections: Redirection[];
  line: number;
};

/** `while c; do …; done` and `until c; do …; done`. */
export type WhileClause = {
  kind: 'while';
  isUntil: boolean;
  condition: CommandList;
  body: CommandList;
  redirections: Redirection[];
};

/** `case WORD in pattern) …;; esac`. */
export type CaseClause = {
  kind: 'case';
  subject: Word;
  items: { patterns: Word[]; body: CommandList }[];
  redirections: Redirection[];
};

/** `{ …; }` runs in the current shell; `( … )` in a copy of it. */
export type Group = { kind: 'group'; isSubshell: boolean; body: CommandList; redirections: Redirection[] };

/** `name() { …; }`. */
export type FunctionDefinition = { kind: 'function'; name: string; body: Command; line: number };

/** Any command a pipeline can hold. */
export type Command = SimpleCommand | IfClause | ForClause | WhileClause | CaseClause | Group | FunctionDefinition;

/** `! a | b |& c`. `pipesStderr[i]` is true when command i is followed by `|&`. */
export type Pipeline = { isNegated: boolean; commands: Command[]; pipesStderr: boolean[] };

/** `a && b || c`. */
export type AndOrList = { first: Pipeline; rest: { op: '&&' | '||'; pipeline: Pipeline }[] };

/** A sequence of and-or lists separated by `;`, `&` or newlines. */
export type CommandList = { items: { command: AndOrList; isBackground: boolean }[] };
