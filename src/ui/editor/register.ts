/**
 * The thin Monaco adapter of the language services: registers the `apparmor` language (configuration,
 * Shiki tokens from the site's TextMate grammar, completion, hover, quick fixes, folding). Monaco itself is
 * passed in by monaco-runtime.ts, which loads it lazily; this module only imports its types.
 */
import type * as Monaco from 'monaco-editor/editor/editor.api.js';
import { LANGUAGE_CONFIGURATION, LANGUAGE_ID, foldingRanges } from './apparmor-language.ts';
import type { Analysis } from './analysis.ts';
import { completeAt, type CompletionKind } from './completion.ts';
import { hoverAt } from './hover.ts';
import { diagnosticsToMarkers } from './markers.ts';
import { quickFixesFor } from './quick-fixes.ts';

/** The Monaco API namespace. */
export type MonacoApi = typeof Monaco;

const analyses = new WeakMap<Monaco.editor.ITextModel, Analysis>();

/**
 * Records the latest analysis of a model, for hover (variables) and quick fixes (diagnostics).
 * @param model - the model
 * @param analysis - `analyse(model.getValue())`
 */
export function setAnalysis(model: Monaco.editor.ITextModel, analysis: Analysis): void {
  analyses.set(model, analysis);
}

function toRange(model: Monaco.editor.ITextModel, monaco: MonacoApi, [start, end]: readonly [number, number]): Monaco.Range {
  const from = model.getPositionAt(start);
  const to = model.getPositionAt(end);
  return new monaco.Range(from.lineNumber, from.column, to.lineNumber, to.column);
}

function completionKind(monaco: MonacoApi, kind: CompletionKind): Monaco.languages.CompletionItemKind {
  const kinds = monaco.languages.CompletionItemKind;
  const table: Record<CompletionKind, Monaco.languages.CompletionItemKind> = {
    keyword: kinds.Keyword, snippet: kinds.Snippet, permission: kinds.EnumMember, value: kinds.Value,
    variable: kinds.Variable, file: kinds.File, flag: kinds.Property,
  };
  return table[kind];
}

function registerCompletion(monaco: MonacoApi): void {
  monaco.languages.registerCompletionItemProvider(LANGUAGE_ID, {
    triggerCharacters: [' ', '<', '{', '(', '/', '='],
    provideCompletionItems(model, position, context) {
      const text = model.getValue();
      const offset = model.getOffsetAt(position);
      const result = completeAt(text, offset, analyses.get(model)?.variables.keys() ?? []);
      // A space at the start of a statement is indentation, not a request for the keyword list.
      const isIndent = context.triggerCharacter === ' ' && /^\s*$/.test(model.getLineContent(position.lineNumber).slice(0, position.column - 1));
      if (isIndent) return { suggestions: [] };
      const range = toRange(model, monaco, result.range);
      return {
        suggestions: result.items.map((item, i) => ({
          label: item.label,
          kind: completionKind(monaco, item.kind),
          insertText: item.insertText,
          ...(item.isSnippet ? { insertTextRules: monaco.languages.CompletionItemInsertTextRule.InsertAsSnippet } : {}),
          ...(item.detail ? { detail: item.detail } : {}),
          ...(item.documentation ? { documentation: item.documentation } : {}),
          sortText: String(i).padStart(4, '0'),
          range,
        })),
      };
    },
  });
}

function registerHover(monaco: MonacoApi): void {
  monaco.languages.registerHoverProvider(LANGUAGE_ID, {
    provideHover(model, position) {
      const analysis = analyses.get(model);
      const hover = hoverAt(model.getValue(), model.getOffsetAt(position), analysis ? { variables: analysis.variables } : {});
      return hover ? { contents: [{ value: hover.markdown }], range: toRange(model, monaco, hover.range) } : null;
    },
  });
}

function registerQuickFixes(monaco: MonacoApi): void {
  monaco.languages.registerCodeActionProvider(LANGUAGE_ID, {
    provideCodeActions(model, _range, context) {
      const analysis = analyses.get(model);
      if (!analysis || analysis.text !== model.getValue()) return { actions: [], dispose: () => undefined };
      const markers = diagnosticsToMarkers(analysis.text, analysis.diagnostics);
      const actions: Monaco.languages.CodeAction[] = [];
      analysis.diagnostics.forEach((diagnostic, i) => {
        const marker = markers[i];
        const shown = context.markers.find((m) => marker && m.startLineNumber === marker.startLineNumber
          && m.startColumn === marker.startColumn && m.message === marker.message);
        if (!shown) return;
        for (const fix of quickFixesFor(analysis.text, diagnostic)) {
          actions.push({
            title: fix.title, kind: 'quickfix', diagnostics: [shown], isPreferred: fix.isPreferred,
            edit: { edits: fix.edits.map((edit) => ({ resource: model.uri, versionId: undefined, textEdit: { range: toRange(model, monaco, edit.range), text: edit.text } })) },
          });
        }
      });
      return { actions, dispose: () => undefined };
    },
  }, { providedCodeActionKinds: ['quickfix'] });
}

/**
 * Registers the `apparmor` language and its providers once per Monaco instance.
 *
 * @param monaco - the loaded Monaco API
 */
export function registerApparmorLanguage(monaco: MonacoApi): void {
  if (monaco.languages.getLanguages().some((l) => l.id === LANGUAGE_ID)) return;
  monaco.languages.register({ id: LANGUAGE_ID, extensions: ['.apparmor'], aliases: ['AppArmor', 'apparmor'] });
  monaco.languages.setLanguageConfiguration(LANGUAGE_ID, LANGUAGE_CONFIGURATION);
  monaco.languages.registerFoldingRangeProvider(LANGUAGE_ID, {
    provideFoldingRanges: (model) => foldingRanges(model.getValue()).map((r) => ({ ...r, kind: monaco.languages.FoldingRangeKind.Region })),
  });
  registerCompletion(monaco);
  registerHover(monaco);
  registerQuickFixes(monaco);
}

/**
 * Sets the markers of a model from its analysis.
 *
 * @param monaco - the Monaco API
 * @param model - the model the analysis was computed from
 * @param analysis - the analysis
 */
export function applyMarkers(monaco: MonacoApi, model: Monaco.editor.ITextModel, analysis: Analysis): void {
  setAnalysis(model, analysis);
  const markers = diagnosticsToMarkers(analysis.text, analysis.diagnostics).map((marker) => ({
    ...marker,
    code: { value: marker.code.value, target: monaco.Uri.parse(new URL(marker.code.target, globalThis.location.href).href) },
  }));
  monaco.editor.setModelMarkers(model, LANGUAGE_ID, markers);
}
