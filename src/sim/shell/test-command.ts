// The `test` / `[` builtin, as bash's test.c: POSIX argument-count rules for up to four arguments,
// then the -a/-o/!/( ) grammar. File tests ask the host; errors use bash's (or dash's) wording.
import type { AccessMode, FileStat, Errno } from './host.ts';

/** What `test` needs from the shell. */
export type TestEnv = {
  stat(path: string): FileStat | Errno;
  access(path: string, mode: AccessMode): Errno | undefined;
  isVarSet(name: string): boolean;
  flavour: 'bash' | 'sh';
};

/** A test usage error: the message after "bash: test: " and exit status 2. */
class TestError {
  readonly message: string;
  constructor(message: string) {
    this.message = message;
  }
}

const UNARY = new Set(['-e', '-a', '-f', '-d', '-s', '-r', '-w', '-x', '-L', '-h', '-b', '-c', '-p', '-S', '-z', '-n', '-t', '-v', '-g', '-u', '-k', '-O', '-G', '-N']);
const BINARY = new Set(['=', '==', '!=', '<', '>', '-eq', '-ne', '-lt', '-le', '-gt', '-ge', '-nt', '-ot', '-ef']);

function toInteger(text: string, env: TestEnv): number {
  const trimmed = text.trim();
  if (!/^[-+]?\d+$/.test(trimmed) || Math.abs(Number(trimmed)) > Number.MAX_SAFE_INTEGER) {
    throw new TestError(env.flavour === 'sh' ? `Illegal number: ${text}` : `${text}: integer expression expected`);
  }
  return Number(trimmed);
}

function unary(op: string, arg: string, env: TestEnv): boolean {
  if (op === '-z') return arg === '';
  if (op === '-n') return arg !== '';
  if (op === '-v') return env.isVarSet(arg);
  if (op === '-t') return false;
  const st = env.stat(arg);
  if (typeof st === 'string') return false;
  switch (op) {
    case '-e': case '-a': return true;
    case '-f': return st.type === 'file';
    case '-d': return st.type === 'directory';
    case '-s': return st.size > 0;
    case '-r': return env.access(arg, 'r') === undefined;
    case '-w': return env.access(arg, 'w') === undefined;
    case '-x': return env.access(arg, 'x') === undefined;
    case '-g': return (st.mode & 0o2000) !== 0;
    case '-u': return (st.mode & 0o4000) !== 0;
    case '-k': return (st.mode & 0o1000) !== 0;
    case '-O': case '-G': return true;
    default: return false;
  }
}

function binary(left: string, op: string, right: string, env: TestEnv): boolean {
  switch (op) {
    case '=': case '==': return left === right;
    case '!=': return left !== right;
    case '<': return left < right;
    case '>': return left > right;
    case '-nt': case '-ot': case '-ef': return false;
  }
  const a = toInteger(left, env);
  const b = toInteger(right, env);
  const table: Record<string, boolean> = { '-eq': a === b, '-ne': a !== b, '-lt': a < b, '-le': a <= b, '-gt': a > b, '-ge': a >= b };
  return table[op] ?? false;
}

/** The general grammar (bash test.c expr/term), used beyond four arguments. */
function general(args: readonly string[], env: TestEnv): boolean {
  let pos = 0;
  const unexpected = (): never => {
    const arg = args[pos];
    throw new TestError(arg === undefined ? 'argument expected' : env.flavour === 'sh' ? `${arg}: unexpected operator` : `${arg}: binary operator expected`);
  };
  const term = (): boolean => {
    const arg = args[pos];
    if (arg === undefined) return unexpected();
    if (arg === '!') {
      pos++;
      return !term();
    }
    if (arg === '(') {
      pos++;
      const value = orExpr();
      if (args[pos] !== ')') throw new TestError("`)' expected");
      pos++;
      return value;
    }
    if (UNARY.has(arg) && pos + 1 < args.length) {
      pos += 2;
      return unary(arg, args[pos - 1] as string, env);
    }
    const op = args[pos + 1];
    if (op !== undefined && BINARY.has(op) && pos + 2 < args.length) {
      pos += 3;
      return binary(arg, op, args[pos - 1] as string, env);
    }
    pos++;
    return arg !== '';
  };
  const andExpr = (): boolean => {
    let value = term();
    while (args[pos] === '-a') {
      pos++;
      value = term() && value;
    }
    return value;
  };
  const orExpr = (): boolean => {
    let value = andExpr();
    while (args[pos] === '-o') {
      pos++;
      value = andExpr() || value;
    }
    return value;
  };
  const value = orExpr();
  if (pos < args.length) {
    // as test.c's posixtest: words left over after a whole expression
    throw new TestError(env.flavour === 'sh' ? `${args[pos] ?? ''}: unexpected operator` : 'too many arguments');
  }
  return value;
}

/** POSIX's rules by argument count (XCU test, "Application usage"), as bash's posixtest(). */
function evaluate(args: readonly string[], env: TestEnv): boolean {
  const [a = '', b = '', c = ''] = args;
  switch (args.length) {
    case 0: return false;
    case 1: return a !== '';
    case 2:
      if (a === '!') return b === '';
      if (UNARY.has(a)) return unary(a, b, env);
      throw new TestError(env.flavour === 'sh' ? `${a}: unexpected operator` : `${a}: unary operator expected`);
    case 3:
      if (BINARY.has(b)) return binary(a, b, c, env);
      if (b === '-a' || b === '-o') return general(args, env);
      if (a === '!') return !evaluate(args.slice(1), env);
      if (a === '(' && c === ')') return b !== '';
      throw new TestError(env.flavour === 'sh' ? `${b}: unexpected operator` : `${b}: binary operator expected`);
    case 4:
      if (a === '!') return !evaluate(args.slice(1), env);
      if (a === '(' && args[3] === ')') return evaluate(args.slice(1, 3), env);
      return general(args, env);
    default: return general(args, env);
  }
}

/**
 * Runs `test` or `[`.
 * @param argv the full argv, `argv[0]` being `test` or `[`
 * @param env file and variable access
 * @returns exit status (0 true, 1 false, 2 usage error) and the error message after "<prefix>test: "
 * @example runTest(['[', '-z', '', ']'], env) // { status: 0, error: undefined }
 */
export function runTest(argv: readonly string[], env: TestEnv): { status: number; error: string | undefined } {
  let args = argv.slice(1);
  if (argv[0] === '[') {
    if (args[args.length - 1] !== ']') return { status: 2, error: env.flavour === 'sh' ? 'missing ]' : "missing `]'" };
    args = args.slice(0, -1);
  }
  try {
    return { status: evaluate(args, env) ? 0 : 1, error: undefined };
  } catch (e) {
    if (e instanceof TestError) return { status: 2, error: e.message };
    throw e;
  }
}
