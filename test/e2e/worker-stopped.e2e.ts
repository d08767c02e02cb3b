// MV3 stops idle or long-running service workers whenever it likes. A sync cut off half-way must
// leave the database as it was, and the next run must complete the work (and announce nothing twice).

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, readAllFromStore, startHttpsServer, waitForSyncRun, type ExtensionBrowser, type FixtureServer } from './harness.ts';
import { createGitHubFeed, realPostingFiles } from './github-feed.ts';
import { DB_NAME, type StoredPosting } from '../../src/store/db.ts';

let browser: ExtensionBrowser;
let server: FixtureServer;
let slow = true;
let rawServed = 0;

describe('a service worker stopped in the middle of a sync', () => {
  beforeAll(async () => {
    const feed = createGitHubFeed(realPostingFiles());
    server = await startHttpsServer(async (request) => {
      if (request.host === 'raw.githubusercontent.com') {
        rawServed++;
        // Slow enough that the first sync is still running when the worker is stopped.
        if (slow) await new Promise((r) => setTimeout(r, 40));
      }
      return feed.router(request);
    });
    browser = await launchBrowser({ hosts: { 'api.github.com': server.port, 'raw.githubusercontent.com': server.port } });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('loses nothing, and the next run completes the work', async () => {
    await expect.poll(() => rawServed, { timeout: 30_000 }).toBeGreaterThan(40);
    const page = await browser.openExtensionPage('popup.html');
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    const servedWhenStopped = rawServed;
    expect(servedWhenStopped).toBeLessThan(543);
    // The worker really stopped: the run's fetches stop coming (a few were in flight).
    await new Promise((r) => setTimeout(r, 1_500));
    expect(rawServed - servedWhenStopped).toBeLessThanOrEqual(4);

    // Nothing half-written: the run's single transaction never committed.
    await expect(readAllFromStore<StoredPosting>(page, DB_NAME, 'postings')).resolves.toEqual([]);

    slow = false;
    const startedAt = new Date().toISOString();
    await page.reload();
    await page.getByRole('button', { name: /synchroniser|sync now/i }).click();
    const [status] = await waitForSyncRun(page, startedAt);
    expect(status).toMatchObject({ lastError: null, counts: { stored: 543 } });
    expect(await readAllFromStore<StoredPosting>(page, DB_NAME, 'postings')).toHaveLength(543);
    // Still the install's silent first sync: no offer announced one by one.
    const shown = await page.evaluate(() => (globalThis as unknown as { chrome: { notifications: { getAll(): Promise<object> } } }).chrome.notifications.getAll());
    expect(Object.keys(shown).filter((id) => id.startsWith('offer'))).toEqual([]);
    await page.close();
  });
});
