/**
 * The playground's cold start (issue 4): time from navigating to `/playground/` in a fresh headless Chromium
 * profile (empty cache and storage) until the terminal prints the output of the first command, `echo hi`.
 * It builds nothing: it serves the existing build (`dist/`, or `$BENCH_OUT_DIR`) with `astro preview`.
 * run.ts calls it synchronously, so it runs itself as a child process (Playwright is asynchronous).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchResult } from './run.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SELF = fileURLToPath(import.meta.url);
const PORT = 4419;
const LOADS = 5;

/** @returns the cold-load figures (median and best of five loads), or none with the reason on stderr */
export function benchPlayground(): BenchResult[] {
  const child = spawnSync(process.execPath, [SELF, '--child'], { cwd: ROOT, encoding: 'utf8', timeout: 180_000 });
  const line = child.stdout?.trim().split('\n').at(-1) ?? '';
  if (child.status !== 0 || !line.startsWith('[')) {
    console.error(`playground bench skipped: ${(child.stderr || child.stdout || String(child.error ?? '')).trim()}`);
    return [];
  }
  return JSON.parse(line) as BenchResult[];
}

async function waitForServer(url: string, output: () => string): Promise<void> {
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  // Astro runs one preview server per project: another one (an e2e run) makes ours exit with that message.
  throw new Error(`astro preview did not answer at ${url}:\n${output().split('\n').slice(0, 6).join('\n')}`);
}

async function measure(): Promise<BenchResult[]> {
  const outDir = process.env['BENCH_OUT_DIR'] ?? 'dist';
  if (!existsSync(resolve(ROOT, outDir, 'playground', 'index.html'))) {
    throw new Error(`no built /playground/ in ${outDir}/: run \`npx astro build\` first, then \`npm run bench\``);
  }
  const { findChromium, NO_BROWSER_MESSAGE } = await import('../e2e/browser.ts');
  const executablePath = findChromium();
  if (executablePath === undefined) throw new Error(NO_BROWSER_MESSAGE);
  const server = spawn(process.execPath, [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'preview', '--outDir', outDir, '--host', '127.0.0.1', '--port', String(PORT)], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let serverOutput = '';
  server.stdout.on('data', (chunk: Buffer) => void (serverOutput += String(chunk)));
  server.stderr.on('data', (chunk: Buffer) => void (serverOutput += String(chunk)));
  const { chromium } = await import('@playwright/test');
  const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const base = `http://127.0.0.1:${PORT}`;
    await waitForServer(`${base}/`, () => serverOutput);
    const times: number[] = [];
    for (let i = 0; i < LOADS; i++) {
      const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
      const page = await context.newPage();
      const start = performance.now();
      await page.goto(`${base}/playground/`, { waitUntil: 'commit' });
      await page.locator('aa-playground[data-ready] aa-terminal[data-ready] .xterm-helper-textarea').focus();
      await page.keyboard.type('echo hi');
      await page.keyboard.press('Enter');
      await page.locator('aa-terminal .xterm-rows > div', { hasText: /^hi\s*$/ }).waitFor();
      times.push(performance.now() - start);
      await context.close();
    }
    times.sort((a, b) => a - b);
    return [
      { name: 'playground: cold load → first output (echo hi), median of 5', ms: times[Math.floor(LOADS / 2)] ?? NaN },
      { name: 'playground: cold load → first output (echo hi), best of 5', ms: times[0] ?? NaN },
    ];
  } finally {
    await browser.close();
    try {
      if (server.pid !== undefined) process.kill(-server.pid);
    } catch {
      // the server already exited (its error, if any, is what the caller sees)
    }
  }
}

if (process.argv[1] === SELF && process.argv.includes('--child')) {
  measure().then(
    (rows) => console.log(JSON.stringify(rows)),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : String(error));
      process.exit(1);
    },
  );
}
