// A real xterm.js terminal (never opened, so no renderer and no DOM) as the screen the line editor's bytes
// are checked against: what the learner would see, rows and cursor, including auto-wrap and wide characters.
import * as xterm from '@xterm/xterm';

/** What is on screen after writing. */
export type Screen = { rows: string[]; cursor: { x: number; y: number }; isWrapped: boolean[] };

type TerminalClass = typeof xterm.Terminal;
const Terminal: TerminalClass =
  (xterm as { Terminal?: TerminalClass }).Terminal ?? (xterm as unknown as { default: { Terminal: TerminalClass } }).default.Terminal;

/** A headless xterm that takes writes and reports its screen. */
export class ScreenOracle {
  readonly #terminal: InstanceType<TerminalClass>;

  constructor(columns: number, rows: number) {
    this.#terminal = new Terminal({ cols: columns, rows, allowProposedApi: true, scrollback: 1000 });
  }

  write(data: string): Promise<void> {
    return new Promise((resolve) => this.#terminal.write(data, resolve));
  }

  screen(): Screen {
    const buffer = this.#terminal.buffer.active;
    const rows: string[] = [];
    const isWrapped: boolean[] = [];
    for (let i = 0; i < this.#terminal.rows; i++) {
      const line = buffer.getLine(buffer.viewportY + i);
      // A written space looks like an empty cell; readline's wrap trick leaves one behind.
      rows.push((line?.translateToString(true) ?? '').trimEnd());
      isWrapped.push(line?.isWrapped ?? false);
    }
    return { rows, cursor: { x: buffer.cursorX, y: buffer.cursorY }, isWrapped };
  }

  /** The non-empty rows, for comparing transcripts. */
  text(): string[] {
    const rows = this.screen().rows;
    return rows.slice(0, rows.findLastIndex((row) => row !== '') + 1);
  }

  dispose(): void {
    this.#terminal.dispose();
  }
}
