/**
 * The file-system model of the kernel: inodes (type, owner, mode, content, symlink target) keyed by their
 * canonical absolute path, and path walking that resolves symlinks as namei does. It checks no permission:
 * DAC lives in `dac.ts` and AppArmor in the syscalls. Hard links share one inode object.
 */
import type { Errno } from './errno.ts';

/** The inode types the model knows. */
export type FileType = 'file' | 'dir' | 'symlink' | 'fifo' | 'chr';

/** How a regular file behaves when executed (the exec model reads this). */
export type ExecInfo =
  /** a static ELF (the corpus probe): needs only `mr` on itself */
  | { kind: 'static' }
  /** a dynamic ELF: ld.so opens the cache and libc (see `exec.ts`) */
  | { kind: 'dynamic'; program: string };

/** One inode. `mode` holds the permission bits only (07777). */
export type Inode = {
  ino: number;
  type: FileType;
  mode: number;
  uid: number;
  gid: number;
  content: string;
  /** symlink target; the special value `@self` is `/proc/<pid of the walker>` */
  target?: string;
  exec?: ExecInfo;
};

/** The result of walking a path. `path` is canonical (symlinks resolved) whether or not it exists. */
export type Lookup = { ok: true; path: string; inode: Inode } | { ok: false; errno: Errno; path: string };

/** Options of a walk. */
export type WalkOptions = {
  /** follow a symlink in the last component (false = lstat/O_NOFOLLOW semantics) */
  follow?: boolean;
  /** the pid `/proc/self` stands for */
  selfPid?: number;
};

const MAX_SYMLINKS = 40;

/**
 * Splits an absolute path into components, dropping empty and `.` parts.
 * @param path - an absolute path
 * @returns its components
 * @example splitPath('/a//b/./c/') // → ['a', 'b', 'c']
 */
export function splitPath(path: string): string[] {
  return path.split('/').filter((part) => part !== '' && part !== '.');
}

/**
 * Joins a directory and a name.
 * @param dir - an absolute canonical directory path
 * @param name - one component
 * @returns the joined path
 * @example joinPath('/', 'etc') // → '/etc'
 */
export function joinPath(dir: string, name: string): string {
  return dir === '/' ? `/${name}` : `${dir}/${name}`;
}

/**
 * @param path - an absolute canonical path
 * @returns its parent directory
 * @example parentOf('/tmp/x') // → '/tmp'
 */
export function parentOf(path: string): string {
  const cut = path.lastIndexOf('/');
  return cut <= 0 ? '/' : path.slice(0, cut);
}

/** An in-memory tree of inodes. */
export class FileSystem {
  readonly #nodes: Map<string, Inode>;
  #nextIno: number;

  /** @param nodes - internal: the map to start from (used by `clone`) */
  constructor(nodes?: Map<string, Inode>, nextIno = 2) {
    this.#nodes = nodes ?? new Map([['/', { ino: 1, type: 'dir', mode: 0o755, uid: 0, gid: 0, content: '' }]]);
    this.#nextIno = nextIno;
  }

  /** @returns a deep copy (hard links stay shared within the copy) */
  clone(): FileSystem {
    const copies = new Map<Inode, Inode>();
    const nodes = new Map<string, Inode>();
    for (const [path, inode] of this.#nodes) {
      let copy = copies.get(inode);
      if (!copy) {
        copy = { ...inode };
        copies.set(inode, copy);
      }
      nodes.set(path, copy);
    }
    return new FileSystem(nodes, this.#nextIno);
  }

  /**
   * @param path - a canonical path (no symlink resolution)
   * @returns the inode stored there
   */
  get(path: string): Inode | undefined {
    return this.#nodes.get(path);
  }

  /**
   * Stores a new inode at a canonical path, creating missing parent directories (root-owned, 0755).
   * @param path - canonical absolute path
   * @param fields - the inode fields; `ino` is assigned
   * @returns the stored inode
   */
  put(path: string, fields: Omit<Inode, 'ino'>): Inode {
    const parent = parentOf(path);
    if (path !== '/' && !this.#nodes.has(parent)) {
      this.put(parent, { type: 'dir', mode: 0o755, uid: 0, gid: 0, content: '' });
    }
    const inode: Inode = { ino: this.#nextIno++, ...fields };
    this.#nodes.set(path, inode);
    return inode;
  }

  /**
   * Adds a second name for an existing inode (a hard link).
   * @param path - the new canonical path
   * @param inode - the inode to share
   */
  putLink(path: string, inode: Inode): void {
    this.#nodes.set(path, inode);
  }

  /**
   * Removes one name; a directory's entries go with it.
   * @param path - canonical path
   */
  remove(path: string): void {
    this.#nodes.delete(path);
    for (const key of [...this.#nodes.keys()]) if (key.startsWith(`${path}/`)) this.#nodes.delete(key);
  }

  /**
   * Moves a name (and, for a directory, everything under it).
   * @param from - canonical source path
   * @param to - canonical destination path (replaced if present)
   */
  move(from: string, to: string): void {
    this.remove(to);
    for (const [key, inode] of [...this.#nodes]) {
      if (key === from || key.startsWith(`${from}/`)) {
        this.#nodes.delete(key);
        this.#nodes.set(to + key.slice(from.length), inode);
      }
    }
  }

  /**
   * @param dir - canonical directory path
   * @returns the names directly inside it, sorted
   */
  list(dir: string): string[] {
    const prefix = dir === '/' ? '/' : `${dir}/`;
    const names: string[] = [];
    for (const key of this.#nodes.keys()) {
      if (key !== '/' && key.startsWith(prefix) && !key.slice(prefix.length).includes('/')) {
        names.push(key.slice(prefix.length));
      }
    }
    return names.sort();
  }

  /**
   * Walks a path as namei does: every symlink met before the last component is followed, the last one
   * only with `follow`. `..` steps up from the resolved directory.
   * @param path - an absolute path
   * @param options - see WalkOptions
   * @returns the inode and its canonical path, or ENOENT/ENOTDIR/ELOOP with the canonical path so far
   */
  lookup(path: string, options: WalkOptions = {}): Lookup {
    const pending = splitPath(path);
    let current = '/';
    let links = 0;
    while (pending.length > 0) {
      const name = pending.shift()!;
      if (name === '..') {
        current = parentOf(current);
        continue;
      }
      const dir = this.#nodes.get(current);
      if (dir?.type !== 'dir') return { ok: false, errno: 'ENOTDIR', path: joinPath(current, name) };
      const next = joinPath(current, name);
      const inode = this.#nodes.get(next);
      if (!inode) return { ok: false, errno: 'ENOENT', path: [next, ...pending].join('/') };
      const isLast = pending.length === 0;
      if (inode.type === 'symlink' && (!isLast || options.follow !== false)) {
        if (++links > MAX_SYMLINKS) return { ok: false, errno: 'ELOOP', path: next };
        const target = inode.target === '@self' ? `/proc/${options.selfPid ?? 1}` : (inode.target ?? '');
        if (target.startsWith('/')) current = '/';
        pending.unshift(...splitPath(target));
        continue;
      }
      current = next;
    }
    const inode = this.#nodes.get(current);
    return inode ? { ok: true, path: current, inode } : { ok: false, errno: 'ENOENT', path: current };
  }

  /**
   * Walks to the parent of the last component (for create, mkdir, unlink, rename, link, symlink).
   * @param path - an absolute path
   * @param options - see WalkOptions (`follow` is ignored)
   * @returns the parent's canonical path and inode plus the last name, or the walk's errno
   */
  lookupParent(
    path: string,
    options: WalkOptions = {},
  ): { ok: true; dir: string; dirInode: Inode; name: string; path: string } | { ok: false; errno: Errno; path: string } {
    const parts = splitPath(path);
    const name = parts.pop();
    if (name === undefined || name === '..') return { ok: false, errno: 'EBUSY', path };
    const parent = this.lookup(`/${parts.join('/')}`, { ...options, follow: true });
    if (!parent.ok) return parent;
    if (parent.inode.type !== 'dir') return { ok: false, errno: 'ENOTDIR', path: parent.path };
    return { ok: true, dir: parent.path, dirInode: parent.inode, name, path: joinPath(parent.path, name) };
  }
}
