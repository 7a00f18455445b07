import { relative, resolve } from 'node:path';
import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { devBrowserPlan, devMachine } from './scripts/dev-browser';

// Firefox 140 is the first release with the CSS Custom Highlight API, which painting relies on.
const FIREFOX_MIN = '140.0';

// The benchmark builds a second extension with a generated 10,000-term glossary: BL_GLOSSARY_JSON
// swaps the compiled glossary JSON for that file wherever it is imported (`…/generated/glossary.json`,
// and the content script's `…/generated/content-glossary.json`), and BL_ENGINE_JSON the content
// script's compiled engine (`…/generated/content-engine.json`).
const glossaryOverride = [
  ...(process.env.BL_GLOSSARY_JSON
    ? [
        {
          find: /^(?:.*\/)?generated\/(?:content-)?glossary\.json$/,
          replacement: resolve(process.env.BL_GLOSSARY_JSON),
        },
      ]
    : []),
  ...(process.env.BL_ENGINE_JSON
    ? [
        {
          find: /^(?:.*\/)?generated\/content-engine\.json$/,
          replacement: resolve(process.env.BL_ENGINE_JSON),
        },
      ]
    : []),
];

// `npm run dev` opens the same Chromium as `npm start` and the tests, with the flags this machine needs
// (scripts/dev-browser.ts). A local web-ext.config.ts still overrides it (e.g. `disabled: true`).
const devBrowser = devBrowserPlan(devMachine());

export default defineConfig({
  imports: false,
  // BL_OUT_DIR lets parallel builds (a developer's and a test run's) use separate folders.
  outDir: process.env.BL_OUT_DIR ?? '.output',
  modules: ['@wxt-dev/webextension-polyfill'],
  webExt: devBrowser.webExt,
  // Other builds (BL_OUT_DIR=.output-*, the bench's, a test run's) are outputs, not sources: a dev
  // server reloading on them would rebuild for nothing.
  watchOptions: { ignored: [/[\\/]\.output[^\\/]*[\\/]/, /[\\/](?:bench|tests[\\/]e2e)[\\/]out[\\/]/] },
  hooks: {
    'server:started': (wxt) => {
      const { browser, outDir, webExt } = wxt.config;
      if (webExt.config.disabled || browser === 'firefox') return;
      wxt.logger.info(devBrowser.note(relative(wxt.config.root, outDir)));
    },
  },
  vite: () => ({
    plugins: [preact()],
    resolve: { alias: glossaryOverride },
    // BL_SOURCEMAP=1 for profiling and for measuring what each module adds to a bundle.
    build: {
      sourcemap: process.env.BL_SOURCEMAP ? true : false,
      // ASCII output (non-ASCII escaped): the browser keeps each script's source while it runs, at two
      // bytes a character if one character is beyond Latin-1; 412 → 207 KB per tab for the content
      // script (tests/e2e/bundle.e2e.test.ts).
      rollupOptions: { output: { charset: 'ascii' } },
    },
  }),
  zip: {
    // Store-ready zips under .output/: chrome-mv3, firefox-mv2, and the sources zip Mozilla's review
    // rebuilds from (`npm ci && npm run build:firefox`). Local artefacts and generated files stay out.
    excludeSources: [
      'demo.png',
      'stats.html',
      '**/*.log',
      'bench/out/**',
      'tests/e2e/out/**',
      'glossary/generated/**',
    ],
  },
  manifest: ({ browser }) => ({
    name: 'Briefing Lens',
    description:
      'Context while you read the news: marks the briefing’s terms on any page and explains them on hover.',
    permissions: ['storage', 'contextMenus'],
    icons: { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 128: 'icon/128.png' },
    action: { default_title: 'Briefing Lens' },
    // Highlights cannot take focus, so keyboard readers step through terms with commands. Alt+Shift+J/K/L
    // are free in Chrome, Edge and Firefox; readers rebind them in the browser's shortcut settings.
    commands: {
      'next-term': {
        suggested_key: { default: 'Alt+Shift+J' },
        description: 'Go to the next marked term and open its card',
      },
      'previous-term': {
        suggested_key: { default: 'Alt+Shift+K' },
        description: 'Go to the previous marked term and open its card',
      },
      'toggle-site': {
        suggested_key: { default: 'Alt+Shift+L' },
        description: 'Pause or resume marking on this site',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'briefing-lens@briefing-lens.example',
              strict_min_version: FIREFOX_MIN,
              data_collection_permissions: { required: ['none'] },
            },
            // Firefox for Android reads `data_collection_permissions` from 142 (desktop from 140).
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
