// Every built page (the landing page and each doc page, found in dist/) loads cleanly: HTTP 200, a title,
// no console error, no failed request, nothing fetched from outside 127.0.0.1 (checked by the fixture); its
// apparmor fences are token-coloured; and it fits a phone screen without sideways scrolling.
import type { Locator } from '@playwright/test';
import { builtPages, docPages, expect, FIRST_DOC, test } from './site.ts';

test('the page list holds the landing page and the first doc page', () => {
  expect(builtPages()).toContain('/');
  expect(docPages()).toContain(FIRST_DOC);
});

test('the sidebar links every doc page and marks the current one', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(FIRST_DOC);
  const links = await page.locator('#starlight__sidebar a[href^="/docs/"]').evaluateAll((anchors) =>
    anchors.map((anchor) => anchor.getAttribute('href') ?? ''),
  );
  expect([...links].sort()).toEqual(docPages());
  await expect(page.locator('#starlight__sidebar a[aria-current="page"]')).toHaveAttribute('href', FIRST_DOC);
});

async function distinctColours(block: Locator): Promise<number> {
  const colours = await block.locator('.ec-line span').evaluateAll((spans) =>
    spans.filter((span) => (span.textContent ?? '').trim() !== '').map((span) => getComputedStyle(span).color),
  );
  return new Set(colours).size;
}

for (const path of builtPages()) {
  test(`${path} loads cleanly, colours its apparmor fences and fits a phone screen`, async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    const response = await page.goto(path);
    expect(response?.status()).toBe(200);
    await expect(page.locator('h1').first()).toBeVisible();
    await page.waitForLoadState('networkidle');

    for (const block of await page.locator('.expressive-code pre[data-language="apparmor"]').all()) {
      expect(await distinctColours(block), await block.innerText()).toBeGreaterThanOrEqual(2);
    }

    await page.setViewportSize({ width: 375, height: 740 });
    const { scrollWidth, clientWidth } = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      clientWidth: document.documentElement.clientWidth,
    }));
    expect(scrollWidth, 'page width on a 375px screen').toBeLessThanOrEqual(clientWidth);
  });
}
