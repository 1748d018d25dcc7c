/**
 * The corpus' file ops (read, write, create, open, truncate, unlink, mkdir, rmdir, rename, link, symlink,
 * chmod, chown, readdir, mknod, lock, mmap, stat, readlink) as syscall steps.
 */
import type { SysResult } from '../kernel.ts';
import { resolveUser } from '../users.ts';
import {
  sysChmod, sysChown, sysLink, sysLock, sysMkdir, sysMknod, sysMmap, sysReaddir, sysReadlink, sysRemove,
  sysRename, sysStat, sysTruncate, type LockHow,
} from '../syscalls/file-ops.ts';
import { parseOpenFlags, sysOpen, sysRead, sysWrite, type OpenFlags } from '../syscalls/open.ts';
import type { OpContext, OpExtras } from './run-op.ts';

const str = (value: unknown, fallback = ''): string => (typeof value === 'string' ? value : fallback);

/**
 * @param value - `"0644"`, `"644"` or a number
 * @param fallback - when absent
 * @returns the mode number
 * @example octal('0755', 0) // → 493
 */
export function octal(value: unknown, fallback: number): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && /^[0-7]+$/.test(value)) return parseInt(value, 8);
  return fallback;
}

function idOf(value: unknown): number {
  if (value === undefined || value === null) return -1;
  return resolveUser(value as string | number)?.uid ?? -1;
}

/** Opens the op's path (or uses the preopened fd) and records the `open` step. */
function openFor(context: OpContext, flags: OpenFlags): number | undefined {
  if (context.preopenFd !== undefined) return context.preopenFd;
  const opened = sysOpen(context.kernel, context.task, str(context.op.path), flags);
  return context.log.record('open', opened, opened.ok ? opened.value : 0) && opened.ok ? opened.value : undefined;
}

function writeData(context: OpContext, flags: OpenFlags): OpExtras {
  const fd = openFor(context, flags);
  if (fd === undefined) return {};
  const data = str(context.op.data, 'oracle\n');
  const written = sysWrite(context.kernel, context.task, fd, data);
  context.log.record('write', written, written.ok ? written.value : 0);
  return {};
}

const LOCK_STEPS: Record<LockHow, string> = {
  flock: 'flock(LOCK_EX)', flock_sh: 'flock(LOCK_SH)', fcntl_read: 'fcntl(F_SETLK)', fcntl_write: 'fcntl(F_SETLK)',
};

/**
 * Runs a file op.
 * @param context - the op context
 * @returns the extras, or undefined when `op` is not a file op
 */
export function runFileOp(context: OpContext): OpExtras | undefined {
  const { kernel, task, op, log } = context;
  const path = str(op.path);
  switch (op.op) {
    case 'read': {
      const fd = openFor(context, { access: 'rdonly' });
      if (fd === undefined) return {};
      const read = sysRead(kernel, task, fd, typeof op.bytes === 'number' ? op.bytes : 256);
      return log.record('read', read, read.ok ? read.value.length : 0) && read.ok ? { data: read.value } : {};
    }
    case 'write': return writeData(context, { access: 'wronly' });
    case 'append': return writeData(context, { access: 'wronly', append: true });
    case 'rdwr': return writeData(context, { access: 'rdwr' });
    case 'create': {
      const created = sysOpen(kernel, task, path, { access: 'wronly', creat: true, excl: true, mode: octal(op.mode, 0o644) });
      log.record('open', created, created.ok ? created.value : 0);
      return {};
    }
    case 'open': {
      const flags = parseOpenFlags(str(op.flags, 'rdonly'));
      const fd = openFor(context, flags);
      if (fd !== undefined && op.then_read) log.record('read', sysRead(kernel, task, fd));
      if (fd !== undefined && op.then_write) log.record('write', sysWrite(kernel, task, fd, str(op.data, 'oracle\n')));
      return {};
    }
    case 'truncate': return record(context, 'truncate', sysTruncate(kernel, task, path));
    case 'unlink': return record(context, 'unlink', sysRemove(kernel, task, path, false));
    case 'rmdir': return record(context, 'rmdir', sysRemove(kernel, task, path, true));
    case 'mkdir': return record(context, 'mkdir', sysMkdir(kernel, task, path, octal(op.mode, 0o777)));
    case 'rename': return record(context, 'rename', sysRename(kernel, task, path, str(op.to)));
    case 'link': return record(context, 'link', sysLink(kernel, task, path, str(op.to)));
    case 'symlink': return record(context, 'symlink', sysMknod(kernel, task, path, 'symlink', str(op.target)));
    case 'mknod': return record(context, 'mknod(fifo)', sysMknod(kernel, task, path, 'fifo'));
    case 'chmod': return record(context, 'chmod', sysChmod(kernel, task, path, octal(op.mode, 0o644)));
    case 'chown': return record(context, 'chown', sysChown(kernel, task, path, idOf(op.owner), idOf(op.group)));
    case 'stat': return record(context, 'stat', sysStat(kernel, task, path));
    case 'readlink': {
      const link = sysReadlink(kernel, task, path);
      return log.record('readlink', link, link.ok ? link.value.length : 0) && link.ok ? { data: link.value } : {};
    }
    case 'readdir': return readdir(context, path);
    case 'lock': {
      const fd = openFor(context, parseOpenFlags(str(op.flags, 'rdonly')));
      const how = (str(op.how, 'flock') as LockHow) in LOCK_STEPS ? (str(op.how, 'flock') as LockHow) : 'flock';
      if (fd !== undefined) log.record(LOCK_STEPS[how], sysLock(kernel, task, fd, how));
      return {};
    }
    case 'mmap':
    case 'mmap_exec': {
      const fd = openFor(context, { access: 'rdonly' });
      if (fd !== undefined) log.record('mmap', sysMmap(kernel, task, fd, op.op === 'mmap_exec'));
      return {};
    }
    default: return undefined;
  }
}

function record(context: OpContext, call: string, result: SysResult<unknown>): OpExtras {
  context.log.record(call, result);
  return {};
}

function readdir(context: OpContext, path: string): OpExtras {
  const listed = sysReaddir(context.kernel, context.task, path);
  if (!listed.ok) {
    context.log.record('open', listed);
    return {};
  }
  context.log.record('open', listed, 3);
  context.log.record('getdents64', listed, listed.value.length);
  return {};
}
