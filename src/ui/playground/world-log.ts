/**
 * How a playground world is rebuilt after a reload. A single node comes back from its snapshot; a cluster's
 * objects are not in snapshots, so a cluster world is created again and the log of what changed it is
 * replayed (the world is deterministic: its clock and ids are its own). Pure: no DOM, no storage.
 */
import { createWorld, isWorldSnapshot, type World } from '../../sim/index.ts';
import { LOG_LIMIT, type PlaygroundEra, type WorldLogEntry } from './world-store.ts';

/** The Kubernetes versions behind the cluster eras. */
const ERA_VERSIONS = { '1.14': { major: 1, minor: 14 }, '1.30': { major: 1, minor: 30 } } as const;

/**
 * Writes a file into the node as root would (parents must exist; an existing file keeps its owner and mode).
 * @param world - the world
 * @param path - an absolute path
 * @param text - the file's new text
 * @returns undefined when written, else a one-line reason
 */
export function writeInto(world: World, path: string, text: string): string | undefined {
  if (!path.startsWith('/')) return `${path}: not an absolute path`;
  const fs = world.node.kernel.fs;
  const found = fs.lookup(path);
  if (found.ok) {
    if (found.inode.type !== 'file') return `${path}: not a regular file`;
    found.inode.content = text;
    return undefined;
  }
  const parent = fs.lookup(found.path.slice(0, found.path.lastIndexOf('/')) || '/');
  if (!parent.ok || parent.inode.type !== 'dir') return `${path}: No such file or directory`;
  fs.put(found.path, { type: 'file', mode: 0o644, uid: 0, gid: 0, content: text });
  return undefined;
}

/**
 * Applies one log entry to a world, the same call the live terminal made.
 * @param world - the world
 * @param entry - what was done
 */
export function applyLogEntry(world: World, entry: WorldLogEntry): void {
  if (entry.op === 'run') world.run(entry.text);
  else if (entry.op === 'exit') world.run('exit');
  // Ctrl-C at a prompt: see world-backend.ts (a subshell leaves $? at 130).
  else if (entry.op === 'interrupt') world.run('(exit 130)');
  else writeInto(world, entry.path, entry.text);
}

/** What a restore gives: the world, the log to go on with (undefined: no longer kept) and a notice. */
export type RestoredWorld = { world: World; log: WorldLogEntry[] | undefined; notice?: string };

/** The saved parts of a world: its node's snapshot and, for a cluster, its log. */
export type SavedWorld = { snapshot: unknown; log: WorldLogEntry[] | undefined };

/**
 * Creates a fresh world of an era.
 * @param era - single node or a cluster version
 * @param hostname - the single node's hostname (a cluster's node is always `controlplane`)
 * @returns the world
 */
export function createEraWorld(era: PlaygroundEra, hostname: string): World {
  return era === 'single' ? createWorld({ hostname }) : createWorld({ cluster: { version: ERA_VERSIONS[era] } });
}

function replayed(era: Exclude<PlaygroundEra, 'single'>, saved: SavedWorld & { log: WorldLogEntry[] }): RestoredWorld {
  const world = createEraWorld(era, 'controlplane');
  for (const entry of saved.log) {
    try {
      applyLogEntry(world, entry);
    } catch {
      // The live run failed the same way (the backend caught it); replay goes on as it did.
    }
  }
  const same = !isWorldSnapshot(saved.snapshot) || JSON.stringify(world.snapshot()) === JSON.stringify(saved.snapshot);
  return same ? { world, log: saved.log } : {
    world,
    log: saved.log,
    notice: 'The cluster was rebuilt from your commands, but the node differs from what was saved (this site changed since).',
  };
}

/**
 * Rebuilds the stored world of an era: a single node from its snapshot; a cluster by replaying its log, or,
 * when the log was given up (past LOG_LIMIT), from its node's snapshot with a fresh cluster and a notice.
 * @param era - which world
 * @param hostname - the single node's hostname
 * @param saved - what the store holds
 * @returns the world and the log to keep appending to
 * @example restoreWorld('1.14', 'node-1', { snapshot: undefined, log: undefined }).world.prompt() // → 'root@controlplane:~# '
 */
export function restoreWorld(era: PlaygroundEra, hostname: string, saved: SavedWorld): RestoredWorld {
  const snapshot = isWorldSnapshot(saved.snapshot) ? saved.snapshot : undefined;
  if (era === 'single') {
    // A damaged or foreign snapshot (an older version of the site) gives a fresh world.
    return { world: createWorld({ hostname, ...(snapshot ? { snapshot } : {}) }), log: undefined };
  }
  if (saved.log !== undefined) return replayed(era, { snapshot: saved.snapshot, log: saved.log });
  if (snapshot === undefined) return { world: createEraWorld(era, hostname), log: [] };
  return {
    world: createWorld({ cluster: { version: ERA_VERSIONS[era] }, snapshot }),
    log: undefined,
    notice: `More than ${LOG_LIMIT} commands: the node's files and profiles were kept, the cluster's pods were not.`,
  };
}
