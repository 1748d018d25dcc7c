/**
 * `<aa-editor world="playground" file="profile">`: the profile editor island. The page renders the default
 * text in a `<pre>` child (readable without JavaScript); on connect the element loads Monaco and the engine
 * by dynamic import, restores the learner's saved text, and keeps markers, storage and listeners up to date.
 * It is the thin adapter: every language decision lives in the pure modules next to it.
 */
import type * as Monaco from 'monaco-editor/editor/editor.api.js';
import type { Analysis } from './analysis.ts';
import type { AnalysisResponse } from './analysis-worker.ts';
import type { MonacoApi } from './register.ts';
import { createTextStore, type TextStore } from './store.ts';

/** How long typing must pause before the document is re-checked and saved. */
const DEBOUNCE_MS = 120;

/** A range to highlight in the editor, `[start, end)` offsets. */
export type EditorHighlight = { range: readonly [number, number]; kind: 'deciding' | 'match' };

/** The event fired after each re-check: `detail.analysis` is the new analysis. */
export const CHANGE_EVENT = 'aa-editor-change';

/** The profile editor element. */
export class AaEditor extends HTMLElement {
  #monaco: MonacoApi | undefined;
  #editor: Monaco.editor.IStandaloneCodeEditor | undefined;
  #analysis: Analysis | undefined;
  #worker: Worker | undefined;
  #store: TextStore | undefined;
  #defaultText = '';
  #timer: ReturnType<typeof setTimeout> | undefined;
  #highlights: Monaco.editor.IEditorDecorationsCollection | undefined;
  #themeObserver: MutationObserver | undefined;

  connectedCallback(): void {
    this.#defaultText = this.querySelector('pre')?.textContent ?? '';
    this.#store = createTextStore(this.getAttribute('world') ?? 'playground', this.getAttribute('file') ?? 'profile');
    void this.#mount();
  }

  disconnectedCallback(): void {
    clearTimeout(this.#timer);
    this.#worker?.terminate();
    this.#themeObserver?.disconnect();
    this.#editor?.getModel()?.dispose();
    this.#editor?.dispose();
    this.#editor = undefined;
  }

  /** @returns the current text (the default text until Monaco has loaded) */
  get value(): string {
    return this.#editor?.getValue() ?? this.#store?.load() ?? this.#defaultText;
  }

  /** Replaces the text (an undoable edit once Monaco has loaded). */
  set value(text: string) {
    const editor = this.#editor;
    const model = editor?.getModel();
    if (editor && model) editor.executeEdits('aa-editor', [{ range: model.getFullModelRange(), text }]);
    else this.#store?.save(text);
  }

  /** @returns Monaco's markers of the model, as the editor shows them (empty before Monaco has loaded) */
  get markers(): Monaco.editor.IMarker[] {
    const model = this.#editor?.getModel();
    return model && this.#monaco ? this.#monaco.editor.getModelMarkers({ resource: model.uri }) : [];
  }

  /** @returns the analysis of the current text, once the engine has loaded */
  get analysis(): Analysis | undefined {
    return this.#analysis;
  }

  /** Puts the page's default text back and forgets the saved one. */
  reset(): void {
    this.#store?.clear();
    this.#editor?.setValue(this.#defaultText);
  }

  /**
   * Highlights rules (the deciding one strongly) and scrolls the first into view; an empty list clears.
   * @param highlights - offset ranges in the current text
   */
  highlight(highlights: readonly EditorHighlight[]): void {
    const editor = this.#editor;
    const model = editor?.getModel();
    const monaco = this.#monaco;
    if (!editor || !model || !monaco) return;
    const decorations = highlights.map(({ range, kind }) => {
      const from = model.getPositionAt(range[0]);
      const to = model.getPositionAt(range[1]);
      return {
        range: new monaco.Range(from.lineNumber, from.column, to.lineNumber, to.column),
        options: { className: `aa-rule-${kind}`, linesDecorationsClassName: `aa-rule-${kind}-gutter`, stickiness: 1 },
      };
    });
    this.#highlights?.clear();
    this.#highlights = editor.createDecorationsCollection(decorations);
    const first = decorations.find((_, i) => highlights[i]?.kind === 'deciding') ?? decorations[0];
    if (first) editor.revealRangeInCenterIfOutsideViewport(first.range);
  }

  async #mount(): Promise<void> {
    const { loadMonaco, siteTheme } = await import('./monaco-runtime.ts');
    const monaco = await loadMonaco();
    if (!this.isConnected) return;
    this.#monaco = monaco;
    const host = document.createElement('div');
    host.className = 'aa-editor-host';
    this.replaceChildren(host);
    const editor = monaco.editor.create(host, {
      value: this.#store?.load() ?? this.#defaultText,
      language: 'apparmor',
      theme: siteTheme(),
      automaticLayout: true,
      minimap: { enabled: false },
      scrollBeyondLastLine: false,
      fontSize: 14,
      tabSize: 2,
      renderWhitespace: 'none',
      renderLineHighlightOnlyWhenFocus: true,
      fixedOverflowWidgets: true,
      ariaLabel: 'AppArmor profile editor',
    });
    this.#editor = editor;
    const recheck = await this.#createChecker(monaco, editor);
    let isUnsaved = false;
    editor.onDidChangeModelContent(() => {
      isUnsaved = true;
      this.#highlights?.clear();
      clearTimeout(this.#timer);
      this.#timer = setTimeout(() => {
        this.#store?.save(editor.getValue());
        isUnsaved = false;
        recheck();
      }, DEBOUNCE_MS);
    });
    // Leaving within the debounce must not lose the last keystrokes.
    addEventListener('pagehide', () => {
      if (isUnsaved) this.#store?.save(editor.getValue());
    });
    this.#themeObserver = new MutationObserver(() => monaco.editor.setTheme(siteTheme()));
    this.#themeObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
    recheck();
    this.dataset['ready'] = '';
  }

  /**
   * @returns a function that re-checks the editor's text in the analysis worker (one request in flight; a
   *   change meanwhile is checked when it answers) and applies the markers of answers that are still current
   */
  async #createChecker(monaco: MonacoApi, editor: Monaco.editor.IStandaloneCodeEditor): Promise<() => void> {
    const { applyMarkers } = await import('./register.ts');
    const apply = (analysis: Analysis): void => {
      const model = editor.getModel();
      if (!model || analysis.text !== model.getValue()) return;
      this.#analysis = analysis;
      applyMarkers(monaco, model, analysis);
      this.dispatchEvent(new CustomEvent(CHANGE_EVENT, { detail: { analysis }, bubbles: true }));
    };
    try {
      this.#worker = new Worker(new URL('./analysis-worker.ts', import.meta.url), { type: 'module' });
    } catch {
      // No module workers: check on the main thread instead (slower for big profiles, same results).
      const { analyse } = await import('./analysis.ts');
      return () => apply(analyse(editor.getValue()));
    }
    let nextId = 0;
    let inFlight: number | undefined;
    let isDirty = false;
    const send = (): void => {
      inFlight = ++nextId;
      isDirty = false;
      this.#worker?.postMessage({ id: inFlight, text: editor.getValue() });
    };
    this.#worker.onmessage = (event: MessageEvent<AnalysisResponse>) => {
      if (event.data.id !== inFlight) return;
      inFlight = undefined;
      apply(event.data.analysis);
      if (isDirty) send();
    };
    return () => {
      if (inFlight === undefined) send();
      else isDirty = true;
    };
  }
}

if (!customElements.get('aa-editor')) customElements.define('aa-editor', AaEditor);
