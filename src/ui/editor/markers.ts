/**
 * Engine diagnostics → Monaco marker data: a pure offset → 1-based line/column mapping (DESIGN.md §5), with
 * the diagnostic code linking to its reference page. No Monaco import: the shapes match `IMarkerData`.
 */
import { LineCounter, type Diagnostic, type Severity } from '../../apparmor/index.ts';

/** Where every diagnostic code is documented; the marker links to `#<code-in-kebab-case>`. */
export const DIAGNOSTICS_PAGE = '/docs/reference/diagnostics/';

/** Monaco's `MarkerSeverity` values (Hint 1, Info 2, Warning 4, Error 8). */
export const MARKER_SEVERITY: Readonly<Record<Severity, 8 | 4 | 2>> = { error: 8, warning: 4, info: 2 };

/** The fields of Monaco's `IMarkerData` we fill, 1-based and end-exclusive in columns. */
export type MarkerData = {
  severity: 8 | 4 | 2 | 1;
  message: string;
  startLineNumber: number;
  startColumn: number;
  endLineNumber: number;
  endColumn: number;
  source: string;
  code: { value: string; target: string };
};

/**
 * @param code - a diagnostic code such as `MISSING_COMMA`
 * @returns the reference page URL with the code's anchor, e.g. `/docs/reference/diagnostics/#missing_comma`
 */
export function diagnosticLink(code: string): string {
  return `${DIAGNOSTICS_PAGE}#${code.toLowerCase()}`;
}

/**
 * Widens an empty range so the squiggle is visible: one character forward, or back when it sits at the end
 * of a line or of the text (an empty marker would draw nothing).
 */
function visibleRange(text: string, start: number, end: number): [number, number] {
  if (end > start) return [start, end];
  const next = text.charCodeAt(start);
  if (start < text.length && next !== 10 && next !== 13) return [start, start + 1];
  if (start > 0 && text.charCodeAt(start - 1) !== 10) return [start - 1, start];
  return [start, start];
}

const INCLUDE = /^[ \t]*#?include(?:\s+if\s+exists)?\s*[<"]([^>"\n]+)[>"]/gm;

/**
 * Where to show a problem found in an included file: the include line that names it (`<abstractions/base>` for
 * `/etc/apparmor.d/abstractions/base`), else the first include (it may come in through a nested one), else the
 * start of the text.
 */
function includeRange(text: string, file: string): [number, number] {
  const includes = [...text.matchAll(INCLUDE)];
  const named = includes.find((m) => file === m[1] || file.endsWith(`/${m[1] ?? ''}`)) ?? includes[0];
  if (!named) return [0, 0];
  const start = named.index + (named[0].length - named[0].trimStart().length);
  return [start, named.index + named[0].length];
}

/**
 * Maps engine diagnostics to Monaco markers. Ranges are clamped to the text; a diagnostic about an included
 * file (`file` set) is shown on the include that brought it in, with the file named, since its range is not ours.
 *
 * @param text - the model's text the diagnostics were computed from
 * @param diagnostics - `checkProfile(text).diagnostics`
 * @returns one marker per diagnostic, in the same order
 * @example diagnosticsToMarkers('profile p {\n  /a r\n}', [{ code: 'MISSING_COMMA', severity: 'error',
 *   message: 'missing ","', range: [18, 18] }])[0]
 *   // → { startLineNumber: 2, startColumn: 6, endLineNumber: 2, endColumn: 7, severity: 8, … } (widened onto `r`)
 */
export function diagnosticsToMarkers(text: string, diagnostics: readonly Diagnostic[]): MarkerData[] {
  const lines = new LineCounter(text);
  return diagnostics.map((diagnostic) => {
    const isElsewhere = diagnostic.file !== undefined;
    const clamp = (offset: number): number => Math.min(Math.max(0, offset), text.length);
    const [rawStart, rawEnd] = isElsewhere ? includeRange(text, diagnostic.file ?? '') : diagnostic.range;
    const start = clamp(rawStart);
    const [from, to] = visibleRange(text, start, Math.max(start, clamp(rawEnd)));
    const first = lines.linePos(from);
    const last = lines.linePos(to);
    return {
      severity: MARKER_SEVERITY[diagnostic.severity],
      message: isElsewhere ? `${diagnostic.file}: ${diagnostic.message}` : diagnostic.message,
      startLineNumber: first.line,
      startColumn: first.col,
      endLineNumber: last.line,
      endColumn: last.col,
      source: 'apparmor',
      code: { value: diagnostic.code, target: diagnosticLink(diagnostic.code) },
    };
  });
}
