// Accessibility of the popup and the options page, checked by axe-core in Chromium with the built
// extension: in the light and the dark colour scheme, with the interface in French and in
// English. The extension syncs a small synthetic feed (then one more offer, so the list has "new"
// marks, one starred offer, and a second feed that fails) and a job-site tab is open, so the popup shows what a user
// sees: results, new marks, a sync error, the site panel, highlighted matches, a result chosen
// with the keyboard, an offer, and the empty state; and, on a site outside the list, the offer
// to turn the JobPosting detector on. The options page is checked whole, whatever
// sections it has when the test runs.
//
// Serious and critical violations fail the test. Moderate and minor ones are printed but do not
// fail it: axe rates them as advice (a landmark that could be tidier), not as barriers.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { byHost, getStorageLocal, launchBrowser, setStorageLocal, startHttpsServer, waitForSyncRun, type ExtensionBrowser, type FixtureServer } from './harness.ts';
import { createGitHubFeed, type GitHubFeed } from './github-feed.ts';
import { formatViolations, isBlocking, runAxe } from './axe.ts';
import { loadFixture } from '../sites/fixture-pages.ts';
import { defaultSettings, readSettings, SETTINGS_KEY } from '../../src/settings/settings.ts';

// Postings written for this test: enough variety for every part of the views (open and closed,
// junior, contract, domains, technologies, contacts, and a body with headings, lists, a table,
// a quote and links).
const today = new Date().toISOString().slice(0, 10);
const POSTINGS = [
  {
    name: '2026-10-01-developpeur-se-radar.md',
    text: `---
roles: Développeur·se front-end
startup: radar-des-offres
open: true
junior: true
date: 2026-10-01
contrat: CDD de 12 mois
domaines:
  - Développement
techno:
  - TypeScript
  - Preact
contact: recrutement@radar.example
externalURL: https://candidature.radar.example/offre/12
---
## Le service

Radar des offres aide les candidats à **trouver** une mission. Voir [le site](https://radar.example/).

### Vos missions

- écrire des composants accessibles ;
- tester avec les usagers.

| Quoi | Combien |
| --- | --- |
| Jours sur site | 2 |

> Une équipe de cinq personnes, en binôme.
`,
  },
  {
    name: '2026-09-12-designer-carnet.md',
    text: `---
roles: Designer UX
startup: carnet-de-bord
open: true
date: 2026-09-12
domaines:
  - Design
---
Vous menez les entretiens avec les usagers et dessinez les parcours.
`,
  },
  {
    name: '2025-03-02-developpeur-back-end-ancien.md',
    text: `---
roles: Développeur back-end
startup: ancien-service
open: false
date: 2025-03-02
---
Poste pourvu.
`,
  },
];
/** Published after the first sync: it is the list's "new" offer. */
const NEW_POSTING = {
  name: `${today}-developpeuse-donnees.md`,
  text: `---
roles: Développeuse ou développeur de données
startup: radar-des-offres
open: true
date: ${today}
---
Une offre publiée après la première synchronisation.
`,
};
/** Its host resolves nowhere (the harness blocks every host it does not map). */
const UNREACHABLE_FEED = 'https://flux.exemple-en-panne.fr/index.json';
const RICH_ID = POSTINGS[0]!.name.replace(/\.md$/, '');
const FAVOURITE_ID = POSTINGS[1]!.name.replace(/\.md$/, '');
const JOB_SITE = loadFixture('linkedin-search.html');
/** A site outside the list whose host permission the extension holds, so the popup can read the tab's address. */
const OTHER_SITE_URL = 'https://beta.gouv.fr/recrutement/';
const OTHER_SITE_PAGE = '<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Recrutement</title></head><body><main><h1>Nos offres</h1></main></body></html>';

const SCHEMES = ['light', 'dark'] as const;
const LANGUAGES = ['fr', 'en'] as const;

let browser: ExtensionBrowser;
let server: FixtureServer;
let feed: GitHubFeed;
let jobSiteTabId: number;
let otherSiteTabId: number;
/** Every violation of every run, printed at the end whatever the outcome. */
const reports: string[] = [];

/** Opens an extension page with the colour scheme already emulated, so the first paint is the right one. */
async function openInScheme(path: string, scheme: (typeof SCHEMES)[number]): Promise<Page> {
  const page = await browser.context.newPage();
  await page.emulateMedia({ colorScheme: scheme });
  await page.goto(browser.extensionUrl(path), { waitUntil: 'load' });
  expect(await page.evaluate('matchMedia("(prefers-color-scheme: dark)").matches')).toBe(scheme === 'dark');
  return page;
}

async function setLanguage(language: (typeof LANGUAGES)[number]): Promise<void> {
  const stored = await getStorageLocal(browser.serviceWorker, SETTINGS_KEY);
  await setStorageLocal(browser.serviceWorker, { [SETTINGS_KEY]: { ...readSettings(stored[SETTINGS_KEY], defaultSettings()), language } });
}

/** The extension may not read every tab's address (content scripts grant no host access): a tab is found as the active one. */
async function activeTabId(page: Page): Promise<number> {
  await page.bringToFront();
  const tabId = await browser.serviceWorker.evaluate(async () => {
    const chrome = (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<Array<{ id: number }>> } } }).chrome;
    return (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id;
  });
  expect(tabId).toBeTypeOf('number');
  return tabId!;
}

/** Runs axe, files the report, and returns the blocking violations as short lines. */
async function check(page: Page, where: string): Promise<string[]> {
  const { violations, incomplete } = await runAxe(page);
  reports.push(formatViolations(where, violations));
  if (incomplete.length > 0) reports.push(formatViolations(where, incomplete, 'result to review'));
  return violations.filter(isBlocking).map((v) => `${where}: ${v.id} [${v.impact}] ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe('accessibility (axe-core): popup and options, both schemes, both languages', () => {
  beforeAll(async () => {
    feed = createGitHubFeed(POSTINGS);
    const jobSite = (request: { url: URL }) =>
      `${request.url.pathname}${request.url.search}` === `${new URL(JOB_SITE.url).pathname}${new URL(JOB_SITE.url).search}`
        ? { headers: { 'content-type': 'text/html; charset=utf-8' }, body: JOB_SITE.html }
        : { status: 204 };
    const jobHost = new URL(JOB_SITE.url).hostname;
    // beta.gouv.fr serves a plain page only (the optional startups registry is absent).
    const otherSite = (request: { url: URL }) =>
      request.url.pathname === new URL(OTHER_SITE_URL).pathname ? { headers: { 'content-type': 'text/html; charset=utf-8' }, body: OTHER_SITE_PAGE } : { status: 404 };
    server = await startHttpsServer(byHost({ 'api.github.com': feed.router, 'raw.githubusercontent.com': feed.router, [jobHost]: jobSite, 'beta.gouv.fr': otherSite }));
    browser = await launchBrowser({
      hosts: { 'api.github.com': server.port, 'raw.githubusercontent.com': server.port, [jobHost]: server.port, 'beta.gouv.fr': server.port },
    });
    const [first] = await waitForSyncRun(browser.serviceWorker);

    // A second sync finds one more open offer: it is announced and marked new in the list.
    feed.files.set(NEW_POSTING.name, NEW_POSTING.text);
    await browser.serviceWorker.evaluate(() =>
      (globalThis as unknown as { chrome: { alarms: { create(name: string, info: object): Promise<void> } } }).chrome.alarms.create('sync', {
        when: Date.now(),
        periodInMinutes: 60,
      }),
    );
    const [second] = await waitForSyncRun(browser.serviceWorker, first!.lastRunAt!);
    expect(second).toMatchObject({ lastError: null, counts: { stored: POSTINGS.length + 1 } });

    // A second feed that cannot be reached: the popup shows its error line, in the error colour.
    const stored = await getStorageLocal(browser.serviceWorker, SETTINGS_KEY);
    const settings = readSettings(stored[SETTINGS_KEY], defaultSettings());
    await setStorageLocal(browser.serviceWorker, { [SETTINGS_KEY]: { ...settings, feeds: [...settings.feeds, UNREACHABLE_FEED] } });
    const statuses = await waitForSyncRun(browser.serviceWorker, second!.lastRunAt!);
    expect(statuses.find((status) => status.url === UNREACHABLE_FEED)?.lastError).not.toBeNull();

    // One offer starred, so the list shows its favourite mark.
    const popup = await browser.openPopup();
    await popup.locator(`[data-posting-id="${FAVOURITE_ID}"]`).click();
    await popup.locator('[data-action="favourite"]').click();
    await popup.locator('[data-action="favourite"][aria-pressed="true"]').waitFor();
    await popup.close();

    // The job site the popup's site panel is about, and a site outside the list (the JobPosting detector's offer).
    const jobPage = await browser.newTab(JOB_SITE.url);
    await jobPage.waitForSelector('html[data-beta-radar-site]');
    jobSiteTabId = await activeTabId(jobPage);
    otherSiteTabId = await activeTabId(await browser.newTab(OTHER_SITE_URL));
  });
  afterAll(async () => {
    console.log(`axe-core reports (moderate and minor ones do not fail the test):\n${reports.join('\n')}`);
    await browser?.close();
    await server?.close();
  });

  for (const language of LANGUAGES) {
    for (const scheme of SCHEMES) {
      it(`popup (list, site panel, search, offer, empty state) in ${language}, ${scheme} scheme`, async () => {
        await setLanguage(language);
        const popup = await openInScheme(`popup.html?tab=${jobSiteTabId}`, scheme);
        try {
          const box = popup.getByRole('searchbox');
          // The page sets its language once the settings are read, just before its first render.
          await box.waitFor();
          expect(await popup.evaluate('document.documentElement.lang')).toBe(language);
          // The query of an earlier run is remembered: start from the plain list.
          await box.fill('');
          await popup.locator('[data-posting-id][data-new]').first().waitFor();
          await popup.locator('[data-site-panel]').waitFor();
          await popup.locator('[data-sync-source].popup__error').waitFor();
          await popup.locator(`[data-posting-id="${FAVOURITE_ID}"] .popup__fav`).waitFor();
          // The star is an image named in the interface's language (ARIA forbids a name on a plain span).
          const star = popup.locator(`[data-posting-id="${FAVOURITE_ID}"]`).getByRole('img', { name: language === 'fr' ? 'Favori' : 'Favourite', exact: true });
          expect(await star.count()).toBe(1);
          const blocking = await check(popup, `popup list (${language}, ${scheme})`);

          await box.pressSequentially('développeur');
          await popup.locator(`[data-posting-id="${RICH_ID}"] mark`).first().waitFor();
          blocking.push(...(await check(popup, `popup search (${language}, ${scheme})`)));
          // The result chosen with the keyboard has its own background: its texts are checked on it.
          await box.press('ArrowDown');
          await popup.locator('[aria-selected="true"]').waitFor();
          blocking.push(...(await check(popup, `popup search, first result selected (${language}, ${scheme})`)));

          await popup.locator(`[data-posting-id="${RICH_ID}"]`).click();
          await popup.locator(`[data-offer-view="${RICH_ID}"] .md table`).waitFor();
          blocking.push(...(await check(popup, `popup offer (${language}, ${scheme})`)));

          // Back to the list, with a query only the closed offer matches: the empty state offers to show it.
          await popup.keyboard.press('Escape');
          await box.fill('back-end');
          await popup.locator('[data-empty-state] button').first().waitFor();
          blocking.push(...(await check(popup, `popup empty state (${language}, ${scheme})`)));

          expect(blocking).toEqual([]);
        } finally {
          await popup.close();
        }
      });

      it(`popup on a site outside the list in ${language}, ${scheme} scheme`, async () => {
        await setLanguage(language);
        const popup = await openInScheme(`popup.html?tab=${otherSiteTabId}`, scheme);
        try {
          await popup.locator('[data-site-panel="job-posting"][data-site-state="off"] [data-action="enable-job-posting"]').waitFor();
          expect(await check(popup, `popup, site outside the list (${language}, ${scheme})`)).toEqual([]);
        } finally {
          await popup.close();
        }
      });

      it(`options page in ${language}, ${scheme} scheme`, async () => {
        await setLanguage(language);
        const options = await openInScheme('options.html', scheme);
        try {
          await options.locator('main h1').waitFor();
          // Set once the settings are read, just before the first render (so before the h1).
          expect(await options.evaluate('document.documentElement.lang')).toBe(language);
          await options.locator('[data-section]').first().waitFor();
          // Sections read their data after the first paint: let them settle (nothing still busy) before checking.
          await options.waitForLoadState('networkidle');
          await expect.poll(() => options.locator('[aria-busy="true"]').count()).toBe(0);
          await options.waitForTimeout(300);
          expect(await check(options, `options (${language}, ${scheme})`)).toEqual([]);
        } finally {
          await options.close();
        }
      });
    }
  }

  it('never throws on the pages', () => {
    expect(browser.errors.map((e) => `${e.source}: ${e.text} (${e.url})`)).toEqual([]);
  });
});
