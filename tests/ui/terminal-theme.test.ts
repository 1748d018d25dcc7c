// The terminal's colours follow Starlight's custom properties; missing ones are left to xterm.
import { describe, expect, it } from 'vitest';
import { terminalTheme } from '../../src/ui/terminal/theme.ts';

describe('terminalTheme', () => {
  it("maps Starlight's background, text and accent onto xterm's theme", () => {
    const values: Record<string, string> = {
      '--sl-color-bg': 'rgb(23, 24, 28)',
      '--sl-color-text': 'rgb(191, 194, 200)',
      '--sl-color-accent-high': 'rgb(168, 228, 197)',
      '--sl-color-red': 'rgb(240, 100, 100)',
      '--sl-color-white': 'rgb(255, 255, 255)',
    };
    const theme = terminalTheme((property) => values[property] ?? '');
    expect(theme).toEqual({
      background: 'rgb(23, 24, 28)',
      cursorAccent: 'rgb(23, 24, 28)',
      foreground: 'rgb(191, 194, 200)',
      cursor: 'rgb(168, 228, 197)',
      brightCyan: 'rgb(168, 228, 197)',
      red: 'rgb(240, 100, 100)',
      selectionForeground: 'rgb(255, 255, 255)',
      brightWhite: 'rgb(255, 255, 255)',
    });
  });

  it('gives every ANSI colour and the UI colours a Starlight property', () => {
    const asked: string[] = [];
    const theme = terminalTheme((property) => (asked.push(property), `value of ${property}`));
    const ansi = ['black', 'red', 'green', 'yellow', 'blue', 'magenta', 'cyan', 'white'];
    for (const name of [...ansi, ...ansi.map((n) => `bright${n[0]!.toUpperCase()}${n.slice(1)}`), 'background', 'foreground', 'cursor', 'selectionBackground']) {
      expect(theme[name as keyof typeof theme], name).toMatch(/^value of --sl-color-/);
    }
    expect(asked.every((p) => p.startsWith('--sl-color-'))).toBe(true);
  });

  it('leaves blank properties to the defaults', () => {
    expect(terminalTheme(() => '  ')).toEqual({});
  });
});
