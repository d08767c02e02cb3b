import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

/**
 * Hosts the extension reads without CORS (so conditional requests need no
 * preflight): the default feed on GitHub, or the origin of a feed chosen at build
 * time, plus the startups registry. Other feeds get optional permissions later.
 */
function feedHostPermissions(feedUrl: string | undefined): string[] {
  const registry = 'https://beta.gouv.fr/*';
  if (!feedUrl) return ['https://api.github.com/*', 'https://raw.githubusercontent.com/*', registry];
  const url = new URL(feedUrl);
  const feedHosts = url.hostname === 'github.com' ? ['https://api.github.com/*', 'https://raw.githubusercontent.com/*'] : [`${url.protocol}//${url.hostname}/*`];
  return [...feedHosts, registry];
}
import { fileURLToPath } from 'node:url';

/** Sites the user may enable the JobPosting detector on: any web page, one origin at a time, never at install. */
const OPTIONAL_SITE_ACCESS = ['https://*/*', 'http://*/*'];

/** Made by scripts/make-icons.mjs into public/icon/; WXT lists them as `icons`, the toolbar button needs them too. */
const TOOLBAR_ICONS = Object.fromEntries([16, 32, 48, 96, 128].map((size) => [String(size), `icon/${size}.png`]));

// gray-matter's lib/engines.js (js-yaml with `new Function`, a JavaScript engine with
// `eval`) is replaced by our YAML-only engines. Only gray-matter requires a module by
// these exact specifiers (checked across node_modules).
const grayMatterEngines = fileURLToPath(new URL('./src/postings/gray-matter-engines.ts', import.meta.url));

// WXT imports this file in Node at build time: keep it free of browser code.
export default defineConfig({
  srcDir: '.',
  entrypointsDir: 'entrypoints',
  publicDir: 'public',
  // The demo builds beside the release build so it never replaces it.
  outDir: process.env.WXT_OUT_DIR ?? '.output',
  modules: ['@wxt-dev/webextension-polyfill'],
  // `wxt zip` (npm run zip): the store packages, and for Firefox the sources its reviewers rebuild
  // from. The sources are an allow-list of what the build reads, so nothing else (tests, fixtures,
  // benches, screenshots, local output) can slip into an upload; README.md says how to rebuild.
  zip: {
    includeSources: [
      'package.json',
      'package-lock.json',
      'tsconfig.json',
      'wxt.config.ts',
      'README.md',
      'PRIVACY.md',
      'LICENSE',
      'ARCHITECTURE.md',
      'assets/**',
      'entrypoints/**',
      'public/**',
      'src/**',
    ],
    excludeSources: ['demo-output/**', 'test-results/**', 'docs/**'],
  },
  vite: () => ({
    plugins: [preact()],
    resolve: {
      alias: [{ find: /^\.\/(lib\/)?engines(\.js)?$/, replacement: grayMatterEngines }],
    },
  }),
  hooks: {
    // Content scripts get the browser's own extension API instead of webextension-polyfill
    // (the `@wxt-dev/webextension-polyfill` module aliases `wxt/browser` for every build):
    // they run on every job page and the polyfill is a third of their size, while the few
    // calls they make behave the same natively (src/content/job-site-script.ts).
    'vite:build:extendConfig'(entrypoints, config) {
      if (!entrypoints.every((entrypoint) => entrypoint.type === 'content-script')) return;
      const resolve = (config.resolve ??= {});
      const current = resolve.alias ?? [];
      const aliases = Array.isArray(current) ? current : Object.entries(current).map(([find, replacement]) => ({ find, replacement: replacement as string }));
      resolve.alias = [{ find: /^wxt\/browser$/, replacement: '@wxt-dev/browser' }, ...aliases];
    },
  },
  manifest: ({ browser, manifestVersion }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'fr',
    // `scripting`: the JobPosting detector is registered at run time for the sites the user
    // enables, each asked for as an optional host permission at that moment. `activeTab`:
    // the popup reads the address of the tab it was opened on, to offer the detector there.
    // `contextMenus`: "search beta.gouv offers for the selected text".
    permissions: ['storage', 'alarms', 'notifications', 'unlimitedStorage', 'scripting', 'activeTab', 'contextMenus'],
    host_permissions: feedHostPermissions(process.env.WXT_FEED_URL),
    ...(manifestVersion === 3 ? { optional_host_permissions: OPTIONAL_SITE_ACCESS } : { optional_permissions: OPTIONAL_SITE_ACCESS }),
    // WXT fills in the popup; the icon is ours (MV2 calls the same button `browser_action`).
    [manifestVersion === 3 ? 'action' : 'browser_action']: { default_icon: TOOLBAR_ICONS },
    // Typing `bg` then a query in the address bar searches the offers.
    omnibox: { keyword: 'bg' },
    // A shortcut that opens the popup (the user can change it in the browser's shortcut settings).
    // O for offers/offres. Chromium keeps Alt+Shift+B (bookmarks bar) and Alt+Shift+R for itself and
    // leaves such a suggestion unassigned (test/e2e/browser-ui.e2e.ts checks the shortcut is given).
    commands: {
      [manifestVersion === 3 ? '_execute_action' : '_execute_browser_action']: {
        suggested_key: { default: 'Alt+Shift+O' },
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            // Beta Radar collects nothing; Firefox asks every new extension to say so.
            gecko: { id: 'beta-radar@beta-radar.org', data_collection_permissions: { required: ['none'] } },
          },
        }
      : {}),
  }),
});
