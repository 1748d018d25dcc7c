// Walks the AST against a ShellHost: lists, pipelines, compound commands, functions, builtins and
// nested `sh -c`/`bash -c`. One Interpreter per shell process; subshells get a cloned state.
// (Near 490 lines: the execution of each AST node kind belongs together; assignments, redirections
// and nested shells live in their own modules.)
import type { AndOrList, CaseClause, Command, CommandList, ForClause, IfClause, Pipeline, WhileClause } from './ast.ts';
import { expandAliases } from './alias.ts';
import { BUILTINS } from './builtins.ts';
import { expandToString, expandWord, matchCasePattern, ExpansionError, type ExpandEnv } from './expand.ts';
import type { ScriptRunner, ShellHost } from './host.ts';
import { OutputBuffer, resultChunks, takeOnce, writeSink, type Io, type Sink } from './io.ts';
import { commandError, errorPrefix, formatSyntaxError } from './messages.ts';
import { parse } from './parser.ts';
import { applyRedirections, redirectFailureStatus } from './redirect.ts';
import { AbortSignal, ExitSignal, LimitSignal, LoopSignal, ReturnSignal, runCatchingExit } from './signals.ts';
import { cloneState, exportedEnv, specialParameter, type ShellState } from './state.ts';
import {
  applyAssignment, declarationArgument, evaluateAssignment, isAssignmentWord, withTemporaryBindings, type Assignment,
} from './assignment.ts';
import { nestedShellRequest, childState } from './nested-shell.ts';

/** Safety caps shared by a shell and all its children (subshells, `$( )`, `sh -c`). */
export type Budget = { steps: number; maxSteps: number; maxDepth: number; maxOutput: number };

/** Runs scripts in one shell process. */
export class Interpreter {
  readonly state: ShellState;
  readonly #host: ShellHost;
  readonly #budget: Budget;
  readonly #depth: number;
  #loopDepth = 0;
  #functionDepth = 0;
  #conditionDepth = 0;
  #sourceDepth = 0;
  /** `<(…)` outputs by `/dev/fd/N` path; numbered from 63 downwards within a command, as bash does. */
  readonly #processFiles = new Map<string, string>();
  #nextProcessFd = 63;
  #substitutionStatus: number | undefined;

  constructor(state: ShellState, host: ShellHost, budget: Budget, depth: number) {
    if (depth > budget.maxDepth) throw new LimitSignal(`maximum nesting level exceeded (${budget.maxDepth})`);
    this.state = state;
    this.#host = host;
    this.#budget = budget;
    this.#depth = depth;
  }

  /**
   * Parses and runs source text, line by line as bash does: earlier lines run before a later
   * syntax error is reported. `exit` propagates as ExitSignal.
   * @param source the script
   * @param io the descriptor table
   * @returns the exit status
   */
  runSource(source: string, io: Io): number {
    const parsed = parse(source, this.state.dialect.flavour === 'bash');
    for (const step of parsed.steps) {
      if (step.kind === 'error') {
        this.#emit(io, 2, formatSyntaxError(this.state.dialect, step.error, source));
        this.state.status = 2;
        // An interactive bash drops the bad line and goes on reading the next ones.
        const rest = source.split('\n').slice(step.error.line).join('\n');
        if (this.state.dialect.isInteractive && step.error.kind === 'unexpected-token' && rest.trim() !== '') {
          this.runSource(rest, io);
        }
        return this.state.status;
      }
      try {
        this.state.status = this.#execList(step.list, io);
      } catch (e) {
        if (!(e instanceof AbortSignal)) throw e;
        this.state.status = e.status;
        if (!this.state.dialect.isInteractive) throw new ExitSignal(e.status);
      }
    }
    return this.state.status;
  }

  /** Writes text to a descriptor; output to a closed or missing descriptor is dropped. */
  #emit(io: Io, fd: number, text: string): void {
    writeSink(io.out.get(fd), text, this.#host);
  }

  #tick(): void {
    if (++this.#budget.steps > this.#budget.maxSteps) {
      throw new LimitSignal(`stopped after ${this.#budget.maxSteps} commands (does a loop never end?)`);
    }
  }

  #child(state: ShellState, depth = this.#depth): Interpreter {
    return new Interpreter(state, this.#host, this.#budget, depth);
  }

  /** Runs a command in a subshell: its state changes and `exit` stay inside. */
  #inSubshell(run: (child: Interpreter) => number): number {
    const child = this.#child(cloneState(this.state), this.#depth + 1);
    child.#loopDepth = this.#loopDepth;
    try {
      return run(child);
    } catch (e) {
      if (e instanceof ExitSignal || e instanceof AbortSignal) return e.status;
      if (e instanceof LoopSignal || e instanceof ReturnSignal) return 0;
      throw e;
    }
  }

  #execList(list: CommandList, io: Io): number {
    let status = this.state.status;
    for (const item of list.items) {
      status = this.#execAndOr(item.command, io);
      this.state.status = status;
    }
    return status;
  }

  #execAndOr(list: AndOrList, io: Io): number {
    const all = [{ op: '&&' as const, pipeline: list.first }, ...list.rest];
    let status = 0;
    for (const [k, { op, pipeline }] of all.entries()) {
      if (k > 0 && (op === '&&' ? status !== 0 : status === 0)) continue;
      const isLast = k === all.length - 1;
      if (!isLast) this.#conditionDepth++;
      try {
        status = this.#execPipeline(pipeline, io);
      } finally {
        if (!isLast) this.#conditionDepth--;
      }
      this.state.status = status;
      if (isLast && status !== 0 && !pipeline.isNegated && this.state.isErrexit && this.#conditionDepth === 0) {
        throw new ExitSignal(status);
      }
    }
    return status;
  }

  #execPipeline(pipeline: Pipeline, io: Io): number {
    if (pipeline.isNegated) this.#conditionDepth++;
    let status: number;
    try {
      status = pipeline.commands.length === 1 ? this.#execCommand(pipeline.commands[0] as Command, io) : this.#execPipe(pipeline, io);
    } finally {
      if (pipeline.isNegated) this.#conditionDepth--;
    }
    return pipeline.isNegated ? Number(status === 0) : status;
  }

  /** `a | b | c`: each stage runs in a subshell and reads the previous stage's output. */
  #execPipe(pipeline: Pipeline, io: Io): number {
    let stdin = io.stdin;
    let status = 0;
    let failed = 0;
    pipeline.commands.forEach((command, k) => {
      const isLast = k === pipeline.commands.length - 1;
      const out = new Map(io.out);
      const buffer = new OutputBuffer(this.#budget.maxOutput);
      if (!isLast) {
        const sink: Sink = { kind: 'buffer', buffer, fd: 1 };
        out.set(1, sink);
        if (pipeline.pipesStderr[k] === true) out.set(2, sink);
      }
      const stageIo: Io = { stdin, out };
      const stageStatus = this.#inSubshell((child) => child.#execCommand(command, stageIo));
      status = this.state.isPipefail === true && stageStatus === 0 ? (isLast ? failed : status) : stageStatus;
      if (stageStatus !== 0) failed = stageStatus;
      stdin = { text: buffer.text(1) };
    });
    return status;
  }

  #execCommand(command: Command, io: Io): number {
    if (command.kind === 'simple') return this.#execSimple(command, io);
    if (command.kind === 'function') {
      this.state.functions.set(command.name, command.body);
      return 0;
    }
    const redirected = applyRedirections(command.redirections, io, this.#redirectEnv(io, 'line' in command ? command.line : 1), 'line' in command ? command.line : 1);
    if (redirected === undefined) return redirectFailureStatus(this.state.dialect);
    switch (command.kind) {
      case 'if': return this.#execIf(command, redirected);
      case 'for': return this.#execFor(command, redirected);
      case 'while': return this.#execWhile(command, redirected);
      case 'case': return this.#execCase(command, redirected);
      case 'group':
        return command.isSubshell ? this.#inSubshell((child) => child.#execList(command.body, redirected)) : this.#execList(command.body, redirected);
    }
  }

  #condition(list: CommandList, io: Io): number {
    this.#conditionDepth++;
    try {
      return this.#execList(list, io);
    } finally {
      this.#conditionDepth--;
    }
  }

  #execIf(clause: IfClause, io: Io): number {
    for (const branch of clause.branches) {
      if (this.#condition(branch.condition, io) === 0) return this.#execList(branch.body, io);
    }
    return clause.elseBody === undefined ? 0 : this.#execList(clause.elseBody, io);
  }

  /** Runs one loop iteration; returns 'break' or 'continue' after a loop signal for this level. */
  #iteration(body: CommandList, io: Io): { status: number; flow: 'next' | 'break' } {
    this.#loopDepth++;
    try {
      return { status: this.#execList(body, io), flow: 'next' };
    } catch (e) {
      if (!(e instanceof LoopSignal)) throw e;
      if (e.levels > 1) throw new LoopSignal(e.levels - 1, e.isContinue);
      return { status: 0, flow: e.isContinue ? 'next' : 'break' };
    } finally {
      this.#loopDepth--;
    }
  }

  #execFor(clause: ForClause, io: Io): number {
    const env = this.#expandEnv(io, clause.line);
    const items = clause.items === undefined ? [...this.state.positional] : this.#expanding(io, clause.line, () => clause.items?.flatMap((w) => expandWord(w.raw, env)) ?? []);
    let status = 0;
    for (const item of items) {
      this.#tick();
      applyAssignment(this.state, { name: clause.variable, index: undefined, value: item, isAppend: false });
      const result = this.#iteration(clause.body, io);
      status = result.status;
      if (result.flow === 'break') break;
    }
    return status;
  }

  #execWhile(clause: WhileClause, io: Io): number {
    let status = 0;
    for (;;) {
      this.#tick();
      const condition = this.#condition(clause.condition, io);
      if ((condition === 0) === clause.isUntil) break;
      const result = this.#iteration(clause.body, io);
      status = result.status;
      if (result.flow === 'break') break;
    }
    return status;
  }

  #execCase(clause: CaseClause, io: Io): number {
    const env = this.#expandEnv(io, clause.subject.line);
    const subject = this.#expanding(io, clause.subject.line, () => expandToString(clause.subject.raw, env));
    for (const item of clause.items) {
      if (item.patterns.some((p) => this.#expanding(io, p.line, () => matchCasePattern(subject, p.raw, env)))) {
        return item.body.items.length === 0 ? 0 : this.#execList(item.body, io);
      }
    }
    return 0;
  }

  /** Runs an expansion; an expansion error prints bash's message and aborts the line. */
  #expanding<T>(io: Io, line: number, run: () => T): T {
    try {
      return run();
    } catch (e) {
      if (!(e instanceof ExpansionError)) throw e;
      this.#emit(io, 2, `${errorPrefix(this.state.dialect, line)}${e.message}\n`);
      throw new AbortSignal(this.state.dialect.isInteractive ? 1 : e.status);
    }
  }

  #execSimple(command: Extract<Command, { kind: 'simple' }>, io: Io): number {
    this.#tick();
    this.#nextProcessFd = 63;
    const { line } = command;
    if (this.state.dialect.isInteractive && this.state.aliases.size > 0) {
      const expanded = expandAliases(command.words, this.state.aliases);
      if (expanded?.kind === 'words') command = { ...command, words: expanded.words };
      else if (expanded?.kind === 'source') {
        const redirected = applyRedirections(command.redirections, io, this.#redirectEnv(io, line), line);
        return redirected === undefined ? redirectFailureStatus(this.state.dialect) : this.#runNestedSource(expanded.text, redirected);
      }
    }
    const env = this.#expandEnv(io, command.line);
    this.#substitutionStatus = undefined;
    const isDeclaration = command.words[0]?.raw === 'export';
    const argv = this.#expanding(io, line, () => command.words.flatMap((w, k) =>
      k > 0 && isDeclaration && isAssignmentWord(w.raw) ? declarationArgument(w.raw, env, this.state) : expandWord(w.raw, env)));
    const assignments = this.#expanding(io, line, () => command.assignments.map((w) => evaluateAssignment(w.raw, env)));
    if (argv.length === 0) {
      for (const a of assignments) applyAssignment(this.state, a);
      const redirected = applyRedirections(command.redirections, io, this.#redirectEnv(io, line), line);
      return redirected === undefined ? redirectFailureStatus(this.state.dialect) : (this.#substitutionStatus ?? 0);
    }
    const redirected = applyRedirections(command.redirections, io, this.#redirectEnv(io, line), line);
    if (redirected === undefined) return redirectFailureStatus(this.state.dialect);
    return this.#invoke(argv, assignments, redirected, line);
  }

  /** Runs a function, builtin, nested shell or host command with prefix assignments in effect. */
  #invoke(argv: string[], assignments: Assignment[], io: Io, line: number): number {
    const name = argv[0] as string;
    const fn = this.state.functions.get(name);
    const builtin = BUILTINS.get(name);
    if (fn !== undefined || builtin !== undefined) {
      // `x=1 export x` keeps its binding, as bash does
      const kept = name === 'export' ? argv.slice(1).map((arg) => arg.split('=')[0] ?? '') : [];
      return withTemporaryBindings(this.state, assignments, kept, () =>
        fn !== undefined ? this.#callFunction(fn, argv, io) : this.#runBuiltin(name, argv, io, line));
    }
    const extra = Object.fromEntries(assignments.map((a) => [a.name, typeof a.value === 'string' ? a.value : a.value.join(' ')]));
    const nested = nestedShellRequest(argv, io.stdin.text, { readFile: (p) => this.#readFile(p) }, this.state.cwd);
    // a bare `bash` at the terminal is a new interactive shell: the host may start one (a session)
    const isBareInteractive = nested !== undefined && argv.length === 1 && io.stdin.text === '' && this.state.dialect.isInteractive;
    if (nested !== undefined && !isBareInteractive) {
      if ('error' in nested) {
        this.#emit(io, 2, nested.error);
        return nested.status;
      }
      const child = this.#child(childState(this.state, nested, extra), this.#depth + 1);
      return runCatchingExit(() => child.runSource(nested.script, { ...io, stdin: { text: nested.stdin } }));
    }
    return this.#runHostCommand(argv, extra, io, line, isBareInteractive);
  }

  /** A command the host runs (the registry's programs); not-found and not-executable print bash's errors. */
  #runHostCommand(argv: string[], extra: Record<string, string>, io: Io, line: number, isShell = false): number {
    const take = takeOnce(io.stdin);
    const context = {
      get stdin(): string {
        return take();
      },
      env: exportedEnv(this.state, extra),
      cwd: this.state.cwd,
      runScript: this.#scriptRunner(extra),
      ...this.#processFilesIn(argv),
    };
    const result = this.#host.runCommand(argv, context);
    if (isShell && result === 'ENOENT') return 0;
    if (typeof result === 'string') {
      const failure = commandError(this.state.dialect, line, argv[0] ?? '', result);
      this.#emit(io, 2, failure.text);
      return failure.status;
    }
    for (const chunk of resultChunks(result)) this.#emit(io, chunk.fd, chunk.text);
    return result.exitCode & 255;
  }

  #runBuiltin(name: string, argv: string[], io: Io, line: number): number {
    const builtin = BUILTINS.get(name);
    if (builtin === undefined) return 127;
    return builtin({
      argv,
      stdin: io.stdin,
      state: this.state,
      host: this.#host,
      readFile: (path) => this.#readFile(path),
      prefix: errorPrefix(this.state.dialect, line),
      loopDepth: this.#loopDepth,
      functionDepth: this.#functionDepth,
      isTopLevel: this.#depth === 0,
      out: (text) => this.#emit(io, 1, text),
      err: (text) => this.#emit(io, 2, text),
      runSource: (source) => this.#runNestedSource(source, io),
    });
  }

  /** `eval` and `source` run text in this shell; their nesting counts against the depth cap. */
  #runNestedSource(source: string, io: Io): number {
    if (this.#sourceDepth >= this.#budget.maxDepth) throw new LimitSignal(`eval: maximum nesting level exceeded (${this.#budget.maxDepth})`);
    this.#sourceDepth++;
    try {
      return this.runSource(source, io);
    } finally {
      this.#sourceDepth--;
    }
  }

  #callFunction(body: Command, argv: string[], io: Io): number {
    if (this.#functionDepth >= this.#budget.maxDepth) {
      throw new LimitSignal(`${argv[0] ?? ''}: maximum function nesting level exceeded (${this.#budget.maxDepth})`);
    }
    const saved = this.state.positional;
    const dialect = this.state.dialect;
    this.state.positional = argv.slice(1);
    // bash -c reports errors inside functions as "environment: line N:" (functions defined in a -c
    // string get that source name, as bash 5.2 prints)
    if (dialect.flavour === 'bash' && !dialect.isInteractive && dialect.isCommandString !== false) {
      this.state.dialect = { ...dialect, errorName: 'environment' };
    }
    this.#functionDepth++;
    try {
      return this.#execCommand(body, io);
    } catch (e) {
      if (e instanceof ReturnSignal) return e.status;
      throw e;
    } finally {
      this.#functionDepth--;
      this.state.positional = saved;
      this.state.dialect = dialect;
    }
  }

  /** The runner a host command gets for `ssh node 'cmd'`-style nested scripts. */
  #scriptRunner(extra: Record<string, string>): ScriptRunner {
    return (script, options) => {
      const buffer = new OutputBuffer(this.#budget.maxOutput);
      const request = {
        script,
        stdin: options?.stdin ?? '',
        argv0: options?.argv0 ?? this.state.dialect.argv0,
        flavour: options?.flavour ?? this.state.dialect.flavour,
        args: [...(options?.args ?? [])],
        isCommandString: options?.isScriptFile !== true,
      };
      const child = this.#child(childState(this.state, request, extra), this.#depth + 1);
      const out = new Map<number, Sink>([[1, { kind: 'buffer', buffer, fd: 1 }], [2, { kind: 'buffer', buffer, fd: 2 }]]);
      const exitCode = runCatchingExit(() => child.runSource(script, { stdin: { text: request.stdin }, out }));
      return { stdout: buffer.text(1), stderr: buffer.text(2), exitCode, output: buffer.chunks };
    };
  }

  #expandEnv(io: Io, line: number): ExpandEnv {
    const state = this.state;
    const host = this.#host;
    return {
      lookup: (name) => {
        const v = state.vars.get(name);
        if (v === undefined && state.isNounset && name !== 'IFS') throw new ExpansionError(`${name}: unbound variable`, 127);
        return v;
      },
      assign: (name, value) => applyAssignment(state, { name, index: undefined, value, isAppend: false }),
      special: (name) => specialParameter(state, host, name),
      positional: () => state.positional,
      substitute: (script) => this.#substitute(script, io, line),
      processSubstitute: (script, isInput) => this.#processSubstitute(script, isInput, io, line),
      listDir: (path) => host.listDir(path),
      exists: (path) => typeof host.stat(path) !== 'string',
      isDirectory: (path) => {
        const st = host.stat(path);
        return typeof st !== 'string' && st.type === 'directory';
      },
      cwd: state.cwd,
      home: host.home,
    };
  }

  /**
   * `$( … )`: runs in a subshell; stdout is captured, stderr passes through; `$?` follows it.
   * Its lines count from the enclosing command's line, as bash numbers them.
   */
  #substitute(script: string, io: Io, line: number): string {
    const output = this.#substituteRaw(script, io, line);
    this.state.status = this.#substitutionStatus ?? 0;
    return output;
  }

  /** Runs a script in a subshell, returning its stdout and recording its status. */
  #substituteRaw(script: string, io: Io, line: number): string {
    const buffer = new OutputBuffer(this.#budget.maxOutput);
    const out = new Map(io.out);
    out.set(1, { kind: 'buffer', buffer, fd: 1 });
    const numbered = '\n'.repeat(Math.max(0, line - 1)) + script;
    this.#substitutionStatus = this.#inSubshell((child) => child.runSource(numbered, { stdin: { text: '' }, out }));
    return buffer.text(1);
  }

  /**
   * `<(…)`: runs now, its output becomes the file `/dev/fd/N` (bash runs it concurrently; the
   * output is the same). `>(…)` runs with empty input, as nothing is written to it here.
   */
  #processSubstitute(script: string, isInput: boolean, io: Io, line: number): string {
    const path = `/dev/fd/${this.#nextProcessFd--}`;
    const output = this.#substituteRaw(script, io, line);
    this.#processFiles.set(path, isInput ? output : '');
    return path;
  }

  #readFile(path: string): ReturnType<ShellHost['readFile']> {
    const content = this.#processFiles.get(path);
    return content === undefined ? this.#host.readFile(path) : { content };
  }

  #processFilesIn(argv: readonly string[]): { files?: Record<string, string> } {
    const files = Object.fromEntries(argv.flatMap((a) => {
      const content = this.#processFiles.get(a);
      return content === undefined ? [] : [[a, content]];
    }));
    return Object.keys(files).length === 0 ? {} : { files };
  }

  #redirectEnv(io: Io, line: number): Parameters<typeof applyRedirections>[2] {
    const env = this.#expandEnv(io, line);
    return {
      host: this.#host,
      readFile: (path) => this.#readFile(path),
      cwd: this.state.cwd,
      dialect: this.state.dialect,
      expandTarget: (raw) => this.#expanding(io, line, () => expandWord(raw, env)),
      expandHereDoc: (body) => this.#expanding(io, line, () => expandToString(body, env, 'heredoc')),
      err: (text, target) => this.#emit(target, 2, text),
    };
  }
}
