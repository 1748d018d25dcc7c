// Fails the test command, with how to get a browser, when no Chromium is installed.
import { findChromium, NO_BROWSER_MESSAGE } from './browser.ts';

const found = findChromium();
if (!found) {
  console.error(NO_BROWSER_MESSAGE);
  process.exit(1);
}
console.log(`end-to-end tests will drive ${found}`);
