// The playground's backend and world store: the world survives a "reload" (a new backend on the same
// storage), `edit FILE` opens node files, Save writes into the node, and nothing thrown escapes.
import { describe, expect, it } from 'vitest';
import { DENY_WRITE_PATH, DENY_WRITE_PROFILE } from '../../src/sim/index.ts';
import { absolutePath, createPlaygroundBackend, editOperand } from '../../src/ui/playground/playground-backend.ts';
import { pathAt } from '../../src/ui/playground/path-at.ts';
import { createWorldStore, HISTORY_LIMIT, worldKeys } from '../../src/ui/playground/world-store.ts';
import type { TextStorage } from '../../src/ui/editor/store.ts';

function memoryStorage(): TextStorage & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    getItem: (key) => map.get(key) ?? null,
    setItem: (key, value) => void map.set(key, value),
    removeItem: (key) => void map.delete(key),
  };
}

async function run(backend: ReturnType<typeof createPlaygroundBackend>, line: string): Promise<string> {
  const result = await backend.run(line);
  return result.stdout + result.stderr;
}

describe('the playground backend', () => {
  it('starts on node-1 with the deny-write profile file ready but not loaded', async () => {
    const backend = createPlaygroundBackend({ store: createWorldStore('t', memoryStorage()) });
    expect(backend.prompt()).toBe('root@node-1:~# ');
    expect(await run(backend, `cat ${DENY_WRITE_PATH}`)).toBe(DENY_WRITE_PROFILE);
    expect(await run(backend, 'cat /sys/kernel/security/apparmor/profiles')).not.toContain('k8s-apparmor-example-deny-write');
  });

  it('keeps the world across a reload: a loaded profile, the working directory and the history', async () => {
    const storage = memoryStorage();
    const first = createPlaygroundBackend({ store: createWorldStore('t', storage) });
    await run(first, `apparmor_parser -r ${DENY_WRITE_PATH}`);
    await run(first, 'cd /tmp && touch made-here');
    first.history.save(['apparmor_parser -r x', 'cd /tmp']);
    const again = createPlaygroundBackend({ store: createWorldStore('t', storage) });
    expect(await run(again, 'cat /sys/kernel/security/apparmor/profiles')).toContain('k8s-apparmor-example-deny-write (enforce)');
    expect(again.prompt()).toBe('root@node-1:/tmp# ');
    expect(await run(again, 'ls made-here')).toBe('made-here\n');
    expect(again.history.load()).toEqual(['apparmor_parser -r x', 'cd /tmp']);
  });

  it('starts fresh after a clear (Reset) and from a damaged snapshot', async () => {
    const storage = memoryStorage();
    const store = createWorldStore('t', storage);
    await run(createPlaygroundBackend({ store }), `apparmor_parser -r ${DENY_WRITE_PATH}`);
    store.clear();
    expect(storage.map.size).toBe(0);
    const fresh = createPlaygroundBackend({ store });
    expect(await run(fresh, 'cat /sys/kernel/security/apparmor/profiles')).not.toContain('k8s-');
    storage.setItem(worldKeys('t').snapshot, '{"version":1, "files": 3');
    expect(createPlaygroundBackend({ store }).prompt()).toBe('root@node-1:~# ');
  });

  it('opens a file in the editor with edit, relative to the working directory, and explains the errors', async () => {
    const opened: [string, string][] = [];
    const backend = createPlaygroundBackend({ store: createWorldStore('t', memoryStorage()), onEdit: (p, t) => void opened.push([p, t]) });
    await run(backend, 'cd /etc/apparmor.d');
    expect(await run(backend, 'edit k8s-apparmor-example-deny-write')).toBe(`Opened ${DENY_WRITE_PATH} in the editor.\n`);
    expect(await run(backend, 'edit /tmp/new-profile')).toBe('Opened /tmp/new-profile in the editor.\n');
    expect(opened).toEqual([[DENY_WRITE_PATH, DENY_WRITE_PROFILE], ['/tmp/new-profile', '']]);
    expect(await run(backend, 'edit /etc')).toBe('edit: /etc: Is a directory\n');
    expect((await backend.run('edit')).exitCode).toBe(1);
  });

  it('saves editor text into the node, creating a new file or replacing an existing one', async () => {
    const backend = createPlaygroundBackend({ store: createWorldStore('t', memoryStorage()) });
    expect(backend.writeFile('/etc/apparmor.d/mine', 'profile mine { file, }\n')).toBeUndefined();
    expect(await run(backend, 'apparmor_parser -r /etc/apparmor.d/mine && aa-status | grep mine')).toBe('   mine\n');
    expect(backend.writeFile(DENY_WRITE_PATH, 'x\n')).toBeUndefined();
    expect(await run(backend, `cat ${DENY_WRITE_PATH}`)).toBe('x\n');
    expect(backend.writeFile('/nowhere/at/all', 'x')).toBe('/nowhere/at/all: No such file or directory');
    expect(backend.writeFile('/etc', 'x')).toBe('/etc: not a regular file');
  });

  it('reads an existing regular file for a clicked path, and nothing else', () => {
    const backend = createPlaygroundBackend({ store: createWorldStore('t', memoryStorage()) });
    expect(backend.readFile('/etc/hostname')).toEqual({ path: '/etc/hostname', text: 'node-1\n' });
    expect(backend.readFile('/tmp/not-there')).toBeUndefined();
    expect(backend.readFile('/etc')).toBeUndefined();
  });

  it('turns an exception from the world into one line on stderr and keeps running', async () => {
    const backend = createPlaygroundBackend({ store: createWorldStore('t', memoryStorage()) });
    const world = backend.world as { run: (text: string) => unknown };
    const original = world.run;
    world.run = () => {
      throw new Error('boom\n    at somewhere');
    };
    expect(await backend.run('ls')).toMatchObject({ stderr: '-bash: boom\n', exitCode: 1 });
    world.run = original;
    expect(await run(backend, 'echo still here')).toBe('still here\n');
  });
});

describe('the world store', () => {
  it('keeps at most HISTORY_LIMIT entries and ignores what is not a list of strings', () => {
    const storage = memoryStorage();
    const store = createWorldStore('t', storage);
    store.history.save(Array.from({ length: HISTORY_LIMIT + 3 }, (_, i) => `echo ${i}`));
    expect(store.history.load()).toHaveLength(HISTORY_LIMIT);
    expect(store.history.load()[0]).toBe('echo 3');
    storage.setItem(worldKeys('t').history, '{"not":"a list"}');
    expect(store.history.load()).toEqual([]);
  });

  it('remembers the edited file and reports a storage that refuses writes', () => {
    const store = createWorldStore('t', memoryStorage());
    store.editing.save('/etc/apparmor.d/mine');
    expect(store.editing.load()).toBe('/etc/apparmor.d/mine');
    const full = createWorldStore('t', { getItem: () => null, setItem: () => { throw new Error('QuotaExceededError'); }, removeItem: () => {} });
    expect(full.saveSnapshot({})).toBe(false);
    expect(createWorldStore('t', undefined).loadSnapshot()).toBeUndefined();
  });
});

describe('edit lines and paths', () => {
  it('finds the absolute path under a click in a row, without the punctuation around it', () => {
    const row = "touch: cannot touch '/tmp/test': Permission denied";
    expect(pathAt(row, row.indexOf('/tmp') + 3)).toBe('/tmp/test');
    expect(pathAt(row, row.indexOf('Permission'))).toBeUndefined();
    expect(pathAt('Saved to /etc/apparmor.d/x.', 12)).toBe('/etc/apparmor.d/x');
    expect(pathAt('/etc/a:', 6)).toBeUndefined();
    expect(pathAt('a / b', 2)).toBeUndefined();
    expect(pathAt('x', 5)).toBeUndefined();
  });

  it('recognises edit with an optionally quoted operand, and nothing else', () => {
    expect(editOperand('edit /etc/hosts')).toEqual({ operand: '/etc/hosts' });
    expect(editOperand("  edit '/etc/a b'  ")).toEqual({ operand: '/etc/a b' });
    expect(editOperand('edit')).toEqual({ operand: '' });
    expect(editOperand('editor x')).toBeUndefined();
    expect(editOperand('echo edit x')).toBeUndefined();
  });

  it('resolves ~ and relative operands', () => {
    expect(absolutePath('~/p', '/tmp', '/root')).toBe('/root/p');
    expect(absolutePath('p', '/', '/root')).toBe('/p');
    expect(absolutePath('/x', '/tmp', '/root')).toBe('/x');
  });
});
