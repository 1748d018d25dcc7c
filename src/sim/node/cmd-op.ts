/**
 * The kernel corpus' `op: cmd` run on a simulated node: the case's files laid and its profiles loaded
 * as the corpus harness does, then `aa-exec -p AS -- argv` (or `/bin/sh -c SH`) typed into a shell of
 * the op's user, with exit status, output and the audit records it caused, in the corpus' result form.
 */
import { layFiles, normaliseAuditLine, type CaseOp, type KernelCase, type OpResult } from '../kernel/index.ts';
import { createNodeRegistry } from './commands.ts';
import { dmesgLine } from './kernel-log.ts';
import { buildWorld } from './world.ts';

/** The corpus VM's hostname (what `cat /etc/hostname` printed there). */
const CORPUS_HOSTNAME = 'oracle';

/**
 * Quotes a word for the shell: bare when safe, otherwise in single quotes.
 * @param word - an argument
 * @returns the word as typed
 * @example shellQuote("it's") // → "'it'\\''s'"
 */
export function shellQuote(word: string): string {
  return /^[A-Za-z0-9_./:=@%+,-]+$/.test(word) ? word : `'${word.replace(/'/g, "'\\''")}'`;
}

/**
 * The command line the corpus harness ran for a `cmd` op.
 * @param op - the op (`argv` or `sh`, `as` already defaulted from the case)
 * @returns the line to type
 * @example cmdLine({ op: 'cmd', as: 'p', argv: ['touch', '/tmp/test'] }) // → 'aa-exec -p p -- touch /tmp/test'
 */
export function cmdLine(op: CaseOp): string {
  const argv = Array.isArray(op.argv) ? op.argv.map(String) : ['/bin/sh', '-c', String(op.sh ?? '')];
  const env = typeof op.env === 'object' && op.env !== null ? Object.entries(op.env as Record<string, unknown>).map(([k, v]) => `${k}=${shellQuote(String(v))} `).join('') : '';
  const confine = op.as === undefined || op.as === null || op.as === 'unconfined' ? '' : `aa-exec -p ${shellQuote(op.as)} -- `;
  const stdin = typeof op.stdin === 'string' ? ` <<'AA_CMD_STDIN'\n${op.stdin.replace(/\n$/, '')}\nAA_CMD_STDIN` : '';
  return `${env}${confine}${argv.map(shellQuote).join(' ')}${stdin}`;
}

/**
 * Runs one `cmd` op of a kernel case on a fresh node.
 * @param kase - the case (profiles, files, mode)
 * @param op - the op, with `as` and `user` defaulted from the case by the caller or here
 * @returns the op's result in the corpus format (exit, stdout, stderr, allowed, audit lines)
 */
export function runCmdOp(kase: KernelCase, op: CaseOp): OpResult {
  const user = String(op.user ?? kase.user ?? 'root');
  const world = buildWorld(createNodeRegistry(), { hostname: CORPUS_HOSTNAME, user: user === '0' ? 'root' : user === '1000' ? 'user' : user });
  const node = world.node;
  layFiles(node.kernel, kase.files ?? []);
  const root = node.kernel.tasks.get(1);
  kase.profiles.forEach((text, index) => {
    const name = kase.profile_files?.[index] ?? (kase.profiles.length === 1 ? kase.id : `${kase.id}.${index}`);
    if (root) node.loadPolicy(root, text, `/etc/apparmor.d/${name}`, { action: 'replace', isComplain: kase.mode === 'complain', isKernelLoad: true });
  });
  node.collectLog();
  const mark = node.log.length;
  const result = world.run(cmdLine({ ...op, as: op.as === undefined ? kase.as : op.as }));
  const entries = node.log.slice(mark);
  return {
    allowed: result.exitCode === 0,
    exit: result.exitCode,
    stdout: result.stdout,
    stderr: result.stderr,
    audit: entries.map(dmesgLine),
    audit_norm: entries.map((entry) => normaliseAuditLine(entry.record)),
  };
}
