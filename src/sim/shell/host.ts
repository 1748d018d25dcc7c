// The narrow interface between the shell and the simulated node: files, commands, identity.
// The shell never reaches the kernel model directly; a node adapter implements this (tests use a fake).

/**
 * What every command and every shell run returns: data, never terminal writes. `output`, when present,
 * is stdout and stderr interleaved in the order written (`aa-status` prints a line, then an error);
 * without it the shell writes stderr first.
 */
export type CommandResult = {
  stdout: string;
  stderr: string;
  exitCode: number;
  output?: readonly { fd: 1 | 2; text: string }[];
};

/** Error names a host reports, as the kernel's errno names; the shell turns them into bash's wording. */
export type Errno =
  | 'ENOENT'
  | 'EACCES'
  | 'EPERM'
  | 'EISDIR'
  | 'ENOTDIR'
  | 'EEXIST'
  | 'EROFS'
  | 'ENOTEMPTY'
  | 'EINVAL'
  | 'ENOEXEC'
  | 'ELOOP'
  | 'ENAMETOOLONG'
  | 'EBUSY'
  | 'ESRCH';

/** What `stat` reports about a path (after following symlinks). */
export type FileStat = {
  type: 'file' | 'directory' | 'other';
  size: number;
  /** Permission bits, e.g. 0o644. */
  mode: number;
};

/** How the file access tests (`-r -w -x`) ask the host; AppArmor may deny what the mode bits allow. */
export type AccessMode = 'r' | 'w' | 'x';

/** Runs a nested script through the same interpreter (what `bash -c`, `ssh node cmd` need). */
export type ScriptRunner = (
  script: string,
  options?: {
    stdin?: string;
    argv0?: string;
    args?: readonly string[];
    isScriptFile?: boolean;
    /** the child's shell: `sh -c`, `/bin/sh script` are dash (`sh: 1: foo: not found`); default the caller's */
    flavour?: 'bash' | 'sh';
  },
) => CommandResult;

/** What a non-builtin command receives besides its argv. Read-only: commands never mutate it. */
export type CommandContext = {
  /**
   * Everything the command may read on standard input (already collected from pipes, files, here-docs).
   * Reading it consumes the shell's input, as a real read would; a command that never reads leaves it
   * for the next one (`while read l; do echo "$l"; done`).
   */
  readonly stdin: string;
  /** The exported environment, including `VAR=x cmd` prefixes. */
  env: Readonly<Record<string, string>>;
  /** The shell's working directory, absolute. */
  cwd: string;
  /** Runs a script in a fresh child shell of the same flavour, sharing this host. */
  runScript: ScriptRunner;
  /**
   * Process-substitution files named in argv (`diff <(a) <(b)` passes `/dev/fd/63`, `/dev/fd/62`),
   * by path → content. A host should let the command read these paths.
   */
  files?: Readonly<Record<string, string>>;
};

/**
 * Everything the shell needs from the node. Errors come back as errno names, never as exceptions.
 * Paths given to the host are always absolute and normalised (no `.`/`..`/`//`).
 */
export type ShellHost = {
  /**
   * Runs anything that is not a shell builtin. Returns `ENOENT` when no such command exists
   * (the shell prints "command not found"), `EACCES`/`EISDIR`/`ENOEXEC` when it cannot be executed.
   */
  runCommand(argv: readonly string[], context: CommandContext): CommandResult | Errno;
  /** Reads a whole file (wrapped, so a file whose text is "ENOENT" is not an error). */
  readFile(path: string): { content: string } | Errno;
  /** Writes (or with `append`, appends to) a file, creating it. Returns `undefined` on success. */
  writeFile(path: string, data: string, options: { append: boolean }): Errno | undefined;
  /** Stats a path, following symlinks. */
  stat(path: string): FileStat | Errno;
  /** Whether the current process may read/write/execute a path. Returns `undefined` when allowed. */
  access(path: string, mode: AccessMode): Errno | undefined;
  /** The entry names of a directory (without `.` and `..`), in any order. */
  listDir(path: string): readonly string[] | Errno;
  /**
   * kill(2) from the shell's own process (the `kill` builtin). Returns `undefined` when allowed; a host
   * without processes may leave it out (every pid is then `ESRCH`).
   */
  kill?(pid: number, signal: number): Errno | undefined;
  /** The user's home directory, e.g. `/root`. */
  readonly home: string;
  /** The node's hostname, for the prompt. */
  readonly hostname: string;
  /** The user name, for the prompt and `$USER`. */
  readonly user: string;
  /** The shell's process id, for `$$`. */
  readonly pid: number;
};
