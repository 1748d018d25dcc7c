// Applies a command's redirections to its descriptor table, in order (so `2>&1 >f` differs from
// `>f 2>&1`, as in bash). Files are opened (created/truncated) here; failures print bash's message.
import type { Redirection } from './ast.ts';
import type { ShellHost } from './host.ts';
import type { Input, Io, Sink } from './io.ts';
import { errorPrefix, redirectError, type Dialect } from './messages.ts';
import { resolvePath } from './state.ts';

/** What redirections need from the interpreter. */
export type RedirectEnv = {
  host: ShellHost;
  /** Reads a file, seeing process-substitution files (`/dev/fd/63`) the host does not have. */
  readFile: ShellHost['readFile'];
  cwd: string;
  dialect: Dialect;
  /** Expands a target word into fields (more or fewer than one is an "ambiguous redirect"). */
  expandTarget(raw: string): string[];
  /** Expands an unquoted here-document body ($, `, \ only). */
  expandHereDoc(body: string): string;
  /** Writes an error message where the command's stderr currently goes. */
  err(text: string, io: Io): void;
};

/**
 * Paths bash itself emulates (as redir.c's _redir_special_filenames). `/dev/null` is not one of them: the
 * shell opens it through the kernel like any file, so AppArmor may refuse it (`deny /** w,`).
 */
function specialSink(path: string, out: ReadonlyMap<number, Sink>): Sink | undefined {
  if (path === '/dev/stdout') return out.get(1);
  if (path === '/dev/stderr') return out.get(2);
  const fd = /^\/dev\/fd\/(\d+)$/.exec(path);
  return fd === null ? undefined : out.get(Number(fd[1]));
}

function hereDocWarning(r: Redirection, dialect: Dialect): string {
  const doc = r.hereDoc;
  if (doc === undefined || doc.isTerminated || dialect.flavour === 'sh') return '';
  const eofLine = doc.line + (doc.body.match(/\n/g)?.length ?? 0);
  const prefix = errorPrefix(dialect, eofLine);
  return `${prefix}warning: here-document at line ${doc.line} delimited by end-of-file (wanted \`${doc.delimiter}')\n`;
}

/** The status of a command whose redirection failed: 1 in bash, 2 in dash. */
export function redirectFailureStatus(dialect: Dialect): number {
  return dialect.flavour === 'sh' ? 2 : 1;
}

/** Where `>&N` / `<&N` / `>&-` leave the table; false when N is not open (message written). */
function duplicate(r: Redirection, target: string, out: Map<number, Sink>, env: RedirectEnv, io: Io, line: number): boolean {
  const fd = r.fd ?? (r.op === '>&' ? 1 : 0);
  if (target === '-') {
    out.set(fd, { kind: 'closed' });
    return true;
  }
  const source = out.get(Number(target));
  if (r.op === '<&') return true;
  if (source === undefined || source.kind === 'closed') {
    env.err(`${errorPrefix(env.dialect, line)}${target}: Bad file descriptor\n`, io);
    return false;
  }
  out.set(fd, source);
  return true;
}

/** Opens the file of `>`, `>>`, `&>`, `>&file`; returns its sink, or undefined after an error message. */
function openOutput(r: Redirection, target: string, out: Map<number, Sink>, env: RedirectEnv, io: Io, line: number): Sink | undefined {
  const path = resolvePath(env.cwd, target);
  const special = specialSink(path, out);
  if (special !== undefined) return special;
  const errno = env.host.writeFile(path, '', { append: r.op === '>>' || r.op === '&>>' });
  // the open succeeded (or a host without a /dev has none): what is written to the device is discarded
  if (path === '/dev/null' && (errno === undefined || errno === 'ENOENT')) return { kind: 'null' };
  // the controlling terminal, opened: where the shell's stderr goes unless that was redirected
  // (`x=$(echo hi > /dev/tty)` shows hi, as on a terminal)
  if (path === '/dev/tty' && errno === undefined) return out.get(2) ?? { kind: 'null' };
  if (errno !== undefined) {
    env.err(redirectError(env.dialect, line, target, errno, true), io);
    return undefined;
  }
  return { kind: 'file', path };
}

/** Reads the file of `<`; returns the new stdin, or undefined after an error message. */
function openInput(target: string, stdin: Input, env: RedirectEnv, io: Io, line: number): Input | undefined {
  const path = resolvePath(env.cwd, target);
  if (path === '/dev/stdin') return stdin;
  const file = env.readFile(path);
  // a host without a /dev still reads /dev/null as empty
  if (path === '/dev/null' && file === 'ENOENT') return { text: '' };
  if (typeof file === 'string') {
    env.err(redirectError(env.dialect, line, target, file, false), io);
    return undefined;
  }
  return { text: file.content };
}

/**
 * Returns the descriptor table after the redirections, or undefined when one failed (its message
 * has been written to the command's stderr, and the command must not run).
 * @param redirections in source order
 * @param io the table before
 * @param env host access and expansion
 * @param line the command's line, for messages
 * @returns the new table
 * @example applyRedirections(cmd.redirections, io, env, 1)?.out.get(1) // { kind: 'file', path: '/tmp/x' }
 */
export function applyRedirections(redirections: readonly Redirection[], io: Io, env: RedirectEnv, line: number): Io | undefined {
  const out = new Map(io.out);
  let stdin = io.stdin;
  const current = (): Io => ({ stdin, out });
  for (const r of redirections) {
    if (r.op === '<<' || r.op === '<<-') {
      const doc = r.hereDoc;
      const warning = hereDocWarning(r, env.dialect);
      if (warning !== '') env.err(warning, current());
      stdin = { text: doc === undefined ? '' : doc.isQuoted ? doc.body : env.expandHereDoc(doc.body) };
      continue;
    }
    const fields = env.expandTarget(r.target.raw);
    if (r.op === '<<<') {
      stdin = { text: `${fields.join(' ')}\n` };
      continue;
    }
    const target = fields[0];
    if (fields.length !== 1 || target === undefined) {
      env.err(`${errorPrefix(env.dialect, line)}${r.target.raw}: ambiguous redirect\n`, current());
      return undefined;
    }
    if ((r.op === '>&' || r.op === '<&') && (target === '-' || /^\d+$/.test(target))) {
      if (!duplicate(r, target, out, env, current(), line)) return undefined;
    } else if (r.op === '<' || r.op === '<>' || r.op === '<&') {
      const input = openInput(target, stdin, env, current(), line);
      if (input === undefined) return undefined;
      stdin = input;
    } else {
      const sink = openOutput(r, target, out, env, current(), line);
      if (sink === undefined) return undefined;
      if (r.op === '&>' || r.op === '&>>' || (r.op === '>&' && r.fd === undefined)) {
        out.set(1, sink);
        out.set(2, sink);
      } else out.set(r.fd ?? 1, sink);
    }
  }
  return { stdin, out };
}
