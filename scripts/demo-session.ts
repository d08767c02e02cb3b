/**
 * The demo's setting, shared by `npm start` (scripts/demo.ts) and the store screenshots
 * (scripts/store-screenshots.ts): a build of Beta Radar for a feed (by default the synthetic demo
 * feed, served on 127.0.0.1), a fixture job page under its real host name, and Chromium with the
 * extension loaded, once its first sync has run.
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeDemoFeed } from './demo-feed';
import { writeFeedIndex } from './build-feed-index';
import {
  FIXTURES_DIR,
  PROJECT_ROOT,
  launchBrowser,
  readAllFromStore,
  waitForSyncRun,
  type ExtensionBrowser,
  type SyncStatusEntry,
  startHttpServer,
  startHttpsServer,
  type FixtureServer,
} from '../test/e2e/harness';
import { DB_NAME, type StoredPosting } from '../src/store/db';

/** The job page the demo opens: the synthetic Welcome to the Jungle search fixture, under the real host name. */
export const DEMO_JOB_PAGE_URL = 'https://www.welcometothejungle.com/fr/jobs?query=developpeur';

export interface DemoSessionOptions {
  /** A real feed URL; without it the synthetic demo feed is written and served locally. */
  feed?: string;
  headless: boolean;
  /** Extra Chromium switches (e.g. `--lang=fr`). */
  browserArgs?: readonly string[];
}

export interface DemoSession {
  browser: ExtensionBrowser;
  feedUrl: string;
  /** The sync status after the first run, one entry per feed. */
  syncStates: SyncStatusEntry[];
  postings: StoredPosting[];
  /** Closes Chromium and the local servers. */
  close(): Promise<void>;
}

async function serveDemoFeed(servers: FixtureServer[]): Promise<string> {
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

export async function startDemoSession(options: DemoSessionOptions): Promise<DemoSession> {
  const servers: FixtureServer[] = [];
  const closeServers = () => Promise.all(servers.map((s) => s.close())).then(() => undefined);
  try {
    const feedUrl = options.feed ?? (await serveDemoFeed(servers));
    const extensionDir = join(PROJECT_ROOT, '.output', 'demo', 'chrome-mv3');
    console.log(`Building the extension for ${feedUrl} …`);
    const build = spawnSync('npx', ['wxt', 'build'], {
      cwd: PROJECT_ROOT,
      stdio: 'inherit',
      // The demo builds beside the release build so it never replaces it.
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
      headless: options.headless,
      hosts: { [new URL(DEMO_JOB_PAGE_URL).hostname]: jobSite.port },
      // A real --feed needs the internet; the demo feed is on 127.0.0.1 anyway.
      blockOtherHosts: false,
      ...(options.browserArgs ? { args: options.browserArgs } : {}),
    });
    try {
      const worker = await browser.waitForServiceWorker();
      const syncStates = await waitForSyncRun(worker, '', 60_000);
      const postings = await readAllFromStore<StoredPosting>(worker, DB_NAME, 'postings');
      return {
        browser,
        feedUrl,
        syncStates,
        postings,
        close: () => browser.close().finally(closeServers),
      };
    } catch (error) {
      await browser.close();
      throw error;
    }
  } catch (error) {
    await closeServers();
    throw error;
  }
}
