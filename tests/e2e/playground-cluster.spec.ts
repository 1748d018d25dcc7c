// The playground's Kubernetes eras (issue 5): the v1.14 tutorial typed into the real terminal on a cluster
// opened by `?era=1.14`, then the era switch to v1.30 (the appArmorProfile field), and a reload that keeps
// the cluster's pod (its commands are replayed).
import type { Page } from '@playwright/test';
import { expect, test } from './site.ts';

const PROFILE = 'k8s-apparmor-example-deny-write';
const PROMPT = 'root@controlplane:~#';

/** The seed's ssh loop with the profile in a here-doc, on every node of the cluster. */
const LOAD_ON_EVERY_NODE = [
  "for NODE in controlplane node01 node02; do ssh $NODE 'sudo apparmor_parser -q <<EOF",
  '#include <tunables/global>',
  `profile ${PROFILE} flags=(attach_disconnected) {`,
  '  #include <abstractions/base>',
  '  file,',
  '  deny /** w,',
  '}',
  "EOF'",
  'done',
];

function podLines(name: string, confinement: string[], metadata: string[] = []): string[] {
  return [
    'kubectl create -f - <<EOF',
    'apiVersion: v1',
    'kind: Pod',
    'metadata:',
    `  name: ${name}`,
    ...metadata,
    'spec:',
    ...confinement,
    '  containers:',
    '  - name: hello',
    '    image: busybox',
    `    command: [ "sh", "-c", "echo 'Hello AppArmor' && sleep 1h" ]`,
    'EOF',
  ];
}

async function openCluster(page: Page, era: string): Promise<void> {
  await page.setViewportSize({ width: 1600, height: 1000 });
  await page.goto('/playground/');
  await page.evaluate(() => localStorage.clear());
  await page.goto(`/playground/?era=${era}`);
  await waitForWorld(page);
}

async function waitForWorld(page: Page): Promise<void> {
  await expect(page.locator('aa-terminal[data-ready]')).toBeAttached({ timeout: 20_000 });
  await expect(page.locator('aa-playground[data-loaded]')).toBeAttached({ timeout: 20_000 });
  await page.locator('aa-terminal .xterm-helper-textarea').focus();
}

/** @returns the terminal's visible rows, trailing spaces removed, empty rows dropped */
async function screen(page: Page): Promise<string[]> {
  const rows = await page.locator('aa-terminal .xterm-rows > div').allTextContents();
  return rows.map((row) => row.replace(/\u00a0/g, ' ').trimEnd()).filter((row) => row !== '');
}

/** Clears the screen, types the lines (each after the `>` of the one before) and Enter; @returns the output rows. */
async function run(page: Page, lines: string | string[]): Promise<string[]> {
  const [first, ...rest] = typeof lines === 'string' ? [lines] : lines;
  await page.keyboard.press('Control+l');
  await expect.poll(() => screen(page)).toEqual([PROMPT]);
  await page.keyboard.type(first ?? '');
  // xterm renders on an animation frame: wait for the echo, or the old screen (just the prompt) would pass
  await expect.poll(async () => squeeze((await screen(page)).join(''))).toBe(squeeze(`${PROMPT} ${first ?? ''}`));
  await page.keyboard.press('Enter');
  for (const line of rest) {
    await expect.poll(async () => (await screen(page)).at(-1)).toBe('>');
    await page.keyboard.type(line);
    await page.keyboard.press('Enter');
  }
  await expect.poll(async () => {
    const rows = await screen(page);
    return rows.length > 1 && rows.at(-1) === PROMPT;
  }).toBe(true);
  const rows = await screen(page);
  return rows.slice(echoRows(rows, [`${PROMPT} ${first ?? ''}`, ...rest.map((line) => `> ${line}`)]), -1);
}

/** @returns the text without white space, so rows that wrap a long line compare with the line */
function squeeze(text: string): string {
  return text.replace(/\s/g, '');
}

/** @returns how many rows the echo of the typed lines takes (a long line wraps over several rows) */
function echoRows(rows: string[], echoes: string[]): number {
  let index = 0;
  for (const echo of echoes) {
    let seen = '';
    while (index < rows.length && seen.length < squeeze(echo).length) seen += squeeze(rows[index++] ?? '');
    expect(seen).toBe(squeeze(echo));
  }
  return index;
}

test('the v1.14 tutorial typed into a cluster opened by ?era=1.14: annotation, deny-write, denied touch', async ({ page }) => {
  await openCluster(page, '1.14');
  await expect(page.getByLabel('World')).toHaveValue('1.14');
  await expect(page.locator('[data-era-intro="1.14"]')).toBeVisible();
  await expect(page.locator('[data-era-intro="single"]')).toBeHidden();
  expect(await run(page, `kubectl get nodes -o=jsonpath=$'{range .items[*]}{@.metadata.name}: {.status.conditions[?(@.reason=="KubeletReady")].message}\\n{end}'`)).toEqual([
    'controlplane: kubelet is posting ready status. AppArmor enabled',
    'node01: kubelet is posting ready status. AppArmor enabled',
    'node02: kubelet is posting ready status. AppArmor enabled',
  ]);
  expect(await run(page, LOAD_ON_EVERY_NODE)).toEqual([]);
  expect(await run(page, 'ssh node02 cat /sys/kernel/security/apparmor/profiles')).toEqual([`${PROFILE} (enforce)`, 'docker-default (enforce)']);
  const annotation = [
    '  annotations:',
    `    container.apparmor.security.beta.kubernetes.io/hello: localhost/${PROFILE}`,
  ];
  expect(await run(page, podLines('hello-apparmor', [], annotation))).toEqual(['pod/hello-apparmor created']);
  expect(await run(page, 'kubectl exec hello-apparmor -- cat /proc/1/attr/current')).toEqual([`${PROFILE} (enforce)`]);
  expect(await run(page, 'kubectl exec hello-apparmor -- touch /tmp/test')).toEqual([
    'touch: /tmp/test: Permission denied',
    'command terminated with exit code 1',
  ]);
});

test('switching to v1.30 starts a new cluster where the appArmorProfile field confines, and a reload keeps the pod', async ({ page }) => {
  await openCluster(page, '1.14');
  expect(await run(page, 'kubectl get nodes -o name')).toEqual(['node/controlplane', 'node/node01', 'node/node02']);
  // The world has history: switching asks first, and a refusal keeps it.
  page.once('dialog', (dialog) => void dialog.dismiss());
  await page.getByLabel('World').selectOption('1.30');
  await expect(page.getByLabel('World')).toHaveValue('1.14');
  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByLabel('World').selectOption('1.30');
  await expect(page).toHaveURL(/\?era=1\.30$/);
  await expect(page.locator('[data-era-intro="1.30"]')).toBeVisible();
  await page.locator('aa-terminal .xterm-helper-textarea').focus();
  expect(await run(page, `kubectl get nodes -o=jsonpath=$'{range .items[*]}{@.status.nodeInfo.containerRuntimeVersion}\\n{end}'`))
    .toEqual(expect.arrayContaining([expect.stringMatching(/^containerd:\/\//)]));
  expect(await run(page, LOAD_ON_EVERY_NODE)).toEqual([]);
  const field = ['  securityContext:', '    appArmorProfile:', '      type: Localhost', `      localhostProfile: ${PROFILE}`];
  expect(await run(page, podLines('hello-field', field))).toEqual(['pod/hello-field created']);
  expect(await run(page, 'kubectl exec hello-field -- cat /proc/1/attr/current')).toEqual([`${PROFILE} (enforce)`]);

  await page.reload();
  await waitForWorld(page);
  await expect(page.getByLabel('World')).toHaveValue('1.30');
  expect(await run(page, 'kubectl get pods -o name')).toEqual(['pod/hello-field']);
  expect(await run(page, 'kubectl exec hello-field -- touch /tmp/test')).toEqual([
    'touch: /tmp/test: Permission denied',
    'command terminated with exit code 1',
  ]);
});
