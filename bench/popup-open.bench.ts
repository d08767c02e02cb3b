/**
 * Popup open → first results painted, in Chromium with the built extension, on the 543 real
 * postings and on synthetic ones (10,000 by default). The extension syncs each feed from a local
 * "GitHub" under the real host names, its background builds and stores the search index, then
 * the popup is opened again and again. Figures are read from the popup's own performance marks
 * (milliseconds since its navigation started):
 * - first results: the list painted (`beta-radar:first-results`);
 * - search ready: the term sections in memory, typing gives results (`beta-radar:search-ready`);
 * - baseline: the same page's DOMContentLoaded, the floor of loading any extension page.
 * Prints figures; asserts nothing. Run: npx tsx bench/popup-open.bench.ts
 * Env: BENCH_POPUP_OPENS (default 15), BENCH_POPUP_SYNTHETIC (default 10000).
 */
import { buildExtension, launchBrowser, startHttpsServer, waitForSyncRun } from '../test/e2e/harness.ts';
import { readAllFromStore } from '../test/e2e/extension-data.ts';
import { createGitHubFeed, realPostingFiles, type FeedFile } from '../test/e2e/github-feed.ts';
import { syntheticPostingFiles } from '../test/helpers/synthetic-postings.ts';

const OPENS = Number(process.env.BENCH_POPUP_OPENS ?? 15);
const SYNTHETIC = Number(process.env.BENCH_POPUP_SYNTHETIC ?? 10_000);

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}
const fmt = (ms: number) => `${ms.toFixed(0)} ms`;

/**
 * Runs in the popup. A string, not a function: tsx would wrap a function's inner helpers in
 * its own `__name`, which does not exist in the page.
 */
const READ_MARKS = `(async () => {
  const wait = (name) => new Promise((resolve) => {
    const check = () => {
      const entry = performance.getEntriesByName(name)[0];
      if (entry) resolve(entry.startTime); else setTimeout(check, 5);
    };
    check();
  });
  const [firstResults, searchReady] = await Promise.all([wait('beta-radar:first-results'), wait('beta-radar:search-ready')]);
  const navigation = performance.getEntriesByType('navigation')[0];
  const at = (name) => performance.getEntriesByName(name)[0]?.startTime ?? NaN;
  return { firstResults, searchReady, domContentLoaded: navigation.domContentLoadedEventEnd, scriptStart: at('beta-radar:script-start'), docsRead: at('beta-radar:docs-read') };
})()`;

interface Opening {
  firstResults: number;
  searchReady: number;
  domContentLoaded: number;
  scriptStart: number;
  docsRead: number;
}

async function measure(label: string, files: FeedFile[], target: string): Promise<void> {
  const feed = createGitHubFeed(files);
  const server = await startHttpsServer(feed.router);
  const browser = await launchBrowser({ hosts: { 'api.github.com': server.port, 'raw.githubusercontent.com': server.port }, timeoutMs: 600_000 });
  try {
    const syncStart = performance.now();
    await waitForSyncRun(browser.serviceWorker, '', 1_800_000);
    const syncMs = performance.now() - syncStart;
    const records = await readAllFromStore<{ key: string; docs?: unknown[] }>(browser.serviceWorker, 'beta-radar', 'search');
    const docs = records.find((r) => r.key === 'docs')?.docs?.length ?? 0;

    const openings: Opening[] = [];
    // The first opening warms Chromium's caches for the extension's files; it is not counted.
    for (let i = 0; i <= OPENS; i += 1) {
      const popup = await browser.openPopup();
      const marks = (await popup.evaluate(READ_MARKS)) as Opening;
      if (i > 0) openings.push(marks);
      await popup.close();
    }
    const first = openings.map((o) => o.firstResults);
    const ready = openings.map((o) => o.searchReady);
    const dcl = openings.map((o) => o.domContentLoaded);
    console.log(`\n${label}: ${files.length} files, ${docs} postings indexed; first sync + index build ${fmt(syncMs)}`);
    console.log(`  popup open → first results painted  median ${fmt(quantile(first, 0.5))}  p95 ${fmt(quantile(first, 0.95))}   target ${target}`);
    console.log(`  popup open → search ready            median ${fmt(quantile(ready, 0.5))}  p95 ${fmt(quantile(ready, 0.95))}`);
    console.log(
      `  baseline: page DOMContentLoaded      median ${fmt(quantile(dcl, 0.5))}  p95 ${fmt(quantile(dcl, 0.95))}   ` +
        `first results / baseline ×${(quantile(first, 0.5) / quantile(dcl, 0.5)).toFixed(2)}`,
    );
    const stage = (pick: (o: Opening) => number) => fmt(quantile(openings.map(pick), 0.5));
    console.log(`  stages (medians): script starts ${stage((o) => o.scriptStart)}, posting list read ${stage((o) => o.docsRead)}, DOMContentLoaded ${stage((o) => o.domContentLoaded)}`);
    console.log(`  (${openings.length} openings, the first one not counted)`);
  } finally {
    await browser.close();
    await server.close();
  }
}

await buildExtension('chrome');
console.log(`# Popup open → first results, Chromium, ${OPENS} openings per corpus`);
await measure('real corpus', realPostingFiles(), '≤ 100 ms');
if (SYNTHETIC > 0) await measure(`synthetic ${SYNTHETIC}`, syntheticPostingFiles(SYNTHETIC), '≤ 250 ms');
