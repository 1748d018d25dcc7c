/// <reference types="vite/client" />
/**
 * Loads Monaco the first time an editor connects: the editor API, only the editor features we use, its
 * worker bundled by Vite (no CDN), the `apparmor` language, and colours from the site's TextMate grammar via
 * Shiki's Monaco bridge with the JavaScript regex engine (no WASM). Everything is a dynamic import (DESIGN.md
 * §2 rule 3), so pages that never show an editor never download it.
 */
import { LANGUAGE_ID } from './apparmor-language.ts';
import { registerApparmorLanguage, type MonacoApi } from './register.ts';

/** Monaco theme names for the site's `data-theme`. */
export const THEMES = { dark: 'night-owl', light: 'night-owl-light' } as const;

// Starlight's code blocks use Night Owl; code-theme.ts gives AppArmor paths the light theme's quoted-string
// colour so `/tmp/** rw,` does not paint path and permissions alike. The editor does the same.
const LIGHT_PATH_RULE = {
  scope: ['string.unquoted.path.apparmor', 'string.unquoted.value.apparmor'],
  settings: { foreground: '#984E4D' },
};

let loading: Promise<MonacoApi> | undefined;

/**
 * @returns the Monaco API with the `apparmor` language registered; loaded once per page
 */
export function loadMonaco(): Promise<MonacoApi> {
  loading ??= load();
  return loading;
}

/** @returns the Monaco theme for the site's current light/dark setting */
export function siteTheme(): string {
  return document.documentElement.dataset['theme'] === 'light' ? THEMES.light : THEMES.dark;
}

async function loadFeatures(): Promise<void> {
  await Promise.all([
    import('monaco-editor/features/bracketMatching/register.js'),
    import('monaco-editor/features/clipboard/register.js'),
    import('monaco-editor/features/codeAction/register.js'),
    import('monaco-editor/features/codicon/register.js'),
    import('monaco-editor/features/comment/register.js'),
    import('monaco-editor/features/contextmenu/register.js'),
    import('monaco-editor/features/cursorUndo/register.js'),
    import('monaco-editor/features/find/register.js'),
    import('monaco-editor/features/folding/register.js'),
    import('monaco-editor/features/gotoError/register.js'),
    import('monaco-editor/features/hover/register.js'),
    import('monaco-editor/features/indentation/register.js'),
    import('monaco-editor/features/linesOperations/register.js'),
    import('monaco-editor/features/multicursor/register.js'),
    import('monaco-editor/features/snippet/register.js'),
    import('monaco-editor/features/suggest/register.js'),
    import('monaco-editor/features/wordHighlighter/register.js'),
    import('monaco-editor/features/wordOperations/register.js'),
    // The suggest feature register only brings inline completions; the widget is this controller.
    import('monaco-editor/editor/contrib/suggest/browser/suggestController.js'),
    import('monaco-editor/editor/browser/coreCommands.js'),
  ]);
}

async function registerTokens(monaco: MonacoApi): Promise<void> {
  const [{ createHighlighterCore }, { createJavaScriptRegexEngine }, { shikiToMonaco }, dark, light, grammar] = await Promise.all([
    import('shiki/core'),
    import('shiki/engine/javascript'),
    import('@shikijs/monaco'),
    import('shiki/themes/night-owl.mjs'),
    import('shiki/themes/night-owl-light.mjs'),
    import('../../syntax/apparmor.tmLanguage.json'),
  ]);
  const lightTheme = { ...light.default, tokenColors: [...(light.default.tokenColors ?? []), LIGHT_PATH_RULE] };
  const highlighter = await createHighlighterCore({
    themes: [dark.default, lightTheme],
    langs: [{ ...(grammar.default as object), name: LANGUAGE_ID } as never],
    engine: createJavaScriptRegexEngine(),
  });
  // The bridge is typed against monaco-editor-core, which is the same API as monaco-editor's ESM build.
  shikiToMonaco(highlighter, monaco as never);
}

async function load(): Promise<MonacoApi> {
  const { default: EditorWorker } = await import('monaco-editor/editor/editor.worker.js?worker');
  globalThis.MonacoEnvironment = { getWorker: () => new EditorWorker() };
  const monaco = await import('monaco-editor/editor/editor.api.js');
  await loadFeatures();
  registerApparmorLanguage(monaco);
  await registerTokens(monaco);
  return monaco;
}
