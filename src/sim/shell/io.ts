// File descriptors as the interpreter sees them: where fd 1/2 (and others) write, and what fd 0 reads.
// Output keeps stdout and stderr interleaved in order, capped so a runaway loop cannot eat the page.
import type { CommandResult, ShellHost } from './host.ts';

/** A piece of output on fd 1 (stdout) or fd 2 (stderr), in the order it was written. */
export type OutputChunk = { fd: 1 | 2; text: string };

/** Thrown when the output cap is reached; the shell stops the script and says why. */
export class OutputLimitExceeded {
  readonly limit: number;
  constructor(limit: number) {
    this.limit = limit;
  }
}

/** An append-only, size-capped record of output chunks. */
export class OutputBuffer {
  readonly chunks: OutputChunk[] = [];
  readonly #limit: number;
  #size = 0;

  constructor(limit: number) {
    this.#limit = limit;
  }

  /**
   * Appends text on a stream, merging with the previous chunk of the same stream.
   * @param fd 1 or 2
   * @param text what was written
   * @returns nothing; throws OutputLimitExceeded past the cap
   */
  write(fd: 1 | 2, text: string): void {
    if (text === '') return;
    this.#size += text.length;
    if (this.#size > this.#limit) throw new OutputLimitExceeded(this.#limit);
    const last = this.chunks[this.chunks.length - 1];
    if (last !== undefined && last.fd === fd) last.text += text;
    else this.chunks.push({ fd, text });
  }

  /**
   * The text written on one stream.
   * @param fd 1 or 2
   * @returns the concatenated chunks of that stream
   */
  text(fd: 1 | 2): string {
    return this.chunks.filter((c) => c.fd === fd).map((c) => c.text).join('');
  }
}

/** Where an output fd goes. */
export type Sink =
  | { kind: 'buffer'; buffer: OutputBuffer; fd: 1 | 2 }
  | { kind: 'file'; path: string }
  | { kind: 'null' }
  | { kind: 'closed' };

/** Standard input: read once, whole (a command consumes it). */
export type Input = { text: string };

/**
 * Reading stdin consumes the shared input, once (later reads see the same text), so in
 * `while read l; do echo "$l"; done` an `echo` that never reads leaves the rest for `read`.
 * @param input the command's standard input
 * @returns a reader to call from a `stdin` getter
 * @example takeOnce({ text: 'a' })() // 'a' (and the input is now empty)
 */
export function takeOnce(input: Input): () => string {
  let taken: string | undefined;
  return () => {
    if (taken === undefined) {
      taken = input.text;
      input.text = '';
    }
    return taken;
  };
}

/**
 * The order a command's output reaches its descriptors: its `output` chunks when they still say what its
 * `stdout` and `stderr` say; a wrapper that put its own lines before a child's stderr (`aa-exec -v`: its
 * messages, then the program's output) keeps the child's order after them; otherwise stderr first, then stdout.
 * @param result a command's result
 * @returns the chunks to write, in order
 * @example resultChunks({ stdout: 'a\n', stderr: 'e\n', exitCode: 1 }) // [{ fd: 2, text: 'e\n' }, { fd: 1, text: 'a\n' }]
 */
export function resultChunks(result: CommandResult): readonly OutputChunk[] {
  const chunks = result.output;
  const text = (fd: 1 | 2): string => (chunks ?? []).filter((c) => c.fd === fd).map((c) => c.text).join('');
  if (chunks !== undefined && text(1) === result.stdout && result.stderr.endsWith(text(2))) {
    const prefix = result.stderr.slice(0, result.stderr.length - text(2).length);
    return prefix === '' ? chunks : [{ fd: 2, text: prefix }, ...chunks];
  }
  return [{ fd: 2, text: result.stderr }, { fd: 1, text: result.stdout }];
}

/** The descriptor table of one command. */
export type Io = { stdin: Input; out: ReadonlyMap<number, Sink> };

/**
 * Writes to a sink: buffers collect, files are appended through the host, null and closed drop.
 * @param sink where the descriptor points
 * @param text what is written
 * @param host for file sinks
 * @returns nothing
 */
export function writeSink(sink: Sink | undefined, text: string, host: Pick<ShellHost, 'writeFile'>): void {
  if (text === '' || sink === undefined) return;
  if (sink.kind === 'buffer') sink.buffer.write(sink.fd, text);
  else if (sink.kind === 'file') host.writeFile(sink.path, text, { append: true });
}
