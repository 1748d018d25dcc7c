// Pagefind search, used as a reader would: open the search dialog, type, read the results.
import { expect, test } from './site.ts';

for (const term of ['localhostProfile', 'aa-logprof']) {
  test(`searching for ${term} finds a doc page that mentions it`, async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto('/');
    await page.getByRole('button', { name: 'Search' }).click();
    const dialog = page.getByRole('dialog', { name: 'Search' });
    await dialog.getByRole('textbox', { name: 'Search' }).fill(term);
    const result = dialog.locator('.pagefind-ui__result').filter({ hasText: term }).first();
    await expect(result).toBeVisible();
    const link = result.locator('a.pagefind-ui__result-link').first();
    await expect(link).toHaveAttribute('href', /^\/docs\//);
    await link.click();
    await expect(page.locator('main')).toContainText(term);
  });
}
