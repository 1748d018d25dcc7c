/**
 * One simulated node: the kernel model with its policy loader, the node's file tree, users, a
 * deterministic clock, the process table (pid, parent, argv) and the stamped kernel log. It runs
 * programs as the kernel would — fork, execve with AppArmor transitions, then the registry's command as
 * the new task — and knows nothing about shells or terminals.
 */
import {
  Kernel, USERS, commOf, createPolicyLoader, labelName, sysExecve,
  type Errno, type LoadedProfile, type PolicyLoader, type Task,
} from '../kernel/index.ts';
import type { CommandContext, CommandResult } from '../shell/host.ts';
import type { CommandRegistry, NodeInfo, SessionControl } from '../shell/registry.ts';
import { NodeClock, type ClockState } from './clock.ts';
import type { KernelLogEntry } from './kernel-log.ts';
import { GROUPS, layNodeFiles } from './layout.ts';
import { absolutePath, createProcessApi, findProgram, type ProcessHost } from './process.ts';
import { createShellHost } from './shell-host.ts';
import { createIncludeReader, loadPolicyAs, removeProfileAs, type PolicyHost, type PolicyOp } from './policy-admin.ts';
import { nestedShellRequest } from '../shell/nested-shell.ts';
import { createShell } from '../shell/shell.ts';
import type { PolicyLoadOptions, PolicyLoadOutcome, ProcInfo, ProcResult, SpawnRequest } from './process-api.ts';

/** How a node is built. */
export type NodeOptions = {
  hostname?: string;
  clock?: ClockState;
  /** the first audit serial number */
  auditSerial?: number;
};

/** A running program's bookkeeping besides the kernel's task. */
type ProcessMeta = { ppid: number; args: readonly string[] };

/**
 * What a program run needs from the caller: the shell's context. `stdin` may be a getter that consumes the
 * shell's input when read, so a context is passed on as is, never spread (a spread would read it).
 */
export type RunContext = CommandContext & {
  session?: SessionControl;
  /** dash's shellexec: exec every PATH match in turn (each refusal is logged), where bash execs the first */
  isExecEveryPath?: boolean;
};

const KERNEL_RELEASE = '6.1.0-28-amd64';
const KERNEL_VERSION = '#1 SMP PREEMPT_DYNAMIC Debian 6.1.119-1 (2024-11-22)';

/** The node. */
export class SimNode {
  readonly kernel: Kernel;
  readonly loader: PolicyLoader;
  readonly registry: CommandRegistry;
  readonly clock: NodeClock;
  readonly hostname: string;
  readonly info: NodeInfo;
  readonly log: KernelLogEntry[] = [];
  /** every policy load and removal, in order (for snapshots) */
  readonly policyOps: PolicyOp[] = [];
  readonly #meta = new Map<number, ProcessMeta>();
  #auditMark = 0;
  /** where the ring buffer starts after `dmesg -C` (the journal keeps everything) */
  #ringStart = 0;
  #serial: number;
  /** the task shell-level operations (redirections, tests) run as */
  current: Task | undefined;

  /**
   * @param registry - the commands installed as programs
   * @param options - hostname, clock, audit serial
   */
  constructor(registry: CommandRegistry, options: NodeOptions = {}) {
    this.registry = registry;
    this.hostname = options.hostname ?? 'node01';
    this.clock = new NodeClock(options.clock);
    this.#serial = options.auditSerial ?? 184;
    this.kernel = new Kernel({ firstPid: 1187 });
    layNodeFiles(this.kernel.fs, { hostname: this.hostname, commands: registry.list() });
    // the character devices scripts write to: the kernel mediates them like any path, writes are discarded
    for (const device of ['/dev/tty', '/dev/random', '/dev/urandom', '/dev/full']) {
      if (!this.kernel.fs.get(device)) this.kernel.fs.put(device, { type: 'chr', mode: 0o666, uid: 0, gid: 0, content: '' });
    }
    this.loader = createPolicyLoader({ reader: createIncludeReader(this.kernel.fs) });
    this.kernel.profiles.nullProfileFactory = (name) => this.loader.nullProfile(name);
    const clock = this.clock;
    this.info = {
      hostname: this.hostname, kernelRelease: KERNEL_RELEASE, kernelVersion: KERNEL_VERSION, machine: 'x86_64',
      uptime: () => clock.uptime(), now: () => clock.now(),
    };
    // the daemons every node runs: init and sshd (the parent of login shells)
    this.kernel.spawn({ exe: '/usr/lib/systemd/systemd', comm: 'systemd', pid: 1 });
    this.#meta.set(1, { ppid: 0, args: ['/sbin/init'] });
    this.kernel.spawn({ exe: '/usr/sbin/sshd', pid: 612 });
    this.#meta.set(612, { ppid: 1, args: ['sshd: /usr/sbin/sshd -D [listener] 0 of 10-100 startups'] });
    this.#auditMark = this.kernel.auditMark();
  }

  /**
   * Starts a shell's task for a user (its parent is sshd or the caller).
   * @param user - the account name
   * @param parent - the parent task (default sshd)
   * @param label - the confinement the shell keeps (a shell exec'd by a confined program); default none
   * @returns the shell's task
   */
  login(user: string, parent?: Task, label?: LoadedProfile): Task {
    const task = this.kernel.spawn({ exe: '/usr/bin/bash', user, ...(label ? { label } : {}) });
    // supplementary groups from /etc/group, as login(1) sets them
    task.groups = [task.gid, ...GROUPS.filter((g) => (g.members ?? '').split(',').includes(user)).map((g) => g.gid)];
    this.#meta.set(task.pid, { ppid: parent?.pid ?? 612, args: ['-bash'] });
    return task;
  }

  /**
   * Ends a task started by `login`.
   * @param task - the task
   */
  logout(task: Task): void {
    this.kernel.exit(task);
    this.#meta.delete(task.pid);
  }

  /** Stamps the records the kernel logged since the last call; call once per command, then advance. */
  collectLog(): void {
    for (const record of this.kernel.auditSince(this.#auditMark)) {
      this.clock.advance('event');
      this.log.push({ record, uptime: this.clock.uptime(), epochMs: this.clock.now(), serial: this.#serial++ });
    }
    this.#auditMark = this.kernel.auditMark();
  }

  /** Where `dmesg` starts in `log` (records before it were cleared with `dmesg -C`). */
  get ringStart(): number {
    return this.#ringStart;
  }

  /** @param start - a `ringStart` from a snapshot */
  set ringStart(start: number) {
    this.#ringStart = Math.max(0, Math.min(start, this.log.length));
  }

  /** Drops the records logged since the last `collectLog` (a snapshot restore replays policy quietly). */
  discardLog(): void {
    this.#auditMark = this.kernel.auditMark();
  }

  /** @returns the audit serial the next record gets */
  get nextSerial(): number {
    return this.#serial;
  }

  /**
   * fork + execve + run: what a shell does for an external command.
   * @param parent - the calling task
   * @param argv - the command line
   * @param context - stdin, environment, cwd, nested-script runner, session control
   * @returns the program's result, or the errno for the shell to report
   */
  runProgram(parent: Task, argv: readonly string[], context: RunContext): CommandResult | Errno {
    const nodeLevel = this.registry.get(argv[0] ?? '');
    const path = nodeLevel?.isNodeLevel ? '' : findProgram(this.kernel.fs, argv[0] ?? '', context.env, context.cwd);
    if (path === 'ENOENT') return 'ENOENT';
    const child = this.kernel.spawn({
      exe: parent.exe, comm: parent.comm, user: parent.uid, ...(parent.label ? { label: parent.label } : {}),
    });
    child.gid = parent.gid;
    child.fsgid = parent.fsgid;
    child.groups = [...parent.groups];
    this.#meta.set(child.pid, { ppid: parent.pid, args: this.#meta.get(parent.pid)?.args ?? [] });
    try {
      if (nodeLevel?.isNodeLevel) return this.#invoke(nodeLevel.name, child, argv, context);
      const first = this.execInto(child, path, argv, context);
      if (!context.isExecEveryPath || typeof first !== 'string' || (argv[0] ?? '').includes('/')) return first;
      // as dash's shellexec: try the later PATH matches too, and report the last refusal
      let result: CommandResult | Errno = first;
      for (const next of findProgram(this.kernel.fs, argv[0] ?? '', context.env, context.cwd, true).slice(1)) {
        result = this.execInto(child, next, argv, context);
        if (typeof result !== 'string') return result;
      }
      return result;
    } finally {
      this.kernel.exit(child);
      this.#meta.delete(child.pid);
    }
  }

  /**
   * execve in place, then runs the program's command as `task`.
   * @param task - the task that becomes the program
   * @param path - the program's path (absolute or relative to the context's cwd)
   * @param argv - the command line
   * @param context - the run context
   * @param uid - switch to this user first (setuid programs)
   * @returns the program's result, or the errno of execve
   */
  execInto(task: Task, path: string, argv: readonly string[], context: RunContext, uid?: number): CommandResult | Errno {
    if (uid !== undefined) {
      const user = USERS.find((u) => u.uid === uid);
      task.uid = task.fsuid = uid;
      task.gid = task.fsgid = user?.gid ?? uid;
      task.groups = [task.gid, ...GROUPS.filter((g) => (g.members ?? '').split(',').includes(user?.name ?? '')).map((g) => g.gid)];
    }
    const outcome = sysExecve(this.kernel, task, absolutePath(context.cwd, path), commOf(argv[0] ?? path));
    if (!outcome.ok) return outcome.errno;
    const meta = this.#meta.get(task.pid);
    this.#meta.set(task.pid, { ppid: meta?.ppid ?? 1, args: [...argv] });
    // /proc/PID/exe follows the new image (the kernel model sets it at spawn only)
    const exeLink = this.kernel.fs.get(`/proc/${task.pid}/exe`);
    if (exeLink) exeLink.target = task.exe;
    if (outcome.value.signal !== undefined) return { stdout: '', stderr: '', exitCode: 128 + outcome.value.signal };
    if (outcome.value.exit !== undefined && outcome.value.exit !== 0) {
      return { stdout: '', stderr: outcome.value.stderr, exitCode: outcome.value.exit };
    }
    const inode = this.kernel.fs.get(outcome.value.path);
    if (inode?.content.startsWith('#!')) {
      // the interpreter line picks the shell: `#!/bin/sh` is dash, `#!/bin/bash` or `#!/usr/bin/env bash` bash
      const flavour = /\bbash\b/.test(inode.content.split('\n', 1)[0] ?? '') ? 'bash' : 'sh';
      return this.#withCurrent(task, () => context.runScript(inode.content, { stdin: context.stdin, argv0: path, args: argv.slice(1), flavour }));
    }
    const program = inode?.exec?.kind === 'dynamic' ? inode.exec.program : undefined;
    if (program === 'bash' || program === 'dash') return this.#runShell(task, argv, context);
    return program === undefined ? 'ENOENT' : this.#invoke(program, task, argv, context);
  }

  /** Runs a registry command as `task` (already exec'd). */
  #invoke(program: string, task: Task, argv: readonly string[], context: RunContext): CommandResult | Errno {
    const spec = this.registry.get(program);
    if (spec === undefined) return 'ENOENT';
    const proc = createProcessApi(this.processHost(context), task, context.cwd, context.env);
    const run = (): CommandResult => this.registry.invoke(spec, {
      argv, context, proc, node: this.info, flavour: 'gnu', registry: this.registry,
      ...(context.session ? { session: context.session } : {}),
    });
    const result = this.#withCurrent(task, run);
    if (task.killedBy !== undefined) return { ...result, exitCode: 128 + task.killedBy };
    return result;
  }

  /**
   * A shell exec'd by a program (`aa-exec -p P -- /bin/sh -c …`, `sudo sh -c`, `su -c`): a new shell
   * process running as `task`, with its own `$$` and dash's or bash's wording (`/bin/sh: 1: …`); a bare
   * one takes over the terminal.
   */
  #runShell(task: Task, argv: readonly string[], context: RunContext): CommandResult {
    const flavour = (argv[0] ?? '').split('/').pop() === 'bash' ? 'bash' : 'sh';
    const host = createShellHost(this, task, context.session, flavour);
    const request = nestedShellRequest(argv, context.stdin, host, context.cwd);
    if (request === undefined) return { stdout: '', stderr: '', exitCode: 0 };
    if ('error' in request) return { stdout: '', stderr: request.error, exitCode: request.status };
    if (request.script === '' && argv.length <= 1 && context.session) {
      context.session.startShell(USERS.find((u) => u.uid === task.uid)?.name ?? 'root', { isLogin: false, pid: task.pid });
      return { stdout: '', stderr: '', exitCode: 0 };
    }
    // the shell's own stdin and positional parameters need the parent's runner; plain -c scripts get a process of their own
    if (request.stdin !== '' || request.args.length > 0) {
      return this.#withCurrent(task, () => context.runScript(request.script, {
        stdin: request.stdin, argv0: request.argv0, args: request.args, flavour: request.flavour,
        ...(request.isCommandString === false ? { isScriptFile: true } : {}),
      }));
    }
    // dash names itself by argv[0] as exec'd (`/bin/sh: 1: …`) unless -c gave a $0
    const argv0 = argv.indexOf('-c') >= 0 && argv.length > argv.indexOf('-c') + 2 ? request.argv0 : (argv[0] ?? request.argv0);
    const shell = createShell(host, { flavour: request.flavour, isInteractive: false, argv0, env: context.env, cwd: context.cwd });
    const result = this.#withCurrent(task, () => shell.run(request.script));
    return { stdout: result.stdout, stderr: result.stderr, exitCode: result.exitCode, output: result.output };
  }

  #withCurrent<T>(task: Task, body: () => T): T {
    const saved = this.current;
    this.current = task;
    try {
      return body();
    } finally {
      this.current = saved;
    }
  }

  /**
   * The node as the process API sees it.
   * @param context - the run context children inherit
   * @returns the host
   */
  processHost(context: RunContext): ProcessHost {
    // no spread of `context`: that would read (consume) the caller's stdin, which the child does not get
    const toRun = (request: SpawnRequest & { cwd: string; env: Readonly<Record<string, string>> }): RunContext => ({
      stdin: request.stdin ?? '', cwd: request.cwd, env: request.env, runScript: context.runScript,
      ...(context.files ? { files: context.files } : {}),
      ...(context.session ? { session: context.session } : {}),
      ...(context.isExecEveryPath !== undefined ? { isExecEveryPath: context.isExecEveryPath } : {}),
    });
    return {
      kernel: this.kernel,
      spawn: (parent, request) => this.runProgram(parent, request.argv, toRun(request)),
      exec: (task, request) => {
        const path = findProgram(this.kernel.fs, request.argv[0] ?? '', request.env, request.cwd);
        if (path === 'ENOENT') return 'ENOENT';
        return this.execInto(task, path, request.argv, toRun(request), request.uid);
      },
      processes: () => this.processes(),
      loadPolicy: (task, text, file, options) => this.loadPolicy(task, text, file, options),
      removeProfile: (task, name) => this.removeProfile(task, name),
      log: () => {
        // records of the running command are stamped now, so dmesg sees its own pipeline's denials
        this.collectLog();
        return this.log.slice(this.#ringStart);
      },
      clearLog: () => {
        this.collectLog();
        this.#ringStart = this.log.length;
      },
      journal: () => {
        this.collectLog();
        return this.log;
      },
      groups: GROUPS,
    };
  }

  /** @returns every process, by pid */
  processes(): ProcInfo[] {
    return [...this.kernel.tasks.values()]
      .sort((a, b) => a.pid - b.pid)
      .map((task) => {
        const meta = this.#meta.get(task.pid);
        return {
          pid: task.pid, ppid: meta?.ppid ?? 0, comm: task.comm, exe: task.exe, args: meta?.args ?? [task.exe],
          uid: task.uid, user: USERS.find((u) => u.uid === task.uid)?.name ?? String(task.uid),
          profile: labelName(task.label), mode: task.label?.mode ?? 'unconfined',
        };
      });
  }

  /**
   * Compiles a policy file and loads it as `task` (see `ProcessApi.loadPolicy`).
   * @param task - the loading task (apparmor_parser)
   * @param text - the policy text
   * @param file - its name for messages ('' for stdin)
   * @param options - add/replace, complain, kernel load, include dirs
   * @returns the outcome
   */
  loadPolicy(task: Task, text: string, file: string, options: PolicyLoadOptions): PolicyLoadOutcome {
    return loadPolicyAs(this.#policyHost(), task, text, file, options);
  }

  /**
   * Removes a profile as `task`.
   * @param task - the removing task
   * @param name - the profile's full name
   * @returns ok, ENOENT (not loaded) or EACCES
   */
  removeProfile(task: Task, name: string): ProcResult {
    return removeProfileAs(this.#policyHost(), task, name);
  }

  #policyHost(): PolicyHost {
    return { kernel: this.kernel, loader: this.loader, reader: createIncludeReader(this.kernel.fs), ops: this.policyOps };
  }
}
