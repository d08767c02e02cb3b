// "Your data" in the options page, in Chromium with the built extension: the user's marks,
// alerts and settings go out in an exported file; "erase everything" leaves an extension as
// fresh as a new install (storage empty, database re-created by the first sync, no favourite);
// importing the file brings everything back; a broken file is refused with an alert and
// changes nothing. The feed is "GitHub" answering with three postings written for this test.

import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  getStorageLocal,
  launchBrowser,
  readAllFromStore,
  setStorageLocal,
  startHttpsServer,
  waitForSyncRun,
  type ExtensionBrowser,
  type FixtureServer,
} from './harness.ts';
import { createGitHubFeed } from './github-feed.ts';
import { DB_NAME, type StoredPosting, type UserPostingState } from '../../src/store/db.ts';
import type { BackupFile } from '../../src/settings/backup.ts';

const today = new Date().toISOString().slice(0, 10);
const posting = (role: string) => `---
roles: ${role}
open: true
startup: radar-essai
date: ${today}
---
Une offre inventée pour le test de « Vos données ».
`;
const FILES = [
  { name: '2099-02-01-developpeuse-essai.md', text: posting('Développeuse·eur Rust (essai)') },
  { name: '2099-02-02-designer-essai.md', text: posting('Designer·euse de services (essai)') },
  { name: '2099-02-03-juriste-essai.md', text: posting('Juriste numérique (essai)') },
];

const ALERT = { id: 'alerte-essai', query: 'designer', filters: { junior: true }, createdAt: '2026-01-15T09:00:00.000Z' };

let browser: ExtensionBrowser;
let server: FixtureServer;
let options: Page;
let keys: string[];
let exportedText: string;

type Runtime = { chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } } };
/** Sends what the popup sends (the options page is an extension page, so the background accepts it). */
const sendFromPage = (message: unknown) => options.evaluate((m) => (globalThis as unknown as Runtime).chrome.runtime.sendMessage(m), message);

const userStates = () => readAllFromStore<UserPostingState>(browser.serviceWorker, DB_NAME, 'userState');
const favourites = async () => (await userStates()).filter((s) => s.favourite).map((s) => s.key);
const USER_KEYS = ['settings', 'siteSettings', 'alerts'];

async function importFile(name: string, text: string): Promise<void> {
  await options.locator('input[data-action="import"]').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
}

describe('the options page exports, erases and imports the user data', () => {
  beforeAll(async () => {
    const feed = createGitHubFeed(FILES);
    server = await startHttpsServer(feed.router);
    browser = await launchBrowser({ hosts: { 'api.github.com': server.port, 'raw.githubusercontent.com': server.port } });
    await waitForSyncRun(browser.serviceWorker);
    keys = (await readAllFromStore<StoredPosting>(browser.serviceWorker, DB_NAME, 'postings')).map((p) => p.key).sort();
    expect(keys).toHaveLength(3);
    options = await browser.openExtensionPage('options.html');
    await options.locator('[data-section="data"] button[data-action="export"]').waitFor();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('exports favourites, seen marks, alerts and settings to a downloaded file', async () => {
    await sendFromPage({ type: 'popup/set-favourite', payload: { key: keys[0], favourite: true } });
    await sendFromPage({ type: 'popup/mark-seen', payload: { keys: [keys[1]] } });
    const { settings } = (await getStorageLocal(browser.serviceWorker, 'settings')) as { settings?: Record<string, unknown> };
    await setStorageLocal(browser.serviceWorker, {
      settings: { ...settings, version: 2, syncIntervalMinutes: 180 },
      alerts: [ALERT],
      siteSettings: { disabled: ['indeed'], showSimilar: false, jobPostingSites: [] },
    });

    const [download] = await Promise.all([options.waitForEvent('download'), options.locator('button[data-action="export"]').click()]);
    expect(download.suggestedFilename()).toMatch(/^beta-radar-\d{4}-\d{2}-\d{2}\.json$/);
    exportedText = await readFile(await download.path(), 'utf8');
    const file = JSON.parse(exportedText) as BackupFile;
    expect(file).toMatchObject({ format: 'beta-radar-export', version: 1, alerts: [ALERT], favourites: [keys[0]] });
    expect(file.settings.syncIntervalMinutes).toBe(180);
    expect(file.siteSettings).toEqual({ disabled: ['indeed'], showSimilar: false, jobPostingSites: [] });
    expect(file.seen.map((s) => s.key)).toEqual([keys[1]]);
    expect(file).not.toHaveProperty('postings');
    await expect.poll(() => options.locator('[data-status="export"]').innerText()).toContain('beta-radar-');
  });

  it('erases everything after a second, explicit confirmation, then starts afresh', async () => {
    const erase = options.locator('button[data-action="erase"]');
    const focused = () => options.evaluate(() => document.activeElement?.getAttribute('data-action'));
    // Enter pressed twice by habit only asks, then backs out: the question starts on "cancel".
    await erase.focus();
    await options.keyboard.press('Enter');
    await expect.poll(focused).toBe('erase-cancel');
    await options.keyboard.press('Enter');
    await expect.poll(focused).toBe('erase');
    expect(await favourites()).toEqual([keys[0]]);
    // Escape backs out too, the focus back on the button that asked.
    await erase.click();
    await expect.poll(focused).toBe('erase-cancel');
    await options.keyboard.press('Escape');
    await expect.poll(focused).toBe('erase');
    expect(await options.locator('button[data-action="erase-confirm"]').count()).toBe(0);
    await erase.click();
    const erasedAt = new Date().toISOString();
    await options.locator('button[data-action="erase-confirm"]').click();
    await expect.poll(() => options.locator('[data-status="erase"]').innerText()).not.toBe('');
    await expect.poll(() => options.locator('[data-status="erase"]').innerText(), { timeout: 30_000 }).not.toMatch(/…$/);
    expect(await options.locator('[data-error="erase"]').count()).toBe(0);
    // The confirmation that had the focus is gone: the focus is back on the erase button.
    await expect.poll(focused).toBe('erase');

    expect(Object.keys(await getStorageLocal(browser.serviceWorker, USER_KEYS))).toEqual([]);
    expect(await options.evaluate(() => localStorage.length)).toBe(0);
    // The first sync of the fresh install re-creates the database with the feed's postings and no marks.
    await waitForSyncRun(browser.serviceWorker, erasedAt);
    expect((await readAllFromStore<StoredPosting>(browser.serviceWorker, DB_NAME, 'postings')).map((p) => p.key).sort()).toEqual(keys);
    expect(await favourites()).toEqual([]);
    expect((await userStates()).filter((s) => s.seenAt !== null)).toEqual([]);
    const alarm = await browser.serviceWorker.evaluate(() =>
      (globalThis as unknown as { chrome: { alarms: { get(name: string): Promise<unknown> } } }).chrome.alarms.get('sync'),
    );
    expect(alarm).toMatchObject({ name: 'sync' });
  });

  it('imports the exported file back: settings, alerts, favourites and seen marks', async () => {
    await importFile('export.json', exportedText);
    await expect.poll(() => options.locator('[data-status="import"]').innerText(), { timeout: 30_000 }).toMatch(/1\D+1\D+1/);
    expect(await options.locator('[data-error="import"]').count()).toBe(0);
    const stored = (await getStorageLocal(browser.serviceWorker, USER_KEYS)) as { settings: { syncIntervalMinutes: number }; alerts: unknown; siteSettings: unknown };
    expect(stored.settings.syncIntervalMinutes).toBe(180);
    expect(stored.alerts).toEqual([ALERT]);
    expect(stored.siteSettings).toEqual({ disabled: ['indeed'], showSimilar: false, jobPostingSites: [] });
    expect(await favourites()).toEqual([keys[0]]);
    expect((await userStates()).filter((s) => s.seenAt !== null).map((s) => s.key)).toEqual([keys[1]]);
  });

  it('refuses a broken file with an alert that says what is wrong, and changes nothing', async () => {
    const storageBefore = await getStorageLocal(browser.serviceWorker, USER_KEYS);
    const statesBefore = await userStates();

    await importFile('broken.json', exportedText.slice(0, 200));
    const alert = options.locator('[data-section="data"] [role="alert"]');
    await alert.waitFor();
    expect(await alert.innerText()).toMatch(/JSON/);

    const wrongField = JSON.parse(exportedText) as Record<string, unknown>;
    wrongField.favourites = 'all of them';
    await importFile('wrong-field.json', JSON.stringify(wrongField));
    await expect.poll(() => alert.innerText()).toMatch(/[«“] ?favourites ?[»”]/);

    const notExport = JSON.stringify({ format: 'another-tool', version: 1 });
    await importFile('other.json', notExport);
    await expect.poll(() => alert.innerText()).toContain('beta-radar-export');

    expect(await getStorageLocal(browser.serviceWorker, USER_KEYS)).toEqual(storageBefore);
    expect(await userStates()).toEqual(statesBefore);
    expect(browser.errors).toEqual([]);
  });
});
