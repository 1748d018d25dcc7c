/**
 * Tasks (processes) of the kernel model: credentials, the AppArmor label and its pending change_onexec,
 * open file descriptors with the permissions AppArmor cached at open, and resource limits.
 */
import type { LoadedProfile } from './profile-set.ts';

/** An open file: the canonical path it was opened by and what AppArmor granted at open (`fctx->allow`). */
export type OpenFile = {
  path: string;
  /** O_RDONLY/O_WRONLY/O_RDWR access and O_APPEND, for read/write checks */
  canRead: boolean;
  canWrite: boolean;
  isAppend: boolean;
  /** the `MAY.*` bits AppArmor allowed at open (0 when opened unconfined) */
  allow: number;
  /** the label that opened it; undefined = unconfined (such files are never revalidated) */
  label: LoadedProfile | undefined;
};

/** A process. `label` undefined means unconfined. */
export type Task = {
  pid: number;
  /** the command name audit lines print as `comm=` (the executable's base name, 15 chars) */
  comm: string;
  /** the executable's canonical path */
  exe: string;
  uid: number;
  gid: number;
  fsuid: number;
  fsgid: number;
  /** supplementary groups */
  groups: number[];
  label: LoadedProfile | undefined;
  /** a pending `change_onexec` target label (full name) */
  onexec: string | undefined;
  /** for a task in a hat: the profile it returns to */
  hatParent: LoadedProfile | undefined;
  fds: Map<number, OpenFile>;
  /** resource limits as [soft, hard] */
  rlimits: Map<string, [number, number]>;
  /** set when a kill-mode denial killed the task (SIGKILL = 9) */
  killedBy: number | undefined;
  /**
   * The capabilities a task kept after dropping the rest itself with cap_set_proc (iputils'
   * limit_capabilities); undefined when it never did. A dropped capability fails in commoncap, before
   * AppArmor is asked, so no audit line.
   */
  keptCapabilities?: ReadonlySet<string>;
};

/** Default limits of a root shell on the corpus VM (only the ones the model consults). */
export const DEFAULT_RLIMITS: readonly [string, [number, number]][] = [
  ['nofile', [1024, 1048576]],
  ['memlock', [8388608, 8388608]],
];

/**
 * The label text `/proc/PID/attr/current` shows: `unconfined` or `name (mode)`.
 * @param label - the task's profile, undefined when unconfined
 * @returns the label text without a newline
 * @example labelText(undefined) // → 'unconfined'
 */
export function labelText(label: LoadedProfile | undefined): string {
  return label === undefined ? 'unconfined' : `${label.name} (${label.mode})`;
}

/**
 * The label name an audit line prints as `profile=` or `peer=`.
 * @param label - a profile, undefined when unconfined
 * @returns its full name, or `unconfined`
 * @example labelName(undefined) // → 'unconfined'
 */
export function labelName(label: LoadedProfile | undefined): string {
  return label?.name ?? 'unconfined';
}

/**
 * The `comm` of a program: the base name of its path, cut to 15 characters as the kernel does.
 * @param path - an executable path
 * @returns the command name
 * @example commOf('/usr/local/bin/aaop') // → 'aaop'
 */
export function commOf(path: string): string {
  return (path.split('/').pop() ?? path).slice(0, 15);
}
