import './scripts/node20-polyfills.ts';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: [
      'lib/**/*.test.ts',
      'glossary/**/*.test.ts',
      'components/**/*.test.tsx',
      'tests/unit/**/*.test.{ts,tsx}',
    ],
    environment: 'node',
  },
});
