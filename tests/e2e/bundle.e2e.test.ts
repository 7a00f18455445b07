// The built scripts are ASCII. A browser keeps an extension script's source for as long as the script
// lives, and a source holding a single character beyond Latin-1 (a curly quote in a glossary text) is kept
// at two bytes a character: measured in a heap snapshot of the demo page, the content script's source took
// 412 KB in every tab with the build's UTF-8 output, 207 KB with it escaped (`charset: 'ascii'` in
// wxt.config.ts). This checks the builds `npm test` made (Chrome, and Firefox's from its step).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIREFOX_EXTENSION_DIR } from './firefox-harness';
import { EXTENSION_DIR } from './harness';

function scripts(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return scripts(path);
    return name.endsWith('.js') ? [path] : [];
  });
}

/** Each script holding a character outside ASCII, with the first few such characters. */
function nonAscii(dir: string): Record<string, string> {
  const found: Record<string, string> = {};
  for (const file of scripts(dir)) {
    const wide = readFileSync(file, 'utf8').match(/[^\0-\x7f]/g);
    if (wide) found[relative(dir, file)] = `${wide.length}: ${wide.slice(0, 5).join(' ')}`;
  }
  return found;
}

describe('the built scripts', () => {
  it('are ASCII in the Chrome build, the content script included', () => {
    expect(existsSync(join(EXTENSION_DIR, 'content-scripts/content.js'))).toBe(true);
    expect(nonAscii(EXTENSION_DIR)).toEqual({});
  });

  it('are ASCII in the Firefox build', () => {
    expect(nonAscii(FIREFOX_EXTENSION_DIR)).toEqual({});
  });
});
