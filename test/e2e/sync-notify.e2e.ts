// The sync as a user meets it, in the real browser: the extension freshly installed with its
// default feed syncs all 543 real postings from "GitHub" (a local HTTPS server under the real host
// names) without a notification per offer; then a new open posting is published, the hourly alarm
// fires, and exactly one notification appears and the badge says 1. Opening the popup clears the
// badge; "Sync now" with nothing new costs one conditional request.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import {
  byHost,
  json,
  launchBrowser,
  readAllFromStore,
  setStorageLocal,
  startHttpsServer,
  waitForSyncRun,
  type ExtensionBrowser,
  type FixtureServer,
} from './harness.ts';
import { createGitHubFeed, realPostingFiles, type GitHubFeed } from './github-feed.ts';
import { CORPUS_DIR } from '../helpers/shared.ts';
import { DB_NAME, type StoredPosting } from '../../src/store/db.ts';

let browser: ExtensionBrowser;
let server: FixtureServer;
let feed: GitHubFeed;

type ChromeApi = {
  chrome: {
    notifications: { getAll(): Promise<Record<string, unknown>> };
    action: { getBadgeText(details: object): Promise<string> };
  };
};

const notifications = () => browser.serviceWorker.evaluate(() => (globalThis as unknown as ChromeApi).chrome.notifications.getAll());
/** Makes the hourly sync alarm due now: the path a real user's browser takes. */
const fireSyncAlarm = () =>
  browser.serviceWorker.evaluate(() =>
    (globalThis as unknown as { chrome: { alarms: { create(name: string, info: object): Promise<void> } } }).chrome.alarms.create('sync', {
      when: Date.now(),
      periodInMinutes: 60,
    }),
  );
const badge = () => browser.serviceWorker.evaluate(() => (globalThis as unknown as ChromeApi).chrome.action.getBadgeText({}));

const NEW_POSTING = `---
roles: Développeur·se TypeScript (test e2e)
open: true
startup: beta-radar-test
date: ${new Date().toISOString().slice(0, 10)}
---
Une offre écrite pour le test de bout en bout.
`;

describe('sync and new-offer notifications in Chromium', () => {
  beforeAll(async () => {
    feed = createGitHubFeed(realPostingFiles());
    const startups = JSON.parse(readFileSync(`${CORPUS_DIR}startups.json`, 'utf8')) as unknown;
    server = await startHttpsServer(
      byHost({
        'api.github.com': feed.router,
        'raw.githubusercontent.com': feed.router,
        'beta.gouv.fr': (request) => (request.url.pathname === '/api/v2.6/startups.json' ? json(startups) : { status: 404 }),
      }),
    );
    browser = await launchBrowser({
      hosts: { 'api.github.com': server.port, 'raw.githubusercontent.com': server.port, 'beta.gouv.fr': server.port },
    });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('syncs all 543 postings on install, silently but for one summary', async () => {
    const [status] = await waitForSyncRun(browser.serviceWorker);
    expect(status).toMatchObject({ lastError: null, counts: { listed: 543, stored: 543, rejected: 0 } });
    const stored = await readAllFromStore<StoredPosting>(browser.serviceWorker, DB_NAME, 'postings');
    expect(stored).toHaveLength(543);
    // The startups registry came from beta.gouv.fr: most references resolve.
    expect(stored.filter((p) => p.startupId !== null).length).toBeGreaterThan(300);
    const shown = Object.keys(await notifications());
    expect(shown.filter((id) => id.startsWith('offer'))).toEqual([]);
    expect(shown.filter((id) => id.startsWith('summary')).length).toBeLessThanOrEqual(1);
    expect(await badge()).toBe('');
  });

  it('announces a newly published open offer exactly once, with the badge at 1', async () => {
    const before = Object.keys(await notifications());
    feed.files.set('2099-01-01-beta-radar-e2e.md', NEW_POSTING);
    const requestsBefore = server.requests.length;

    const startedAt = new Date().toISOString();
    await fireSyncAlarm();
    await waitForSyncRun(browser.serviceWorker, startedAt);
    // One tree listing and one raw file: nothing else was fetched.
    const fetched = server.requests.slice(requestsBefore).filter((r) => r.host !== 'beta.gouv.fr');
    expect(fetched.map((r) => r.host)).toEqual(['api.github.com', 'raw.githubusercontent.com']);

    await expect.poll(async () => Object.keys(await notifications()).filter((id) => !before.includes(id))).toEqual([
      'offer:github:betagouv/beta.gouv.fr/d919d8a8f4fc2ef945d3665a230d5fe2702dda7d/content/_jobs 2099-01-01-beta-radar-e2e',
    ]);
    await expect.poll(badge).toBe('1');
  });

  it('clears the badge once the popup has shown the new offer', async () => {
    const popup = await browser.openPopup();
    await popup.locator('[data-posting-id="2099-01-01-beta-radar-e2e"][data-new]').waitFor();
    await expect.poll(badge).toBe('');
    await popup.close();
    expect(browser.errors).toEqual([]);
  });

  it('"Sync now" with nothing new makes one request, answered 304, and notifies nothing', async () => {
    const before = Object.keys(await notifications());
    const notModified = feed.counts.notModified;
    const again = await browser.openPopup();
    const secondAt = new Date().toISOString();
    const count = server.requests.length;
    await again.getByRole('button', { name: /synchroniser|sync now/i }).click();
    await waitForSyncRun(browser.serviceWorker, secondAt);
    expect(server.requests.slice(count).map((r) => r.host)).toEqual(['api.github.com']);
    expect(feed.counts.notModified).toBe(notModified + 1);
    expect(Object.keys(await notifications()).filter((id) => !before.includes(id))).toEqual([]);
    await again.close();
  });
  it('with an alert saved, notifies only the offers it matches (the badge counts them all)', async () => {
    await setStorageLocal(browser.serviceWorker, {
      alerts: [{ id: 'a1', query: 'designer', filters: {}, createdAt: new Date().toISOString() }],
    });
    const before = Object.keys(await notifications());
    feed.files.set('2099-01-02-designer.md', NEW_POSTING.replace('Développeur·se TypeScript', 'Designer·euse produit'));
    feed.files.set('2099-01-03-juriste.md', NEW_POSTING.replace('Développeur·se TypeScript', 'Juriste'));
    const startedAt = new Date().toISOString();
    await fireSyncAlarm();
    await waitForSyncRun(browser.serviceWorker, startedAt);
    await expect.poll(badge).toBe('2');
    expect(Object.keys(await notifications()).filter((id) => !before.includes(id))).toEqual([
      'offer:github:betagouv/beta.gouv.fr/d919d8a8f4fc2ef945d3665a230d5fe2702dda7d/content/_jobs 2099-01-02-designer',
    ]);
  });
});
