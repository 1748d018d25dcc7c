// The lazily loaded half of <aa-terminal>: creates the xterm.js Terminal and fit addon, follows the site
// theme and the element's size, and pipes keys through a TerminalSession to the backend. Only ever loaded
// by dynamic import() from aa-terminal.ts, so xterm stays out of the page's first bytes.
import type { ITheme, Terminal } from '@xterm/xterm';
import type { TerminalBackend } from './backend.ts';
import { createTerminalSession, type TerminalSession } from './terminal-session.ts';
import { terminalTheme } from './theme.ts';

/** What the element drives. */
export type XtermView = {
  /** Starts a session on this backend (a fresh screen). */
  attach(backend: TerminalBackend): void;
  setScreenReader(isOn: boolean): void;
  setLabel(label: string): void;
  focus(): void;
  dispose(): void;
  /** The session, once a backend is attached (for tests and announcements). */
  readonly session: TerminalSession | undefined;
};

/** How the view starts. */
export type XtermViewOptions = { isScreenReader: boolean; label: string };

function readTheme(host: HTMLElement): ITheme {
  // Resolve through a probe's computed `color`, so hsl(), var() chains and named colours reach xterm as rgb().
  const probe = document.createElement('span');
  probe.style.display = 'none';
  host.append(probe);
  const style = getComputedStyle(host);
  const theme = terminalTheme((property) => {
    const value = style.getPropertyValue(property).trim();
    if (value === '') return '';
    probe.style.color = '';
    probe.style.color = value;
    return probe.style.color === '' ? '' : getComputedStyle(probe).color;
  });
  probe.remove();
  return theme;
}

/**
 * Opens xterm inside `host` and keeps it fitted and themed.
 * @param host the element's container for the terminal
 * @param options screen-reader mode and accessible label
 * @returns the view
 */
export async function createXtermView(host: HTMLElement, options: XtermViewOptions): Promise<XtermView> {
  const [{ Terminal: TerminalClass }, { FitAddon }] = await Promise.all([
    import('@xterm/xterm'),
    import('@xterm/addon-fit'),
    import('@xterm/xterm/css/xterm.css'),
  ]);
  const terminal: Terminal = new TerminalClass({
    screenReaderMode: options.isScreenReader,
    theme: readTheme(host),
    fontFamily: getComputedStyle(host).getPropertyValue('--sl-font-mono').trim() || 'monospace',
    fontSize: 14,
    // At 1.0 a row is the font's rounded-down ascent+descent (16 px for 14 px DejaVu Sans Mono), and the next
    // row paints over the underscore of `apparmor_parser`; 1.2 leaves the descenders room.
    lineHeight: 1.2,
    cursorBlink: true,
    scrollback: 5000,
    // The line editor redraws wrapped input itself, assuming xterm reflows the cursor's line like any other.
    reflowCursorLine: true,
  });
  const fit = new FitAddon();
  terminal.loadAddon(fit);
  terminal.open(host);
  const setLabel = (label: string): void => terminal.textarea?.setAttribute('aria-label', label);
  setLabel(options.label);
  terminal.attachCustomKeyEventHandler((event) => {
    // Shift+Tab leaves the terminal (Tab itself completes, as in bash), so keyboard users are never trapped.
    if (event.key === 'Tab' && event.shiftKey) return false;
    const isCtrl = event.ctrlKey && !event.altKey && !event.metaKey;
    // Ctrl+V pastes as in browser terminals (the browser's paste event reaches xterm) instead of quoted-insert.
    if (isCtrl && event.key.toLowerCase() === 'v') return false;
    // Ctrl+C copies when text is selected, and interrupts (^C) otherwise, as in VS Code's terminal.
    if (isCtrl && event.key.toLowerCase() === 'c' && terminal.hasSelection()) {
      if (event.type === 'keydown') void navigator.clipboard?.writeText(terminal.getSelection()).catch(() => undefined);
      return false;
    }
    return true;
  });

  let session: TerminalSession | undefined;
  let frame = 0;
  const refit = (): void => {
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(() => {
      if (host.clientWidth > 0 && host.clientHeight > 0) fit.fit();
    });
  };
  refit();
  const resizes = new ResizeObserver(refit);
  resizes.observe(host);
  const retheme = (): void => {
    terminal.options.theme = readTheme(host);
  };
  const themes = new MutationObserver(retheme);
  themes.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme', 'class', 'style'] });
  const scheme = matchMedia('(prefers-color-scheme: dark)');
  scheme.addEventListener('change', retheme);
  const sizes = terminal.onResize(({ cols }) => session?.resize(cols));
  const keys = terminal.onData((data) => void session?.input(data));

  return {
    attach(backend) {
      terminal.reset();
      session = createTerminalSession(backend, { write: (data) => terminal.write(data), columns: terminal.cols });
    },
    setScreenReader(isOn) {
      terminal.options.screenReaderMode = isOn;
    },
    setLabel,
    focus: () => terminal.focus(),
    dispose() {
      cancelAnimationFrame(frame);
      resizes.disconnect();
      themes.disconnect();
      scheme.removeEventListener('change', retheme);
      sizes.dispose();
      keys.dispose();
      terminal.dispose();
    },
    get session() {
      return session;
    },
  };
}
