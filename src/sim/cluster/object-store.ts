/**
 * The API server's storage: objects keyed by resource, namespace and name, stamped with uid,
 * resourceVersion and creationTimestamp from the caller's clock and uid source. No validation here.
 */
import { qualifiedResource, type KindInfo } from './kinds.ts';
import type { KubeObject } from './objects.ts';

/** Where the store gets time and identities. */
export type StoreClock = { readonly now: () => string; readonly newUid: () => string };

/** In-memory object storage (an etcd stand-in). */
export class ObjectStore {
  readonly #objects = new Map<string, KubeObject>();
  readonly #clock: StoreClock;
  #resourceVersion = 1000;

  /**
   * @param clock the time and uid sources
   */
  constructor(clock: StoreClock) {
    this.#clock = clock;
  }

  /**
   * The storage key of an object.
   * @param info the object's kind
   * @param namespace its namespace (ignored for cluster-scoped kinds)
   * @param name its name
   * @returns `pods/default/hello`, `namespaces//demo`
   */
  key(info: KindInfo, namespace: string | undefined, name: string): string {
    return `${qualifiedResource(info)}/${info.namespaced ? namespace ?? 'default' : ''}/${name}`;
  }

  /**
   * Reads an object.
   * @param key the storage key
   * @returns the stored object (not a copy), or undefined
   */
  get(key: string): KubeObject | undefined {
    return this.#objects.get(key);
  }

  /**
   * Stores a new object with fresh uid, resourceVersion and creationTimestamp.
   * @param key the storage key
   * @param object the object to store
   * @param namespace the namespace to record (undefined for cluster-scoped kinds)
   * @returns the stored object
   */
  insert(key: string, object: KubeObject, namespace: string | undefined): KubeObject {
    const stored: KubeObject = {
      ...object,
      metadata: {
        ...object.metadata,
        ...(namespace === undefined ? {} : { namespace }),
        uid: this.#clock.newUid(), resourceVersion: this.#nextVersion(), creationTimestamp: this.#clock.now(),
      },
    };
    this.#objects.set(key, stored);
    return stored;
  }

  /**
   * Replaces an existing object, bumping its resourceVersion.
   * @param key the storage key
   * @param object the new contents
   * @returns the stored object
   */
  replace(key: string, object: KubeObject): KubeObject {
    const stored = { ...object, metadata: { ...object.metadata, resourceVersion: this.#nextVersion() } };
    this.#objects.set(key, stored);
    return stored;
  }

  /**
   * Removes an object.
   * @param key the storage key
   */
  remove(key: string): void {
    this.#objects.delete(key);
  }

  /**
   * Removes every object of a namespace (a deleted namespace takes its contents with it).
   * @param namespace the namespace's name
   */
  removeNamespaceContents(namespace: string): void {
    for (const [key, object] of this.#objects) if (object.metadata.namespace === namespace) this.#objects.delete(key);
  }

  /**
   * All stored objects of a kind.
   * @param kind the kind (`Pod`)
   * @returns the objects, in insertion order
   */
  ofKind(kind: string): KubeObject[] {
    return [...this.#objects.values()].filter((o) => o.kind === kind);
  }

  #nextVersion(): string {
    this.#resourceVersion += 1;
    return String(this.#resourceVersion);
  }
}
