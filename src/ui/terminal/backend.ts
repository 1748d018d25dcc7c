// The small, typed contract between <aa-terminal> and whatever runs the commands (the simulated node's
// shell, later the whole world). The terminal only moves text; the backend decides what it means.

/** What one run printed, as the simulator's CommandResult, optionally with stdout/stderr in write order. */
export type TerminalResult = {
  stdout: string;
  stderr: string;
  exitCode: number;
  /** stdout (fd 1) and stderr (fd 2) interleaved as written; when present it is printed instead. */
  output?: readonly { fd: 1 | 2; text: string }[];
};

/** Tab completion: replace `line.slice(replaceFrom, cursor)` by one of the candidates. */
export type Completion = { replaceFrom: number; candidates: string[] };

/** What the terminal needs from a shell. */
export type TerminalBackend = {
  /** The primary prompt, e.g. `root@node-1:~# `. */
  prompt(): string;
  /** The continuation prompt (bash's PS2), `> `. */
  continuationPrompt(): string;
  /** False while the collected text needs more lines (open here-doc, quote, `do` without `done`…). */
  isComplete(text: string): boolean;
  /** Runs a complete, possibly multi-line, input. */
  run(text: string): TerminalResult | Promise<TerminalResult>;
  /** Tab completion of the word before the cursor. */
  complete(line: string, cursor: number): Completion;
  /**
   * Ctrl-C. At the prompt the line was abandoned (bash sets `$?` to 130); while a `run` is pending, the
   * running command should stop (its promise still resolves, with what it printed).
   */
  interrupt?(): void;
  /**
   * Ctrl-D on an empty line: the innermost shell exits, as with `exit`. Returns what the shell printed
   * (`exit`, or `logout` for a login shell); without a result the terminal prints `exit`.
   */
  exit?(): TerminalResult | Promise<TerminalResult> | void;
  /** Command history, kept per world. */
  history: { load(): string[]; save(entries: string[]): void };
};
