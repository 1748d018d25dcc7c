/**
 * Finds the Chromium the end-to-end tests drive: `$CHROMIUM_PATH`, then Debian's `/usr/bin/chromium`,
 * then the browser Playwright may have downloaded itself. Never silently skips: callers fail with
 * {@link NO_BROWSER_MESSAGE} when nothing is found.
 */
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

export const NO_BROWSER_MESSAGE = [
  'No Chromium found for the end-to-end tests.',
  'Install one with:  sudo apt-get install -y chromium   (Debian/Ubuntu; gives /usr/bin/chromium)',
  'or point CHROMIUM_PATH at a Chromium or Chrome binary:  CHROMIUM_PATH=/path/to/chrome npm test',
].join('\n');

/** @returns the path of a Chromium binary, or undefined when none is installed. */
export function findChromium(): string | undefined {
  const candidates = [process.env['CHROMIUM_PATH'], '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  for (const candidate of candidates) {
    if (candidate && existsSync(candidate)) return candidate;
  }
  try {
    const own = chromium.executablePath();
    return existsSync(own) ? own : undefined;
  } catch {
    return undefined;
  }
}
