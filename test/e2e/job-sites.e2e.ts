// The content script on every job-site fixture page, served under the site's real host name:
// the extension syncs three open postings written for the fixtures, the content script reads
// the cards with the site's adapter, asks the background in batches, and marks them. Each card
// root carries the verdict the fixture expects (`data-fixture-expect`); the marks must equal them.

import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchBrowser, setStorageLocal, startHttpsServer, waitForSyncRun, type ExtensionBrowser, type FixtureServer, type Router } from './harness.ts';
import { createGitHubFeed } from './github-feed.ts';
import { FIXTURES_DIR, fixtureFiles, loadFixture } from '../sites/fixture-pages.ts';

const POSTINGS_DIR = `${FIXTURES_DIR}postings/`;
const postings = readdirSync(POSTINGS_DIR).map((name) => ({ name, text: readFileSync(`${POSTINGS_DIR}${name}`, 'utf8') }));
const pages = fixtureFiles().map((file) => loadFixture(file));

/** Each fixture answers at its own URL (host, path and query), the way the real site would. */
const sitePages: Router = (request) => {
  const page = pages.find((p) => {
    const url = new URL(p.url);
    return url.host === request.url.host && url.pathname === request.url.pathname && url.search === request.url.search;
  });
  // The pages' own assets (icons) are not part of the fixtures: an empty answer keeps the console clean.
  return page ? { headers: { 'content-type': 'text/html; charset=utf-8' }, body: page.html } : { status: 204 };
};

let browser: ExtensionBrowser;
/** Every card's verdict on every fixture page, for the precision and recall of "same". */
const seen: Array<Verdict & { file: string }> = [];
let feedServer: FixtureServer;
let siteServer: FixtureServer;

interface Verdict {
  expected: string;
  actual: string;
  postings: string;
  title: string;
}

async function verdicts(page: Page): Promise<Verdict[]> {
  return page.locator('[data-fixture-expect]').evaluateAll((cards) =>
    cards.map((card) => ({
      expected: card.getAttribute('data-fixture-expect') ?? '',
      actual: card.getAttribute('data-betagouv-match') ?? 'none',
      postings: card.getAttribute('data-betagouv-postings') ?? '',
      title: card.getAttribute('data-fixture-title') ?? '',
    })),
  );
}

describe('job sites: beta.gouv.fr offers marked in place', () => {
  beforeAll(async () => {
    const feed = createGitHubFeed(postings);
    feedServer = await startHttpsServer(feed.router);
    siteServer = await startHttpsServer(sitePages);
    const siteHosts = Object.fromEntries([...new Set(pages.map((p) => new URL(p.url).hostname))].map((host) => [host, siteServer.port]));
    browser = await launchBrowser({ hosts: { 'api.github.com': feedServer.port, 'raw.githubusercontent.com': feedServer.port, ...siteHosts } });
    await waitForSyncRun(browser.serviceWorker);
  });
  afterAll(async () => {
    await browser?.close();
    await feedServer?.close();
    await siteServer?.close();
  });

  for (const fixture of pages) {
    it(`${fixture.file}: every card gets the expected mark`, async () => {
      const page = await browser.newTab(fixture.url);
      try {
        await page.waitForSelector('html[data-beta-radar-site]');
        const expected = (await verdicts(page)).map((v) => v.expected);
        expect(expected.length, 'the fixture has cards').toBeGreaterThan(0);
        await expect.poll(async () => (await verdicts(page)).map((v) => v.actual), { timeout: 10_000 }).toEqual(expected);
        seen.push(...(await verdicts(page)).map((v) => ({ ...v, file: fixture.file })));
        for (const v of await verdicts(page)) if (v.actual !== 'none') expect(v.postings, v.title).not.toBe('');
        // Each matching card has one badge, its name says what it is, and the page's own nodes are untouched otherwise.
        const badges = await page.locator('[data-betagouv-match] beta-radar-badge').count();
        expect(badges).toBe((await verdicts(page)).filter((v) => v.actual !== 'none').length);
      } finally {
        await page.close();
      }
    });
  }

  it('"same": precision and recall over the fixture pages (written to test-results/job-sites-same.txt)', () => {
    expect(new Set(seen.map((v) => v.file)).size).toBe(pages.length);
    const truePositives = seen.filter((v) => v.expected === 'same' && v.actual === 'same').length;
    const marked = seen.filter((v) => v.actual === 'same').length;
    const expected = seen.filter((v) => v.expected === 'same').length;
    const precision = marked === 0 ? 0 : truePositives / marked;
    const recall = expected === 0 ? 0 : truePositives / expected;
    const count = (kind: string, field: 'expected' | 'actual') => seen.filter((v) => v[field] === kind).length;
    const report = [
      `fixture pages: ${pages.length}, cards: ${seen.length} (expected: ${count('same', 'expected')} same, ${count('similar', 'expected')} similar, ${count('none', 'expected')} none)`,
      `"same": marked ${marked}, of which right ${truePositives}, expected ${expected}: precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}`,
      `"similar": marked ${count('similar', 'actual')}, expected ${count('similar', 'expected')}`,
    ].join('\n');
    mkdirSync('test-results', { recursive: true });
    writeFileSync('test-results/job-sites-same.txt', `${report}\n`);
    console.log(report);
    expect(expected).toBeGreaterThan(0);
    expect({ precision, recall }).toEqual({ precision: 1, recall: 1 });
  });

  const fixtureUrl = (file: string) => pages.find((p) => p.file === file)!.url;
  const mark = (page: Page, selector: string) => page.locator(selector).getAttribute('data-betagouv-match');

  it('follows a virtualised list: a card emptied loses its mark, refilled gets it back, a new card is read', async () => {
    const page = await browser.newTab(fixtureUrl('linkedin-search.html'));
    try {
      const card = '[data-occludable-job-id="9000000101"]';
      await expect.poll(() => mark(page, card)).toBe('same');
      // What LinkedIn does when a card scrolls far out of view: it keeps the shell, drops the content.
      await page.evaluate((selector) => {
        const shell = document.querySelector(selector)!;
        (window as unknown as { saved: Node[] }).saved = [...shell.childNodes];
        shell.replaceChildren();
      }, card);
      await expect.poll(() => mark(page, card)).toBe(null);
      expect(await page.locator(`${card} beta-radar-badge`).count()).toBe(0);
      await page.evaluate((selector) => {
        document.querySelector(selector)!.replaceChildren(...(window as unknown as { saved: Node[] }).saved.filter((n) => n.nodeName.toLowerCase() !== 'beta-radar-badge'));
      }, card);
      await expect.poll(() => mark(page, card)).toBe('same');
      // A card the list appends as the user scrolls.
      await page.evaluate((selector) => {
        const copy = document.querySelector(selector)!.cloneNode(true) as Element;
        copy.querySelector('beta-radar-badge')?.remove();
        copy.removeAttribute('data-betagouv-match');
        copy.removeAttribute('data-betagouv-postings');
        copy.setAttribute('data-occludable-job-id', '9000000999');
        copy.querySelectorAll('[data-job-id]').forEach((e) => e.setAttribute('data-job-id', '9000000999'));
        document.querySelector(selector)!.parentElement!.append(copy);
      }, card);
      await expect.poll(() => mark(page, '[data-occludable-job-id="9000000999"]')).toBe('same');
    } finally {
      await page.close();
    }
  });

  it('follows an SPA navigation to another list', async () => {
    const page = await browser.newTab(fixtureUrl('wttj-search.html'));
    try {
      await expect.poll(async () => page.locator('[data-betagouv-match]').count()).toBeGreaterThan(0);
      // The site swaps its results without a page load: keep only the look-alike card, under a new URL.
      await page.evaluate(() => {
        history.pushState({}, '', '/fr/jobs?query=full-stack');
        const items = [...document.querySelectorAll('[data-testid="search-results-list-item-wrapper"]')];
        items.forEach((item, i) => (i === 1 ? undefined : item.remove()));
      });
      await expect.poll(async () => page.locator('[data-betagouv-match]').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-betagouv-match')))).toEqual(['similar']);
    } finally {
      await page.close();
    }
  });

  it('shows the matching offers on hover and focus, in its own shadow root', async () => {
    const page = await browser.newTab(fixtureUrl('linkedin-search.html'));
    try {
      const badge = page.locator('[data-occludable-job-id="9000000101"] beta-radar-badge');
      await badge.waitFor();
      await badge.locator('button').first().focus();
      await expect.poll(() => badge.evaluate((host) => host.shadowRoot?.textContent ?? '')).toContain('Développeur·se full-stack');
      expect(await badge.evaluate((host) => host.shadowRoot !== null)).toBe(true);
    } finally {
      await page.close();
    }
  });

  it('turns off per site and hides similar offers when asked, leaving nothing behind', async () => {
    const page = await browser.newTab(fixtureUrl('linkedin-search.html'));
    try {
      await expect.poll(async () => page.locator('[data-betagouv-match="similar"]').count()).toBeGreaterThan(0);
      await setStorageLocal(browser.serviceWorker, { siteSettings: { disabled: [], showSimilar: false } });
      await expect.poll(async () => page.locator('[data-betagouv-match="similar"]').count()).toBe(0);
      await expect.poll(async () => page.locator('[data-betagouv-match="same"]').count()).toBeGreaterThan(0);
      await setStorageLocal(browser.serviceWorker, { siteSettings: { disabled: ['linkedin'], showSimilar: false } });
      await expect.poll(async () => page.locator('[data-betagouv-match], beta-radar-badge, style[data-beta-radar-highlight]').count()).toBe(0);
      await setStorageLocal(browser.serviceWorker, { siteSettings: { disabled: [], showSimilar: true } });
      await expect.poll(async () => page.locator('[data-betagouv-match="similar"]').count()).toBeGreaterThan(0);
    } finally {
      await page.close();
    }
  });

  it('self-check: a page whose markup changed is reported in the popup, with a skeleton to copy', async () => {
    // The same list with every hook the adapter relies on renamed, as a site redesign would.
    const changed = pages
      .find((p) => p.file === 'linkedin-search.html')!
      .html.replace(/data-occludable-job-id/g, 'data-renamed-id')
      .replace(/data-job-id/g, 'data-renamed-job')
      .replace(/job-card|scaffold-layout|jobs-search/g, 'renamed');
    const url = 'https://www.linkedin.com/jobs/search/?keywords=redesign';
    pages.push({ ...pages.find((p) => p.file === 'linkedin-search.html')!, file: 'linkedin-redesign', html: changed, url });
    const page = await browser.newTab(url);
    try {
      await page.waitForSelector('html[data-beta-radar-site]');
      // The job page is the active tab (the extension may not read tab URLs: content scripts grant no host access).
      await page.bringToFront();
      const tabId = await browser.serviceWorker.evaluate(async () => {
        const chrome = (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<Array<{ id: number }>> } } }).chrome;
        return (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id;
      });
      expect(tabId).toBeTypeOf('number');
      const popup = await browser.openExtensionPage(`popup.html?tab=${tabId}`);
      await popup.locator('[data-self-check]').waitFor();
      expect(await popup.locator('[data-site-panel]').getAttribute('data-site-panel')).toBe('linkedin');
      await browser.context.grantPermissions(['clipboard-read', 'clipboard-write']);
      await popup.locator('[data-action="copy-skeleton"]').click();
      // The copy is asynchronous (the skeleton comes from the tab first): wait for it to land.
      await expect.poll(() => popup.evaluate(() => navigator.clipboard.readText())).not.toBe('');
      const skeleton = await popup.evaluate(() => navigator.clipboard.readText());
      expect(skeleton).toMatch(/^\s*li\b/m);
      // No text and no address of the page goes into the report.
      expect(skeleton).not.toContain('Trackdéchets');
      expect(skeleton).not.toContain('/jobs/view/');
      await popup.close();
    } finally {
      await page.close();
    }
  });

  it('never throws into the pages', () => {
    expect(browser.errors.map((e) => `${e.source}: ${e.text} (${e.url})`)).toEqual([]);
  });
});
