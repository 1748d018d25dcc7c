// Adapts the simulator's World (src/sim/index.ts) to the TerminalBackend <aa-terminal> talks to: the
// innermost shell's prompt, completeness, runs and completion; history kept by the given store.
import type { World } from '../../sim/index.ts';
import type { TerminalBackend } from './backend.ts';

/** Where history lives; the default keeps it in memory for the page's lifetime. */
export type HistoryStore = TerminalBackend['history'];

/**
 * An in-memory history store.
 * @param initial entries to start with, oldest first
 * @returns a store whose `load` returns what was last saved
 * @example memoryHistory(['ls']).load() // ['ls']
 */
export function memoryHistory(initial: readonly string[] = []): HistoryStore {
  let entries = [...initial];
  return { load: () => [...entries], save: (next) => void (entries = [...next]) };
}

/**
 * The terminal backend of a simulated world.
 * @param world the world the terminal drives
 * @param history where command history is kept (default: memory)
 * @returns the backend
 */
export function worldBackend(world: World, history: HistoryStore = memoryHistory()): TerminalBackend {
  return {
    prompt: () => world.prompt(),
    // bash's default PS2; the simulated shells do not change it.
    continuationPrompt: () => '> ',
    isComplete: (text) => world.isComplete(text),
    run: (text) => world.run(text),
    complete(line, cursor) {
      const completion = world.complete(line, cursor);
      return { replaceFrom: completion.start, candidates: completion.candidates };
    },
    // Ctrl-C at the prompt leaves $? at 130, as bash does; a subshell exiting 130 sets exactly that and
    // nothing else (the world's runs are synchronous, so there is never a command to stop).
    interrupt: () => void world.run('(exit 130)'),
    // Ctrl-D is `exit` for the innermost shell: the world prints `exit` or `logout` itself.
    exit: () => world.run('exit'),
    history,
  };
}
