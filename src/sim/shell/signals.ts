// Control flow that unwinds the interpreter: `exit`, `break`/`continue`, `return`, a fatal expansion
// error, and the safety limits. Thrown and caught only inside src/sim/shell; never escapes `run`.

/** `exit N`, or `set -e` after a failure. */
export class ExitSignal {
  readonly status: number;
  constructor(status: number) {
    this.status = status;
  }
}

/** `break N` / `continue N`. */
export class LoopSignal {
  readonly levels: number;
  readonly isContinue: boolean;
  constructor(levels: number, isContinue: boolean) {
    this.levels = levels;
    this.isContinue = isContinue;
  }
}

/** `return N` from a function. */
export class ReturnSignal {
  readonly status: number;
  constructor(status: number) {
    this.status = status;
  }
}

/** An expansion error: the current line stops (interactive) or the script ends (non-interactive). */
export class AbortSignal {
  readonly status: number;
  constructor(status: number) {
    this.status = status;
  }
}

/** A safety cap was hit (steps, output, nesting); `message` says which, in the shell's voice. */
export class LimitSignal {
  readonly message: string;
  constructor(message: string) {
    this.message = message;
  }
}

/**
 * Runs a child shell, turning its `exit` into a status.
 * @param run starts the child
 * @returns the child's exit status
 */
export function runCatchingExit(run: () => number): number {
  try {
    return run();
  } catch (e) {
    if (e instanceof ExitSignal) return e.status;
    throw e;
  }
}
