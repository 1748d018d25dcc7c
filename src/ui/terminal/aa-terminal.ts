// <aa-terminal>: the custom element pages emit for a bash-like terminal on the simulated node. This module
// is the small part a page imports: attributes, the `backend` property, a screen-reader toggle; xterm.js
// itself is loaded by dynamic import() when the element connects (./xterm-view.ts).
import type { TerminalBackend } from './backend.ts';
import type { XtermView } from './xterm-view.ts';

const PREFERENCE_KEY = 'aa-terminal:screen-reader';

// Layout defaults at zero specificity (:where), so a page's own CSS for the tag always wins.
const DEFAULT_STYLE = `:where(aa-terminal){display:flex;flex-direction:column;min-height:12rem}
:where(aa-terminal)>.aa-terminal-screen{flex:1 1 auto;min-height:0;min-width:0}
:where(aa-terminal)>.aa-terminal-sr-toggle{align-self:flex-end;font:inherit;font-size:.75rem}`;

function addDefaultStyle(): void {
  if (document.getElementById('aa-terminal-style') !== null) return;
  const style = document.createElement('style');
  style.id = 'aa-terminal-style';
  style.textContent = DEFAULT_STYLE;
  document.head.append(style);
}

function storedPreference(): boolean {
  try {
    return localStorage.getItem(PREFERENCE_KEY) === 'on';
  } catch {
    return false; // storage blocked (private mode, sandboxed frame)
  }
}

function storePreference(isOn: boolean): void {
  try {
    localStorage.setItem(PREFERENCE_KEY, isOn ? 'on' : 'off');
  } catch {
    // not remembered, still applied
  }
}

/**
 * The terminal element. Attributes: `label` (accessible name, default "Terminal"), `screen-reader`
 * (xterm's screen reader mode). Sets `data-ready` once xterm is loaded, `data-error` if it failed.
 */
export class AaTerminal extends HTMLElement {
  static observedAttributes = ['screen-reader', 'label'];
  #backend: TerminalBackend | undefined;
  #view: XtermView | undefined;
  #isLoading = false;
  #toggle: HTMLButtonElement | undefined;
  #screen: HTMLDivElement | undefined;

  /** The shell behind the terminal; setting it starts a fresh session. */
  get backend(): TerminalBackend | undefined {
    return this.#backend;
  }

  set backend(backend: TerminalBackend | undefined) {
    this.#backend = backend;
    if (backend !== undefined) this.#view?.attach(backend);
  }

  /** The loaded view (undefined until `data-ready`), for tests. */
  get view(): XtermView | undefined {
    return this.#view;
  }

  get screenReader(): boolean {
    return this.hasAttribute('screen-reader');
  }

  set screenReader(isOn: boolean) {
    this.toggleAttribute('screen-reader', isOn);
  }

  connectedCallback(): void {
    if (this.#screen === undefined) this.#build();
    if (!this.hasAttribute('screen-reader') && storedPreference()) this.screenReader = true;
    this.#syncAttributes();
    if (this.#view === undefined && !this.#isLoading) void this.#load();
  }

  disconnectedCallback(): void {
    this.#view?.dispose();
    this.#view = undefined;
    this.removeAttribute('data-ready');
  }

  attributeChangedCallback(): void {
    this.#syncAttributes();
  }

  override focus(options?: FocusOptions): void {
    if (this.#view !== undefined) this.#view.focus();
    else super.focus(options);
  }

  #build(): void {
    const toggle = document.createElement('button');
    toggle.type = 'button';
    toggle.className = 'aa-terminal-sr-toggle';
    toggle.textContent = 'Screen reader mode';
    toggle.title = 'Read output aloud with your screen reader. Shift+Tab leaves the terminal.';
    toggle.addEventListener('click', () => {
      this.screenReader = !this.screenReader;
      storePreference(this.screenReader);
    });
    const screen = document.createElement('div');
    screen.className = 'aa-terminal-screen';
    addDefaultStyle();
    this.append(toggle, screen);
    this.#toggle = toggle;
    this.#screen = screen;
  }

  #label(): string {
    return this.getAttribute('label') ?? 'Terminal';
  }

  #syncAttributes(): void {
    this.setAttribute('role', 'region');
    this.setAttribute('aria-label', this.#label());
    this.#toggle?.setAttribute('aria-pressed', String(this.screenReader));
    this.#view?.setScreenReader(this.screenReader);
    this.#view?.setLabel(this.#label());
  }

  async #load(): Promise<void> {
    this.#isLoading = true;
    try {
      const { createXtermView } = await import('./xterm-view.ts');
      if (!this.isConnected || this.#screen === undefined) return;
      this.#view = await createXtermView(this.#screen, { isScreenReader: this.screenReader, label: this.#label() });
      if (this.#backend !== undefined) this.#view.attach(this.#backend);
      this.removeAttribute('data-error');
      this.setAttribute('data-ready', '');
      this.dispatchEvent(new Event('aa-terminal-ready', { bubbles: true }));
    } catch (error) {
      // Offline without the chunk cached, or a browser xterm cannot run in: say so in one line.
      const message = error instanceof Error ? error.message : String(error);
      this.setAttribute('data-error', message);
      if (this.#screen !== undefined) this.#screen.textContent = `The terminal could not load: ${message}`;
    } finally {
      this.#isLoading = false;
    }
  }
}

if (typeof customElements !== 'undefined' && customElements.get('aa-terminal') === undefined) {
  customElements.define('aa-terminal', AaTerminal);
}
