/**
 * A world: one node plus the terminal's stack of login shells (`su - user` pushes one, `exit` pops it),
 * a deterministic clock that moves on per command, and serialisable snapshots. This is what the
 * playground, the CLI and the transcript tests drive; it never touches a terminal.
 */
import { createShell, type Shell, type ShellResult } from '../shell/shell.ts';
import type { CommandRegistry, Completion, SessionControl } from '../shell/registry.ts';
import type { LoadedProfile, Task } from '../kernel/index.ts';
import type { ClockState } from './clock.ts';
import type { KernelLogEntry } from './kernel-log.ts';
import { SimNode } from './node.ts';
import type { PolicyOp } from './policy-admin.ts';
import { createShellHost } from './shell-host.ts';

/** One file of a snapshot. */
export type SnapshotFile = {
  path: string;
  type: 'file' | 'dir' | 'symlink' | 'fifo' | 'chr';
  mode: number;
  uid: number;
  gid: number;
  content?: string;
  target?: string;
  program?: string;
};

/** Everything needed to rebuild a world (JSON-safe). */
export type WorldSnapshot = {
  version: 1;
  hostname: string;
  clock: ClockState;
  auditSerial: number;
  files: SnapshotFile[];
  policy: PolicyOp[];
  log: KernelLogEntry[];
  /** how many records of `log` `dmesg -C` cleared from the ring buffer */
  ringStart?: number;
  /** the login shells, outermost first */
  sessions: { user: string; cwd: string; env: Record<string, string>; isLogin?: boolean }[];
};

/** How a world starts. */
export type WorldOptions = {
  hostname?: string;
  /** who is logged in first (default root, as on the playground's node) */
  user?: string;
  clock?: ClockState;
  snapshot?: WorldSnapshot;
};

/** One shell on the terminal; login shells (ssh, `su -`, `sudo -i`) say `logout` when they exit. */
/** `node` is where the shell runs: the world's node, or another cluster node after an interactive `ssh NODE`. */
type Session = { shell: Shell; task: Task; user: string; isLogin: boolean; node: SimNode };

/** A running world. */
export type World = {
  readonly node: SimNode;
  /** the innermost shell */
  readonly shell: Shell;
  /** Runs one typed line (or several) in the innermost shell. Never throws. */
  run(text: string): ShellResult;
  /** The prompt of the innermost shell. */
  prompt(): string;
  /** False while the shell would show the `> ` continuation prompt. */
  isComplete(text: string): boolean;
  /** Tab completion for the innermost shell's working directory. */
  complete(line: string, cursor: number): Completion;
  /** The same as `complete` (the name the terminal's line editor uses). */
  completeCommand(line: string, cursor: number): Completion;
  /** True once the outermost shell ran `exit`. */
  readonly hasExited: boolean;
  /** A JSON-safe copy of the state. */
  snapshot(): WorldSnapshot;
};

/**
 * Builds a world on a registry of commands.
 * @param registry - the commands installed on the node
 * @param options - hostname, first user, clock, or a snapshot to restore
 * @returns the world
 */
export function buildWorld(registry: CommandRegistry, options: WorldOptions = {}): World {
  // a snapshot from storage may be stale or damaged: an unusable one gives a fresh world
  let saved = isWorldSnapshot(options.snapshot) ? options.snapshot : undefined;
  let node = bootNode(registry, options, saved);
  if (node === undefined) {
    saved = undefined;
    node = bootNode(registry, options, undefined) as SimNode;
  }
  const sessions: Session[] = [];
  let pending: { user: string; isLogin: boolean; label: LoadedProfile | undefined; on: SimNode | undefined; flavour: 'bash' | 'sh' | undefined } | undefined;
  let hasExited = false;
  const control: SessionControl = {
    startShell: (user, opts) => {
      const here = opts.node ?? sessions.at(-1)?.node ?? node;
      pending = { user, isLogin: opts.isLogin, label: opts.pid === undefined ? undefined : here.kernel.tasks.get(opts.pid)?.label, on: opts.node, flavour: opts.flavour };
    },
  };
  const open = (user: string, cwd: string | undefined, env: Record<string, string> | undefined, isLogin = true, label?: LoadedProfile, on?: SimNode, flavour?: 'bash' | 'sh'): Session => {
    const where = on ?? sessions.at(-1)?.node ?? node;
    const isElsewhere = where !== (sessions.at(-1)?.node ?? node);
    // a login on another node has no parent task here (sshd or the runtime started it there)
    const task = where.login(user, isElsewhere ? undefined : sessions.at(-1)?.task, label);
    const host = createShellHost(where, task, control);
    const start = isElsewhere && !isLogin ? '/' : cwd;
    const shell = createShell(host, { ...(start ? { cwd: start } : {}), ...(env ? { env } : {}), ...(flavour ? { flavour } : {}) });
    return { shell, task, user, isLogin, node: where };
  };
  for (const s of saved?.sessions ?? [{ user: options.user ?? 'root', cwd: '', env: {} }]) {
    sessions.push(open(s.user, s.cwd || undefined, Object.keys(s.env).length > 0 ? s.env : undefined, s.isLogin ?? true));
  }
  const top = (): Session => sessions.at(-1) as Session;
  const world: World = {
    node,
    get shell() {
      return top().shell;
    },
    get hasExited() {
      return hasExited;
    },
    run(text) {
      if (hasExited) return { stdout: '', stderr: '', exitCode: top().shell.lastStatus, output: [] };
      const session = top();
      session.node.clock.advance('command');
      const result = session.shell.run(text);
      session.node.collectLog();
      if (session.shell.hasExited && session.isLogin) sayLogout(result);
      if (session.shell.hasExited) {
        if (sessions.length > 1) {
          sessions.pop();
          session.node.logout(session.task);
        } else hasExited = true;
      }
      if (pending) {
        const { user, isLogin, label, on, flavour } = pending;
        pending = undefined;
        sessions.push(open(user, isLogin ? undefined : session.shell.cwd, undefined, isLogin, label, on, flavour));
      }
      return result;
    },
    prompt: () => top().shell.prompt(),
    isComplete: (text) => top().shell.isComplete(text),
    complete: (line, cursor) => completeIn(registry, node, top().shell.cwd, line, cursor),
    completeCommand: (line, cursor) => completeIn(registry, node, top().shell.cwd, line, cursor),
    snapshot: () => snapshotOf(node, sessions),
  };
  return world;
}

/**
 * Whether a value (e.g. parsed from storage) is a snapshot this version can restore.
 * @param value - anything
 * @returns true for a version-1 snapshot with its arrays and clock in place
 * @example isWorldSnapshot({ version: 2 }) // → false
 */
export function isWorldSnapshot(value: unknown): value is WorldSnapshot {
  if (typeof value !== 'object' || value === null) return false;
  const s = value as Partial<WorldSnapshot>;
  return s.version === 1 && typeof s.hostname === 'string' && typeof s.auditSerial === 'number'
    && typeof s.clock?.bootEpochMs === 'number' && typeof s.clock.uptimeMicros === 'number' && typeof s.clock.seed === 'number'
    && Array.isArray(s.files) && s.files.every((f) => typeof f?.path === 'string' && typeof f.type === 'string')
    && Array.isArray(s.policy) && Array.isArray(s.log)
    && Array.isArray(s.sessions) && s.sessions.length > 0 && s.sessions.every((x) => typeof x?.user === 'string');
}

/** Tab completion against the node's files. */
function completeIn(registry: CommandRegistry, node: SimNode, cwd: string, line: string, cursor: number): Completion {
  const fs = node.kernel.fs;
  const dirOf = (path: string): string | undefined => {
    const found = fs.lookup(path);
    return found.ok && found.inode.type === 'dir' ? found.path : undefined;
  };
  return registry.complete(line, cursor, {
    cwd,
    listDir: (path) => {
      const dir = dirOf(path);
      return dir === undefined ? undefined : fs.list(dir);
    },
    isDirectory: (path) => dirOf(path) !== undefined,
  });
}

/** The JSON-safe state of a world. */
function snapshotOf(node: SimNode, sessions: readonly Session[]): WorldSnapshot {
  return {
    version: 1,
    hostname: node.hostname,
    clock: node.clock.snapshot(),
    auditSerial: node.nextSerial,
    files: snapshotFiles(node),
    policy: [...node.policyOps],
    log: [...node.log],
    ringStart: node.ringStart,
    sessions: sessions.map((s) => ({ user: s.user, cwd: s.shell.cwd, env: { ...s.shell.env }, isLogin: s.isLogin })),
  };
}

/** A login bash prints `logout` where an interactive non-login one prints `exit` (bash's `exit_builtin`). */
function sayLogout(result: ShellResult): void {
  const chunk = result.output.findLast((c) => c.fd === 2);
  if (chunk?.text !== 'exit\n') return;
  chunk.text = 'logout\n';
  result.stderr = result.stderr.replace(/exit\n$/, 'logout\n');
}

/** Every inode outside the per-process `/proc/<pid>` trees, parents before children. */
function snapshotFiles(node: SimNode): SnapshotFile[] {
  const fs = node.kernel.fs;
  const files: SnapshotFile[] = [];
  const walk = (dir: string): void => {
    for (const name of fs.list(dir)) {
      const path = dir === '/' ? `/${name}` : `${dir}/${name}`;
      if (/^\/proc\/\d+$/.test(path)) continue;
      const inode = fs.get(path);
      if (!inode) continue;
      files.push({
        path, type: inode.type, mode: inode.mode, uid: inode.uid, gid: inode.gid,
        ...(inode.type === 'file' && inode.content !== '' ? { content: inode.content } : {}),
        ...(inode.target !== undefined ? { target: inode.target } : {}),
        ...(inode.exec?.kind === 'dynamic' ? { program: inode.exec.program } : {}),
      });
      if (inode.type === 'dir') walk(path);
    }
  };
  walk('/');
  return files;
}

/** Boots a node, restoring a snapshot over it; undefined when the snapshot cannot be restored. */
function bootNode(registry: CommandRegistry, options: WorldOptions, saved: WorldSnapshot | undefined): SimNode | undefined {
  const node = new SimNode(registry, {
    hostname: saved?.hostname ?? options.hostname ?? 'node01',
    ...(saved ? { clock: saved.clock, auditSerial: saved.auditSerial } : options.clock ? { clock: options.clock } : {}),
  });
  if (saved === undefined) return node;
  try {
    restoreNode(node, saved);
    return node;
  } catch {
    return undefined;
  }
}

/** Lays a snapshot's files and policy over a freshly booted node. */
function restoreNode(node: SimNode, saved: WorldSnapshot): void {
  const fs = node.kernel.fs;
  for (const name of fs.list('/')) if (name !== 'proc') fs.remove(`/${name}`);
  for (const file of saved.files) {
    if (/^\/proc\/\d+(\/|$)/.test(file.path)) continue;
    fs.remove(file.path);
    fs.put(file.path, {
      type: file.type, mode: file.mode, uid: file.uid, gid: file.gid, content: file.content ?? '',
      ...(file.target !== undefined ? { target: file.target } : {}),
      ...(file.program !== undefined ? { exec: { kind: 'dynamic' as const, program: file.program } } : {}),
    });
  }
  const root = node.kernel.tasks.get(1);
  for (const op of saved.policy) {
    if (!root) break;
    if (op.op === 'load') node.loadPolicy(root, op.text, op.file, { action: 'replace', isComplain: op.isComplain, isKernelLoad: true });
    else node.removeProfile(root, op.name);
  }
  node.discardLog();
  node.log.push(...saved.log);
  node.ringStart = typeof saved.ringStart === 'number' ? saved.ringStart : 0;
}
