// The notifications section as a user meets it, in the real browser: digest mode and a limit of
// one notification are chosen on the options page; a sync then finds three new offers and shows
// nothing, the `notify` alarm waits for the digest time (the next minute), and when it fires the
// batch appears once: one offer and one notification for the two others. Saved alerts are edited
// and deleted through the page, and the other sections' settings survive every write.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import {
  byHost,
  getStorageLocal,
  json,
  launchBrowser,
  readAllFromStore,
  setStorageLocal,
  startHttpsServer,
  waitForSyncRun,
  type ExtensionBrowser,
  type FixtureServer,
} from './harness.ts';
import { createGitHubFeed, realPostingFiles, type GitHubFeed } from './github-feed.ts';
import { CORPUS_DIR } from '../helpers/shared.ts';
import { DB_NAME } from '../../src/store/db.ts';

let browser: ExtensionBrowser;
let server: FixtureServer;
let feed: GitHubFeed;
let options: Page;

type ChromeApi = {
  chrome: {
    notifications: { getAll(): Promise<Record<string, unknown>> };
    alarms: { get(name: string): Promise<{ scheduledTime: number } | undefined>; create(name: string, info: object): Promise<void> };
  };
};
// Functions handed to evaluate() run in the worker, serialised: no closures, so each casts globalThis itself.
const notifications = async () => Object.keys(await browser.serviceWorker.evaluate(() => (globalThis as unknown as ChromeApi).chrome.notifications.getAll()));
const notifyAlarmAt = () => browser.serviceWorker.evaluate(async () => (await (globalThis as unknown as ChromeApi).chrome.alarms.get('notify'))?.scheduledTime ?? null);
const fireAlarm = (name: string) =>
  browser.serviceWorker.evaluate((alarm) => (globalThis as unknown as ChromeApi).chrome.alarms.create(alarm, { when: Date.now(), ...(alarm === 'sync' ? { periodInMinutes: 60 } : {}) }), name);
const storedSettings = async () => (await getStorageLocal(browser.serviceWorker, 'settings')).settings as Record<string, unknown> & { notifications: Record<string, unknown> };
const storedAlerts = async () => (await getStorageLocal(browser.serviceWorker, 'alerts')).alerts;

/** A synthetic posting (never a real one's text). */
const newPosting = (role: string) => `---
roles: ${role}
open: true
startup: beta-radar-test
date: ${new Date().toISOString().slice(0, 10)}
---
Une offre écrite pour le test des options de notification.
`;

describe('options: notifications', () => {
  beforeAll(async () => {
    let kept = 0;
    // A handful of real files is enough: this is about what happens after a sync.
    feed = createGitHubFeed(realPostingFiles(() => kept++ < 5));
    const startups = JSON.parse(readFileSync(`${CORPUS_DIR}startups.json`, 'utf8')) as unknown;
    server = await startHttpsServer(
      byHost({
        'api.github.com': feed.router,
        'raw.githubusercontent.com': feed.router,
        'beta.gouv.fr': (request) => (request.url.pathname === '/api/v2.6/startups.json' ? json(startups) : { status: 404 }),
      }),
    );
    browser = await launchBrowser({
      hosts: { 'api.github.com': server.port, 'raw.githubusercontent.com': server.port, 'beta.gouv.fr': server.port },
    });
    await waitForSyncRun(browser.serviceWorker);
    // Another section's choices, which the notifications section must never overwrite.
    await setStorageLocal(browser.serviceWorker, { settings: { version: 2, syncIntervalMinutes: 90, language: 'fr' } });
    options = await browser.openExtensionPage('options.html');
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('in digest mode holds new offers until the digest time, then shows them once within the limit', { timeout: 200_000 }, async () => {
    const section = options.locator('[data-section="notifications"]');
    // A digest time at the start of a coming minute, far enough ahead for the sync to finish first.
    const digest = await options.evaluate(() => {
      const now = Date.now();
      const minute = 60_000;
      let at = Math.ceil(now / minute) * minute;
      if (at - now < 25_000) at += minute;
      const d = new Date(at);
      return { at, time: `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}` };
    });

    await section.getByLabel('Regroupées dans un récapitulatif').check();
    await section.getByLabel('Fréquence du récapitulatif').selectOption('daily');
    await section.getByLabel('Heure', { exact: true }).fill(digest.time);
    const limit = section.getByLabel('Notifications séparées à la fois, au plus (1 à 10)');
    await limit.fill('1');
    await limit.press('Tab');
    await expect
      .poll(async () => (await storedSettings()).notifications)
      .toMatchObject({ enabled: true, mode: 'digest', digest: { every: 'daily', time: digest.time }, maxPerBatch: 1 });
    expect(await storedSettings()).toMatchObject({ syncIntervalMinutes: 90, language: 'fr' });

    const before = await notifications();
    const fresh = () => notifications().then((ids) => ids.filter((id) => !before.includes(id)));
    feed.files.set('2099-02-01-options-a.md', newPosting('Développeur·se (test options A)'));
    feed.files.set('2099-02-02-options-b.md', newPosting('Designer·euse (test options B)'));
    feed.files.set('2099-02-03-options-c.md', newPosting('Juriste (test options C)'));
    const startedAt = new Date().toISOString();
    await fireAlarm('sync');
    await waitForSyncRun(browser.serviceWorker, startedAt);

    // The notifier ran after the sync: it set its alarm at the digest time and showed nothing.
    await expect.poll(notifyAlarmAt).toBe(digest.at);
    expect(await fresh()).toEqual([]);
    expect((await readAllFromStore(browser.serviceWorker, DB_NAME, 'announcements')).length).toBeGreaterThan(0);

    // Woken early (any alarm, a restart): still held, and the alarm is set again.
    await fireAlarm('notify');
    await expect.poll(notifyAlarmAt).toBe(digest.at);
    expect(await fresh()).toEqual([]);

    // The digest time comes: one offer, and one notification for the other two.
    await expect.poll(async () => (await fresh()).map((id) => id.split(':')[0]).sort(), { timeout: 120_000, interval: 1_000 }).toEqual(['offer', 'offers']);
    const [offer] = (await fresh()).filter((id) => id.startsWith('offer:'));
    expect(offer).toMatch(/ 2099-02-0[123]-options-[abc]$/);
    expect(await readAllFromStore(browser.serviceWorker, DB_NAME, 'announcements')).toEqual([]);
    expect(await notifyAlarmAt()).toBeNull();

    // Shown once: a later sync with nothing new adds nothing.
    const shown = await fresh();
    const againAt = new Date().toISOString();
    await fireAlarm('sync');
    await waitForSyncRun(browser.serviceWorker, againAt);
    await fireAlarm('notify');
    await new Promise((r) => setTimeout(r, 1_000));
    expect(await fresh()).toEqual(shown);
  });

  it('lists the saved alerts in words, edits and deletes them in storage', async () => {
    await setStorageLocal(browser.serviceWorker, {
      alerts: [
        { id: 'a1', query: 'designer', filters: {}, createdAt: '2026-01-01T00:00:00Z' },
        { id: 'a2', query: 'juriste', filters: { junior: true }, createdAt: '2026-01-02T00:00:00Z' },
      ],
    });
    const section = options.locator('[data-section="notifications"]');
    // The page follows storage: no reload needed.
    await expect.poll(() => section.locator('[data-alert-id="a2"]').textContent()).toContain('« juriste » · junior bienvenu·e');

    await section.getByRole('button', { name: 'Modifier l’alerte : « designer »' }).click();
    const editor = section.locator('[data-alert-editor="a1"]');
    // The search box takes the focus, so the keyboard can go on from there.
    await expect.poll(() => options.evaluate(() => document.activeElement?.id)).toBe(await editor.getByLabel('Mots recherchés').getAttribute('id'));
    await editor.getByLabel('Mots recherchés').fill('product owner');
    await editor.getByLabel('Seulement les offres junior bienvenu·e').check();
    await editor.getByRole('button', { name: 'Enregistrer' }).click();
    await expect.poll(storedAlerts).toEqual([
      { id: 'a1', query: 'product owner', filters: { junior: true }, createdAt: '2026-01-01T00:00:00Z' },
      { id: 'a2', query: 'juriste', filters: { junior: true }, createdAt: '2026-01-02T00:00:00Z' },
    ]);
    await expect.poll(() => section.locator('[data-alert-id="a1"]').textContent()).toContain('« product owner » · junior bienvenu·e');
    // The editor had the focus: it goes back to that alert's "edit" button.
    const focused = () => section.evaluate(() => `${document.activeElement?.closest('[data-alert-id]')?.getAttribute('data-alert-id')} ${document.activeElement?.getAttribute('data-action')}`);
    await expect.poll(focused).toBe('a1 edit-alert');

    await section.getByRole('button', { name: 'Supprimer l’alerte : « juriste » · junior bienvenu·e' }).click();
    await expect.poll(storedAlerts).toEqual([{ id: 'a1', query: 'product owner', filters: { junior: true }, createdAt: '2026-01-01T00:00:00Z' }]);
    await expect.poll(() => section.locator('[data-alert-id]').count()).toBe(1);
    await expect.poll(() => section.evaluate(() => document.activeElement?.id)).toBe('options-notifications-alerts');

    // Nothing else in the settings was touched by the section's writes.
    expect(await storedSettings()).toMatchObject({ syncIntervalMinutes: 90, language: 'fr' });
    expect(browser.errors).toEqual([]);
  });
});
