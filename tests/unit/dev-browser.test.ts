import { describe, expect, it } from 'vitest';
import { devBrowserPlan } from '../../scripts/dev-browser';

const CHROMIUM = '/usr/lib/chromium/chromium';

describe('npm run dev: how the browser is opened', () => {
  it('as root with no display (this server): the found Chromium, unsandboxed and headless', () => {
    const plan = devBrowserPlan({ chromium: CHROMIUM, root: true, display: false });
    expect(plan.webExt.binaries).toEqual({ chrome: CHROMIUM });
    expect(plan.webExt.chromiumArgs).toEqual(['--no-sandbox', '--headless=new']);
    const note = plan.note('.output/chrome-mv3-dev');
    expect(note).toContain('headless');
    expect(note).toContain('.output/chrome-mv3-dev');
    expect(note).toContain('root');
  });

  it('a developer with a screen, not root: a window, sandboxed', () => {
    const plan = devBrowserPlan({ chromium: CHROMIUM, root: false, display: true });
    expect(plan.webExt.chromiumArgs).toEqual([]);
    expect(plan.note('.output/chrome-mv3-dev')).not.toContain('headless');
  });

  it('no Chromium found: leaves the binary to web-ext, which looks for Chrome itself', () => {
    const plan = devBrowserPlan({ chromium: undefined, root: false, display: true });
    expect(plan.webExt.binaries).toBeUndefined();
    expect(plan.note('.output/chrome-mv3-dev')).toContain('web-ext');
  });
});
