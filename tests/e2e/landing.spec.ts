// The landing page says what the site is in one screen and links to the first doc page.
import { expect, FIRST_DOC, test } from './site.ts';

test('the landing page says what AppArmor Lab is and links to the first doc page', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/');
  await expect(page.locator('h1')).toHaveText('AppArmor Lab');
  const tagline = page.locator('.hero .tagline');
  await expect(tagline).toContainText('Kubernetes');
  await expect(tagline).toContainText('CKS');
  await expect(tagline).toContainText('offline');
  const start = page.getByRole('link', { name: 'Start with the basics' });
  await expect(start).toBeInViewport();
  await expect(page.getByText('Why the kernel said no')).toBeInViewport();
  await start.click();
  await expect(page).toHaveURL(FIRST_DOC);
  await expect(page.locator('h1')).toHaveText('What is AppArmor');
});

test('the landing page links only to pages that exist', async ({ page, request }) => {
  await page.goto('/');
  const hrefs = await page.locator('a[href^="/"]').evaluateAll((links) =>
    [...new Set(links.map((link) => link.getAttribute('href') ?? ''))],
  );
  expect(hrefs.length).toBeGreaterThan(1);
  for (const href of hrefs) {
    expect((await request.get(href)).status(), href).toBe(200);
  }
});
