/**
 * The kernel model's state and its LSM glue: the file system, the loaded profiles, the tasks, the audit
 * log and the capability audit cache. `mediate` is the one place that asks the engine; the syscalls
 * (`syscalls/*.ts`) call it in the kernel's order. No syscall logic lives here.
 */
import { AuditCache, type AccessRequest, type Decision } from '../../apparmor/index.ts';
import type { Errno } from './errno.ts';
import { FileSystem, joinPath } from './fs.ts';
import { createBaseFileSystem } from './base-image.ts';
import { ProfileSet, type LoadedProfile } from './profile-set.ts';
import { DEFAULT_RLIMITS, commOf, type Task } from './task.ts';
import { resolveUser } from './users.ts';

/** What a syscall returns: success with a value, or an errno. Audit lines go to the kernel's log. */
export type SysResult<T = undefined> = { ok: true; value: T } | { ok: false; errno: Errno };

/** How to start a task. */
export type SpawnOptions = {
  /** the executable (canonical path); sets `comm` */
  exe: string;
  /** `root`, `user`, `other` or a uid; default root */
  user?: string | number;
  label?: LoadedProfile;
  comm?: string;
  /** a fixed pid (e.g. 1 for init); default the next free one */
  pid?: number;
};

/**
 * @param value - the syscall's value
 * @returns a success result
 * @example ok(3) // → { ok: true, value: 3 }
 */
export function ok<T>(value: T): SysResult<T> {
  return { ok: true, value };
}

/**
 * @param errno - the error
 * @returns a failure result
 * @example fail('EACCES') // → { ok: false, errno: 'EACCES' }
 */
export function fail<T = never>(errno: Errno): SysResult<T> {
  return { ok: false, errno };
}

/** One simulated kernel: a node's file system, policy, processes and log. */
export class Kernel {
  readonly fs: FileSystem;
  readonly profiles: ProfileSet;
  readonly tasks = new Map<number, Task>();
  readonly #audit: string[] = [];
  /** `kernel:capability.c audit_caps`: the per-CPU de-duplication of capability records (one CPU) */
  readonly #capCache = new AuditCache();
  #nextPid: number;

  /** @param options - an existing file system or profile set to use; defaults are the base image and none */
  constructor(options: { fs?: FileSystem; profiles?: ProfileSet; firstPid?: number } = {}) {
    this.fs = options.fs ?? createBaseFileSystem();
    this.profiles = options.profiles ?? new ProfileSet();
    this.#nextPid = options.firstPid ?? 100;
  }

  /**
   * Starts a task and creates its `/proc/PID` entries.
   * @param options - see SpawnOptions
   * @returns the new task
   */
  spawn(options: SpawnOptions): Task {
    const user = resolveUser(options.user) ?? { name: 'root', uid: 0, gid: 0, home: '/root' };
    const pid = options.pid ?? this.#nextPid++;
    const task: Task = {
      pid, comm: options.comm ?? commOf(options.exe), exe: options.exe,
      uid: user.uid, gid: user.gid, fsuid: user.uid, fsgid: user.gid, groups: [user.gid],
      label: options.label, onexec: undefined, hatParent: undefined, fds: new Map(),
      rlimits: new Map(DEFAULT_RLIMITS.map(([name, limits]) => [name, [...limits] as [number, number]])),
      killedBy: undefined,
    };
    this.tasks.set(pid, task);
    const dir = `/proc/${pid}`;
    const owned = { uid: user.uid, gid: user.gid, content: '' };
    this.fs.put(dir, { type: 'dir', mode: 0o555, ...owned });
    for (const name of ['status', 'maps', 'cmdline']) this.fs.put(joinPath(dir, name), { type: 'file', mode: 0o444, ...owned });
    this.fs.put(joinPath(dir, 'environ'), { type: 'file', mode: 0o400, ...owned });
    this.fs.put(joinPath(dir, 'comm'), { type: 'file', mode: 0o644, ...owned });
    this.fs.put(joinPath(dir, 'exe'), { type: 'symlink', mode: 0o777, ...owned, target: options.exe });
    for (const attr of ['attr/current', 'attr/exec', 'attr/apparmor/current', 'attr/apparmor/exec']) {
      this.fs.put(joinPath(dir, attr), { type: 'file', mode: 0o666, ...owned });
    }
    return task;
  }

  /**
   * Ends a task and removes its `/proc/PID` entries.
   * @param task - the task
   */
  exit(task: Task): void {
    this.tasks.delete(task.pid);
    this.fs.remove(`/proc/${task.pid}`);
  }

  /**
   * Moves every task to the current version of its profile after a load or removal, as the kernel's
   * label proxies do: a replaced profile's tasks run under the replacement, a removed one's become
   * unconfined.
   */
  refreshLabels(): void {
    for (const task of this.tasks.values()) {
      if (task.label !== undefined) task.label = this.profiles.find(task.label.name);
      if (task.hatParent !== undefined) task.hatParent = this.profiles.find(task.hatParent.name);
    }
  }

  /**
   * Appends a record to the audit log.
   * @param record - the bare record (`type=1400 apparmor=…`)
   */
  log(record: string): void {
    this.#audit.push(record);
  }

  /** @returns a mark to pass to `auditSince` */
  auditMark(): number {
    return this.#audit.length;
  }

  /**
   * @param mark - from `auditMark`
   * @returns the records logged since the mark, oldest first
   */
  auditSince(mark: number): string[] {
    return this.#audit.slice(mark);
  }

  /**
   * Asks the task's profile about one request and logs the record the engine renders. Unconfined tasks
   * are not mediated (`kernel:lsm.c`: every hook skips unconfined labels).
   * @param task - the asking task (its pid and comm go into the record)
   * @param request - the request without the task context
   * @returns the decision, or undefined when the task is unconfined (allowed, nothing logged)
   */
  mediate(task: Task, request: AccessRequest): Decision | undefined {
    return this.mediateAs(task, task.label, request);
  }

  /**
   * `mediate` as another label: the receiving end of a signal or ptrace is asked with the target's
   * profile while the record names the calling task.
   * @param task - the calling task
   * @param label - the label to ask (undefined = unconfined: not mediated)
   * @param request - the request
   * @returns the decision, or undefined for an unconfined label
   */
  mediateAs(task: Task, label: LoadedProfile | undefined, request: AccessRequest): Decision | undefined {
    if (label === undefined || label.mode === 'unconfined') return undefined;
    const decision = label.decide({ ...request, pid: task.pid, comm: task.comm });
    const isDuplicate = request.class === 'capability' && decision.record !== undefined && this.#capCache.isDuplicate(label, request.capability);
    if (decision.record && !isDuplicate) this.log(decision.record.line);
    // kill mode (`apparmor="KILLED"`): the syscall fails and the task gets SIGKILL
    if (decision.isKilled) task.killedBy = 9;
    return decision;
  }

  /**
   * `mediate` reduced to the syscall's view.
   * @param task - the asking task
   * @param request - the request
   * @returns ok, or the decision's errno (EACCES when the engine gives none)
   */
  check(task: Task, request: AccessRequest): SysResult {
    return this.checkAs(task, task.label, request);
  }

  /**
   * `mediateAs` reduced to the syscall's view.
   * @param task - the calling task
   * @param label - the label to ask
   * @param request - the request
   * @returns ok or the errno
   */
  checkAs(task: Task, label: LoadedProfile | undefined, request: AccessRequest): SysResult {
    const decision = this.mediateAs(task, label, request);
    if (decision === undefined || decision.verdict === 'allow') return ok(undefined);
    return fail(decision.errno ?? 'EACCES');
  }

  /**
   * `capable()`: the commoncap check (root has every capability, others none in this model), then
   * AppArmor's `capability` rule check. A denied non-root task is never logged: commoncap fails first.
   * @param task - the task
   * @param capability - name without `CAP_`, e.g. `net_raw`
   * @returns true when the capability is granted
   */
  capable(task: Task, capability: string): boolean {
    if (task.uid !== 0 || (task.keptCapabilities && !task.keptCapabilities.has(capability))) return false;
    return this.check(task, { class: 'capability', capability }).ok;
  }

  /**
   * `capget()` as a confined task sees it: `apparmor_capget` intersects the sets with the profile's allowed
   * capabilities (complain-mode profiles are skipped). Asks without logging.
   * @param task - the task reading its own capability sets
   * @param capability - name without `CAP_`
   * @returns true when the capability shows in the task's permitted set
   * @example kernel.capget(rootUnderPingNoCap, 'net_raw') // → false, and nothing logged
   */
  capget(task: Task, capability: string): boolean {
    if (task.uid !== 0 || (task.keptCapabilities && !task.keptCapabilities.has(capability))) return false;
    const label = task.label;
    if (label === undefined || label.mode === 'unconfined' || label.mode === 'complain') return true;
    return label.decide({ class: 'capability', capability, isNoAudit: true, pid: task.pid, comm: task.comm }).verdict === 'allow';
  }
}
