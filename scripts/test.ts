// `npm test`: every check a change must pass, in order, stopping at the first failure.
// Type check → lint/format → glossary check → unit tests → build → Firefox build + web-ext lint → browser
// tests (Chromium, and the Firefox build in Firefox).
import { spawnSync } from 'node:child_process';
import { requireChromium } from './browser';
import { requireFirefox } from './firefox';

const steps: Array<[string, string[]]> = [
  ['glossary', ['npm', 'run', '-s', 'glossary:check']],
  ['types', ['npx', 'tsc', '--noEmit']],
  ['lint', ['npx', 'biome', 'check', '.']],
  ['unit', ['npx', 'vitest', 'run']],
  ['build', ['npx', 'wxt', 'build']],
  ['firefox', ['npx', 'tsx', 'scripts/firefox-lint.ts']],
  ['e2e', ['npx', 'vitest', 'run', '-c', 'vitest.e2e.config.ts']],
];

const only = process.argv.slice(2);
for (const [name, cmd] of steps) {
  if (only.length && !only.includes(name)) continue;
  if (name === 'e2e') {
    process.env.CHROMIUM_PATH ||= await requireChromium();
    // tests/e2e/firefox.e2e.test.ts runs the Firefox build (made by the firefox step) in a real Firefox.
    process.env.FIREFOX_PATH ||= requireFirefox();
  }
  console.log(`\n▶ ${name}: ${cmd.join(' ')}`);
  const [bin = 'npx', ...args] = cmd;
  const r = spawnSync(bin, args, { stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`\n✖ npm test failed at step “${name}”.`);
    process.exit(r.status ?? 1);
  }
}
console.log('\n✔ all checks passed');
