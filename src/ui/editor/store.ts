/**
 * The one place the editor persists text: localStorage under `apparmor-lab:<world>:<file>`, so nothing typed
 * is lost on reload. Storage that is missing or full (private mode, quota) degrades to "not saved", never
 * to an exception.
 */

/** The minimal Storage surface we use, so tests can pass a Map-backed fake. */
export type TextStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** A per-world, per-file text store. */
export type TextStore = {
  /** @returns the saved text, or undefined when nothing was saved */
  load(): string | undefined;
  /** saves the text; @returns false when the storage refused it */
  save(text: string): boolean;
  /** forgets the saved text (back to the page's default) */
  clear(): void;
};

/**
 * @param world - the world or lab the file belongs to (`playground`, `01-first-profile`)
 * @param file - the file's path in that world (`/etc/apparmor.d/k8s-deny-write`)
 * @returns the storage key
 * @example storageKey('playground', 'profile') // → 'apparmor-lab:playground:profile'
 */
export function storageKey(world: string, file: string): string {
  return `apparmor-lab:${world}:${file}`;
}

/**
 * Creates a store for one file of one world.
 *
 * @param world - the world or lab name
 * @param file - the file's path in that world
 * @param storage - where to keep it; default `globalThis.localStorage` when available
 * @returns the store
 */
export function createTextStore(world: string, file: string, storage: TextStorage | undefined = defaultStorage()): TextStore {
  const key = storageKey(world, file);
  return {
    load() {
      try {
        return storage?.getItem(key) ?? undefined;
      } catch {
        return undefined;
      }
    },
    save(text) {
      try {
        storage?.setItem(key, text);
        return storage !== undefined;
      } catch {
        return false;
      }
    },
    clear() {
      try {
        storage?.removeItem(key);
      } catch {
        // Storage is unavailable: nothing was saved, so nothing to forget.
      }
    },
  };
}

function defaultStorage(): TextStorage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    // Some browsers throw on access when storage is disabled.
    return undefined;
  }
}
