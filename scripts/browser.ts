// Finds a Chromium that loads unpacked extensions, shared by `npm start`, the e2e tests and the bench.
// Order: $CHROMIUM_PATH; a system Chromium; a Playwright-downloaded Chromium. If none is found,
// installs one (apt as root on Debian/Ubuntu, otherwise `npx playwright install chromium`).
// Branded Google Chrome 137+ ignores --load-extension, so it is never a candidate.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const SYSTEM_CANDIDATES = [
  '/usr/lib/chromium/chromium',
  '/usr/bin/chromium',
  '/usr/lib/chromium-browser/chromium-browser',
];

/** The full path of command `name` if it is on $PATH. */
export function onPath(name: string): string | undefined {
  const r = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
  const p = r.stdout.trim();
  return r.status === 0 && p ? p : undefined;
}

/** The Chromium `npx playwright install chromium` downloaded, if any (loaded lazily: most runs need none). */
function playwrightChromium(): string | undefined {
  try {
    const { chromium } = createRequire(import.meta.url)(
      'playwright-core',
    ) as typeof import('playwright-core');
    const p = chromium.executablePath();
    return p && existsSync(p) ? p : undefined;
  } catch {
    return undefined;
  }
}

/**
 * $CHROMIUM_PATH, a system Chromium, or Playwright's; synchronous, so `wxt.config.ts` can use it.
 * Throws BrowserMissing when CHROMIUM_PATH names no file.
 */
export function findChromium(): string | undefined {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    throw new BrowserMissing(`CHROMIUM_PATH is set to ${fromEnv}, but no file is there.`);
  }
  for (const p of SYSTEM_CANDIDATES) if (existsSync(p)) return p;
  return onPath('chromium') ?? onPath('chromium-browser') ?? playwrightChromium();
}

export async function discoverChromium(): Promise<string | undefined> {
  return findChromium();
}

export class BrowserMissing extends Error {}

/**
 * Installs Debian package `pkg` with apt-get when this is a Debian-like system and we are root: true if it
 * installed, false if it failed, undefined where apt-get cannot be used (then try another way).
 */
export function aptInstall(pkg: string, what: string): boolean | undefined {
  if (!isRoot() || !existsSync('/etc/debian_version') || !onPath('apt-get')) return undefined;
  console.error(`No ${what} found: installing Debian’s ${pkg} package with apt-get …`);
  try {
    execFileSync('apt-get', ['update', '-qq'], { stdio: ['ignore', 'ignore', 'inherit'] });
    execFileSync('apt-get', ['install', '-y', '-qq', pkg], {
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    return true;
  } catch {
    return false;
  }
}

function tryInstall() {
  const apt = aptInstall('chromium', 'Chromium');
  if (apt !== undefined) return apt;
  console.error('No Chromium found: running `npx playwright install chromium` …');
  const r = spawnSync('npx', ['playwright', 'install', 'chromium'], { stdio: 'inherit' });
  return r.status === 0;
}

/** Returns a Chromium path, installing one if needed; exits with one clear paragraph if it cannot. */
export async function requireChromium(): Promise<string> {
  let found: string | undefined;
  try {
    found = await discoverChromium();
  } catch (e) {
    return fail(e instanceof Error ? e.message : String(e));
  }
  if (found) return found;
  if (tryInstall()) {
    found = await discoverChromium();
    if (found) return found;
  }
  return fail('');
}

function fail(reason: string): never {
  console.error(
    `\nBriefing Lens needs Chromium (not branded Google Chrome, which ignores --load-extension) to run ` +
      `its demo and browser tests, and none could be found or installed. ${reason} Install one and try ` +
      `again: on Debian or Ubuntu \`sudo apt-get install chromium\`; elsewhere ` +
      `\`npx playwright install chromium\`; or point CHROMIUM_PATH at a Chromium binary.\n`,
  );
  process.exit(1);
}

/** True when a window can be shown: a desktop OS, or an X11/Wayland session. */
export function hasDisplay(): boolean {
  if (process.platform === 'darwin' || process.platform === 'win32') return true;
  return Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
}

/** True when this process runs as root, where Chromium refuses to start without --no-sandbox. */
export function isRoot(): boolean {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

/** Flags for a quiet Chromium on a machine with no network, as root, with our extension loaded. */
export function chromiumArgs(extensionDir?: string): string[] {
  const args = [
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-quic',
    '--disable-gpu',
    '--disable-dev-shm-usage',
    '--no-sandbox',
  ];
  if (extensionDir)
    args.push(`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`);
  return args;
}
