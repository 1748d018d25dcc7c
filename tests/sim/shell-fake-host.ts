// An in-memory ShellHost for the shell tests: a tiny file system, a few fake commands (echo, cat,
// grep, wc, kubectl, ssh, sudo, apparmor_parser …) and a log of every argv a command received.
import type { CommandContext, CommandResult, Errno, FileStat, ShellHost } from '../../src/sim/shell/host.ts';

type Node = { type: 'file'; content: string; mode: number } | { type: 'directory'; mode: number };

/** One recorded command invocation. */
export type Call = { argv: string[]; stdin: string; env: Readonly<Record<string, string>>; cwd: string };

type Fake = (argv: string[], ctx: CommandContext, host: FakeHost) => CommandResult;

const ok = (stdout = '', stderr = '', exitCode = 0): CommandResult => ({ stdout, stderr, exitCode });

function parentOf(path: string): string {
  const cut = path.lastIndexOf('/');
  return cut <= 0 ? '/' : path.slice(0, cut);
}

function abs(ctx: CommandContext, path: string): string {
  const parts: string[] = [];
  for (const part of (path.startsWith('/') ? path : `${ctx.cwd}/${path}`).split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return '/' + parts.join('/');
}

const COMMANDS: Record<string, Fake> = {
  echo: (argv) => {
    let args = argv.slice(1);
    let newline = true;
    if (args[0] === '-n') {
      newline = false;
      args = args.slice(1);
    }
    return ok(args.join(' ') + (newline ? '\n' : ''));
  },
  printf: (argv) => {
    const [format = '', ...args] = argv.slice(1);
    let out = '';
    const usesArgs = format.includes('%s');
    do {
      out += format.replace(/\\n/g, '\n').replace(/\\t/g, '\t').replace(/%s/g, () => args.shift() ?? '');
    } while (usesArgs && args.length > 0);
    return ok(out);
  },
  cat: (argv, ctx, host) => {
    const files = argv.slice(1);
    if (files.length === 0) return ok(ctx.stdin);
    let stdout = '';
    let stderr = '';
    for (const file of files) {
      const given = ctx.files?.[file];
      const r = given === undefined ? host.readFile(abs(ctx, file)) : { content: given };
      if (typeof r === 'string') stderr += `cat: ${file}: ${r === 'EISDIR' ? 'Is a directory' : 'No such file or directory'}\n`;
      else stdout += r.content;
    }
    return ok(stdout, stderr, stderr === '' ? 0 : 1);
  },
  grep: (argv, ctx) => {
    const pattern = argv[1] ?? '';
    const lines = ctx.stdin.split('\n').filter((l, k, all) => !(k === all.length - 1 && l === ''));
    const hits = lines.filter((l) => l.includes(pattern));
    return ok(hits.map((l) => l + '\n').join(''), '', hits.length > 0 ? 0 : 1);
  },
  wc: (_argv, ctx) => ok(`${ctx.stdin.split('\n').length - 1}\n`),
  kubectl: (argv, ctx) => {
    const args = argv.slice(1).join(' ');
    if (args === 'get nodes -o name') return ok('node/node01\nnode/node02\n');
    if (args === 'exec hello-apparmor -- cat /proc/1/attr/current') return ok('k8s-apparmor-example-deny-write (enforce)\n');
    if (args === 'exec hello-apparmor -- touch /tmp/test') {
      return ok('', 'touch: /tmp/test: Permission denied\ncommand terminated with exit code 1\n', 1);
    }
    if (args === 'create -f -') {
      const name = /name: (\S+)/.exec(ctx.stdin)?.[1] ?? 'unknown';
      return ok(`pod/${name} created\n`);
    }
    return ok('', `error: unknown command "${argv[1] ?? ''}" for "kubectl"\n`, 1);
  },
  ssh: (argv, ctx) => ctx.runScript(argv.slice(2).join(' '), { stdin: ctx.stdin, argv0: 'bash' }),
  sudo: (argv, ctx, host) => {
    const result = host.runCommand(argv.slice(1), ctx);
    return typeof result === 'string' ? ok('', `sudo: ${argv[1] ?? ''}: command not found\n`, 1) : result;
  },
  apparmor_parser: (_argv, ctx) => (ctx.stdin === '' ? ok('', 'apparmor_parser: no input\n', 1) : ok()),
  touch: (argv, ctx, host) => {
    for (const file of argv.slice(1)) {
      const errno = host.writeFile(abs(ctx, file), '', { append: true });
      if (errno !== undefined) return ok('', `touch: cannot touch '${file}': Permission denied\n`, 1);
    }
    return ok();
  },
  env: (_argv, ctx) => ok(Object.entries(ctx.env).map(([k, v]) => `${k}=${v}\n`).join('')),
  ls: (argv, ctx, host) => {
    const dir = abs(ctx, argv[1] ?? '.');
    const names = host.listDir(dir);
    return typeof names === 'string' ? ok('', `ls: cannot access '${argv[1] ?? '.'}': No such file or directory\n`, 2) : ok([...names].sort().map((n) => `${n}\n`).join(''));
  },
};

/** The fake node. `calls` records every non-builtin command run, in order. */
export class FakeHost implements ShellHost {
  readonly files = new Map<string, Node>([['/', { type: 'directory', mode: 0o755 }]]);
  readonly calls: Call[] = [];
  readonly home = '/root';
  readonly hostname = 'node01';
  readonly user = 'root';
  readonly pid = 4242;
  /** Paths where writes fail with EACCES (as an AppArmor deny would). */
  readonly denyWrite = new Set<string>();

  constructor(tree: Record<string, string> = {}) {
    for (const dir of ['/root', '/tmp', '/etc', '/etc/apparmor.d', '/bin', '/dev']) this.mkdir(dir);
    for (const [path, content] of Object.entries(tree)) this.addFile(path, content);
  }

  mkdir(path: string): void {
    if (path !== '/' && !this.files.has(parentOf(path))) this.mkdir(parentOf(path));
    this.files.set(path, { type: 'directory', mode: 0o755 });
  }

  addFile(path: string, content: string, mode = 0o644): void {
    this.mkdir(parentOf(path));
    this.files.set(path, { type: 'file', content, mode });
  }

  content(path: string): string | undefined {
    const node = this.files.get(path);
    return node?.type === 'file' ? node.content : undefined;
  }

  runCommand(argv: readonly string[], context: CommandContext): CommandResult | Errno {
    const name = argv[0] ?? '';
    if (name.includes('/')) {
      const path = abs(context, name);
      const node = this.files.get(path);
      if (node === undefined) return 'ENOENT';
      if (node.type === 'directory') return 'EISDIR';
      if ((node.mode & 0o111) === 0) return 'EACCES';
      const stdin = context.stdin;
      this.calls.push({ argv: [...argv], stdin, env: context.env, cwd: context.cwd });
      return context.runScript(node.content, { argv0: name, args: argv.slice(1), stdin, isScriptFile: true });
    }
    const fake = COMMANDS[name];
    if (fake === undefined) return 'ENOENT';
    const call: Call = { argv: [...argv], stdin: '', env: context.env, cwd: context.cwd };
    this.calls.push(call);
    const recording: CommandContext = {
      get stdin() {
        call.stdin = context.stdin;
        return call.stdin;
      },
      env: context.env,
      cwd: context.cwd,
      runScript: context.runScript,
      ...(context.files === undefined ? {} : { files: context.files }),
    };
    return fake([...argv], recording, this);
  }

  readFile(path: string): { content: string } | Errno {
    const node = this.files.get(path);
    if (node === undefined) return 'ENOENT';
    if (node.type === 'directory') return 'EISDIR';
    return { content: node.content };
  }

  writeFile(path: string, data: string, options: { append: boolean }): Errno | undefined {
    const parent = this.files.get(parentOf(path));
    if (parent === undefined) return 'ENOENT';
    if (parent.type !== 'directory') return 'ENOTDIR';
    const node = this.files.get(path);
    if (node?.type === 'directory') return 'EISDIR';
    if (this.denyWrite.has(path)) return 'EACCES';
    const before = node?.type === 'file' && options.append ? node.content : '';
    this.files.set(path, { type: 'file', content: before + data, mode: node?.type === 'file' ? node.mode : 0o644 });
    return undefined;
  }

  stat(path: string): FileStat | Errno {
    const node = this.files.get(path);
    if (node === undefined) return 'ENOENT';
    return { type: node.type, size: node.type === 'file' ? node.content.length : 4096, mode: node.mode };
  }

  access(path: string, mode: 'r' | 'w' | 'x'): Errno | undefined {
    const node = this.files.get(path);
    if (node === undefined) return 'ENOENT';
    if (mode === 'w' && this.denyWrite.has(path)) return 'EACCES';
    if (mode === 'x' && node.type === 'file' && (node.mode & 0o111) === 0) return 'EACCES';
    return undefined;
  }

  listDir(path: string): readonly string[] | Errno {
    const node = this.files.get(path);
    if (node === undefined) return 'ENOENT';
    if (node.type !== 'directory') return 'ENOTDIR';
    const prefix = path === '/' ? '/' : `${path}/`;
    return [...this.files.keys()].filter((p) => p !== path && p.startsWith(prefix) && !p.slice(prefix.length).includes('/')).map((p) => p.slice(prefix.length));
  }
}
