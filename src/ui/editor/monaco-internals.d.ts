// Monaco's editor contributions imported for their side effects only (they register themselves). The ESM
// build ships no declarations for these internal paths; the feature registers (features/*/register.js) of
// 0.57 leave them out, so monaco-runtime.ts imports them as editor.main.js does.
declare module 'monaco-editor/editor/contrib/suggest/browser/suggestController.js';
declare module 'monaco-editor/editor/browser/coreCommands.js';
