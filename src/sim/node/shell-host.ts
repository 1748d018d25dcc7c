/**
 * The adapter between the shell and the node: implements `ShellHost` by running programs through the
 * node (fork, exec, AppArmor transitions) and doing the shell's own file operations (redirections,
 * `test -r`, globbing, `cd`) as the shell's task, so AppArmor mediates those too.
 */
import type { AccessMode, Errno as ShellErrno, FileStat, ShellHost } from '../shell/host.ts';
import type { SessionControl } from '../shell/registry.ts';
import { USERS, inodePermission, type Errno, type Task } from '../kernel/index.ts';
import type { SimNode } from './node.ts';
import { createProcessApi } from './process.ts';

const SHELL_ERRNOS: ReadonlySet<string> = new Set([
  'ENOENT', 'EACCES', 'EPERM', 'EISDIR', 'ENOTDIR', 'EEXIST', 'EROFS', 'ENOTEMPTY', 'EINVAL', 'ENOEXEC', 'ELOOP', 'ENAMETOOLONG', 'EBUSY', 'ESRCH',
]);

/**
 * Narrows a kernel errno to the names the shell knows.
 * @param errno - a kernel errno
 * @returns the same name, or EINVAL for ones the shell never reports
 * @example toShellErrno('EACCES') // → 'EACCES'
 */
export function toShellErrno(errno: Errno): ShellErrno {
  return SHELL_ERRNOS.has(errno) ? (errno as ShellErrno) : 'EINVAL';
}

/**
 * Creates the host of one login shell.
 * @param node - the node
 * @param task - the shell's task
 * @param session - how `su`/`sudo -i` start a new shell (absent: they cannot)
 * @param flavour - `sh` (dash) execs every PATH match in turn, `bash` only the first
 * @returns the host
 */
export function createShellHost(node: SimNode, task: Task, session?: SessionControl, flavour: 'bash' | 'sh' = 'bash'): ShellHost {
  const actor = (): Task => node.current ?? task;
  const host = node.processHost({ stdin: '', env: {}, cwd: '/', runScript: () => ({ stdout: '', stderr: '', exitCode: 0 }) });
  const proc = (): ReturnType<typeof createProcessApi> => createProcessApi(host, actor(), '/', {});
  const user = USERS.find((u) => u.uid === task.uid) ?? { name: String(task.uid), home: '/' };
  return {
    runCommand(argv, context) {
      // stdin stays a getter: a program that never reads leaves the shell's input to the next one (`while read`)
      const result = node.runProgram(actor(), argv, {
        get stdin() {
          return context.stdin;
        },
        env: context.env, cwd: context.cwd, runScript: context.runScript, isExecEveryPath: flavour === 'sh',
        ...(context.files ? { files: context.files } : {}),
        ...(session ? { session } : {}),
      });
      return typeof result === 'string' ? toShellErrno(result) : result;
    },
    readFile(path) {
      const read = proc().readFile(path);
      return read.ok ? { content: read.value } : toShellErrno(read.errno);
    },
    writeFile(path, data, options) {
      const written = proc().writeFile(path, data, { append: options.append });
      return written.ok ? undefined : toShellErrno(written.errno);
    },
    stat(path): FileStat | ShellErrno {
      const found = proc().stat(path);
      if (!found.ok) return toShellErrno(found.errno);
      const type = found.value.type === 'file' ? 'file' : found.value.type === 'dir' ? 'directory' : 'other';
      return { type, size: found.value.size, mode: found.value.mode };
    },
    access(path, mode: AccessMode) {
      const found = node.kernel.fs.lookup(path, { selfPid: actor().pid });
      if (!found.ok) return toShellErrno(found.errno);
      const want = mode === 'r' ? { read: true } : mode === 'w' ? { write: true } : { exec: true };
      const dac = inodePermission(node.kernel, actor(), found.inode, want);
      return dac.ok ? undefined : toShellErrno(dac.errno);
    },
    kill(pid, signal) {
      const sent = proc().kill(pid, signal);
      return sent.ok ? undefined : toShellErrno(sent.errno);
    },
    listDir(path) {
      const listed = proc().readdir(path);
      return listed.ok ? listed.value : toShellErrno(listed.errno);
    },
    home: 'home' in user ? user.home : '/',
    hostname: node.hostname,
    user: user.name,
    pid: task.pid,
  };
}
