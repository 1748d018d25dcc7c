/**
 * Where the playground keeps its world between visits: the world's snapshot and the terminal's history in
 * localStorage, one pair per world name. Storage that is missing, full or damaged means "start fresh",
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
  /** forgets the snapshot, the history and the edited file's path (Reset) */
  clear(): void;
};

/** The most history entries kept, as bash's default HISTSIZE. */
export const HISTORY_LIMIT = 500;

/**
 * @param world - the world's name (`playground`)
 * @returns the storage keys of its snapshot and history
 * @example worldKeys('playground') // → { snapshot: 'apparmor-lab:playground:world', history: 'apparmor-lab:playground:history', editing: … }
 */
export function worldKeys(world: string): { snapshot: string; history: string; editing: string } {
  const prefix = `apparmor-lab:${world}`;
  return { snapshot: `${prefix}:world`, history: `${prefix}:history`, editing: `${prefix}:editing` };
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
    clear() {
      attempt(() => {
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
