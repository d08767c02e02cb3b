import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { fileURLToPath } from 'node:url';

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
  vite: () => ({
    plugins: [preact()],
    resolve: {
      alias: [{ find: /^\.\/(lib\/)?engines(\.js)?$/, replacement: grayMatterEngines }],
    },
  }),
  manifest: {
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'fr',
    permissions: ['storage', 'alarms', 'unlimitedStorage'],
  },
});
