// Renders assets/icon.svg to public/icon/{16,32,48,128}.png with Chromium. Run after editing the SVG:
// `node scripts/icons.mjs`. The PNGs are committed so builds need no browser.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumArgs, requireChromium } from './browser';

const root = resolve(import.meta.dirname, '..');
const svg = readFileSync(join(root, 'assets/icon.svg'), 'utf8');
const browser = await chromium.launch({ executablePath: await requireChromium(), args: chromiumArgs() });
for (const size of [16, 32, 48, 128]) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  const sized = svg.replace('width="128" height="128"', `width="${size}" height="${size}"`);
  await page.setContent(`<style>html,body{margin:0;background:transparent}</style>${sized}`);
  await page.screenshot({ path: join(root, `public/icon/${size}.png`), omitBackground: true });
  await page.close();
}
await browser.close();
console.log('wrote public/icon/{16,32,48,128}.png');
