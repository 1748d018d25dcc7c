// Vitest runs every *.test.ts under tests/ in Node (no jsdom): a stray DOM use in the engine or the
// simulator fails at run time as well as at compile time (DESIGN.md §2.6).
import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    include: ['tests/**/*.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
  },
});
