// Beta Radar around the browser, in Chromium: `popup.html?q=…` (what the address bar and the
// context menu open) runs that search at once, exactly as typing it; the service worker made its
// context-menu entry without error; both builds declare the `bg` keyword and the shortcut. The
// omnibox events cannot be fired by automation: their handlers are unit-tested with fakes
// (test/omnibox/browser-ui.test.ts).

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { buildExtension, launchBrowser, outputDir, readAllFromStore, startHttpsServer, waitForSyncRun, type ExtensionBrowser, type FixtureServer } from './harness.ts';
import { createGitHubFeed, type FeedFile } from './github-feed.ts';
import { SEARCH_SELECTION_MENU } from '../../src/browser-ui.ts';
import { DB_NAME } from '../../src/store/db.ts';

const today = new Date().toISOString().slice(0, 10);
/** Postings written for this test (never copied from the real corpus). */
function posting(name: string, role: string, body: string, open = true): FeedFile {
  return { name, text: `---\nroles: ${role}\nopen: ${open}\nstartup: radar-test\ndate: ${today}\n---\n${body}\n` };
}
const FILES: FeedFile[] = [
  posting('2030-01-01-dev-back.md', 'Développeuse ou développeur back-end', 'Une API pour les aides publiques.'),
  posting('2030-01-02-dev-front.md', 'Développeur·se front-end', 'Un service pour les usagers.'),
  posting('2030-01-03-designer.md', 'Designer UX', 'Vous travaillerez avec un développeur.'),
  posting('2030-01-04-dev-ferme.md', 'Développeur Python', 'Offre pourvue.', false),
  posting('2030-01-05-coach.md', 'Coach agile', 'Accompagner les équipes.'),
];

/** The popup's shortcut as the manifest suggests it. */
const SHORTCUT = 'Alt+Shift+O';

let browser: ExtensionBrowser;
let server: FixtureServer;

async function shownIds(popup: Page): Promise<string[]> {
  return popup.locator('[data-posting-id]').evaluateAll((items) => items.map((li) => li.getAttribute('data-posting-id')!));
}

describe('around the browser', () => {
  beforeAll(async () => {
    server = await startHttpsServer(createGitHubFeed(FILES).router);
    browser = await launchBrowser({ hosts: { 'api.github.com': server.port, 'raw.githubusercontent.com': server.port } });
    await waitForSyncRun(browser.serviceWorker);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('popup.html?q= shows the query in the box and the results of typing it, over a remembered query', async () => {
    // What typing gives, and a remembered query that the address must replace.
    const typed = await browser.openPopup();
    const box = typed.getByRole('searchbox');
    await box.pressSequentially('développeur');
    await expect.poll(() => shownIds(typed)).toEqual(['2030-01-01-dev-back', '2030-01-02-dev-front']);
    const expected = await shownIds(typed);
    await box.fill('coach');
    await expect.poll(() => shownIds(typed)).toEqual(['2030-01-05-coach']);
    await typed.close();

    const opened = await browser.openExtensionPage(`popup.html?q=${encodeURIComponent('développeur')}`);
    await expect.poll(() => shownIds(opened)).toEqual(expected);
    expect(await opened.getByRole('searchbox').inputValue()).toBe('développeur');
    await opened.close();

    // The search it ran is now the remembered one.
    const again = await browser.openPopup();
    await expect.poll(() => shownIds(again)).toEqual(expected);
    expect(await again.getByRole('searchbox').inputValue()).toBe('développeur');
    await again.close();
  });

  it('keeps ?offer= working beside ?q=', async () => {
    const postings = await readAllFromStore<{ key: string; id: string }>(browser.serviceWorker, DB_NAME, 'postings');
    const designer = postings.find((p) => p.id === '2030-01-03-designer')!;
    const page = await browser.openExtensionPage(`popup.html?q=coach&offer=${encodeURIComponent(designer.key)}`);
    const offer = page.locator('[data-offer-view]');
    await offer.waitFor();
    expect(await offer.getAttribute('data-offer-view')).toBe('2030-01-03-designer');
    await page.keyboard.press('Escape');
    await expect.poll(() => shownIds(page)).toEqual(['2030-01-05-coach']);
    await page.close();
  });

  it('Chromium gave the popup its shortcut (one Chromium keeps for itself would be left unset)', async () => {
    const worker = await browser.waitForServiceWorker();
    const commands = await worker.evaluate(() =>
      (globalThis as unknown as { chrome: { commands: { getAll(): Promise<Array<{ name?: string; shortcut?: string }>> } } }).chrome.commands.getAll(),
    );
    expect(commands.map(({ name, shortcut }) => ({ name, shortcut }))).toEqual([{ name: '_execute_action', shortcut: SHORTCUT }]);
  });

  it('the service worker made its context-menu entry without error', async () => {
    const worker = await browser.waitForServiceWorker();
    // update() rejects for an id the browser does not know: the entry exists.
    const outcome = await worker.evaluate(
      (id) =>
        (globalThis as unknown as { chrome: { contextMenus: { update(id: string, p: object): Promise<void> } } }).chrome.contextMenus.update(id, {}).then(
          () => 'updated',
          (error: Error) => error.message,
        ),
      SEARCH_SELECTION_MENU,
    );
    expect(outcome).toBe('updated');
    const missing = await worker.evaluate(() =>
      (globalThis as unknown as { chrome: { contextMenus: { update(id: string, p: object): Promise<void> } } }).chrome.contextMenus.update('no-such-entry', {}).then(
        () => 'updated',
        () => 'rejected',
      ),
    );
    expect(missing).toBe('rejected');
    expect(browser.consoleMessages.filter((m) => /context menu|contextMenus|omnibox/i.test(m.text))).toEqual([]);
    expect(browser.errors).toEqual([]);
  });
});

describe('manifest keys in both builds', () => {
  for (const target of ['chrome', 'firefox'] as const) {
    it(`${target}: the bg keyword and one shortcut that opens the popup`, async () => {
      await buildExtension(target);
      const manifest = JSON.parse(readFileSync(join(outputDir(target), 'manifest.json'), 'utf8')) as {
        manifest_version: number;
        omnibox?: { keyword?: string };
        commands?: Record<string, { suggested_key?: Record<string, string> }>;
        permissions?: string[];
      };
      expect(manifest.omnibox).toEqual({ keyword: 'bg' });
      const action = manifest.manifest_version === 3 ? '_execute_action' : '_execute_browser_action';
      expect(manifest.commands).toEqual({ [action]: { suggested_key: { default: SHORTCUT } } });
      expect(manifest.permissions).toContain('contextMenus');
    });
  }
});
