// Applies a command's redirections to its descriptor table, in order (so `2>&1 >f` differs from
// `>f 2>&1`, as in bash). Files are opened (created/truncated) here; failures print bash's message.
import type { Redirection } from './ast.ts';
import type { ShellHost } from './host.ts';
import type { Io, Sink } from './io.ts';
import { errorPrefix, redirectError, type Dialect } from './messages.ts';
import { resolvePath } from './state.ts';

/** What redirections need from the interpreter. */
export type RedirectEnv = {
  host: ShellHost;
  cwd: string;
  dialect: Dialect;
  /** Expands a target word into fields (more or fewer than one is an "ambiguous redirect"). */
  expandTarget(raw: string): string[];
  /** Expands an unquoted here-document body ($, `, \ only). */
  expandHereDoc(body: string): string;
  /** Writes an error message where the command's stderr currently goes. */
  err(text: string, io: Io): void;
};

/** Paths bash itself emulates (as redir.c's _redir_special_filenames); /dev/null is added so any host works. */
function specialSink(path: string, out: ReadonlyMap<number, Sink>): Sink | undefined {
  if (path === '/dev/null') return { kind: 'null' };
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
      const body = doc === undefined ? '' : doc.isQuoted ? doc.body : env.expandHereDoc(doc.body);
      stdin = { text: body };
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
    if (r.op === '>&' || r.op === '<&') {
      const fd = r.fd ?? (r.op === '>&' ? 1 : 0);
      if (target === '-') {
        out.set(fd, { kind: 'closed' });
        continue;
      }
      if (/^\d+$/.test(target)) {
        const source = out.get(Number(target));
        if (r.op === '<&') continue;
        if (source === undefined || source.kind === 'closed') {
          env.err(`${errorPrefix(env.dialect, line)}${target}: Bad file descriptor\n`, current());
          return undefined;
        }
        out.set(fd, source);
        continue;
      }
      if (r.op === '<&') return undefined;
    }
    const isInput = r.op === '<' || r.op === '<>';
    const path = resolvePath(env.cwd, target);
    if (isInput) {
      if (path === '/dev/null') stdin = { text: '' };
      else if (path !== '/dev/stdin') {
        const file = env.host.readFile(path);
        if (typeof file === 'string') {
          env.err(redirectError(env.dialect, line, target, file, false), current());
          return undefined;
        }
        stdin = { text: file.content };
      }
      continue;
    }
    const isAppend = r.op === '>>' || r.op === '&>>';
    const special = specialSink(path, out);
    let sink: Sink | undefined = special;
    if (sink === undefined) {
      const errno = env.host.writeFile(path, '', { append: isAppend });
      if (errno !== undefined) {
        env.err(redirectError(env.dialect, line, target, errno, true), current());
        return undefined;
      }
      sink = { kind: 'file', path };
    }
    if (r.op === '&>' || r.op === '&>>' || (r.op === '>&' && r.fd === undefined)) {
      out.set(1, sink);
      out.set(2, sink);
    } else out.set(r.fd ?? 1, sink);
  }
  return { stdin, out };
}
