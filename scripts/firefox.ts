// Finds a Firefox for the browser tests of the Firefox build (tests/e2e/firefox.e2e.test.ts), driven
// over WebDriver BiDi by puppeteer-core. Order: $FIREFOX_PATH; a system Firefox (Debian's firefox-esr
// first). If none is found, installs one: Debian's firefox-esr with apt as root, otherwise Firefox stable
// with `npx @puppeteer/browsers` into ~/.cache/briefing-lens. Firefox 140 or newer is needed (the
// build's strict_min_version; the CSS Custom Highlight API shipped in 140).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { aptInstall, onPath } from './browser';

const SYSTEM_CANDIDATES = ['/usr/bin/firefox-esr', '/usr/bin/firefox', '/usr/lib/firefox-esr/firefox-esr'];
const CACHE = join(homedir(), '.cache/briefing-lens/firefox');

/** The Firefox `@puppeteer/browsers` downloaded into CACHE, if any. */
function downloadedFirefox(): string | undefined {
  const root = join(CACHE, 'firefox');
  if (!existsSync(root)) return undefined;
  for (const build of readdirSync(root)) {
    for (const rel of ['firefox/firefox', 'Firefox.app/Contents/MacOS/firefox', 'core/firefox.exe']) {
      const p = join(root, build, rel);
      if (existsSync(p)) return p;
    }
  }
  return undefined;
}

/** $FIREFOX_PATH, a system Firefox or one installed earlier; throws when FIREFOX_PATH names no file. */
export function findFirefox(): string | undefined {
  const fromEnv = process.env.FIREFOX_PATH;
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    throw new Error(`FIREFOX_PATH is set to ${fromEnv}, but no file is there.`);
  }
  for (const p of SYSTEM_CANDIDATES) if (existsSync(p)) return p;
  return onPath('firefox-esr') ?? onPath('firefox') ?? downloadedFirefox();
}

function tryInstall(): boolean {
  const apt = aptInstall('firefox-esr', 'Firefox');
  if (apt !== undefined) return apt;
  console.error(`No Firefox found: downloading Firefox stable into ${CACHE} …`);
  const r = spawnSync('npx', ['@puppeteer/browsers', 'install', 'firefox@stable', '--path', CACHE], {
    stdio: 'inherit',
  });
  return r.status === 0;
}

/** Returns a Firefox path, installing one if needed; exits with one clear paragraph if it cannot. */
export function requireFirefox(): string {
  let found: string | undefined;
  try {
    found = findFirefox();
  } catch (e) {
    return fail(e instanceof Error ? e.message : String(e));
  }
  if (found) return found;
  if (tryInstall()) {
    found = findFirefox();
    if (found) return found;
  }
  return fail('');
}

function fail(reason: string): never {
  console.error(
    `\nBriefing Lens tests its Firefox build in a real Firefox (140 or newer), and none could be found or ` +
      `installed. ${reason} Install one and try again: on Debian or Ubuntu \`sudo apt-get install ` +
      `firefox-esr\`; elsewhere \`npx @puppeteer/browsers install firefox@stable\`; or point FIREFOX_PATH ` +
      `at a Firefox binary.\n`,
  );
  process.exit(1);
}
