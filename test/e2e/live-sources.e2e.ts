// The live sources as a user meets them, in the real browser: the sites' pages (written by the
// project, built by test/helpers/live-sites.ts) are served under their real host names,
// www.welcometothejungle.com and choisirleservicepublic.gouv.fr, with several pages of CSP results.
// Nothing is requested before the user enables a source; the popup offers them at first run; the
// options page enables them; the first sync is silent; a new offer notifies once (once too when it
// appears on both sites); one that leaves the listing closes; the same offer on both sites is one
// offer with two links; a listing whose markup changed is reported and loses nothing while the
// other source goes on.
//
// Chromium under automation cannot answer a permission prompt: the first part runs a copy of the
// build whose manifest already holds the two sites (what a user's "Allow" gives); the last test
// runs the build as shipped, where the sites are not granted, and checks nothing is requested.

import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  byHost,
  extensionWithGrantedHosts,
  fixtureFile,
  getStorageLocal,
  json,
  launchBrowser,
  readAllFromStore,
  setStorageLocal,
  startHttpsServer,
  waitForSyncRun,
  type ExtensionBrowser,
  type FixtureRequest,
  type FixtureResponse,
  type FixtureServer,
} from './harness.ts';
import { createGitHubFeed, type GitHubFeed } from './github-feed.ts';
import { CORPUS_DIR } from '../helpers/shared.ts';
import { cspListingUrl, cspSite, wttjListingUrl, wttjSite, type LiveOfferSpec } from '../helpers/live-sites.ts';
import { CSP_HOST, SUGGESTED_LIVE_SOURCES, WTTJ_HOST } from '../../src/feed/feed-url.ts';
import { DB_NAME, type StoredPosting } from '../../src/store/db.ts';
import { defaultSettings, readSettings } from '../../src/settings/settings.ts';

const [WTTJ_SOURCE, CSP_SOURCE] = SUGGESTED_LIVE_SOURCES as [string, string];
const CSP_ID = 'csp:organisme/10668';
const WTTJ_ID = 'wttj:communaute-beta-gouv';
const GRANTED = [`https://${WTTJ_HOST}/*`, `https://${CSP_HOST}/*`];

const DAY = 86_400_000;
/** Days relative to the run, so the offers are open whatever day the suite runs. */
const day = (offset: number) => new Date(Date.now() + offset * DAY).toISOString().slice(0, 10);

function offer(id: string, title: string, organisation: string, age: number, extra: Partial<LiveOfferSpec> = {}): LiveOfferSpec {
  return {
    id,
    title,
    organisation,
    date: day(-age),
    validThrough: day(30),
    location: 'Paris (75)',
    domaine: 'Numérique',
    description: `Une offre écrite pour le test de bout en bout : ${title}.\n\n- Travailler avec les usagers\n- Livrer souvent`,
    ...extra,
  };
}

const DINUM = 'Direction interministérielle du numérique (DINUM)';
// Three CSP offers on two pages (two a page); the first is also on WTTJ, written its way.
const cspOffers: LiveOfferSpec[] = [
  offer('2026-9900101', 'Développeur·se full-stack - Trackdéchets (H/F)', DINUM, 2),
  offer('2026-9900102', 'Product Owner - DossierFacile (H/F)', DINUM, 5),
  offer('2026-9900103', 'Chargé·e de déploiement - Aidants Connect (H/F)', 'Ministère de la Justice', 9),
];
const wttjOffers: LiveOfferSpec[] = [
  offer('developpeur-se-full-stack-trackdechets_paris', 'Développeur·se Full-Stack – Trackdéchets', 'beta.gouv.fr', 1, { location: 'Paris', contract: 'CDI' }),
  offer('designer-de-services-pix_paris', 'Designer de services – Pix', 'beta.gouv.fr', 3, { location: 'Paris', contract: 'Freelance' }),
];
let cspMarkupChanged = false;

function page(html: string | undefined): FixtureResponse {
  if (html === undefined) return { status: 404, headers: { 'content-type': 'text/plain' }, body: 'not found' };
  return { status: 200, headers: { 'content-type': 'text/html; charset=utf-8' }, body: html };
}

/** Builds each answer from the offers listed now, as the sites would. */
const cspRoute = async (request: FixtureRequest): Promise<FixtureResponse> => {
  const isListing = request.url.pathname.startsWith('/nos-offres/');
  if (isListing && cspMarkupChanged) return fixtureFile('live-sources/csp-listing-changed.html');
  return page(cspSite(cspOffers, { perPage: 2 }).get(request.url.href));
};
const wttjRoute = (request: FixtureRequest): FixtureResponse => page(wttjSite(wttjOffers).get(`https://${WTTJ_HOST}${request.url.pathname}`));

type ChromeApi = { chrome: { notifications: { getAll(): Promise<Record<string, unknown>> } } };

let server: FixtureServer;
let feed: GitHubFeed;
let startups: unknown;

function routes() {
  return byHost({
    'api.github.com': feed.router,
    'raw.githubusercontent.com': feed.router,
    'beta.gouv.fr': (request) => (request.url.pathname === '/api/v2.6/startups.json' ? json(startups) : { status: 404 }),
    [CSP_HOST]: cspRoute,
    [WTTJ_HOST]: wttjRoute,
  });
}

const hosts = () => ({
  'api.github.com': server.port,
  'raw.githubusercontent.com': server.port,
  'beta.gouv.fr': server.port,
  [CSP_HOST]: server.port,
  [WTTJ_HOST]: server.port,
});

/** The requests made to a live site since `from` (an index into server.requests), as paths. */
const liveRequests = (host: string, from = 0) => server.requests.slice(from).filter((r) => r.host === host).map((r) => r.url.pathname);

beforeAll(async () => {
  // The default feed holds one old posting: the live sources are what is current.
  feed = createGitHubFeed([{ name: '2024-03-01-dev.md', text: '---\nroles: Développeur·se\nopen: false\nstartup: demo\n---\nAncienne offre.\n' }]);
  startups = JSON.parse(readFileSync(`${CORPUS_DIR}startups.json`, 'utf8')) as unknown;
  server = await startHttpsServer(routes());
});
afterAll(async () => {
  await server?.close();
});

describe('live sources in Chromium, the sites granted', () => {
  let browser: ExtensionBrowser;
  let granted: { dir: string; dispose(): Promise<void> };
  const notifications = async () => Object.keys(await browser.serviceWorker.evaluate(() => (globalThis as unknown as ChromeApi).chrome.notifications.getAll()));
  const offerNotifications = async () => (await notifications()).filter((id) => id.startsWith('offer:'));
  const stored = async (sourceId: string) => (await readAllFromStore<StoredPosting>(browser.serviceWorker, DB_NAME, 'postings')).filter((p) => p.sourceId === sourceId);
  const statusOf = async (sourceId: string) =>
    ((await getStorageLocal(browser.serviceWorker, 'syncStatus')).syncStatus as Record<string, { lastSuccessAt: string | null; lastError: { kind: string } | null }> | undefined)?.[sourceId];

  /** "Sync now", as the popup's button sends it; answers when the run (and its notifications) are done. */
  async function syncNow(): Promise<void> {
    const page = await browser.openExtensionPage('options.html');
    await page.evaluate(() => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: object): Promise<unknown> } } }).chrome.runtime.sendMessage({ type: 'popup/sync-now', payload: {} }));
    await page.close();
  }

  beforeAll(async () => {
    granted = await extensionWithGrantedHosts(GRANTED);
    browser = await launchBrowser({ extensionDir: granted.dir, hosts: hosts() });
    await waitForSyncRun(browser.serviceWorker);
  });
  afterAll(async () => {
    await browser?.close();
    await granted?.dispose();
  });

  it('requests nothing from the sites before the user enables them, and the popup offers them', async () => {
    expect(liveRequests(CSP_HOST)).toEqual([]);
    expect(liveRequests(WTTJ_HOST)).toEqual([]);
    const popup = await browser.openPopup();
    const card = popup.locator('[data-live-sources-offer]');
    await card.waitFor();
    const opened = browser.context.waitForEvent('page');
    await card.locator('[data-action="choose-live-sources"]').click();
    const options = await opened;
    await options.waitForLoadState('load');
    expect(new URL(options.url()).hash).toBe('#live-sources');
    await expect.poll(() => options.evaluate(() => document.activeElement?.id)).toBe('live-sources');
    // Answered: not offered again.
    const again = await browser.openPopup();
    await again.locator('[data-action="sync"]').waitFor();
    expect(await again.locator('[data-live-sources-offer]').count()).toBe(0);
    await again.close();
    await options.close();
    expect(liveRequests(CSP_HOST)).toEqual([]);
  });

  it('enables each source from the options: one page for the check, then a silent first sync of every page', async () => {
    const options = await browser.openExtensionPage('options.html#live-sources');
    const from = server.requests.length;
    await options.locator(`[data-suggested-source="${CSP_SOURCE}"] [data-action="add-live-source"]`).click();
    await expect.poll(async () => (await statusOf(CSP_ID))?.lastSuccessAt ?? null, { timeout: 60_000 }).not.toBeNull();
    expect((await stored(CSP_ID)).map((p) => p.id).sort()).toEqual(['2026-9900101', '2026-9900102', '2026-9900103']);
    // The check read page 1; the sync read pages 1 and 2, and each offer's page once.
    const listing = new URL(cspListingUrl()).pathname;
    expect(liveRequests(CSP_HOST, from).filter((path) => path.startsWith('/nos-offres/'))).toEqual([listing, listing, `${listing}page/2/`]);
    expect(liveRequests(CSP_HOST, from).filter((path) => path.startsWith('/offre-emploi/'))).toHaveLength(3);

    const fromWttj = server.requests.length;
    await options.locator(`[data-suggested-source="${WTTJ_SOURCE}"] [data-action="add-live-source"]`).click();
    await expect.poll(async () => (await statusOf(WTTJ_ID))?.lastSuccessAt ?? null, { timeout: 60_000 }).not.toBeNull();
    expect((await stored(WTTJ_ID)).map((p) => p.id).sort()).toEqual(wttjOffers.map((o) => o.id).sort());
    // The settings change syncs again, but CSP was listed a minute ago: it is left alone.
    expect(liveRequests(CSP_HOST, fromWttj)).toEqual([]);
    await options.locator('[data-live-sources="all-on"]').waitFor();
    await options.close();

    // The postings carry what the pages said.
    const [fullStack] = (await stored(CSP_ID)).filter((p) => p.id === '2026-9900101');
    expect(fullStack).toMatchObject({ title: 'Développeur·se full-stack - Trackdéchets (H/F)', openAtLastSync: true, removedAt: null, location: expect.stringContaining('Paris') });
    expect(fullStack?.pageUrl).toMatch(/^https:\/\/choisirleservicepublic\.gouv\.fr\/offre-emploi\/.*-reference-2026-9900101\/$/);
    expect(fullStack?.startupId).toBe('trackdechets');
    expect(fullStack?.body).toContain('Travailler avec les usagers');
    // First syncs are silent: a summary at most, no offer one by one.
    expect(await offerNotifications()).toEqual([]);
  });

  it('shows the offer published on both sites once, with a link to each', async () => {
    const popup = await browser.openPopup();
    await popup.locator('.popup__query').fill('trackdechets');
    const results = popup.locator('[role="option"]');
    await expect.poll(() => results.count()).toBe(1);
    await results.first().click();
    const links = popup.locator('[data-offer-links] a');
    await expect.poll(() => links.count()).toBe(2);
    const hrefs = await links.evaluateAll((anchors) => anchors.map((a) => (a as HTMLAnchorElement).href));
    expect(hrefs.sort()).toEqual(
      [expect.stringMatching(/^https:\/\/choisirleservicepublic\.gouv\.fr\/offre-emploi\//), `https://${WTTJ_HOST}/fr/companies/communaute-beta-gouv/jobs/${wttjOffers[0]!.id}`].sort(),
    );
    await popup.close();
  });

  it('announces a new offer once, reading only its page', async () => {
    const before = await offerNotifications();
    cspOffers.unshift(offer('2026-9900104', 'Data analyst - Mon Suivi Justice (H/F)', 'Ministère de la Justice', 0));
    const from = server.requests.length;
    await syncNow();
    expect(liveRequests(CSP_HOST, from).filter((path) => path.startsWith('/offre-emploi/'))).toEqual([expect.stringContaining('reference-2026-9900104')]);
    await expect.poll(async () => (await offerNotifications()).filter((id) => !before.includes(id))).toEqual([`offer:${CSP_ID} 2026-9900104`]);
    // Nothing new: nothing announced again, no offer page read.
    const again = server.requests.length;
    await syncNow();
    expect(liveRequests(CSP_HOST, again).filter((path) => path.startsWith('/offre-emploi/'))).toEqual([]);
    expect((await offerNotifications()).filter((id) => !before.includes(id))).toEqual([`offer:${CSP_ID} 2026-9900104`]);
  });

  it('announces an offer that appears on both sites at once only once', async () => {
    const before = await offerNotifications();
    cspOffers.unshift(offer('2026-9900105', 'Coach produit - Acceslibre (H/F)', DINUM, 0));
    wttjOffers.unshift(offer('coach-produit-acceslibre_paris', 'Coach produit – Acceslibre', 'beta.gouv.fr', 0, { location: 'Paris' }));
    await syncNow();
    await expect.poll(async () => (await offerNotifications()).filter((id) => !before.includes(id)).length).toBe(1);
    // Both copies are stored; the popup shows one offer.
    expect((await stored(CSP_ID)).some((p) => p.id === '2026-9900105')).toBe(true);
    expect((await stored(WTTJ_ID)).some((p) => p.id === 'coach-produit-acceslibre_paris')).toBe(true);
    const popup = await browser.openPopup();
    await popup.locator('.popup__query').fill('acceslibre');
    await expect.poll(() => popup.locator('[role="option"]').count()).toBe(1);
    await popup.close();
  });

  it('closes an offer that left the listing, and keeps it', async () => {
    const [left] = cspOffers.splice(cspOffers.findIndex((o) => o.id === '2026-9900103'), 1);
    await syncNow();
    const closed = (await stored(CSP_ID)).find((p) => p.id === left!.id);
    expect(closed).toMatchObject({ openAtLastSync: false });
    expect(closed?.removedAt).not.toBeNull();
    // The popup lists it as closed: gone from the open offers, there with the closed ones.
    const popup = await browser.openPopup();
    await popup.locator('.popup__query').fill('aidants connect');
    await popup.locator('[data-action="sync"]').waitFor();
    await expect.poll(() => popup.locator('[role="option"]').count()).toBe(0);
    await popup.close();
    const searched = await readAllFromStore<{ key: string; docs: { id: string; openFlag: boolean }[] }>(browser.serviceWorker, DB_NAME, 'search');
    expect(searched.find((record) => record.key === 'docs')?.docs.find((doc) => doc.id === left!.id)?.openFlag).toBe(false);
  });

  it('reports a listing whose markup changed, keeps its offers, and syncs the other source', async () => {
    const before = await stored(CSP_ID);
    const announced = await offerNotifications();
    cspMarkupChanged = true;
    wttjOffers.unshift(offer('intrapreneur-e-carnet-de-bord_paris', 'Intrapreneur·e – Carnet de Bord', 'beta.gouv.fr', 0, { location: 'Paris' }));
    await syncNow();
    expect((await statusOf(CSP_ID))?.lastError?.kind).toBe('reader-outdated');
    const after = await stored(CSP_ID);
    expect(after.map((p) => [p.id, p.removedAt])).toEqual(before.map((p) => [p.id, p.removedAt]));
    await expect.poll(async () => (await offerNotifications()).filter((id) => !announced.includes(id))).toEqual([`offer:${WTTJ_ID} intrapreneur-e-carnet-de-bord_paris`]);

    const popup = await browser.openPopup();
    const line = popup.locator(`[data-sync-source="${CSP_ID}"][data-sync-error="reader-outdated"]`);
    await line.waitFor();
    expect(await line.textContent()).toMatch(/n’est peut-être plus à jour|may be out of date/);
    await popup.close();
    const options = await browser.openExtensionPage('options.html');
    await options.locator(`[data-feed="${CSP_SOURCE}"] [data-feed-error="reader-outdated"]`).waitFor();
    await options.close();
    cspMarkupChanged = false;
    expect(browser.errors).toEqual([]);
  });
});

describe('live sources in Chromium, as shipped: the sites not granted', () => {
  it('requests nothing from a source whose site the user did not allow, and says so', async () => {
    const browser = await launchBrowser({ hosts: hosts() });
    try {
      await waitForSyncRun(browser.serviceWorker);
      const from = server.requests.length;
      // A fresh install stores no settings until one is changed: the defaults are what it follows.
      const settings = readSettings((await getStorageLocal(browser.serviceWorker, 'settings')).settings, defaultSettings());
      // The feed list changed: the background syncs, and finds the site not granted.
      await setStorageLocal(browser.serviceWorker, { settings: { ...settings, feeds: [...settings.feeds, CSP_SOURCE] } });
      const status = async () => ((await getStorageLocal(browser.serviceWorker, 'syncStatus')).syncStatus as Record<string, { lastError: { kind: string } | null }>)[CSP_ID];
      await expect.poll(async () => (await status())?.lastError?.kind ?? null, { timeout: 60_000 }).toBe('no-access');
      expect(liveRequests(CSP_HOST, from)).toEqual([]);
      const popup: Page = await browser.openPopup();
      await popup.locator(`[data-sync-source="${CSP_ID}"][data-sync-error="no-access"]`).waitFor();
      await popup.close();
    } finally {
      await browser.close();
    }
  });
});
