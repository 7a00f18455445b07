import './scripts/node20-polyfills.ts';
import { defineConfig } from 'vitest/config';

// Browser tests: the built extension in a real Chromium. One file at a time (each launches a browser).
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
