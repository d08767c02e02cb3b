import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// WXT imports this file in Node at build time: keep it free of browser code.
export default defineConfig({
  srcDir: '.',
  entrypointsDir: 'entrypoints',
  publicDir: 'public',
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({
    plugins: [preact()],
  }),
  manifest: {
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'fr',
    permissions: ['storage', 'alarms', 'unlimitedStorage'],
  },
});
