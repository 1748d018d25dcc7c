// Starlight's dark/light toggle and mobile menu on our pages (every page's fit on a phone screen is checked
// in pages.spec.ts). Screenshots of the landing page in both themes and on a phone go to /tmp for a human look.
import type { Page } from '@playwright/test';
import { expect, FIRST_DOC, test } from './site.ts';

const background = (page: Page): Promise<string> =>
  page.evaluate(() => getComputedStyle(document.body).backgroundColor);

test('the theme select switches between dark and light and remembers the choice', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/');
  const select = page.locator('header starlight-theme-select select');
  const html = page.locator('html');

  await select.selectOption('light');
  await expect(html).toHaveAttribute('data-theme', 'light');
  const light = await background(page);
  await page.screenshot({ path: '/tmp/apparmor-lab-landing-light.png' });

  await select.selectOption('dark');
  await expect(html).toHaveAttribute('data-theme', 'dark');
  const dark = await background(page);
  await page.screenshot({ path: '/tmp/apparmor-lab-landing-dark.png' });
  expect(dark).not.toBe(light);

  await page.goto(FIRST_DOC);
  await expect(html).toHaveAttribute('data-theme', 'dark');
  await expect(page.locator('header starlight-theme-select select')).toHaveValue('dark');
});

test.describe('on a phone-sized viewport', () => {
  test.use({ viewport: { width: 375, height: 740 }, hasTouch: true });

  test('a doc page shows the menu button, which opens the sidebar', async ({ page }) => {
    await page.goto(FIRST_DOC);
    const menu = page.locator('button.sl-menu-button');
    await expect(menu).toBeVisible();
    const sidebar = page.locator('#starlight__sidebar');
    await expect(sidebar).toBeHidden();
    await menu.click();
    await expect(sidebar).toBeVisible();
    await expect(sidebar.getByRole('link', { name: 'What is AppArmor' })).toBeVisible();
    await page.screenshot({ path: '/tmp/apparmor-lab-mobile-menu.png' });
  });

  test('the landing page, which has no menu, still offers the theme select', async ({ page }) => {
    await page.goto('/');
    await page.screenshot({ path: '/tmp/apparmor-lab-landing-mobile.png', fullPage: true });
    await expect(page.locator('button.sl-menu-button')).toHaveCount(0);
    const select = page.locator('main starlight-theme-select select');
    await expect(select).toBeVisible();
    await select.selectOption('light');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
    await select.selectOption('dark');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  });
});
