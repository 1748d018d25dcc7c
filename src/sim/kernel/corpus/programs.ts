/**
 * Just enough of the programs the corpus' `exec` ops start to reproduce their kernel-visible behaviour:
 * `true`, `false`, `echo`, `id`, `cat`, `ls`, `wget --version`, and `dash -c` / `#!` scripts as a list of
 * simple commands (`;`, `&&`, `||`, `>` redirections) with dash's PATH search, which tries every PATH
 * entry and so logs a denied exec once per entry that resolves to the binary (`/usr/bin` and `/bin`).
 * The node simulator's shell replaces this for `cmd` ops; this is not a shell.
 */
import type { Kernel } from '../kernel.ts';
import { commOf, type Task } from '../task.ts';
import { sysExecve } from '../syscalls/exec.ts';
import { sysReaddir } from '../syscalls/file-ops.ts';
import { sysClose, sysOpen, sysRead } from '../syscalls/open.ts';
import { ERRNO_TEXT } from '../errno.ts';
import type { OpExtras } from './run-op.ts';

/** dash's PATH in the corpus VM (root's default). */
const PATH = ['/usr/local/sbin', '/usr/local/bin', '/usr/sbin', '/usr/bin', '/sbin', '/bin'];

type Output = { exit: number; stdout: string; stderr: string };

/**
 * Runs the program a task just exec'd.
 * @param kernel - the kernel
 * @param task - the task, already running the new image
 * @param path - the resolved executable
 * @param argv - its arguments, argv[0] first
 * @returns exit status and output
 */
export function runProgram(kernel: Kernel, task: Task, path: string, argv: string[]): OpExtras {
  const out = program(kernel, task, path, argv);
  return { exit: out.exit, ...(out.stdout ? { stdout: out.stdout } : {}), ...(out.stderr ? { stderr: out.stderr } : {}) };
}

function program(kernel: Kernel, task: Task, path: string, argv: string[]): Output {
  const content = kernel.fs.get(path)?.content ?? '';
  if (content.startsWith('#!')) return shell(kernel, task, content.split('\n').slice(1).join('\n'), commOf(path));
  const name = commOf(path);
  const args = argv.slice(1);
  switch (name) {
    case 'dash':
    case 'sh':
      return args[0] === '-c' ? shell(kernel, task, args[1] ?? '', argv[0] ?? name) : { exit: 0, stdout: '', stderr: '' };
    case 'true': return { exit: 0, stdout: '', stderr: '' };
    case 'false': return { exit: 1, stdout: '', stderr: '' };
    case 'echo': return { exit: 0, stdout: `${args.join(' ')}\n`, stderr: '' };
    case 'id': return { exit: 0, stdout: `uid=${task.uid} gid=${task.gid} groups=${task.gid}\n`, stderr: '' };
    case 'wget': return { exit: 0, stdout: 'GNU Wget 1.21.3 built on linux-gnu.\n', stderr: '' };
    case 'cat': return cat(kernel, task, args);
    case 'ls': return ls(kernel, task, args);
    default: return { exit: 0, stdout: '', stderr: '' };
  }
}

function cat(kernel: Kernel, task: Task, files: string[]): Output {
  const result: Output = { exit: 0, stdout: '', stderr: '' };
  for (const file of files) {
    const fd = sysOpen(kernel, task, file, { access: 'rdonly' });
    const data = fd.ok ? sysRead(kernel, task, fd.value, Number.MAX_SAFE_INTEGER) : fd;
    if (fd.ok) sysClose(task, fd.value);
    if (data.ok) result.stdout += data.value;
    else Object.assign(result, { exit: 1, stderr: `${result.stderr}cat: ${file}: ${ERRNO_TEXT[data.errno]}\n` });
  }
  return result;
}

function ls(kernel: Kernel, task: Task, args: string[]): Output {
  const result: Output = { exit: 0, stdout: '', stderr: '' };
  for (const dir of args.filter((a) => !a.startsWith('-'))) {
    const listed = sysReaddir(kernel, task, dir);
    if (listed.ok) result.stdout += listed.value.map((n) => `${n}\n`).join('');
    else Object.assign(result, { exit: 2, stderr: `${result.stderr}ls: cannot open directory '${dir}': ${ERRNO_TEXT[listed.errno]}\n` });
  }
  return result;
}

/** `cmd1 && cmd2; cmd3 || cmd4`, each a simple command with optional `>`/`>>` redirections. */
function shell(kernel: Kernel, task: Task, script: string, name: string): Output {
  const total: Output = { exit: 0, stdout: '', stderr: '' };
  const parts = script.split(/(&&|\|\||;|\n)/);
  let connector = ';';
  for (const part of parts) {
    if (part === '&&' || part === '||' || part === ';' || part === '\n') {
      connector = part;
      continue;
    }
    if (part.trim() === '') continue;
    if ((connector === '&&' && total.exit !== 0) || (connector === '||' && total.exit === 0)) continue;
    const out = simpleCommand(kernel, task, part.trim(), name);
    total.exit = out.exit;
    total.stdout += out.stdout;
    total.stderr += out.stderr;
  }
  return total;
}

function simpleCommand(kernel: Kernel, shellTask: Task, text: string, shellName: string): Output {
  const words = text.split(/\s+/);
  const argv: string[] = [];
  let redirect: { path: string; append: boolean } | undefined;
  for (let i = 0; i < words.length; i++) {
    const word = words[i] ?? '';
    const m = /^(>>?)(.*)$/.exec(word);
    if (m) redirect = { path: m[2] || (words[++i] ?? ''), append: m[1] === '>>' };
    else argv.push(word);
  }
  if (redirect) {
    const fd = sysOpen(kernel, shellTask, redirect.path, { access: 'wronly', creat: true, trunc: !redirect.append, append: redirect.append });
    if (!fd.ok) return { exit: 2, stdout: '', stderr: `${shellName}: 1: cannot create ${redirect.path}: ${ERRNO_TEXT[fd.errno]}\n` };
    sysClose(shellTask, fd.value);
  }
  const out = runCommand(kernel, shellTask, argv, shellName);
  return redirect ? { ...out, stdout: '' } : out;
}

function runCommand(kernel: Kernel, shellTask: Task, argv: string[], shellName: string): Output {
  const command = argv[0] ?? '';
  if (command === 'echo') return { exit: 0, stdout: `${argv.slice(1).join(' ')}\n`, stderr: '' };
  if (command === 'true' || command === ':') return { exit: 0, stdout: '', stderr: '' };
  const candidates = command.includes('/') ? [command] : PATH.map((dir) => `${dir}/${command}`);
  let denied = false;
  for (const candidate of candidates) {
    const child = kernel.spawn({ exe: shellTask.exe, user: shellTask.uid, comm: shellTask.comm, ...(shellTask.label ? { label: shellTask.label } : {}) });
    const executed = sysExecve(kernel, child, candidate, command);
    if (executed.ok) {
      const ran = executed.value.exit === 0 && executed.value.signal === undefined
        ? program(kernel, child, executed.value.path, argv)
        : { exit: executed.value.exit ?? 139, stdout: '', stderr: executed.value.stderr };
      kernel.exit(child);
      return ran;
    }
    kernel.exit(child);
    if (executed.errno === 'EACCES') denied = true;
  }
  if (denied) return { exit: 126, stdout: '', stderr: `${shellName}: 1: ${command}: Permission denied\n` };
  return { exit: 127, stdout: '', stderr: `${shellName}: 1: ${command}: not found\n` };
}
