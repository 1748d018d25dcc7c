// The theme tweak that keeps AppArmor paths and permissions apart in light themes (checked in the browser
// by tests/e2e/highlight.spec.ts; here only which themes it touches).
import { describe, expect, it } from 'vitest';
import type { ExpressiveCodeTheme } from '@astrojs/starlight/expressive-code';
import { customizeApparmorColours } from '../../src/syntax/code-theme.ts';

function fakeTheme(type: 'dark' | 'light'): ExpressiveCodeTheme {
  return { name: `fake-${type}`, type, settings: [] } as unknown as ExpressiveCodeTheme;
}

describe('customizeApparmorColours', () => {
  it('gives AppArmor paths their own colour in a light theme', () => {
    const theme = fakeTheme('light');
    customizeApparmorColours(theme);
    expect(theme.settings).toHaveLength(1);
    expect(theme.settings[0]?.scope).toContain('string.unquoted.path.apparmor');
    expect(theme.settings[0]?.settings.foreground).toMatch(/^#[0-9A-F]{6}$/i);
  });

  it('leaves a dark theme alone', () => {
    const theme = fakeTheme('dark');
    customizeApparmorColours(theme);
    expect(theme.settings).toEqual([]);
  });
});
