// How `npm run dev` opens a browser (WXT's web-ext runner), decided from the machine it runs on.
// web-ext talks to Chromium over a pipe; a Chromium that cannot start (root without --no-sandbox, or a
// window with no display) closes that pipe and WXT dies with `read ECONNRESET`. So: the same Chromium
// as `npm start` and the tests, --no-sandbox only as root, headless where no window can be shown.
import type { WebExtConfig } from 'wxt';
import { findChromium, hasDisplay, isRoot } from './browser';

export interface DevMachine {
  /** A Chromium that loads unpacked extensions; undefined lets web-ext look for Chrome itself. */
  chromium: string | undefined;
  root: boolean;
  display: boolean;
}

export interface DevBrowserPlan {
  webExt: WebExtConfig;
  /** One line for the developer on how the browser is opened, printed when the dev server starts. */
  note(outDir: string): string;
}

export function devMachine(): DevMachine {
  let chromium: string | undefined;
  try {
    chromium = findChromium();
  } catch {
    // A CHROMIUM_PATH naming no file must not break `wxt build`, which reads this config too.
    chromium = undefined;
  }
  return { chromium, root: isRoot(), display: hasDisplay() };
}

export function devBrowserPlan(machine: DevMachine): DevBrowserPlan {
  const chromiumArgs: string[] = [];
  if (machine.root) chromiumArgs.push('--no-sandbox');
  if (!machine.display) chromiumArgs.push('--headless=new');
  const which = machine.chromium ?? 'the Chrome web-ext finds';
  const sandbox = machine.root ? ' (--no-sandbox: this runs as root)' : '';
  return {
    webExt: { ...(machine.chromium ? { binaries: { chrome: machine.chromium } } : {}), chromiumArgs },
    note: (outDir) =>
      machine.display
        ? `Opening ${which}${sandbox} with ${outDir} loaded; WXT reloads it as you edit.`
        : `No display: ${which}${sandbox} runs headless with ${outDir} loaded, and WXT reloads it as ` +
          'you edit. To see it, load that folder unpacked in a browser on a machine with a screen.',
  };
}
