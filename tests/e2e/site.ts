/**
 * What the end-to-end tests know about the built site: the pages found in `dist/` (so every new doc page is
 * covered without editing a list) and a Playwright `test` whose every test fails on a console error, a failed
 * request, or a request that leaves 127.0.0.1.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test as base, expect, type Page } from '@playwright/test';

export { expect };

const DIST = fileURLToPath(new URL('../../dist/', import.meta.url));

/** The first docs page, which the landing page links to. */
export const FIRST_DOC = '/docs/basics/what-is-apparmor/';

/**
 * @returns the URL path of every page Astro built (`/`, `/docs/…/`), sorted; Pagefind's own files excluded.
 * Throws when `dist/` is missing, so a forgotten build fails instead of testing nothing.
 */
export function builtPages(): string[] {
  if (!existsSync(join(DIST, 'index.html'))) {
    throw new Error(`No built site in ${DIST}: run \`npx astro build\` first (npm run test:e2e does).`);
  }
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) return name === 'pagefind' || name === '_astro' ? [] : walk(full);
      return name === 'index.html' ? [full] : [];
    });
  return walk(DIST)
    .map((file) => `/${relative(DIST, file).split(sep).slice(0, -1).join('/')}/`.replace(/^\/\/$/, '/'))
    .sort();
}

/** @returns the doc pages only (under `/docs/`). */
export function docPages(): string[] {
  return builtPages().filter((path) => path.startsWith('/docs/'));
}

/** What went wrong while a test's page was open. */
export type PageProblems = { consoleErrors: string[]; failedRequests: string[]; externalRequests: string[] };

function isLocal(url: string): boolean {
  const { protocol, hostname } = new URL(url);
  return protocol === 'data:' || protocol === 'blob:' || hostname === '127.0.0.1';
}

function watch(page: Page): PageProblems {
  const problems: PageProblems = { consoleErrors: [], failedRequests: [], externalRequests: [] };
  page.on('console', (message) => {
    if (message.type() === 'error') problems.consoleErrors.push(`${page.url()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.consoleErrors.push(`${page.url()}: ${error.message}`));
  page.on('requestfailed', (request) => {
    const reason = request.failure()?.errorText ?? 'failed';
    // Moving on to the next page cancels the previous page's pending loads; a missing file shows up as
    // an HTTP error status below instead.
    if (reason !== 'net::ERR_ABORTED') problems.failedRequests.push(`${request.url()}: ${reason}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) problems.failedRequests.push(`${response.url()}: HTTP ${response.status()}`);
  });
  page.on('request', (request) => {
    if (!isLocal(request.url())) problems.externalRequests.push(request.url());
  });
  return problems;
}

/**
 * Playwright's `test`, with an automatic fixture that watches the page and fails the test if anything went
 * wrong: the site must work offline in principle, so nothing may leave 127.0.0.1 (no CDN, no fonts, no analytics).
 */
export const test = base.extend<{ problems: PageProblems }>({
  problems: [
    async ({ page }, use) => {
      const problems = watch(page);
      await use(problems);
      expect(problems, 'console errors, failed requests and requests leaving 127.0.0.1').toEqual({
        consoleErrors: [],
        failedRequests: [],
        externalRequests: [],
      });
    },
    { auto: true },
  ],
});
