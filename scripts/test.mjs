// `npm test`: the whole suite from a fresh clone. Installs what is missing
// (npm packages; Debian's chromium when running as root), type-checks, builds
// both browsers' packages, then runs unit and end-to-end tests.

import { ensureDependencies, run } from './ensure-deps.mjs';

ensureDependencies();
const { ensureChromium } = await import('./ensure-chromium.mjs');
if (!ensureChromium()) process.exit(1);

run('npx', ['tsc', '--noEmit', '-p', '.']);
run('npx', ['wxt', 'build', '-b', 'chrome']);
run('npx', ['wxt', 'build', '-b', 'firefox']);
// The e2e harness reuses the build made just above.
const summaryFile = 'test-results/vitest-summary.json';
run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${summaryFile}`, ...process.argv.slice(2)], {
  E2E_SKIP_BUILD: '1',
});
// One plain closing line that any CI reader understands.
const { readFileSync } = await import('node:fs');
const summary = JSON.parse(readFileSync(summaryFile, 'utf8'));
const skipped = summary.numPendingTests + summary.numTodoTests;
console.log(`\ntests: ${summary.numPassedTests} passed, ${summary.numFailedTests} failed, ${skipped} skipped`);
