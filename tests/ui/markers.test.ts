// Diagnostic → Monaco marker mapping (src/ui/editor/markers.ts): 1-based lines and columns, exact ranges.
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/apparmor/index.ts';
import { diagnosticLink, diagnosticsToMarkers } from '../../src/ui/editor/markers.ts';
import { analyse } from '../../src/ui/editor/analysis.ts';

const diag = (range: [number, number], extra: Partial<Diagnostic> = {}): Diagnostic => ({
  code: 'MISSING_COMMA', severity: 'error', message: 'm', range, ...extra,
});

describe('diagnosticsToMarkers', () => {
  it('maps offsets to 1-based lines and columns with an exclusive end column', () => {
    const text = 'profile p {\n  capability foo,\n}\n';
    const [marker] = diagnosticsToMarkers(text, [diag([25, 28], { code: 'UNKNOWN_CAPABILITY' })]);
    expect(marker).toMatchObject({ startLineNumber: 2, startColumn: 14, endLineNumber: 2, endColumn: 17, severity: 8 });
    expect(text.split('\n')[1]?.slice(13, 16)).toBe('foo');
  });

  it('keeps ranges that span lines', () => {
    const [marker] = diagnosticsToMarkers('a\nbc\nd', [diag([1, 5])]);
    expect(marker).toMatchObject({ startLineNumber: 1, startColumn: 2, endLineNumber: 3, endColumn: 1 });
  });

  it('widens an empty range one character forward so the squiggle is visible', () => {
    const [marker] = diagnosticsToMarkers('abc', [diag([1, 1])]);
    expect(marker).toMatchObject({ startLineNumber: 1, startColumn: 2, endColumn: 3 });
  });

  it('widens an empty range at the end of a line backwards onto the last character', () => {
    const [marker] = diagnosticsToMarkers('ab\ncd', [diag([2, 2])]);
    expect(marker).toMatchObject({ startLineNumber: 1, startColumn: 2, endLineNumber: 1, endColumn: 3 });
  });

  it('clamps ranges past the end of the text', () => {
    const [marker] = diagnosticsToMarkers('ab', [diag([1, 99])]);
    expect(marker).toMatchObject({ startColumn: 2, endColumn: 3, endLineNumber: 1 });
  });

  it('maps severities to Monaco values: error 8, warning 4, info 2', () => {
    const markers = diagnosticsToMarkers('abc', [diag([0, 1]), diag([0, 1], { severity: 'warning' }), diag([0, 1], { severity: 'info' })]);
    expect(markers.map((m) => m.severity)).toEqual([8, 4, 2]);
  });

  it('links the code to its section of the diagnostics reference', () => {
    const [marker] = diagnosticsToMarkers('abc', [diag([0, 1], { code: 'QUIET_DENY' })]);
    expect(marker?.code).toEqual({ value: 'QUIET_DENY', target: '/docs/reference/diagnostics/#quiet_deny' });
    expect(diagnosticLink('MISSING_COMMA')).toBe('/docs/reference/diagnostics/#missing_comma');
  });

  it('shows a diagnostic about an included file on the include that names it, with the file named', () => {
    const text = '#include <tunables/global>\nprofile p {\n  #include <abstractions/x>\n}\n';
    const [marker] = diagnosticsToMarkers(text, [diag([500, 510], { file: '/etc/apparmor.d/abstractions/x', message: 'bad' })]);
    expect(marker).toMatchObject({ startLineNumber: 3, startColumn: 3, endLineNumber: 3, endColumn: 28, message: '/etc/apparmor.d/abstractions/x: bad' });
  });

  it('shows a diagnostic of a nested include on the first include, or at the start without includes', () => {
    const text = 'include <tunables/global>\nprofile p {}\n';
    const nested = diag([5, 6], { file: '/etc/apparmor.d/tunables/home' });
    expect(diagnosticsToMarkers(text, [nested])[0]).toMatchObject({ startLineNumber: 1, startColumn: 1, endColumn: 26 });
    expect(diagnosticsToMarkers('profile p {}\n', [nested])[0]).toMatchObject({ startLineNumber: 1, startColumn: 1, endColumn: 2 });
  });

  it('puts the engine message for a rule missing its comma on the token where the parser stopped', () => {
    const text = 'profile p {\n  capability chown\n}\n';
    const { diagnostics } = analyse(text);
    const markers = diagnosticsToMarkers(text, diagnostics);
    expect(markers).toHaveLength(1);
    expect(markers[0]?.message).toBe(diagnostics[0]?.message);
    expect(markers[0]).toMatchObject({ startLineNumber: 3, startColumn: 1, endColumn: 2 });
    expect(analyse('profile p {\n  capability chown,\n}\n').diagnostics).toEqual([]);
  });
});
