// The content script on every job-site fixture page, served under the site's real host name:
// the extension syncs three open postings written for the fixtures, the content script reads
// the cards with the site's adapter, asks the background in batches, and marks them. Each card
// root carries the verdict the fixture expects (`data-fixture-expect`); the marks must equal them.

import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchBrowser, startHttpsServer, waitForSyncRun, type ExtensionBrowser, type FixtureServer, type Router } from './harness.ts';
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
        for (const v of await verdicts(page)) if (v.actual !== 'none') expect(v.postings, v.title).not.toBe('');
        // Each matching card has one badge, its name says what it is, and the page's own nodes are untouched otherwise.
        const badges = await page.locator('[data-betagouv-match] beta-radar-badge').count();
        expect(badges).toBe((await verdicts(page)).filter((v) => v.actual !== 'none').length);
      } finally {
        await page.close();
      }
    });
  }

  it('never throws into the pages', () => {
    expect(browser.errors.map((e) => `${e.source}: ${e.text} (${e.url})`)).toEqual([]);
  });
});
