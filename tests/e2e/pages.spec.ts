// Every built page (the landing page and each doc page, found in dist/) loads cleanly: HTTP 200, a title,
// no console error, no failed request, nothing fetched from outside 127.0.0.1 (checked by the fixture).
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

for (const path of builtPages()) {
  test(`${path} loads with no console error, failed request or external request`, async ({ page }) => {
    const response = await page.goto(path);
    expect(response?.status()).toBe(200);
    await expect(page.locator('h1').first()).toBeVisible();
    await page.waitForLoadState('networkidle');
  });
}
