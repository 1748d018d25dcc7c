/**
 * Where the playground keeps its world between visits: the world's snapshot, the log of what changed it
 * (a cluster world is restored by replaying it), its era and the terminal's history in localStorage. Storage that is missing, full or damaged means "start fresh",
 * never an exception; it holds no DOM and no simulator code (the snapshot is checked by the world itself).
 */
import type { TextStorage } from '../editor/store.ts';

/** The persisted state of one world. */
export type WorldStore = {
  /** @returns the saved snapshot, parsed but unchecked (the world rejects a foreign one), or undefined */
  loadSnapshot(): unknown;
  /** saves a snapshot; @returns false when the storage refused it (quota, private mode) */
  saveSnapshot(snapshot: unknown): boolean;
  /** the terminal's history of this world, oldest first */
  history: { load(): string[]; save(entries: string[]): void };
  /** the node file the editor shows (the path Save writes to) */
  editing: { load(): string | undefined; save(path: string): void };
  /** what changed the world since it was created, oldest first (undefined when absent, damaged or given up: null) */
  log: { load(): WorldLogEntry[] | undefined; save(entries: readonly WorldLogEntry[] | null): boolean };
  /** which world the playground shows: a single node or a cluster of a Kubernetes version */
  era: { load(): PlaygroundEra | undefined; save(era: PlaygroundEra): void };
  /** forgets the snapshot, the log, the history and the edited file's path (Reset); the era stays */
  clear(): void;
};

/** The playground's worlds: one node, or the control plane of a cluster of the v1.14 or v1.30 era. */
export type PlaygroundEra = 'single' | '1.14' | '1.30';

/** The eras, in the order the era switch offers them. */
export const PLAYGROUND_ERAS: readonly PlaygroundEra[] = ['single', '1.14', '1.30'];

/**
 * @param value - a stored value or a URL's `?era=`
 * @returns the era it names, or undefined
 * @example parseEra('1.30') // → '1.30'
 */
export function parseEra(value: unknown): PlaygroundEra | undefined {
  return PLAYGROUND_ERAS.find((era) => era === value);
}

/** One thing that changed a world: a command line run, Ctrl-C, Ctrl-D, or a file the editor saved. */
export type WorldLogEntry =
  | { op: 'run'; text: string }
  | { op: 'interrupt' }
  | { op: 'exit' }
  | { op: 'write'; path: string; text: string };

/** The most log entries kept; past that a cluster world survives a reload only as its node's snapshot. */
export const LOG_LIMIT = 2000;

function isLogEntry(entry: unknown): entry is WorldLogEntry {
  const e = entry as Partial<Record<string, unknown>> | null;
  if (typeof e !== 'object' || e === null) return false;
  if (e['op'] === 'run') return typeof e['text'] === 'string';
  if (e['op'] === 'write') return typeof e['path'] === 'string' && typeof e['text'] === 'string';
  return e['op'] === 'interrupt' || e['op'] === 'exit';
}

/** The most history entries kept, as bash's default HISTSIZE. */
export const HISTORY_LIMIT = 500;

/**
 * @param world - the world's name (`playground`)
 * @returns the storage keys of its snapshot and history
 * @example worldKeys('playground') // → { snapshot: 'apparmor-lab:playground:world', history: 'apparmor-lab:playground:history', editing: … }
 */
export function worldKeys(world: string): { snapshot: string; history: string; editing: string; log: string; era: string } {
  const prefix = `apparmor-lab:${world}`;
  return {
    snapshot: `${prefix}:world`, history: `${prefix}:history`, editing: `${prefix}:editing`,
    log: `${prefix}:log`, era: `${prefix}:era`,
  };
}

function attempt<T>(call: () => T, fallback: T): T {
  try {
    return call();
  } catch {
    return fallback;
  }
}

/**
 * Creates the store of one world.
 * @param world - the world's name
 * @param storage - where to keep it; default `globalThis.localStorage` when available
 * @returns the store
 */
export function createWorldStore(world: string, storage: TextStorage | undefined = defaultStorage()): WorldStore {
  const keys = worldKeys(world);
  const read = (key: string): unknown => attempt(() => {
    const text = storage?.getItem(key);
    return typeof text === 'string' ? JSON.parse(text) as unknown : undefined;
  }, undefined);
  const write = (key: string, value: unknown): boolean => attempt(() => {
    if (storage === undefined) return false;
    storage.setItem(key, JSON.stringify(value));
    return true;
  }, false);
  return {
    loadSnapshot: () => read(keys.snapshot),
    saveSnapshot: (snapshot) => write(keys.snapshot, snapshot),
    history: {
      load() {
        const entries = read(keys.history);
        return Array.isArray(entries) ? entries.filter((e): e is string => typeof e === 'string') : [];
      },
      save: (entries) => void write(keys.history, entries.slice(-HISTORY_LIMIT)),
    },
    editing: {
      load() {
        const path = read(keys.editing);
        return typeof path === 'string' ? path : undefined;
      },
      save: (path) => void write(keys.editing, path),
    },
    log: {
      load() {
        const entries = read(keys.log);
        return Array.isArray(entries) && entries.every(isLogEntry) ? entries : undefined;
      },
      save: (entries) => write(keys.log, entries),
    },
    era: {
      load: () => parseEra(read(keys.era)),
      save: (era) => void write(keys.era, era),
    },
    clear() {
      attempt(() => {
        storage?.removeItem(keys.log);
        storage?.removeItem(keys.snapshot);
        storage?.removeItem(keys.history);
        storage?.removeItem(keys.editing);
      }, undefined);
    },
  };
}

function defaultStorage(): TextStorage | undefined {
  // Some browsers throw on access when storage is disabled.
  return attempt(() => globalThis.localStorage as TextStorage | undefined, undefined);
}
