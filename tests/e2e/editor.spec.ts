// The /playground/ page (issue 6): Monaco with the apparmor language, live markers, completion, hover,
// Try an access on the tutorial's deny-write profile, persistence across reloads, themes and phones.
import type { Page } from '@playwright/test';
import { expect, test } from './site.ts';

type EditorElement = HTMLElement & {
  value: string;
  markers: { message: string; startLineNumber: number; startColumn: number; endColumn: number; code?: string | { value: string; target: { toString(): string } } }[];
};

async function openPlayground(page: Page): Promise<void> {
  await page.goto('/playground/');
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await expect(page.locator('aa-editor[data-ready]')).toBeAttached({ timeout: 20_000 });
}

async function setText(page: Page, text: string): Promise<void> {
  await page.locator('aa-editor').evaluate((el, t) => { (el as EditorElement).value = t; }, text);
}

async function markers(page: Page): Promise<EditorElement['markers']> {
  return page.locator('aa-editor').evaluate((el) => (el as EditorElement).markers.map((m) => ({
    message: m.message, startLineNumber: m.startLineNumber, startColumn: m.startColumn, endColumn: m.endColumn,
    code: typeof m.code === 'object' ? `${m.code.value} ${m.code.target.toString()}` : m.code,
  })));
}

/** Puts the cursor at the end of a 1-based line. */
async function cursorToLineEnd(page: Page, line: number): Promise<void> {
  await page.locator('aa-editor .view-lines').click();
  await page.keyboard.press('Control+Home');
  for (let i = 1; i < line; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('End');
}

test('a rule without its comma gets the engine\'s marker, and the comma removes it', async ({ page }) => {
  await openPlayground(page);
  await setText(page, 'profile p {\n  \n}\n');
  await cursorToLineEnd(page, 2);
  await page.keyboard.type('capability chown');
  // markers follow the text after a debounce: wait for the final text's marker, not a half-typed word's
  // apparmor_parser stops at the `}` that follows the unterminated rule.
  await expect.poll(() => markers(page)).toMatchObject([{
    message: 'syntax error, unexpected TOK_CLOSE, expecting TOK_ID or TOK_END_OF_RULE',
    startLineNumber: 3, startColumn: 1, endColumn: 2,
    code: expect.stringMatching(/^UNEXPECTED_TOKEN http:\/\/127\.0\.0\.1:\d+\/docs\/reference\/diagnostics\/#unexpected_token$/),
  }]);
  await expect(page.locator('aa-editor .squiggly-error')).toHaveCount(1);
  await page.keyboard.press('Escape');
  await page.keyboard.type(',');
  await expect.poll(() => markers(page)).toEqual([]);
});

test('Ctrl+. offers the missing comma as a quick fix and applying it clears the marker', async ({ page }) => {
  await openPlayground(page);
  await setText(page, 'profile p {\n  /tmp/a r\n  /tmp/b w,\n}\n');
  await expect.poll(async () => (await markers(page)).map((m) => m.code)).toEqual([expect.stringMatching(/^MISSING_COMMA /)]);
  await cursorToLineEnd(page, 3);
  await page.keyboard.press('Home');
  await page.keyboard.press('Control+.');
  const fix = page.locator('.action-widget').getByText("Add the missing ','");
  await expect(fix).toBeVisible();
  await fix.click();
  await expect.poll(() => page.locator('aa-editor').evaluate((el) => (el as EditorElement).value)).toBe('profile p {\n  /tmp/a r,\n  /tmp/b w,\n}\n');
  await expect.poll(() => markers(page)).toEqual([]);
});

test('the site grammar colours paths, permissions and comments apart', async ({ page }) => {
  await openPlayground(page);
  await setText(page, 'profile p {\n  # a comment\n  /bin/sh ix,\n}\n');
  const lines = page.locator('aa-editor .view-lines');
  const classOf = (text: string) => lines.getByText(text, { exact: true }).getAttribute('class');
  const [path, perms, comment] = await Promise.all([classOf('/bin/sh'), classOf('ix'), classOf('# a comment')]);
  expect(new Set([path, perms, comment]).size).toBe(3);
});

test('typing "capability " offers net_admin', async ({ page }) => {
  await openPlayground(page);
  await setText(page, 'profile p {\n  \n}\n');
  await cursorToLineEnd(page, 2);
  await page.keyboard.type('capability ');
  const suggest = page.locator('aa-editor .suggest-widget.visible');
  await expect(suggest).toBeVisible();
  await expect(suggest).toContainText('chown');
  await page.keyboard.type('net_a');
  await expect(suggest).toContainText('net_admin');
  await page.keyboard.press('Enter');
  await expect.poll(() => page.locator('aa-editor').evaluate((el) => (el as EditorElement).value)).toContain('capability net_admin');
});

test('hovering ix explains inherit execute', async ({ page }) => {
  await openPlayground(page);
  await setText(page, 'profile p {\n  /bin/sh ix,\n}\n');
  await page.locator('aa-editor .view-lines').getByText('ix', { exact: true }).hover();
  await expect(page.locator('.monaco-hover').filter({ hasText: 'inherit execute' })).toBeVisible();
});

test('write /tmp/test is DENIED by deny /** w, quietly, and read /etc/hostname is ALLOWED by file,', async ({ page }) => {
  await openPlayground(page);
  const panel = page.locator('aa-try-access');
  await panel.locator('[data-part="verb"]').selectOption('write');
  await panel.locator('[data-part="object"]').fill('/tmp/test');
  await panel.getByRole('button', { name: 'Try' }).click();
  await expect(panel.locator('.aa-verdict')).toHaveText('DENIED by deny /** w,');
  await expect(panel.locator('.aa-log-note')).toContainText('quiet');
  await expect(panel.locator('.aa-audit-line')).toHaveCount(0);
  // The deciding rule is highlighted on its own line in the editor.
  const highlight = page.locator('aa-editor .view-overlays .aa-rule-deciding');
  await expect(highlight).toHaveCount(1);
  const denyLine = page.locator('aa-editor .view-line').filter({ hasText: 'deny /** w,' });
  const top = (locator: typeof highlight) => locator.evaluate((el) => (el.closest('[style*="top"]') as HTMLElement).style.top);
  expect(await top(highlight)).toBe(await top(denyLine));

  await panel.locator('[data-part="verb"]').selectOption('read');
  await panel.locator('[data-part="object"]').fill('/etc/hostname');
  await panel.getByRole('button', { name: 'Try' }).click();
  await expect(panel.locator('.aa-verdict')).toHaveText('ALLOWED by file,');
});

test('a result on screen follows the text: dropping the deny rule flips write /tmp/test to ALLOWED', async ({ page }) => {
  await openPlayground(page);
  const panel = page.locator('aa-try-access');
  await panel.getByRole('button', { name: 'Try' }).click();
  await expect(panel.locator('.aa-verdict')).toHaveText('DENIED by deny /** w,');
  const text = await page.locator('aa-editor').evaluate((el) => (el as EditorElement).value);
  await setText(page, text.replace('  deny /** w,\n', ''));
  await expect(panel.locator('.aa-verdict')).toHaveText('ALLOWED by file,');
});

test('an implicit denial shows the audit line and what complain mode would change', async ({ page }) => {
  await openPlayground(page);
  const panel = page.locator('aa-try-access');
  await panel.locator('[data-part="verb"]').selectOption('capability');
  await panel.locator('[data-part="object"]').fill('net_admin');
  await panel.getByRole('button', { name: 'Try' }).click();
  await expect(panel.locator('.aa-verdict')).toContainText('DENIED');
  await expect(panel.locator('.aa-implicit')).toContainText('denies everything a profile does not allow');
  await expect(panel.locator('.aa-complain')).toContainText('complain mode');
  await expect(panel.locator('.aa-audit-line')).toContainText('apparmor="DENIED" operation="capable" profile="k8s-apparmor-example-deny-write"');
});

test('the access tests report pass and fail', async ({ page }) => {
  await openPlayground(page);
  const panel = page.locator('aa-try-access');
  await panel.locator('[data-part="tests"]').fill('write /tmp/test -> deny\nread /etc/hostname -> allow\nwrite /tmp/x -> allow');
  await panel.getByRole('button', { name: 'Run tests' }).click();
  await expect(panel.locator('[data-part="test-results"] li')).toHaveCount(3);
  await expect(panel.locator('[data-result="pass"]')).toHaveCount(2);
  await expect(panel.locator('[data-result="fail"]')).toHaveCount(1);
  await expect(panel.locator('[data-part="test-summary"]')).toHaveText('2 of 3 passed');
});

test('reload keeps the edited text', async ({ page }) => {
  await openPlayground(page);
  await cursorToLineEnd(page, 9);
  await page.keyboard.type('\n  capability net_raw,');
  await expect.poll(() => page.evaluate(() => Object.values(localStorage).join())).toContain('capability net_raw,');
  await page.reload();
  await expect(page.locator('aa-editor[data-ready]')).toBeAttached({ timeout: 20_000 });
  await expect(page.locator('aa-editor .view-lines')).toContainText('capability net_raw,');
});

test('text typed just before a reload is kept too', async ({ page }) => {
  await openPlayground(page);
  await cursorToLineEnd(page, 9);
  await page.keyboard.type('\n  capability chown,');
  await page.reload();
  await expect(page.locator('aa-editor[data-ready]')).toBeAttached({ timeout: 20_000 });
  await expect(page.locator('aa-editor .view-lines')).toContainText('capability chown,');
});

test('the editor follows the site theme', async ({ page }) => {
  await openPlayground(page);
  await page.evaluate(() => { document.documentElement.dataset['theme'] = 'light'; });
  await expect(page.locator('aa-editor .monaco-editor')).toHaveClass(/\bvs\b/);
  await page.evaluate(() => { document.documentElement.dataset['theme'] = 'dark'; });
  await expect(page.locator('aa-editor .monaco-editor')).toHaveClass(/\bvs-dark\b/);
});

test('on a phone the editor and the panel stack without horizontal scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openPlayground(page);
  const editorBox = await page.locator('aa-editor').boundingBox();
  const panelBox = await page.locator('aa-try-access').boundingBox();
  expect(panelBox && editorBox && panelBox.y >= editorBox.y + editorBox.height).toBe(true);
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
});
