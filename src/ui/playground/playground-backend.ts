/**
 * The playground's terminal backend: the simulated world behind <aa-terminal> (one node, or a cluster's
 * control plane), saved after every command (a cluster world as the log of commands that rebuilt it),
 * plus `edit FILE`, which the terminal intercepts to open a node file in the editor, and the editor's Save
 * (a file written straight into the node). Pure: no DOM; storage comes in through a WorldStore.
 */
import type { World } from '../../sim/index.ts';
import type { TerminalBackend, TerminalResult } from '../terminal/backend.ts';
import { worldBackend } from '../terminal/world-backend.ts';
import { restoreWorld, writeInto } from './world-log.ts';
import { LOG_LIMIT, type PlaygroundEra, type WorldLogEntry, type WorldStore } from './world-store.ts';

/** How the playground's world starts. */
export type PlaygroundBackendOptions = {
  /** where the world and its history are kept */
  store: WorldStore;
  /** the node's hostname (the prompt's `root@HOST:~# `) */
  hostname?: string;
  /** `edit FILE` ran: show this file (canonical path) and its text in the editor */
  onEdit?(path: string, text: string): void;
  /** the world: one node (default) or a cluster's control plane of that Kubernetes version */
  era?: PlaygroundEra;
  /** something about keeping the world the learner should know (a log past its limit, a replay that differed) */
  onNotice?(text: string): void;
};

/** The backend, with the world it drives and the editor's way in. */
export type PlaygroundBackend = TerminalBackend & {
  readonly world: World;
  readonly era: PlaygroundEra;
  /**
   * Writes a file into the node as root would (parents created, an existing file keeps its owner and mode).
   * @returns undefined when written, else a one-line reason
   */
  writeFile(path: string, text: string): string | undefined;
  /**
   * Reads an existing regular file of the node (a path clicked in the terminal).
   * @returns its canonical path and text, or undefined when there is no such file
   */
  readFile(path: string): { path: string; text: string } | undefined;
};

/** A one-line message for anything thrown, so the terminal never shows a stack trace. */
function messageOf(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return (text.split('\n')[0] ?? '').slice(0, 200) || 'unexpected error';
}

function failure(stderr: string, exitCode = 1): TerminalResult {
  return { stdout: '', stderr, exitCode, output: [{ fd: 2, text: stderr }] };
}

/**
 * The operand of an `edit` command line, if the line is one.
 * @param text - a submitted line
 * @returns `{ operand }` (empty when missing) for `edit …`, else undefined
 * @example editOperand("edit '/etc/hosts'") // → { operand: '/etc/hosts' }
 */
export function editOperand(text: string): { operand: string } | undefined {
  const match = /^\s*edit(?:\s+(.*?))?\s*$/.exec(text);
  if (match === null || text.includes('\n')) return undefined;
  const operand = (match[1] ?? '').replace(/^(['"])(.*)\1$/, '$2');
  return { operand };
}

/**
 * Resolves an operand against the shell's working directory and home, as the shell would see it.
 * @param operand - `~/x`, `x`, `/etc/x`
 * @param cwd - the working directory
 * @param home - `$HOME`
 * @returns the absolute path (not canonical)
 * @example absolutePath('p', '/etc/apparmor.d', '/root') // → '/etc/apparmor.d/p'
 */
export function absolutePath(operand: string, cwd: string, home: string): string {
  if (operand === '~' || operand.startsWith('~/')) return home + operand.slice(1);
  return operand.startsWith('/') ? operand : `${cwd.replace(/\/$/, '')}/${operand}`;
}

/** A file of the node as the editor opens it: canonical path and text (empty for a file not there yet). */
function readInto(world: World, path: string): { path: string; text: string } | 'Is a directory' | 'Not a regular file' {
  const found = world.node.kernel.fs.lookup(path);
  if (found.ok && found.inode.type === 'dir') return 'Is a directory';
  if (found.ok && found.inode.type !== 'file') return 'Not a regular file';
  // A missing file opens empty, as an editor would; Save creates it.
  return { path: found.path, text: found.ok ? found.inode.content : '' };
}

function runEdit(world: World, operand: string, onEdit: PlaygroundBackendOptions['onEdit']): TerminalResult {
  if (operand === '') return failure('edit: missing file operand\nUsage: edit FILE   (opens FILE in the editor)\n');
  const file = readInto(world, absolutePath(operand, world.shell.cwd, world.shell.env['HOME'] ?? '/root'));
  if (typeof file === 'string') return failure(`edit: ${operand}: ${file}\n`);
  onEdit?.(file.path, file.text);
  const text = `Opened ${file.path} in the editor.\n`;
  return { stdout: text, stderr: '', exitCode: 0, output: [{ fd: 1, text }] };
}

/**
 * Creates the playground's backend on the stored world (a fresh default world when nothing usable is stored).
 * @param options - the store, hostname and `edit` callback
 * @returns the backend
 */
export function createPlaygroundBackend(options: PlaygroundBackendOptions): PlaygroundBackend {
  const { store } = options;
  const era = options.era ?? 'single';
  const restored = restoreWorld(era, options.hostname ?? 'node-1', { snapshot: store.loadSnapshot(), log: store.log.load() });
  const { world } = restored;
  let log = restored.log;
  if (restored.notice !== undefined) options.onNotice?.(restored.notice);
  const inner = worldBackend(world, store.history);
  const record = (entry: WorldLogEntry): void => {
    if (log === undefined) return;
    log.push(entry);
    if (log.length <= LOG_LIMIT && store.log.save(log)) return;
    log = undefined;
    store.log.save(null);
    options.onNotice?.(`This cluster is past ${LOG_LIMIT} commands (or the browser's storage is full): from now on a reload keeps the node's files and profiles but not the cluster's pods.`);
  };
  const persist = (): void => {
    try {
      store.saveSnapshot(world.snapshot());
    } catch {
      // Not saved this time; the next command tries again.
    }
  };
  const guarded = (entry: WorldLogEntry | undefined, call: () => TerminalResult): TerminalResult => {
    try {
      return call();
    } catch (error) {
      return failure(`-bash: ${messageOf(error)}\n`);
    } finally {
      if (entry !== undefined) record(entry);
      persist();
    }
  };
  persist();
  if (log !== undefined) store.log.save(log);
  return {
    ...inner,
    world,
    era,
    run(text) {
      const edit = editOperand(text);
      return edit === undefined
        ? guarded({ op: 'run', text }, () => world.run(text))
        : guarded(undefined, () => runEdit(world, edit.operand, options.onEdit));
    },
    exit: () => guarded({ op: 'exit' }, () => world.run('exit')),
    interrupt: () => void guarded({ op: 'interrupt' }, () => world.run('(exit 130)')),
    readFile(path) {
      try {
        const file = readInto(world, path);
        return typeof file === 'string' || !world.node.kernel.fs.lookup(path).ok ? undefined : file;
      } catch {
        return undefined;
      }
    },
    writeFile(path, text) {
      try {
        return writeInto(world, path, text);
      } catch (error) {
        return messageOf(error);
      } finally {
        record({ op: 'write', path, text });
        persist();
      }
    },
  };
}
