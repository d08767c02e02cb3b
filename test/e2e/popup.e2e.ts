// The popup in Chromium on the real corpus: the extension syncs the 543 real postings (plus one
// hostile posting written by us) from "GitHub", the background builds and stores the search
// index, and the popup searches it. Rankings must equal the same search run in Node; keyboard,
// filters, their persistence, the offer view and its safety are exercised the way a user would.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchBrowser, readAllFromStore, startHttpsServer, waitForSyncRun, type ExtensionBrowser, type FixtureServer } from './harness.ts';
import { createGitHubFeed, realPostingFiles } from './github-feed.ts';
import { parsePosting } from '../../src/postings/parse.ts';
import { buildSearchIndex, DEFAULT_FILTERS, searchInputFrom, searchPostings, type SearchFilters } from '../../src/search/index.ts';
import { DB_NAME, type UserPostingState } from '../../src/store/db.ts';
import { HOSTILE_FILE_NAME, HOSTILE_POSTING_TEXT } from '../helpers/hostile-posting.ts';

const files = [...realPostingFiles(), { name: HOSTILE_FILE_NAME, text: HOSTILE_POSTING_TEXT }];
const HOSTILE_ID = HOSTILE_FILE_NAME.replace(/\.md$/, '');

// The same search in Node, over the postings as the worker stores them (no startups registry is
// reachable in this test, so no startup is resolved).
const nodeIndex = buildSearchIndex(
  files.flatMap((f) => {
    const result = parsePosting(f.name, f.text);
    return result.ok ? [searchInputFrom({ ...result.posting, key: result.posting.id, sourceId: 'node', startupId: null }, null)] : [];
  }),
);
function expectedIds(query: string, filters: Partial<SearchFilters> = {}): string[] {
  return searchPostings(nodeIndex, query, { filters: { ...DEFAULT_FILTERS, ...filters }, now: new Date() })
    .hits.slice(0, 50)
    .map((hit) => nodeIndex.docs[hit.doc]!.id);
}

let browser: ExtensionBrowser;
let server: FixtureServer;

async function shownIds(popup: Page): Promise<string[]> {
  return popup.locator('[data-posting-id]').evaluateAll((items) => items.map((li) => li.getAttribute('data-posting-id')!));
}

/** Types like a person, one key at a time, and waits for the list to settle on the expected ranking. */
async function typeQuery(popup: Page, query: string, expected: string[]): Promise<void> {
  const box = popup.getByRole('searchbox');
  await box.fill('');
  await box.pressSequentially(query);
  await expect.poll(() => shownIds(popup)).toEqual(expected);
}

describe('the popup searches the real corpus', () => {
  beforeAll(async () => {
    const feed = createGitHubFeed(files);
    server = await startHttpsServer(feed.router);
    browser = await launchBrowser({ hosts: { 'api.github.com': server.port, 'raw.githubusercontent.com': server.port } });
    await waitForSyncRun(browser.serviceWorker);
    // The index is written before the sync status, so it is there once the run is reported.
    const records = await readAllFromStore<{ key: string }>(browser.serviceWorker, DB_NAME, 'search');
    expect(records.map((r) => r.key).sort()).toEqual(['docs', 'header', 'terms']);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('opens with the focus in the search box and the open offers, newest first', async () => {
    const popup = await browser.openPopup();
    await popup.locator('[data-posting-id]').first().waitFor();
    expect(await popup.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type)).toBe('search');
    expect(await popup.getByRole('searchbox').getAttribute('aria-label')).toBeTruthy();
    const ids = await shownIds(popup);
    expect(ids).toEqual(expectedIds(''));
    expect(ids).toContain(HOSTILE_ID);
    expect(ids.length).toBeLessThan(10);
    await popup.close();
  });

  it('ranks like the search in Node, French-aware, with matched words highlighted', async () => {
    const popup = await browser.openPopup();
    await popup.getByRole('checkbox', { name: /fermées|closed/i }).check();
    for (const query of ['devlopeur', 'Développeur(euse) python', 'product owner', 'front end', 'trackdéchets']) {
      const expected = expectedIds(query, { openOnly: false });
      expect(expected.length, query).toBeGreaterThan(0);
      await typeQuery(popup, query, expected);
    }
    await typeQuery(popup, 'développeuse', expectedIds('développeuse', { openOnly: false }));
    const marks = await popup.locator('[data-posting-id] mark').allInnerTexts();
    expect(marks.length).toBeGreaterThan(0);
    expect(marks.filter((m) => !/d[ée]v|programmeu/i.test(m))).toEqual([]);
    await popup.close();
  });

  it('shows one honest empty state when nothing relevant matches', async () => {
    const popup = await browser.openPopup();
    await typeQuery(popup, 'juriste', []);
    await expect.poll(() => popup.locator('[data-empty-state]').count()).toBe(1);
    expect(await popup.locator('[data-empty-state]').innerText()).toContain('juriste');
    await popup.close();
  });

  it('is driven by the keyboard: arrows, Enter opens the offer, Escape comes back', async () => {
    const popup = await browser.openPopup();
    const expected = expectedIds('designer', { openOnly: false });
    await typeQuery(popup, 'designer', expected);
    await popup.keyboard.press('ArrowDown');
    await popup.keyboard.press('ArrowDown');
    expect(await popup.locator('[aria-selected="true"]').getAttribute('data-posting-id')).toBe(expected[1]);
    await popup.keyboard.press('Enter');
    await popup.locator(`[data-offer-view="${expected[1]}"]`).waitFor();
    await expect.poll(() => popup.evaluate(() => document.activeElement?.tagName)).toBe('H2');
    await popup.keyboard.press('Escape');
    await popup.getByRole('searchbox').waitFor();
    await expect.poll(() => popup.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value)).toBe('designer');
    expect(await shownIds(popup)).toEqual(expected);
    await popup.close();
  });

  it('keeps the query and the filters when the popup is closed and opened again', async () => {
    const popup = await browser.openPopup();
    await typeQuery(popup, 'dev', expectedIds('dev', { openOnly: false }));
    await popup.getByRole('combobox', { name: /domaine|domain/i }).selectOption('Design');
    const expected = expectedIds('dev', { openOnly: false, domaine: 'Design' });
    await expect.poll(() => shownIds(popup)).toEqual(expected);
    await popup.close();

    const again = await browser.openPopup();
    await expect.poll(() => shownIds(again)).toEqual(expected);
    expect(await again.getByRole('searchbox').inputValue()).toBe('dev');
    expect(await again.getByRole('combobox', { name: /domaine|domain/i }).inputValue()).toBe('Design');
    await again.getByRole('combobox', { name: /domaine|domain/i }).selectOption('');
    await again.close();
  });

  it('shows the hostile posting as text only: nothing runs, nothing survives', async () => {
    const popup = await browser.openPopup();
    const dialogs: string[] = [];
    popup.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    const expected = expectedIds('script alert', { openOnly: false });
    expect(expected[0]).toBe(HOSTILE_ID);
    await typeQuery(popup, 'script alert', expected);
    await popup.locator(`[data-posting-id="${HOSTILE_ID}"]`).click();
    await popup.locator(`[data-offer-view="${HOSTILE_ID}"]`).waitFor();
    // Give any injected handler (onerror, onload) its chance to fire.
    await popup.waitForTimeout(500);
    const problems = await popup.evaluate(() => {
      const found: string[] = [];
      const forbidden = ['script', 'style', 'iframe', 'object', 'embed', 'svg', 'math', 'form', 'img', 'base', 'meta', 'link', 'template', 'textarea'];
      for (const element of Array.from(document.body.querySelectorAll('*'))) {
        const name = element.tagName.toLowerCase();
        if (forbidden.includes(name)) found.push(`<${name}>`);
        for (const { name: attribute, value } of Array.from(element.attributes)) {
          if (attribute.toLowerCase().startsWith('on')) found.push(`${attribute} on <${name}>`);
          if (['href', 'src', 'action', 'formaction'].includes(attribute) && !/^(https?:|mailto:)/i.test(value)) found.push(`${attribute}=${value}`);
        }
      }
      return found;
    });
    expect(problems).toEqual([]);
    expect(dialogs).toEqual([]);
    expect(await popup.locator('[data-offer-view] h2').innerText()).toContain('<script>alert(1)</script>');
    expect(browser.errors).toEqual([]);
    await popup.close();
  });

  it('stars an offer from its view; the mark is stored and shown in the list', async () => {
    const popup = await browser.openPopup();
    const expected = expectedIds('data analyst', { openOnly: false });
    await typeQuery(popup, 'data analyst', expected);
    await popup.locator(`[data-posting-id="${expected[0]}"]`).click();
    const star = popup.locator('[data-action="favourite"]');
    await star.click();
    await expect.poll(() => star.getAttribute('aria-pressed')).toBe('true');
    await popup.locator('[data-action="back"]').click();
    await popup.locator(`[data-posting-id="${expected[0]}"] .popup__fav`).waitFor();
    const states = await readAllFromStore<UserPostingState>(browser.serviceWorker, DB_NAME, 'userState');
    expect(states.filter((s) => s.favourite).map((s) => s.key.slice(s.key.indexOf(' ') + 1))).toEqual([expected[0]]);
    await popup.close();
  });
});
