/**
 * `<aa-playground>`: joins the page's `<aa-terminal>` and `<aa-editor>` to one simulated world kept in this
 * browser (a node, or a cluster's control plane: the era switch and `?era=1.14|1.30`). It wires Save (the
 * editor's text into the node), Load on node (typed into the terminal), Reset, and `edit FILE`; the world
 * itself is loaded by dynamic import() so the page stays light.
 */
import type { TerminalBackend } from '../terminal/backend.ts';
import type { PlaygroundBackend, PlaygroundBackendOptions } from './playground-backend.ts';
import { pathAt } from './path-at.ts';
import { createWorldStore, parseEra, type PlaygroundEra, type WorldStore } from './world-store.ts';

type TerminalElement = HTMLElement & {
  backend: TerminalBackend | undefined;
  readonly view?: { readonly session?: { input(data: string): Promise<void>; readonly editor: { readonly text: string } } };
};
type EditorElement = HTMLElement & { value: string; reset(): void };

/** Fired (bubbling) once the node runs and the terminal has loaded, or either failed. */
export const READY_EVENT = 'aa-playground-ready';

/** A path Save and Load accept: absolute, no spaces or shell metacharacters (it is typed into a shell). */
const PATH_PATTERN = /^\/[\w.+@/-]+$/;

/**
 * The playground element. Attributes: `world` (storage name), `file` (the default file), `hostname`. Sets
 * `data-ready` once the node runs behind the terminal, `data-loaded` (and fires READY_EVENT) once the
 * terminal has loaded too.
 */
export class AaPlayground extends HTMLElement {
  #store: WorldStore | undefined;
  #create: ((options: PlaygroundBackendOptions) => PlaygroundBackend) | undefined;
  #backend: PlaygroundBackend | undefined;
  #era: PlaygroundEra = 'single';

  /** The backend over the current world (undefined until `data-ready`), for tests. */
  get backend(): PlaygroundBackend | undefined {
    return this.#backend;
  }

  connectedCallback(): void {
    if (this.#store !== undefined) return;
    this.#store = createWorldStore(this.getAttribute('world') ?? 'playground');
    this.#setPath(this.#store.editing.load() ?? this.#defaultPath());
    this.#part('path')?.addEventListener('input', () => this.#setPath(this.#pathInput()?.value ?? ''));
    this.#part('save')?.addEventListener('click', () => void this.#save());
    this.#part('load')?.addEventListener('click', () => void this.#loadOnNode());
    this.#part('reset')?.addEventListener('click', () => void this.#reset());
    this.#chooseEra(this.#store);
    this.#eraSelect()?.addEventListener('change', () => void this.#switchEra(parseEra(this.#eraSelect()?.value) ?? 'single'));
    this.#listenForPathClicks();
    void this.#start();
  }

  /** A click (not a drag that selects) on a path a command printed opens that file in the editor. */
  #listenForPathClicks(): void {
    let down = { x: Number.NaN, y: Number.NaN };
    this.addEventListener('mousedown', (event) => void (down = { x: event.clientX, y: event.clientY }));
    this.addEventListener('click', (event) => {
      if (Math.abs(event.clientX - down.x) > 3 || Math.abs(event.clientY - down.y) > 3) return;
      const terminal = this.querySelector('aa-terminal');
      if (!terminal?.contains(event.target as Node)) return;
      const path = clickedPath(terminal, event.clientX, event.clientY);
      const file = path === undefined ? undefined : this.#backend?.readFile(path);
      if (file !== undefined) this.#open(file.path, file.text);
    });
  }

  #open(path: string, text: string): void {
    this.#setPath(path);
    this.#status(`Editing ${path}.`);
    void this.#editor().then((editor) => {
      if (editor) editor.value = text;
    });
  }

  #eraSelect(): HTMLSelectElement | null {
    return this.querySelector('select[data-part="era"]');
  }

  /** The stored era, unless the URL asks for another (a docs link to a ready cluster) and the learner agrees. */
  #chooseEra(store: WorldStore): void {
    const stored = store.era.load() ?? 'single';
    const asked = parseEra(new URLSearchParams(location.search).get('era'));
    this.#era = asked !== undefined && asked !== stored && this.#mayDiscard(asked) ? asked : stored;
    if (this.#era !== stored) {
      store.clear();
      store.era.save(this.#era);
    }
    this.#showEra();
  }

  /** @returns true when the current world has no history or the learner confirms starting a new one */
  #mayDiscard(era: PlaygroundEra): boolean {
    if ((this.#store?.history.load().length ?? 0) === 0) return true;
    return confirm(`Switch to ${eraName(era)}? This starts a new world: the current node, cluster and terminal history are discarded (the editor keeps its text).`);
  }

  /** The select, the intro paragraph, the terminal's name and the URL follow the era. */
  #showEra(): void {
    const select = this.#eraSelect();
    if (select) select.value = this.#era;
    for (const intro of document.querySelectorAll<HTMLElement>('[data-era-intro]')) {
      intro.hidden = intro.dataset['eraIntro'] !== this.#era;
    }
    this.querySelector('aa-terminal')?.setAttribute('label', `Terminal on ${this.#hostname()}`);
    const url = new URL(location.href);
    if (this.#era === 'single') url.searchParams.delete('era');
    else url.searchParams.set('era', this.#era);
    if (url.href !== location.href) history.replaceState(history.state, '', url);
  }

  #hostname(): string {
    return this.#era === 'single' ? this.getAttribute('hostname') ?? 'node-1' : 'controlplane';
  }

  async #switchEra(era: PlaygroundEra): Promise<void> {
    if (era === this.#era) return;
    if (!this.#mayDiscard(era)) {
      this.#showEra();
      return;
    }
    this.#era = era;
    this.#store?.clear();
    this.#store?.era.save(era);
    this.#showEra();
    await this.#attach();
    this.#status(`Now on ${eraName(era)}.`);
    (await this.#terminal())?.focus();
  }

  #part(name: string): HTMLElement | null {
    return this.querySelector(`[data-part="${name}"]`);
  }

  #pathInput(): HTMLInputElement | null {
    return this.querySelector('input[data-part="path"]');
  }

  #defaultPath(): string {
    return this.getAttribute('file') ?? '/etc/apparmor.d/profile';
  }

  #status(text: string): void {
    const status = this.#part('status');
    if (status) status.textContent = text;
  }

  #setPath(path: string): void {
    const input = this.#pathInput();
    if (input && input.value !== path) input.value = path;
    const label = this.#part('save-label');
    if (label) label.textContent = path;
    this.#store?.editing.save(path);
  }

  async #terminal(): Promise<TerminalElement | null> {
    // Setting `backend` before <aa-terminal> is defined would shadow its setter with a plain property.
    await customElements.whenDefined('aa-terminal');
    return this.querySelector<TerminalElement>('aa-terminal');
  }

  async #editor(): Promise<EditorElement | null> {
    // <aa-editor> is defined late (after the terminal is ready, see ProfileEditor.astro).
    await customElements.whenDefined('aa-editor');
    return this.querySelector<EditorElement>('aa-editor');
  }

  /** Resolves once the terminal has loaded xterm (or failed to). */
  async #terminalLoaded(terminal: TerminalElement | null): Promise<void> {
    if (terminal === null || terminal.hasAttribute('data-ready') || terminal.hasAttribute('data-error')) return;
    await new Promise<void>((resolve) => {
      terminal.addEventListener('aa-terminal-ready', () => resolve(), { once: true });
      new MutationObserver((_, observer) => {
        if (terminal.hasAttribute('data-error')) {
          observer.disconnect();
          resolve();
        }
      }).observe(terminal, { attributes: true, attributeFilter: ['data-error'] });
    });
  }

  async #start(): Promise<void> {
    try {
      const { createPlaygroundBackend } = await import('./playground-backend.ts');
      this.#create = createPlaygroundBackend;
      await this.#attach();
      this.setAttribute('data-ready', '');
      await this.#terminalLoaded(await this.#terminal());
    } catch (error) {
      this.#status(`The node could not start: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      // The editor waits for this, so Monaco's many chunks do not delay the first command.
      this.setAttribute('data-loaded', '');
      this.dispatchEvent(new Event(READY_EVENT, { bubbles: true }));
    }
  }

  async #attach(): Promise<void> {
    const terminal = await this.#terminal();
    if (this.#create === undefined || this.#store === undefined) return;
    this.#backend = this.#create({
      store: this.#store,
      hostname: this.getAttribute('hostname') ?? 'node-1',
      era: this.#era,
      onEdit: (path, text) => this.#open(path, text),
      onNotice: (text) => this.#status(text),
    });
    if (terminal) terminal.backend = this.#backend;
  }

  /** @returns the path written, or undefined (the reason is in the status line) */
  async #save(): Promise<string | undefined> {
    const editor = await this.#editor();
    const path = this.#pathInput()?.value.trim() ?? '';
    if (!PATH_PATTERN.test(path)) {
      this.#status('Give an absolute path without spaces, e.g. /etc/apparmor.d/my-profile.');
      return undefined;
    }
    if (this.#backend === undefined || editor === null) {
      this.#status('The node is still starting.');
      return undefined;
    }
    const problem = this.#backend.writeFile(path, editor.value);
    this.#setPath(path);
    this.#status(problem === undefined ? `Saved to ${path}.` : `Not saved: ${problem}.`);
    return problem === undefined ? path : undefined;
  }

  async #loadOnNode(): Promise<void> {
    const path = await this.#save();
    if (path === undefined) return;
    const terminal = await this.#terminal();
    const session = terminal?.view?.session;
    if (!terminal || !session) {
      this.#status('The terminal is still loading.');
      return;
    }
    // An unfinished line goes to the kill ring (Ctrl-E Ctrl-U) rather than being lost: Ctrl-Y brings it back.
    const hasLine = session.editor.text !== '';
    terminal.focus();
    await session.input(`${hasLine ? '\x05\x15' : ''}apparmor_parser -r ${path}\r`);
    this.#status(hasLine ? `Loaded ${path}. Your unfinished line is in the kill ring: Ctrl-Y brings it back.` : `Ran apparmor_parser -r ${path} in the terminal.`);
  }

  async #reset(): Promise<void> {
    if (!confirm('Reset the playground? The node (or cluster), its history and the editor go back to the start.')) return;
    const editor = await this.#editor();
    this.#store?.clear();
    editor?.reset();
    this.#setPath(this.#defaultPath());
    await this.#attach();
    this.#status('The playground is back to the start.');
  }
}

/** The era as the switch names it, for a confirmation or a status line. */
function eraName(era: PlaygroundEra): string {
  return era === 'single' ? 'a single node' : `a Kubernetes v${era} cluster`;
}

/**
 * The path under a point of xterm's DOM rows (one span per run of same-styled monospace cells).
 * @returns the path, or undefined when the point is not on one
 */
function clickedPath(terminal: Element, x: number, y: number): string | undefined {
  for (const row of terminal.querySelectorAll('.xterm-rows > div')) {
    const box = row.getBoundingClientRect();
    if (y < box.top || y >= box.bottom) continue;
    let offset = 0;
    for (const span of row.childNodes) {
      const text = span.textContent ?? '';
      const range = document.createRange();
      range.selectNodeContents(span);
      const rect = range.getBoundingClientRect();
      if (x >= rect.left && x < rect.right && text.length > 0) {
        return pathAt(row.textContent ?? '', offset + Math.floor(((x - rect.left) / rect.width) * text.length));
      }
      offset += text.length;
    }
    return undefined;
  }
  return undefined;
}

if (typeof customElements !== 'undefined' && customElements.get('aa-playground') === undefined) {
  customElements.define('aa-playground', AaPlayground);
}
