// Code fences are token-coloured on the built site: our apparmor grammar through Expressive Code, and the
// bundled YAML and shell grammars.
import type { Locator } from '@playwright/test';
import { expect, test } from './site.ts';

/** The computed colour of each span of a code block, keyed by the span's text. */
async function spanColours(block: Locator): Promise<Map<string, string>> {
  const pairs = await block.locator('.ec-line span').evaluateAll((spans) =>
    spans.map((span) => [span.textContent ?? '', getComputedStyle(span).color] as const),
  );
  return new Map(pairs.filter(([text]) => text.trim() !== ''));
}

function colourOf(colours: Map<string, string>, text: string): string {
  const colour = colours.get(text);
  expect(colour, `a span with the text ${JSON.stringify(text)}`).toBeDefined();
  return colour!;
}

for (const theme of ['dark', 'light'] as const) {
  test.describe(`in the ${theme} theme`, () => {
    test.beforeEach(async ({ page }) => {
      await page.setViewportSize({ width: 1280, height: 800 });
      await page.goto('/');
      await page.locator('header starlight-theme-select select').selectOption(theme);
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    });

    test('an apparmor fence colours keywords, paths, permissions and comments differently', async ({ page }) => {
      const colours = await spanColours(page.locator('.expressive-code pre[data-language="apparmor"]').first());
      const comment = colourOf(colours, '# Deny all file writes.');
      const path = colourOf(colours, '/');
      const permission = colourOf(colours, 'w');
      for (const keyword of ['profile', 'deny']) {
        expect(new Set([colourOf(colours, keyword), path, permission, comment]).size, keyword).toBe(4);
      }
    });

    test('YAML and shell fences are highlighted too', async ({ page }) => {
      const minimum = { yaml: 3, sh: 2 };
      for (const [language, least] of Object.entries(minimum)) {
        const block = page.locator(`.expressive-code pre[data-language="${language}"]`).first();
        const distinct = new Set((await spanColours(block)).values());
        expect(distinct.size, `${language} colours`).toBeGreaterThanOrEqual(least);
      }
    });
  });
}
