import type { Plugin } from 'vite';
import { defineConfig } from 'wxt';

/**
 * `wxt build --mode bench` (used by `npm run bench`) is the production build plus a few
 * performance marks (content/bench-marks.ts), written to .output/chrome-mv3-bench. WXT derives
 * NODE_ENV from the mode name, which would select React's development build; the benchmark must
 * time the same React that users get.
 */
const productionReactInBench: Plugin = {
  name: 'tiekeeper:production-react-in-bench',
  config() {
    // Read by Vite after the config hooks (`isProduction`: the JSX runtime, minification).
    process.env.NODE_ENV = 'production';
    // WXT defines NODE_ENV as the mode for the content script and background builds.
    return { define: { 'process.env.NODE_ENV': JSON.stringify('production') } };
  },
};

// The manifest asks for what the features use and nothing else: storage (the database, and which
// profile each tab shows, for the panel), alarms (follow-up schedule), notifications (nudges),
// unlimitedStorage (so the browser never evicts the user's notes) and, in Chrome, sidePanel (the
// panel beside the page; it adds no install warning). Host access comes only from the content
// script's matches on the sites (sites/descriptors.ts: linkedin.com and xing.com).
export default defineConfig({
  // Manifest V3 for Firefox too: one background model (an event-driven worker) everywhere.
  manifestVersion: 3,
  vite: ({ mode }) => (mode === 'bench' ? { plugins: [productionReactInBench] } : {}),
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill', '@wxt-dev/auto-icons'],
  autoIcons: { baseIconPath: 'assets/icon.svg', sizes: [128, 96, 48, 32, 16], developmentIndicator: false },
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    short_name: 'Tiekeeper',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage', 'unlimitedStorage', 'alarms', 'notifications', ...(browser === 'firefox' ? [] : ['sidePanel'])],
    // Firefox opens its sidebar with the reserved command; Chrome's side panel opens from ours.
    commands:
      browser === 'firefox'
        ? { _execute_sidebar_action: { suggested_key: { default: 'Alt+Shift+K' }, description: '__MSG_commandOpenPanel__' } }
        : { 'open-panel': { suggested_key: { default: 'Alt+Shift+K' }, description: '__MSG_commandOpenPanel__' } },
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: {
          id: 'tiekeeper@tiekeeper.invalid',
          strict_min_version: '140.0',
          data_collection_permissions: { required: ['none'] },
        },
        // Firefox for Android reads data_collection_permissions from 142 on (desktop from 140).
        gecko_android: { strict_min_version: '142.0' },
      },
    }),
  }),
  hooks: {
    // The content script talks to the extension through the browser's own API (see
    // content/extension-api.ts; both answer with Promises in Manifest V3), so it leaves out the
    // polyfill the extension pages and the worker use: it loads on every LinkedIn and XING page.
    'vite:build:extendConfig': (entrypoints, config) => {
      if (!entrypoints.every((entrypoint) => entrypoint.type === 'content-script')) return;
      const alias = config.resolve?.alias;
      if (Array.isArray(alias)) {
        config.resolve!.alias = alias.filter((entry) => entry.find !== 'wxt/browser');
      } else if (alias && typeof alias === 'object') {
        delete (alias as Record<string, string>)['wxt/browser'];
      }
    },
    // The dashboard doubles as the options page; WXT only wires a page named "options".
    'build:manifestGenerated': (_wxt, manifest) => {
      manifest.options_ui = { page: 'dashboard.html', open_in_tab: true };
      // WXT takes the toolbar title from the popup's <title>, which cannot be localised.
      if (manifest.action) manifest.action.default_title = '__MSG_actionTitle__';
    },
  },
});
