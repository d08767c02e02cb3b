/**
 * `npm start`: builds Beta Radar and starts Chromium with it loaded, synced
 * against a feed. With no `--feed`, a small synthetic demo feed is written and
 * served on localhost, so it works offline. Without a display (no $DISPLAY, or
 * --headless) it runs headless, writes screenshots of the popup and of a
 * job-site page, prints what it synced, and exits.
 *
 *   npm start                        demo feed, headed when a display exists
 *   npm start -- --feed <url>        a real feed (GitHub folder or index.json)
 *   npm start -- --headless --out d  screenshots into d/
 */
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { writeDemoFeed } from './demo-feed';
import { writeFeedIndex } from './build-feed-index';
import {
  FIXTURES_DIR,
  PROJECT_ROOT,
  launchBrowser,
  readAllFromStore,
  waitForSyncRun,
  type SyncStatusEntry,
  startHttpServer,
  startHttpsServer,
  type FixtureServer,
} from '../test/e2e/harness';
import { DB_NAME, type StoredPosting } from '../src/store/db';
import { isOpenAt } from '../src/postings/status';

const { values } = parseArgs({
  options: {
    feed: { type: 'string' },
    out: { type: 'string', default: 'demo-output' },
    headless: { type: 'boolean', default: !process.env.DISPLAY },
  },
});
const outDir = resolve(PROJECT_ROOT, values.out!);
const servers: FixtureServer[] = [];

async function serveDemoFeed(): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'beta-radar-demo-feed-'));
  await writeDemoFeed(folder);
  await writeFeedIndex(folder);
  const server = await startHttpServer(async ({ url }) => {
    const name = decodeURIComponent(url.pathname.slice(1));
    if (name.includes('/') || name.startsWith('.')) return { status: 404 };
    try {
      const body = await readFile(join(folder, name));
      const type = name.endsWith('.json') ? 'application/json' : 'text/markdown; charset=utf-8';
      // CORS like GitHub's and static hosts': the extension needs no host permission for feeds.
      return { headers: { 'content-type': type, 'access-control-allow-origin': '*' }, body };
    } catch {
      return { status: 404, headers: { 'access-control-allow-origin': '*' }, body: 'not found' };
    }
  });
  servers.push(server);
  console.log(`Demo feed: ${folder} served at http://127.0.0.1:${server.port}/index.json`);
  return `http://127.0.0.1:${server.port}/index.json`;
}

async function main(): Promise<void> {
  const feedUrl = values.feed ?? (await serveDemoFeed());
  const extensionDir = join(PROJECT_ROOT, '.output', 'demo', 'chrome-mv3');
  console.log(`Building the extension for ${feedUrl} …`);
  const build = spawnSync('npx', ['wxt', 'build'], {
    cwd: PROJECT_ROOT,
    stdio: 'inherit',
    env: { ...process.env, WXT_FEED_URL: feedUrl, WXT_OUT_DIR: '.output/demo' },
  });
  if (build.status !== 0) throw new Error('the build failed (see above)');

  // A job-site page under its real host name, served locally (synthetic fixture).
  const jobSite = await startHttpsServer(async () => ({
    headers: { 'content-type': 'text/html; charset=utf-8' },
    body: await readFile(join(FIXTURES_DIR, 'job-sites', 'wttj-search.html')),
  }));
  servers.push(jobSite);

  const browser = await launchBrowser({
    extensionDir,
    headless: values.headless,
    hosts: { 'www.welcometothejungle.com': jobSite.port },
    // A real --feed needs the internet; the demo feed is on 127.0.0.1 anyway.
    blockOtherHosts: false,
  });
  try {
    const worker = await browser.waitForServiceWorker();
    const state = await waitForSyncRun(worker, '', 60_000);
    const postings = await readAllFromStore<StoredPosting>(worker, DB_NAME, 'postings');
    printSync(state, postings);

    await mkdir(outDir, { recursive: true });
    const popup = await browser.openPopup();
    await popup.setViewportSize({ width: 400, height: 600 });
    await popup.waitForSelector('[data-posting-id], [data-empty-state]');
    await popup.screenshot({ path: join(outDir, 'popup.png') });
    const page = await browser.newTab('https://www.welcometothejungle.com/fr/jobs?query=developpeur');
    await page.setViewportSize({ width: 1200, height: 800 });
    await page.screenshot({ path: join(outDir, 'job-site.png') });
    console.log(`Screenshots: ${join(outDir, 'popup.png')}, ${join(outDir, 'job-site.png')}`);

    if (!values.headless) {
      console.log('Chromium is open with Beta Radar loaded. Close its window (or press Ctrl-C) to stop.');
      await new Promise<void>((done) => {
        browser.context.on('close', () => done());
        process.once('SIGINT', () => done());
      });
    }
  } finally {
    await browser.close();
  }
}

function printSync(states: SyncStatusEntry[], postings: StoredPosting[]): void {
  for (const s of states) {
    if (s.lastError) console.log(`✗ ${s.url}: ${s.lastError.message}`);
    else console.log(`✓ ${s.url}: ${s.counts?.stored ?? 0} postings stored (${s.counts?.open ?? 0} open), ${s.counts?.rejected ?? 0} rejected`);
  }
  const now = new Date();
  const rows = [...postings].sort((a, b) => (b.date ?? '').localeCompare(a.date ?? ''));
  for (const p of rows.slice(0, 30)) {
    console.log(`  ${isOpenAt(p, now) ? 'open  ' : 'closed'}  ${p.date ?? '????-??-??'}  ${p.title}${p.startupRef ? ` — ${p.startupRef}` : ''}`);
  }
  if (rows.length > 30) console.log(`  … and ${rows.length - 30} more`);
}

main()
  .catch((error: unknown) => {
    console.error(`✗ ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  })
  .finally(() => Promise.all(servers.map((s) => s.close())));
