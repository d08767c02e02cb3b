// The schema.org JobPosting detector in Chromium with the built extension: it runs nowhere
// until the user turns it on for a site from the popup, and only where the site's host
// permission is granted; turned on, it is registered and injected into the open tab, marks the
// page, comes back after a reload, and goes when turned off.
//
// Chromium cannot answer its own permission prompt under automation, so the site turned on
// from the popup is beta.gouv.fr, whose host permission the extension already holds (the
// startups registry): `permissions.request` then resolves without a prompt, and the whole
// path after it is the real one. The prompt itself, and the popup reading the tab's address
// through activeTab, need a user's click on the toolbar and are not exercised here. A site
// turned on without its permission (jobs.example-employer.fr) shows that the choice alone
// never makes the detector run.

import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchBrowser, setStorageLocal, startHttpsServer, waitForSyncRun, type ExtensionBrowser, type FixtureServer, type Router } from './harness.ts';
import { createGitHubFeed } from './github-feed.ts';
import { FIXTURES_DIR } from '../sites/fixture-pages.ts';

const POSTINGS_DIR = `${FIXTURES_DIR}postings/`;
const postings = readdirSync(POSTINGS_DIR).map((name) => ({ name, text: readFileSync(`${POSTINGS_DIR}${name}`, 'utf8') }));

const ld = (data: unknown) => `<script type="application/ld+json">${JSON.stringify(data)}</script>`;
const html = (head: string, body: string) => `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Offre</title>${head}</head><body>${body}</body></html>`;

/** A job page publishing its offer as JSON-LD only: the heading is what gets marked. */
const jsonLdPage = html(
  ld({ '@context': 'https://schema.org', '@type': 'JobPosting', title: 'Product Owner', hiringOrganization: { '@type': 'Organization', name: 'beta.gouv.fr' }, jobLocation: { address: { addressLocality: 'Paris' } } }),
  '<header><a href="/">Accueil</a></header><main><h1 data-fixture-expect="same">Product Owner</h1><p>Piloter un produit public.</p></main>',
);
/**
 * A list marked up with microdata: a beta.gouv.fr offer, a look-alike and an unrelated job at
 * another employer (linking to that employer: a link to beta.gouv.fr would make it the same offer).
 */
const microdataPage = html(
  '',
  `<main><h1>Nos offres</h1><ul>
    <li itemscope itemtype="https://schema.org/JobPosting" data-fixture-expect="same"><h2 itemprop="title">Product Owner·rice</h2>
      <p itemprop="hiringOrganization" itemscope itemtype="https://schema.org/Organization"><span itemprop="name">DINUM</span></p><a itemprop="url" href="/recrutement/po">Voir</a></li>
    <li itemscope itemtype="https://schema.org/JobPosting" data-fixture-expect="similar"><h2 itemprop="title">Développeur full stack</h2>
      <p itemprop="hiringOrganization" itemscope><span itemprop="name">ACME Conseil</span></p><a itemprop="url" href="https://www.acme-conseil.example/jobs/dev">Voir</a></li>
    <li itemscope itemtype="https://schema.org/JobPosting" data-fixture-expect="none"><h2 itemprop="title">Comptable</h2>
      <p itemprop="hiringOrganization" itemscope><span itemprop="name">ACME Conseil</span></p><a itemprop="url" href="https://www.acme-conseil.example/jobs/compta">Voir</a></li>
  </ul></main>`,
);

const PAGES: Record<string, string> = {
  'https://beta.gouv.fr/recrutement/product-owner': jsonLdPage,
  'https://beta.gouv.fr/recrutement/': microdataPage,
  'https://jobs.example-employer.fr/offres/7': jsonLdPage,
};
const sitePages: Router = (request) => {
  const body = PAGES[`${request.url.origin}${request.url.pathname}`];
  // The startups registry is not served: it is optional, and the postings name their startups.
  return body ? { headers: { 'content-type': 'text/html; charset=utf-8' }, body } : { status: 404 };
};

let browser: ExtensionBrowser;
let feedServer: FixtureServer;
let siteServer: FixtureServer;

async function verdicts(page: Page): Promise<string[]> {
  return page.locator('[data-fixture-expect]').evaluateAll((cards) => cards.map((card) => `${card.getAttribute('data-fixture-expect')}→${card.getAttribute('data-betagouv-match') ?? 'none'}`));
}
const expectedVerdicts = async (page: Page) => (await verdicts(page)).map((v) => `${v.split('→')[0]}→${v.split('→')[0]}`);

async function registeredMatches(): Promise<string[]> {
  return browser.serviceWorker.evaluate(async () => {
    const chrome = (globalThis as unknown as { chrome: { scripting: { getRegisteredContentScripts(): Promise<Array<{ matches?: string[] }>> } } }).chrome;
    return (await chrome.scripting.getRegisteredContentScripts()).flatMap((script) => script.matches ?? []);
  });
}

async function tabIdOf(url: string): Promise<number> {
  const id = await browser.serviceWorker.evaluate(async (wanted) => {
    const chrome = (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<Array<{ id: number; url?: string }>> } } }).chrome;
    return (await chrome.tabs.query({})).find((tab) => tab.url === wanted)?.id;
  }, url);
  expect(id, url).toBeTypeOf('number');
  return id!;
}

describe('the schema.org JobPosting detector, on the sites the user turns it on for', () => {
  beforeAll(async () => {
    const feed = createGitHubFeed(postings);
    feedServer = await startHttpsServer(feed.router);
    siteServer = await startHttpsServer(sitePages);
    browser = await launchBrowser({
      hosts: { 'api.github.com': feedServer.port, 'raw.githubusercontent.com': feedServer.port, 'beta.gouv.fr': siteServer.port, 'jobs.example-employer.fr': siteServer.port },
    });
    await waitForSyncRun(browser.serviceWorker);
  });
  afterAll(async () => {
    await browser?.close();
    await feedServer?.close();
    await siteServer?.close();
  });

  it('runs on no page until the user turns it on', async () => {
    const page = await browser.newTab('https://beta.gouv.fr/recrutement/product-owner');
    try {
      await page.waitForTimeout(1_500);
      expect(await page.locator('html[data-beta-radar-site]').count()).toBe(0);
      expect(await page.locator('[data-betagouv-match]').count()).toBe(0);
      expect(await registeredMatches()).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('is turned on from the popup on the tab: registered, injected into the open page, which gets its marks', async () => {
    const url = 'https://beta.gouv.fr/recrutement/product-owner';
    const page = await browser.newTab(url);
    const popup = await browser.openExtensionPage(`popup.html?tab=${await tabIdOf(url)}`);
    try {
      const panel = popup.locator('[data-site-panel="job-posting"]');
      await expect.poll(() => panel.getAttribute('data-site-state')).toBe('off');
      expect(await panel.textContent()).toContain('beta.gouv.fr');
      await popup.locator('[data-action="enable-job-posting"]').click();

      await expect.poll(() => verdicts(page), { timeout: 10_000 }).toEqual(await expectedVerdicts(page));
      expect(await page.locator('h1[data-betagouv-match="same"] beta-radar-badge').count()).toBe(1);
      expect(await page.locator('h1').getAttribute('data-betagouv-postings')).toMatch(/product-owner/);
      expect(await registeredMatches()).toEqual(['https://beta.gouv.fr/*']);
      // The popup now says what the detector found on the page.
      await expect.poll(() => panel.getAttribute('data-site-state'), { timeout: 5_000 }).toBe('on');
      await expect.poll(() => panel.textContent(), { timeout: 5_000 }).toMatch(/1\D+0/);
    } finally {
      await popup.close();
      await page.close();
    }
  });

  it('comes back after a reload, and reads microdata lists card by card', async () => {
    const page = await browser.newTab('https://beta.gouv.fr/recrutement/product-owner');
    try {
      await expect.poll(() => verdicts(page), { timeout: 10_000 }).toEqual(['same→same']);
      await page.goto('https://beta.gouv.fr/recrutement/');
      await expect.poll(() => verdicts(page), { timeout: 10_000 }).toEqual(['same→same', 'similar→similar', 'none→none']);
      await page.reload();
      await expect.poll(() => verdicts(page), { timeout: 10_000 }).toEqual(['same→same', 'similar→similar', 'none→none']);
    } finally {
      await page.close();
    }
  });

  it('never runs on a site turned on whose permission is not granted', async () => {
    await setStorageLocal(browser.serviceWorker, { siteSettings: { disabled: [], showSimilar: true, jobPostingSites: ['https://beta.gouv.fr', 'https://jobs.example-employer.fr'] } });
    const page = await browser.newTab('https://jobs.example-employer.fr/offres/7');
    try {
      await page.waitForTimeout(1_500);
      expect(await page.locator('html[data-beta-radar-site]').count()).toBe(0);
      expect(await page.locator('[data-betagouv-match]').count()).toBe(0);
      expect(await registeredMatches()).toEqual(['https://beta.gouv.fr/*']);
    } finally {
      await page.close();
    }
  });

  it('is turned off from the popup: the open page loses its marks, and reloads stay clean', async () => {
    const url = 'https://beta.gouv.fr/recrutement/';
    const page = await browser.newTab(url);
    await expect.poll(() => verdicts(page), { timeout: 10_000 }).toEqual(['same→same', 'similar→similar', 'none→none']);
    const popup = await browser.openExtensionPage(`popup.html?tab=${await tabIdOf(url)}`);
    try {
      await popup.locator('[data-action="disable-job-posting"]').click();
      await expect.poll(() => page.locator('[data-betagouv-match], beta-radar-badge').count(), { timeout: 5_000 }).toBe(0);
      await expect.poll(() => registeredMatches()).toEqual([]);
      await expect.poll(() => popup.locator('[data-site-panel="job-posting"]').getAttribute('data-site-state')).toBe('off');
      await page.reload();
      await page.waitForTimeout(1_500);
      expect(await page.locator('[data-betagouv-match]').count()).toBe(0);
      expect(browser.errors.filter((e) => !/favicon|ERR_NAME_NOT_RESOLVED|404/.test(`${e.text} ${e.location ?? ''}`))).toEqual([]);
    } finally {
      await popup.close();
      await page.close();
    }
  });
});
