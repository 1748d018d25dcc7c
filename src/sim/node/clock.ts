/**
 * The node's deterministic clock: wall time and uptime advance only when the world says so (a plausible
 * step per command, from a seeded generator), so transcripts and dmesg stamps are reproducible.
 */

/** The clock's serialisable state. */
export type ClockState = {
  /** wall time at boot, ms since the epoch */
  bootEpochMs: number;
  /** microseconds since boot */
  uptimeMicros: number;
  /** the step generator's state */
  seed: number;
};

/** Boot on 2025-11-23 08:14:05 UTC, up about 31 minutes when the learner arrives. */
export const DEFAULT_CLOCK: ClockState = { bootEpochMs: 1763885645000, uptimeMicros: 1_873_402_117, seed: 20251123 };

/** A clock a world owns. */
export class NodeClock {
  #state: ClockState;

  /** @param state - where to start (default DEFAULT_CLOCK) */
  constructor(state: ClockState = DEFAULT_CLOCK) {
    this.#state = { ...state };
  }

  /** @returns seconds since boot, with microsecond precision */
  uptime(): number {
    return this.#state.uptimeMicros / 1e6;
  }

  /** @returns ms since the epoch */
  now(): number {
    return this.#state.bootEpochMs + Math.floor(this.#state.uptimeMicros / 1000);
  }

  /**
   * Moves time on as a person typing would: 1.2–4.7 s per command, plus a few microseconds per record.
   * @param kind - `command` between commands, `event` between records of one command
   */
  advance(kind: 'command' | 'event'): void {
    // a 32-bit LCG (Numerical Recipes): deterministic and cheap
    this.#state.seed = (Math.imul(this.#state.seed, 1664525) + 1013904223) >>> 0;
    const fraction = this.#state.seed / 2 ** 32;
    this.#state.uptimeMicros += kind === 'command' ? 1_200_000 + Math.floor(fraction * 3_500_000) : 20 + Math.floor(fraction * 400);
  }

  /** @returns a copy of the state, for snapshots */
  snapshot(): ClockState {
    return { ...this.#state };
  }
}
