// The /playground/ page (issue 4 part 5, issue 6 part 8): typed into the real terminal as a learner would
// (keys into xterm's textarea, or a paste event), on the persistent simulated node, with the editor's Save,
// Load on node, edit FILE, reload and Reset.
import type { Page } from '@playwright/test';
import { expect, test } from './site.ts';

type EditorElement = HTMLElement & { value: string };

const PROFILE = 'k8s-apparmor-example-deny-write';
const PROFILE_PATH = `/etc/apparmor.d/${PROFILE}`;
const PROMPT = 'root@node-1:~#';

/** The tutorial's profile, as the learner types it into the here-doc. */
const PROFILE_LINES = [
  '#include <tunables/global>',
  '',
  `profile ${PROFILE} flags=(attach_disconnected) {`,
  '  #include <abstractions/base>',
  '',
  '  file,',
  '',
  '  # Deny all file writes.',
  '  deny /** w,',
  '}',
];

async function openPlayground(page: Page, options: { isFresh: boolean } = { isFresh: true }): Promise<void> {
  await page.setViewportSize({ width: 1600, height: 1000 });
  await page.goto('/playground/');
  if (options.isFresh) {
    await page.evaluate(() => localStorage.clear());
    await page.reload();
  }
  await expect(page.locator('aa-terminal[data-ready]')).toBeAttached({ timeout: 20_000 });
  await expect(page.locator('aa-playground[data-ready]')).toBeAttached({ timeout: 20_000 });
  await expect(page.locator('aa-editor[data-ready]')).toBeAttached({ timeout: 20_000 });
  await page.locator('aa-terminal .xterm-helper-textarea').focus();
}

/** @returns the terminal's visible rows, trailing spaces removed, empty rows dropped */
async function screen(page: Page): Promise<string[]> {
  const rows = await page.locator('aa-terminal .xterm-rows > div').allTextContents();
  return rows.map((row) => row.replace(/\u00a0/g, ' ').trimEnd()).filter((row) => row !== '');
}

async function waitForPrompt(page: Page): Promise<void> {
  await expect.poll(async () => {
    const rows = await screen(page);
    return rows.length > 1 && rows.at(-1) === PROMPT;
  }).toBe(true);
}

/** Clears the screen (Ctrl-L), types a command and Enter; @returns the rows once the prompt is back. */
async function run(page: Page, command: string): Promise<string[]> {
  await page.keyboard.press('Control+l');
  await expect.poll(() => screen(page)).toEqual([PROMPT]);
  await page.keyboard.type(command);
  await page.keyboard.press('Enter');
  await waitForPrompt(page);
  return screen(page);
}

async function paste(page: Page, text: string): Promise<void> {
  await page.locator('aa-terminal .xterm-helper-textarea').evaluate((textarea, data) => {
    const clipboardData = new DataTransfer();
    clipboardData.setData('text/plain', data);
    textarea.dispatchEvent(new ClipboardEvent('paste', { clipboardData, bubbles: true, cancelable: true }));
  }, text);
}

async function editorText(page: Page): Promise<string> {
  return page.locator('aa-editor').evaluate((el) => (el as EditorElement).value);
}

test('the deny-write walk-through typed into the terminal: load, confine, deny quietly, complain, unload', async ({ page }) => {
  await openPlayground(page);
  await page.keyboard.press('Control+l');
  await page.keyboard.type('apparmor_parser -q <<EOF');
  await page.keyboard.press('Enter');
  for (const line of PROFILE_LINES) {
    await expect.poll(async () => (await screen(page)).at(-1)).toBe('>');
    await page.keyboard.type(line);
    await page.keyboard.press('Enter');
  }
  await page.keyboard.type('EOF');
  await page.keyboard.press('Enter');
  await waitForPrompt(page);
  expect(await screen(page)).toEqual([`${PROMPT} apparmor_parser -q <<EOF`, ...PROFILE_LINES.map((l) => `> ${l}`.trimEnd()), '> EOF', PROMPT]);

  expect(await run(page, 'cat /sys/kernel/security/apparmor/profiles')).toContain(`${PROFILE} (enforce)`);
  expect(await run(page, `aa-exec -p ${PROFILE} -- touch /tmp/test`)).toContain("touch: cannot touch '/tmp/test': Permission denied");
  expect(await run(page, 'echo $?')).toEqual([`${PROMPT} echo $?`, '1', PROMPT]);
  expect(await run(page, `aa-exec -p ${PROFILE} -- cat /proc/self/attr/current`)).toContain(`${PROFILE} (enforce)`);
  expect(await run(page, `aa-exec -p ${PROFILE} -- cat /etc/hostname`)).toContain('node-1');
  // `deny` rules are quiet: the kernel logs the load, not the denial.
  expect(await run(page, 'dmesg | grep -c DENIED')).toContain('0');
  expect(await run(page, `dmesg | grep -o 'apparmor="[A-Z]*" operation="[a-z_]*'`)).toEqual([
    `${PROMPT} dmesg | grep -o 'apparmor="[A-Z]*" operation="[a-z_]*'`, 'apparmor="STATUS" operation="profile_load', PROMPT,
  ]);

  expect(await run(page, `aa-complain ${PROFILE}`)).toContain(`Setting ${PROFILE} to complain mode.`);
  // No rule grants the raw socket or CAP_NET_RAW ping needs: complain mode lets it through and logs it.
  expect(await run(page, `aa-exec -p ${PROFILE} -- ping -c1 127.0.0.1 >/dev/null; echo $?`)).toContain('0');
  expect(await run(page, `dmesg | grep -o 'apparmor="ALLOWED" operation="capable"'`)).toContain('apparmor="ALLOWED" operation="capable"');
  expect(await run(page, `aa-exec -p ${PROFILE} -- touch /tmp/test`)).toContain("touch: cannot touch '/tmp/test': Permission denied");

  await run(page, `apparmor_parser -R ${PROFILE_PATH}`);
  expect(await run(page, 'aa-status | grep -c k8s-')).toContain('0');
});

test('a here-doc pasted whole loads the profile, and Tab completes commands', async ({ page }) => {
  await openPlayground(page);
  await paste(page, ['apparmor_parser -q <<EOF', ...PROFILE_LINES, 'EOF', ''].join('\n'));
  await waitForPrompt(page);
  expect(await run(page, 'cat /sys/kernel/security/apparmor/profiles')).toContain(`${PROFILE} (enforce)`);
  await page.keyboard.press('Control+l');
  await page.keyboard.type('aa-sta');
  await page.keyboard.press('Tab');
  await expect.poll(() => screen(page)).toEqual([`${PROMPT} aa-status`]);
});

test('Save writes the editor text into the node and Load on node runs apparmor_parser -r in the terminal', async ({ page }) => {
  await openPlayground(page);
  await page.locator('aa-editor').evaluate((el) => {
    (el as EditorElement).value = 'profile pg-test {\n  file,\n}\n';
  });
  await page.locator('input[data-part="path"]').fill('/etc/apparmor.d/pg-test');
  await expect(page.locator('[data-part="save"]')).toHaveText('Save to /etc/apparmor.d/pg-test');
  await page.locator('[data-part="save"]').click();
  await expect(page.locator('[data-part="status"]')).toHaveText('Saved to /etc/apparmor.d/pg-test.');
  await page.locator('aa-terminal .xterm-helper-textarea').focus();
  expect(await run(page, 'cat /etc/apparmor.d/pg-test')).toContain('profile pg-test {');

  await page.keyboard.press('Control+l');
  await page.locator('[data-part="load"]').click();
  await waitForPrompt(page);
  expect(await screen(page)).toEqual([`${PROMPT} apparmor_parser -r /etc/apparmor.d/pg-test`, PROMPT]);
  expect(await run(page, 'aa-status')).toContain('   pg-test');
});

test('edit FILE in the terminal opens the node file in the editor', async ({ page }) => {
  await openPlayground(page);
  expect(await run(page, 'edit /etc/hostname')).toContain('Opened /etc/hostname in the editor.');
  await expect.poll(() => editorText(page)).toBe('node-1\n');
  await expect(page.locator('input[data-part="path"]')).toHaveValue('/etc/hostname');
  expect(await run(page, 'edit /etc')).toContain('edit: /etc: Is a directory');
});

test('an exception in the world becomes one line and a fresh prompt, and the typed line stays in history', async ({ page }) => {
  await openPlayground(page);
  await page.locator('aa-playground').evaluate((el) => {
    const world = (el as HTMLElement & { backend: { world: { run: unknown } } }).backend.world;
    world.run = () => {
      throw new Error('simulated failure\n    at run (world.ts:1:1)');
    };
  });
  expect(await run(page, 'echo lost?')).toEqual([`${PROMPT} echo lost?`, '-bash: simulated failure', PROMPT]);
  await page.keyboard.press('ArrowUp');
  await expect.poll(async () => (await screen(page)).at(-1)).toBe(`${PROMPT} echo lost?`);
});

test('Load on node keeps an unfinished line in the kill ring', async ({ page }) => {
  await openPlayground(page);
  await page.keyboard.press('Control+l');
  await page.keyboard.type('echo half-typed');
  await page.locator('[data-part="load"]').click();
  await waitForPrompt(page);
  expect(await screen(page)).toEqual([`${PROMPT} apparmor_parser -r ${PROFILE_PATH}`, PROMPT]);
  await expect(page.locator('[data-part="status"]')).toContainText('Ctrl-Y brings it back');
  await page.keyboard.press('Control+y');
  await expect.poll(async () => (await screen(page)).at(-1)).toBe(`${PROMPT} echo half-typed`);
});

test('clicking a path the terminal printed opens that file in the editor', async ({ page }) => {
  await openPlayground(page);
  await run(page, 'ls -d /etc/passwd');
  const row = page.locator('aa-terminal .xterm-rows > div', { hasText: /^\/etc\/passwd\s*$/ });
  const box = (await row.boundingBox())!;
  const charWidth = (await row.evaluate((el) => {
    const range = document.createRange();
    range.selectNodeContents(el.firstChild!);
    const rect = range.getBoundingClientRect();
    return rect.width / (el.firstChild!.textContent ?? ' ').length;
  }));
  await page.mouse.click(box.x + charWidth * 5.5, box.y + box.height / 2);
  await expect(page.locator('input[data-part="path"]')).toHaveValue('/etc/passwd');
  await expect.poll(() => editorText(page)).toContain('root:x:0:0:root:/root:');
});

test('a reload keeps the world, its history and the edited text; Reset restores the default world', async ({ page }) => {
  await openPlayground(page);
  await page.locator('[data-part="load"]').click();
  await waitForPrompt(page);
  await run(page, 'echo remembered');
  await page.locator('aa-editor').evaluate((el) => {
    (el as EditorElement).value = '# edited\n';
  });
  await expect.poll(() => page.evaluate(() => Object.values(localStorage).includes('# edited\n'))).toBe(true);

  await page.reload();
  await openPlayground(page, { isFresh: false });
  expect(await editorText(page)).toBe('# edited\n');
  await page.keyboard.press('ArrowUp');
  await expect.poll(() => screen(page)).toEqual([`${PROMPT} echo remembered`]);
  await page.keyboard.press('Control+u');
  expect(await run(page, 'cat /sys/kernel/security/apparmor/profiles')).toContain(`${PROFILE} (enforce)`);

  page.once('dialog', (dialog) => void dialog.accept());
  await page.locator('[data-part="reset"]').click();
  await expect(page.locator('[data-part="status"]')).toHaveText('The playground is back to the start.');
  await expect.poll(() => editorText(page)).toContain(`profile ${PROFILE} flags=(attach_disconnected) {`);
  await page.locator('aa-terminal .xterm-helper-textarea').focus();
  await waitForPrompt(page).catch(() => undefined);
  expect(await run(page, 'cat /sys/kernel/security/apparmor/profiles')).not.toContain(`${PROFILE} (enforce)`);
  await page.keyboard.press('Control+l');
  await page.keyboard.press('ArrowUp');
  await expect.poll(() => screen(page)).toEqual([`${PROMPT} cat /sys/kernel/security/apparmor/profiles`]);
});
