import { describe, expect, it } from 'vitest';
import { createBaseFileSystem } from '../../src/sim/kernel/base-image.ts';
import { FileSystem } from '../../src/sim/kernel/fs.ts';
import { dmesgLine, normaliseAuditLine } from '../../src/sim/kernel/audit-line.ts';
import { resolveUser } from '../../src/sim/kernel/users.ts';

describe('the kernel file-system model', () => {
  it('resolves /bin/sh through the merged-/usr symlinks to /usr/bin/dash', () => {
    const fs = createBaseFileSystem();
    const found = fs.lookup('/bin/sh');
    expect(found.ok && found.path).toBe('/usr/bin/dash');
  });

  it('resolves /lib/x86_64-linux-gnu/libc.so.6 to the /usr/lib path the kernel logs', () => {
    expect(createBaseFileSystem().lookup('/lib/x86_64-linux-gnu/libc.so.6').path).toBe('/usr/lib/x86_64-linux-gnu/libc.so.6');
  });

  it('keeps a final symlink when asked not to follow it', () => {
    const fs = createBaseFileSystem();
    const found = fs.lookup('/bin/sh', { follow: false });
    expect(found.ok && found.inode.type).toBe('symlink');
    expect(found.path).toBe('/usr/bin/sh');
  });

  it('maps /proc/self to the walking task', () => {
    const fs = createBaseFileSystem();
    fs.put('/proc/42/status', { type: 'file', mode: 0o444, uid: 0, gid: 0, content: '' });
    expect(fs.lookup('/proc/self/status', { selfPid: 42 }).path).toBe('/proc/42/status');
  });

  it('reports ENOENT with the canonical path of a missing file', () => {
    const found = createBaseFileSystem().lookup('/bin/nope');
    expect(found).toEqual({ ok: false, errno: 'ENOENT', path: '/usr/bin/nope' });
  });

  it('reports ENOTDIR when a file is used as a directory', () => {
    expect(createBaseFileSystem().lookup('/etc/hostname/x')).toMatchObject({ ok: false, errno: 'ENOTDIR' });
  });

  it('walks to the parent of a new name', () => {
    const parent = createBaseFileSystem().lookupParent('/bin/newtool');
    expect(parent).toMatchObject({ ok: true, dir: '/usr/bin', name: 'newtool', path: '/usr/bin/newtool' });
  });

  it('gives each clone its own inodes while hard links stay shared inside one copy', () => {
    const fs = new FileSystem();
    const inode = fs.put('/a', { type: 'file', mode: 0o644, uid: 0, gid: 0, content: 'x' });
    fs.putLink('/b', inode);
    const copy = fs.clone();
    copy.get('/a')!.content = 'changed';
    expect(fs.get('/a')!.content).toBe('x');
    expect(copy.get('/b')!.content).toBe('changed');
  });

  it('moves a directory with everything under it', () => {
    const fs = new FileSystem();
    fs.put('/d/sub/f', { type: 'file', mode: 0o644, uid: 0, gid: 0, content: '' });
    fs.move('/d', '/e');
    expect(fs.list('/e/sub')).toEqual(['f']);
    expect(fs.get('/d')).toBeUndefined();
  });
});

describe('audit line forms', () => {
  it('normalises a raw dmesg line exactly as the corpus audit_norm does', () => {
    const raw = '[   10.248068] audit: type=1400 audit(1795333803.383:50): apparmor="DENIED" operation="capable" profile="p" pid=147 comm="aaop" capability=13  capname="net_raw"';
    expect(normaliseAuditLine(raw)).toBe('type=1400 apparmor="DENIED" operation="capable" profile="p" pid=<pid> comm="aaop" capability=13 capname="net_raw"');
  });

  it('renders a dmesg line that normalises back to the record', () => {
    const record = 'type=1400 apparmor="DENIED" operation="open" profile="p" name="/x" pid=9 comm="aaop"';
    const line = dmesgLine(record, 11.75, 60);
    expect(line).toBe('[   11.750000] audit: type=1400 audit(11.750:60): apparmor="DENIED" operation="open" profile="p" name="/x" pid=9 comm="aaop"');
    expect(normaliseAuditLine(line)).toBe(normaliseAuditLine(record));
  });
});

describe('users', () => {
  it('knows root, user and other by name and by uid', () => {
    expect(resolveUser('user')?.uid).toBe(1000);
    expect(resolveUser(1001)?.name).toBe('other');
    expect(resolveUser(undefined)?.uid).toBe(0);
    expect(resolveUser('nobody-here')).toBeUndefined();
  });
});
