import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import { fileURLToPath } from 'node:url';

// gray-matter's lib/engines.js (js-yaml with `new Function`, a JavaScript engine with
// `eval`) is replaced by our YAML-only engines. Only gray-matter requires a module by
// these exact specifiers (checked across node_modules).
const grayMatterEngines = fileURLToPath(new URL('./src/postings/gray-matter-engines.ts', import.meta.url));

// Two projects: fast unit/integration tests in Node (fake browser, fake-indexeddb),
// and end-to-end tests that drive the built extension in Debian's Chromium.
export default defineConfig({
  plugins: [WxtVitest()],
  resolve: {
    alias: [{ find: /^\.\/(lib\/)?engines(\.js)?$/, replacement: grayMatterEngines }],
  },
  test: {
    // Inline gray-matter so the alias above applies in tests exactly as in the build.
    server: { deps: { inline: ['gray-matter'] } },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
          exclude: ['test/e2e/**'],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.e2e.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 300_000,
          // One Chromium at a time on a 2-core machine.
          fileParallelism: false,
        },
      },
    ],
  },
});
