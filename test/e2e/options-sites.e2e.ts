// The options page's Job sites and Sync and language sections in Chromium with the built
// extension: the switches write `siteSettings` and the open job page follows; the JobPosting
// sites list shows stored origins with their permission state and removes them; a site is
// added from the page; the sync interval reaches the `sync` alarm; a language chosen applies
// to the page at once and to the popup opened next.
//
// Chromium cannot answer its own permission prompt under automation, so the site added is
// beta.gouv.fr, whose host permission the extension already holds (the startups registry):
// `permissions.request` then resolves without a prompt, as in job-posting.e2e.ts.

import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { getStorageLocal, launchBrowser, setStorageLocal, startHttpsServer, waitForSyncRun, type ExtensionBrowser, type FixtureServer, type Router } from './harness.ts';
import { createGitHubFeed } from './github-feed.ts';
import { FIXTURES_DIR, loadFixture } from '../sites/fixture-pages.ts';

const POSTINGS_DIR = `${FIXTURES_DIR}postings/`;
const postings = readdirSync(POSTINGS_DIR).map((name) => ({ name, text: readFileSync(`${POSTINGS_DIR}${name}`, 'utf8') }));
// A list with one beta.gouv.fr offer, one look-alike and one unrelated job.
const jobPage = loadFixture('wttj-search.html');

const sitePages: Router = (request) => {
  const url = new URL(jobPage.url);
  if (request.url.host === url.host && request.url.pathname === url.pathname) return { headers: { 'content-type': 'text/html; charset=utf-8' }, body: jobPage.html };
  // beta.gouv.fr's startups registry is optional; the postings name their startups.
  return { status: 404 };
};

let browser: ExtensionBrowser;
let feedServer: FixtureServer;
let siteServer: FixtureServer;

async function marks(page: Page): Promise<string[]> {
  return page.locator('[data-fixture-expect]').evaluateAll((cards) => cards.map((card) => `${card.getAttribute('data-fixture-expect')}→${card.getAttribute('data-betagouv-match') ?? 'none'}`));
}
const siteSettings = async () => (await getStorageLocal(browser.serviceWorker, 'siteSettings')).siteSettings as { disabled: string[]; showSimilar: boolean; jobPostingSites: string[] } | undefined;
const settings = async () => (await getStorageLocal(browser.serviceWorker, 'settings')).settings as { syncIntervalMinutes: number; language: string } | undefined;

async function openOptions(): Promise<Page> {
  const page = await browser.openExtensionPage('options.html');
  // The sections load their values, then enable their controls.
  await page.locator('[data-site-switch="wttj"]:enabled').waitFor();
  await page.locator('[data-setting="language"]:enabled').waitFor();
  return page;
}

async function registeredMatches(): Promise<string[]> {
  return browser.serviceWorker.evaluate(async () => {
    const chrome = (globalThis as unknown as { chrome: { scripting: { getRegisteredContentScripts(): Promise<Array<{ matches?: string[] }>> } } }).chrome;
    return (await chrome.scripting.getRegisteredContentScripts()).flatMap((script) => script.matches ?? []);
  });
}

describe('options: job sites, sync interval and language', () => {
  beforeAll(async () => {
    const feed = createGitHubFeed(postings);
    feedServer = await startHttpsServer(feed.router);
    siteServer = await startHttpsServer(sitePages);
    browser = await launchBrowser({
      hosts: { 'api.github.com': feedServer.port, 'raw.githubusercontent.com': feedServer.port, [new URL(jobPage.url).hostname]: siteServer.port, 'beta.gouv.fr': siteServer.port },
    });
    await waitForSyncRun(browser.serviceWorker);
  });
  afterAll(async () => {
    await browser?.close();
    await feedServer?.close();
    await siteServer?.close();
  });

  it('turns a job site off and on: the setting is written and the open page loses its marks, then gets them back', async () => {
    const page = await browser.newTab(jobPage.url);
    const options = await openOptions();
    try {
      const all = ['same→same', 'similar→similar', 'none→none'];
      await expect.poll(() => marks(page), { timeout: 10_000 }).toEqual(all);
      const wttj = options.locator('[data-site-switch="wttj"]');
      expect(await wttj.isChecked()).toBe(true);
      // The switch is labelled by the site's name.
      expect(await options.getByLabel('Welcome to the Jungle', { exact: true }).getAttribute('data-site-switch')).toBe('wttj');

      await wttj.uncheck();
      await expect.poll(async () => (await siteSettings())?.disabled).toEqual(['wttj']);
      await expect.poll(() => page.locator('[data-betagouv-match], beta-radar-badge').count(), { timeout: 5_000 }).toBe(0);
      await page.reload();
      await page.waitForTimeout(1_500);
      expect(await page.locator('[data-betagouv-match]').count()).toBe(0);

      await wttj.check();
      await expect.poll(async () => (await siteSettings())?.disabled).toEqual([]);
      await expect.poll(() => marks(page), { timeout: 10_000 }).toEqual(all);
    } finally {
      await options.close();
      await page.close();
    }
  });

  it('turns "similar offers" off: only the beta.gouv.fr offer keeps its mark', async () => {
    const page = await browser.newTab(jobPage.url);
    const options = await openOptions();
    try {
      await expect.poll(() => marks(page), { timeout: 10_000 }).toEqual(['same→same', 'similar→similar', 'none→none']);
      const similar = options.locator('[data-setting="show-similar"]');
      expect(await similar.isChecked()).toBe(true);
      await similar.uncheck();
      await expect.poll(async () => (await siteSettings())?.showSimilar).toBe(false);
      await expect.poll(() => marks(page), { timeout: 10_000 }).toEqual(['same→same', 'similar→none', 'none→none']);
      await similar.check();
      await expect.poll(() => marks(page), { timeout: 10_000 }).toEqual(['same→same', 'similar→similar', 'none→none']);
    } finally {
      await options.close();
      await page.close();
    }
  });

  it('lists the JobPosting sites stored in the settings with their permission, follows storage, and removes one', async () => {
    await setStorageLocal(browser.serviceWorker, { siteSettings: { disabled: [], showSimilar: true, jobPostingSites: ['https://jobs.example-employer.fr'] } });
    const options = await openOptions();
    try {
      const row = (origin: string) => options.locator(`[data-origin="${origin}"]`);
      await expect.poll(() => row('https://jobs.example-employer.fr').getAttribute('data-permission')).toBe('missing');
      expect(await row('https://jobs.example-employer.fr').textContent()).toContain('jobs.example-employer.fr');

      // Changed elsewhere (the popup, another window): the list follows.
      await setStorageLocal(browser.serviceWorker, { siteSettings: { disabled: [], showSimilar: true, jobPostingSites: ['https://jobs.example-employer.fr', 'https://beta.gouv.fr'] } });
      await expect.poll(() => row('https://beta.gouv.fr').getAttribute('data-permission')).toBe('granted');

      await row('https://jobs.example-employer.fr').locator('[data-action="remove-site"]').click();
      await expect.poll(async () => (await siteSettings())?.jobPostingSites).toEqual(['https://beta.gouv.fr']);
      await expect.poll(() => row('https://jobs.example-employer.fr').count()).toBe(0);
      // The removed row had the focus: the list's heading keeps it in place.
      expect(await options.evaluate(() => document.activeElement?.id)).toBe('options-sites-other');
      await row('https://beta.gouv.fr').locator('[data-action="remove-site"]').click();
      await expect.poll(async () => (await siteSettings())?.jobPostingSites).toEqual([]);
      await expect.poll(() => registeredMatches()).toEqual([]);
    } finally {
      await options.close();
    }
  });

  it('adds a site from its address, and refuses a site that has its own switch', async () => {
    const options = await openOptions();
    try {
      const address = options.getByLabel(/Ajouter un site|Add a site/);
      await address.fill('www.linkedin.com');
      await options.locator('[data-action="add-site"]').click();
      await expect.poll(() => options.locator('[data-section="sites"] [role="alert"]').textContent()).toMatch(/LinkedIn/);
      expect((await siteSettings())?.jobPostingSites ?? []).toEqual([]);

      await address.fill('https://beta.gouv.fr/recrutement/product-owner');
      await options.locator('[data-action="add-site"]').click();
      await expect.poll(async () => (await siteSettings())?.jobPostingSites).toEqual(['https://beta.gouv.fr']);
      await expect.poll(() => options.locator('[data-origin="https://beta.gouv.fr"]').getAttribute('data-permission')).toBe('granted');
      await expect.poll(() => registeredMatches()).toEqual(['https://beta.gouv.fr/*']);
      expect(await options.locator('[data-section="sites"] [role="alert"]').count()).toBe(0);
      expect(await address.inputValue()).toBe('');

      await options.locator('[data-origin="https://beta.gouv.fr"] [data-action="remove-site"]').click();
      await expect.poll(() => registeredMatches()).toEqual([]);
    } finally {
      await options.close();
    }
  });

  it('writes the sync interval, and the background gives the sync alarm that period', async () => {
    const period = () =>
      browser.serviceWorker.evaluate(async () => {
        const chrome = (globalThis as unknown as { chrome: { alarms: { get(name: string): Promise<{ periodInMinutes?: number } | undefined> } } }).chrome;
        return (await chrome.alarms.get('sync'))?.periodInMinutes;
      });
    expect(await period()).toBe(60);
    const options = await openOptions();
    try {
      await options.locator('[data-setting="sync-interval"]').selectOption('360');
      await expect.poll(async () => (await settings())?.syncIntervalMinutes).toBe(360);
      await expect.poll(period).toBe(360);
      await options.locator('[data-setting="sync-interval"]').selectOption('30');
      await expect.poll(period).toBe(30);
    } finally {
      await options.close();
    }
  });

  it('switches the language: the page speaks it at once, and so does the popup opened next', async () => {
    const options = await openOptions();
    try {
      const language = options.locator('[data-setting="language"]');
      await language.selectOption('en');
      await expect.poll(() => options.locator('h1').textContent()).toBe('Beta Radar options');
      expect(await options.locator('html').getAttribute('lang')).toBe('en');
      expect(await options.locator('#options-general').textContent()).toBe('Sync and language');
      expect((await settings())?.language).toBe('en');
      // The interval set before is still there: one section's save keeps the others' fields.
      expect((await settings())?.syncIntervalMinutes).toBe(30);
      const englishPopup = await browser.openPopup();
      await expect.poll(() => englishPopup.locator('input[type="search"]').getAttribute('aria-label')).toBe('Search offers');
      await englishPopup.close();

      await options.bringToFront();
      await language.focus();
      await language.selectOption('fr');
      await expect.poll(() => options.locator('h1').textContent()).toBe('Options de Beta Radar');
      expect(await options.locator('html').getAttribute('lang')).toBe('fr');
      // The page is painted again in place: the control keeps the keyboard focus.
      expect(await language.evaluate((element) => element === document.activeElement)).toBe(true);
      const frenchPopup = await browser.openPopup();
      await expect.poll(() => frenchPopup.locator('input[type="search"]').getAttribute('aria-label')).toBe('Rechercher une offre');
      await frenchPopup.close();
      expect(browser.errors.filter((e) => !/favicon|ERR_NAME_NOT_RESOLVED|404/.test(`${e.text} ${e.location ?? ''}`))).toEqual([]);
    } finally {
      await options.close();
    }
  });
});
