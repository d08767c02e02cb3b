// The options page's Feeds section in Chromium, on the built extension: the default GitHub feed is
// listed with its last sync; a pasted address that is not a feed (a web page, a 404) is refused
// with a clear message and nothing saved; a static feed is checked by the background, saved,
// synced and shown with its result; "Sync now" runs a sync; removing the feed takes it out of the
// settings and the status. The static feed is served under beta.gouv.fr, a host the extension
// holds at install: under automation Chromium cannot answer a permission prompt, and for a held
// host `permissions.request` resolves at once, so the rest of the real path (request, check,
// save, sync) runs as for a new host.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import {
  byHost,
  getStorageLocal,
  json,
  launchBrowser,
  readAllFromStore,
  startHttpsServer,
  waitForSyncRun,
  type ExtensionBrowser,
  type FixtureServer,
  type Router,
  type SyncStatusEntry,
} from './harness.ts';
import { createGitHubFeed, UPSTREAM } from './github-feed.ts';
import { demoPostings } from '../../scripts/demo-feed.ts';
import { buildStaticIndex } from '../../src/feed/build-index.ts';
import { DB_NAME, type StoredPosting } from '../../src/store/db.ts';

const DEFAULT_FEED = `https://github.com/${UPSTREAM.owner}/${UPSTREAM.repo}/tree/${UPSTREAM.ref}/${UPSTREAM.folder}`;
const STATIC_FEED = 'https://beta.gouv.fr/flux-e2e/index.json';
const HTML_PAGE = 'https://beta.gouv.fr/pas-un-flux/index.json';
const MISSING = 'https://beta.gouv.fr/absent/index.json';

// Written for this test: two offers in the default feed.
const today = new Date().toISOString().slice(0, 10);
const GITHUB_FILES = [
  { name: `${today}-e2e-juriste.md`, text: `---\nroles: Juriste numérique (test e2e)\nopen: true\ndate: ${today}\n---\nUne offre écrite pour ce test.\n` },
  { name: `${today}-e2e-data.md`, text: `---\nroles: Data scientist (test e2e)\nopen: true\ndate: ${today}\n---\nUne autre offre écrite pour ce test.\n` },
];
const STATIC_FILES = demoPostings();
const STATIC_OPEN = 4; // demoPostings: one filled, one unpublished yesterday

let browser: ExtensionBrowser;
let server: FixtureServer;
let options: Page;

async function staticFeedRouter(): Promise<Router> {
  const index = await buildStaticIndex(STATIC_FILES);
  const files = new Map(STATIC_FILES.map((file) => [`/flux-e2e/${file.path}`, file.text]));
  return (request) => {
    const path = request.url.pathname;
    if (path === '/flux-e2e/index.json') return json(index);
    const text = files.get(decodeURIComponent(path));
    if (text !== undefined) return { headers: { 'content-type': 'text/markdown; charset=utf-8' }, body: text };
    if (path === '/pas-un-flux/index.json') return { headers: { 'content-type': 'text/html; charset=utf-8' }, body: '<!doctype html><title>Accueil</title><p>Bienvenue</p>' };
    return { status: 404, headers: { 'content-type': 'text/plain' }, body: 'not found' };
  };
}

const section = () => options.locator('[data-section="feeds"]');
const row = (url: string): Locator => section().locator(`li[data-feed="${url}"]`);
const shownFeeds = () => section().locator('li[data-feed]').evaluateAll((items) => items.map((li) => li.getAttribute('data-feed')));
const storedFeeds = async () => ((await getStorageLocal(browser.serviceWorker, 'settings')).settings as { feeds?: string[] } | undefined)?.feeds;
const statusOf = async (url: string) =>
  Object.values(((await getStorageLocal(browser.serviceWorker, 'syncStatus')).syncStatus ?? {}) as Record<string, SyncStatusEntry>).find((s) => s.url === url);

async function addFeed(url: string): Promise<void> {
  await section().getByLabel(/Adresse du flux|Feed address/).fill(url);
  await section().getByRole('button', { name: /Vérifier et ajouter|Check and add/ }).click();
}

describe('the options page manages the feeds', () => {
  beforeAll(async () => {
    const github = createGitHubFeed(GITHUB_FILES);
    server = await startHttpsServer(
      byHost({ 'api.github.com': github.router, 'raw.githubusercontent.com': github.router, 'beta.gouv.fr': await staticFeedRouter() }),
    );
    browser = await launchBrowser({ hosts: { 'api.github.com': server.port, 'raw.githubusercontent.com': server.port, 'beta.gouv.fr': server.port } });
    await waitForSyncRun(browser.serviceWorker);
    options = await browser.openExtensionPage('options.html');
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('lists the default feed with its kind and its last sync', async () => {
    await row(DEFAULT_FEED).waitFor();
    expect(await shownFeeds()).toEqual([DEFAULT_FEED]);
    const text = await row(DEFAULT_FEED).innerText();
    expect(text).toMatch(/Dossier GitHub|GitHub folder/);
    expect(text).toMatch(/: 2 (offres|offers)/);
  });

  it('refuses a web page and a missing address with a clear message, saving nothing', async () => {
    const before = await storedFeeds();
    await addFeed(HTML_PAGE);
    const alert = section().getByRole('alert');
    await expect.poll(() => alert.innerText()).toMatch(/pas avec un flux d'offres lisible|not with a readable feed/);
    await addFeed(MISSING);
    await expect.poll(() => alert.innerText()).toMatch(/erreur 404|error 404/);
    expect(await storedFeeds()).toEqual(before);
    expect(await shownFeeds()).toEqual([DEFAULT_FEED]);
    // The background did fetch both: the refusal comes from what they answered.
    const asked = server.requests.filter((r) => r.host === 'beta.gouv.fr').map((r) => r.url.pathname);
    expect(asked).toEqual(expect.arrayContaining(['/pas-un-flux/index.json', '/absent/index.json']));
  });

  it('checks a static feed, saves it, syncs it and shows its result', async () => {
    const since = new Date().toISOString();
    await addFeed(STATIC_FEED);
    await expect.poll(() => section().locator('[data-feeds-notice]').innerText()).toMatch(/(Flux ajouté|Feed added) \(.*, 6 (offres|offers)\)/);
    expect(await section().getByRole('alert').count()).toBe(0);
    expect(await storedFeeds()).toEqual([DEFAULT_FEED, STATIC_FEED]);
    expect(await shownFeeds()).toEqual([DEFAULT_FEED, STATIC_FEED]);
    // Saving the list made the background sync, the new feed included.
    await waitForSyncRun(browser.serviceWorker, since);
    expect(await statusOf(STATIC_FEED)).toMatchObject({ lastError: null, counts: { stored: 6, open: STATIC_OPEN } });
    const postings = await readAllFromStore<StoredPosting>(browser.serviceWorker, DB_NAME, 'postings');
    expect(postings.filter((p) => p.sourceId === `static:${STATIC_FEED}`)).toHaveLength(6);
    await expect.poll(() => row(STATIC_FEED).innerText()).toMatch(new RegExp(`: 6 (offres|offers), (dont )?${STATIC_OPEN}`));
    expect(await row(STATIC_FEED).innerText()).toMatch(/Index statique|Static index/);
  });

  it('syncs now from the options page', async () => {
    const since = new Date().toISOString();
    const listings = () => server.requests.filter((r) => r.url.pathname === '/flux-e2e/index.json').length;
    const before = listings();
    await section().getByRole('button', { name: /Synchroniser maintenant|Sync now/ }).click();
    await expect.poll(() => section().locator('[data-feeds-sync-notice]').innerText()).toMatch(/Synchronisation terminée|Sync finished/);
    const statuses = await waitForSyncRun(browser.serviceWorker, since);
    expect(statuses.map((s) => s.url).sort()).toEqual([DEFAULT_FEED, STATIC_FEED].sort());
    expect(listings()).toBeGreaterThan(before);
  });

  it('removes a feed from the list, the settings and the status', async () => {
    const since = new Date().toISOString();
    await row(STATIC_FEED).getByRole('button', { name: /Retirer|Remove/ }).click();
    await expect.poll(shownFeeds).toEqual([DEFAULT_FEED]);
    expect(await storedFeeds()).toEqual([DEFAULT_FEED]);
    await waitForSyncRun(browser.serviceWorker, since);
    expect(await statusOf(STATIC_FEED)).toBeUndefined();
    // beta.gouv.fr is a host the manifest requires: removing the feed does not give it back.
    const held = await options.evaluate(() =>
      (globalThis as unknown as { chrome: { permissions: { contains(p: object): Promise<boolean> } } }).chrome.permissions.contains({ origins: ['https://beta.gouv.fr/*'] }),
    );
    expect(held).toBe(true);
    expect(browser.errors.filter((e) => e.source === 'page')).toEqual([]);
  });
});
