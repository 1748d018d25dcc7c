// The terminal's colours from the site theme: Starlight's CSS custom properties mapped onto xterm's ITheme.
// Pure: it takes a reader for the (already resolved) property values, so it works for light and dark alike.
import type { ITheme } from '@xterm/xterm';

/** Reads a CSS custom property as a resolved colour, '' when unset. */
export type ReadColor = (property: string) => string;

// Starlight swaps its grey scale and `-high`/`-low` shades between dark and light themes, so one mapping
// keeps contrast in both: "white" is always the text extreme, "black" the background extreme.
const ANSI: Readonly<Record<string, string>> = {
  black: '--sl-color-gray-5', red: '--sl-color-red', green: '--sl-color-green', yellow: '--sl-color-orange',
  blue: '--sl-color-blue', magenta: '--sl-color-purple', cyan: '--sl-color-accent', white: '--sl-color-gray-2',
  brightBlack: '--sl-color-gray-4', brightRed: '--sl-color-red-high', brightGreen: '--sl-color-green-high',
  brightYellow: '--sl-color-orange-high', brightBlue: '--sl-color-blue-high', brightMagenta: '--sl-color-purple-high',
  brightCyan: '--sl-color-accent-high', brightWhite: '--sl-color-white',
};

const UI: Readonly<Record<string, string>> = {
  background: '--sl-color-bg', foreground: '--sl-color-text', cursor: '--sl-color-accent-high',
  cursorAccent: '--sl-color-bg', selectionBackground: '--sl-color-gray-5', selectionForeground: '--sl-color-white',
};

/**
 * The xterm theme for the site's current colours.
 * @param read resolves a custom property to a colour ('' when the page does not define it)
 * @returns an ITheme; colours the page lacks are left to xterm's defaults
 * @example terminalTheme((p) => (p === '--sl-color-bg' ? 'rgb(23, 24, 28)' : '')) // { background: 'rgb(23, 24, 28)', cursorAccent: 'rgb(23, 24, 28)' }
 */
export function terminalTheme(read: ReadColor): ITheme {
  const theme: Record<string, string> = {};
  for (const [key, property] of Object.entries({ ...UI, ...ANSI })) {
    const value = read(property).trim();
    if (value !== '') theme[key] = value;
  }
  return theme;
}
