// The browser side against WXT's fake browser and fake-indexeddb: held announcements stay in
// IndexedDB (so a stopped worker loses none) until the alarm the notifier set makes them due.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { announce, NOTIFY_ALARM } from '../../src/notify/notifier';
import { CLOSING_REMINDERS_KEY } from '../../src/notify/closing';
import { oldestAnnouncementAt, openDatabase, setFavourite, type Database, type StoredPosting } from '../../src/store/db';
import { DEFAULT_NOTIFICATIONS, type NotificationSettings } from '../../src/settings/settings';
import { installMessages } from '../helpers/i18n';

const PARIS = 'Europe/Paris';

function posting(id: string, extra: Partial<StoredPosting> = {}): StoredPosting {
  return {
    id,
    fileName: `${id}.md`,
    title: `Offre ${id}`,
    startupRef: 'demo',
    openFlag: true,
    closedReason: null,
    date: '2026-11-01',
    dateSource: 'front-matter',
    depublicationDate: null,
    applicationDeadline: null,
    domaines: [],
    techno: [],
    contract: null,
    junior: false,
    externalUrl: null,
    applyEmails: [],
    excerpt: '',
    body: '',
    warnings: [],
    key: `feed ${id}`,
    sourceId: 'feed',
    version: 'v1',
    startupId: null,
    storedAt: '2026-11-01T00:00:00Z',
    firstSeenAt: '2026-11-01T00:00:00Z',
    removedAt: null,
    openAtLastSync: true,
    ...extra,
  };
}

let db: Database;

async function announced(createdAt: string, ...ids: string[]): Promise<void> {
  for (const id of ids) await db.put('postings', posting(id));
  await db.add('announcements', { createdAt, sourceId: 'feed', kind: 'offers', postingKeys: ids.map((id) => `feed ${id}`) });
}

const shown = async () => Object.keys(await browser.notifications.getAll()).sort();
const settings = (change: Partial<NotificationSettings>): NotificationSettings => ({ ...structuredClone(DEFAULT_NOTIFICATIONS), ...change });
const run = (s: NotificationSettings, now: string) => announce(db, { settings: s, alerts: [], now: new Date(now), timeZone: PARIS });

beforeEach(async () => {
  fakeBrowser.reset();
  installMessages('fr');
  globalThis.indexedDB = new IDBFactory();
  db = await openDatabase();
});

describe('announce', () => {
  it('immediate: shows the new offers once, up to the chosen limit, then one for the rest', async () => {
    await announced('2026-11-23T10:00:00Z', 'a', 'b', 'c');
    await run(settings({ maxPerBatch: 2 }), '2026-11-23T10:00:05Z');
    const ids = await shown();
    expect(ids.filter((id) => id.startsWith('offer:'))).toEqual(['offer:feed a', 'offer:feed b']);
    expect(ids.filter((id) => id.startsWith('offers:'))).toHaveLength(1);
    await fakeBrowser.notifications.clear('offer:feed a');
    await run(settings({ maxPerBatch: 2 }), '2026-11-23T10:05:00Z');
    expect(await shown()).not.toContain('offer:feed a');
  });

  it('digest: keeps them in IndexedDB with an alarm at the digest time, and shows them when it fires', async () => {
    const daily = settings({ mode: 'digest', digest: { every: 'daily', time: '09:00', weekday: 1 } });
    await announced('2026-11-23T10:00:00Z', 'a');
    await run(daily, '2026-11-23T10:00:05Z');
    await announced('2026-11-23T15:00:00Z', 'b');
    await run(daily, '2026-11-23T15:00:05Z');
    expect(await shown()).toEqual([]);
    expect(await oldestAnnouncementAt(db)).toBe('2026-11-23T10:00:00Z');
    // Tuesday 09:00 in Paris.
    expect((await browser.alarms.get(NOTIFY_ALARM))?.scheduledTime).toBe(Date.parse('2026-11-24T08:00:00Z'));

    await run(daily, '2026-11-24T08:00:00Z');
    expect(await shown()).toEqual(['offer:feed a', 'offer:feed b']);
    expect(await oldestAnnouncementAt(db)).toBeNull();
    expect(await browser.alarms.get(NOTIFY_ALARM)).toBeUndefined();
  });

  it('quiet hours: held until they end, then shown once', async () => {
    const night = settings({ quietHours: { enabled: true, start: '22:00', end: '08:00' } });
    await announced('2026-11-23T22:30:00Z', 'a');
    await run(night, '2026-11-23T22:30:05Z');
    expect(await shown()).toEqual([]);
    expect((await browser.alarms.get(NOTIFY_ALARM))?.scheduledTime).toBe(Date.parse('2026-11-24T07:00:00Z'));
    await run(night, '2026-11-24T07:00:00Z');
    expect(await shown()).toEqual(['offer:feed a']);
    await fakeBrowser.notifications.clear('offer:feed a');
    await run(night, '2026-11-24T07:30:00Z');
    expect(await shown()).toEqual([]);
  });

  it('recalls a favourite closing soon once, and not during quiet hours', async () => {
    await db.put('postings', posting('fav', { depublicationDate: '2026-11-25' }));
    await db.put('postings', posting('other', { depublicationDate: '2026-11-25' }));
    await setFavourite(db, 'feed fav', true);
    const night = settings({ quietHours: { enabled: true, start: '22:00', end: '08:00' } });

    await run(night, '2026-11-23T23:00:00Z'); // 00:00 in Paris: quiet
    expect(await shown()).toEqual([]);
    expect((await browser.alarms.get(NOTIFY_ALARM))?.scheduledTime).toBe(Date.parse('2026-11-24T07:00:00Z'));

    await run(night, '2026-11-24T07:00:00Z');
    expect(await shown()).toEqual(['closing:feed fav']);
    expect((await browser.storage.local.get(CLOSING_REMINDERS_KEY))[CLOSING_REMINDERS_KEY]).toEqual({ 'feed fav': '2026-11-25' });

    await fakeBrowser.notifications.clear('closing:feed fav');
    await run(night, '2026-11-24T12:00:00Z');
    expect(await shown()).toEqual([]);
  });

  it('new offers and closing reminders shown together share the per-batch limit', async () => {
    for (const id of ['f1', 'f2']) {
      await db.put('postings', posting(id, { depublicationDate: '2026-11-25' }));
      await setFavourite(db, `feed ${id}`, true);
    }
    await announced('2026-11-23T10:00:00Z', 'a', 'b');
    await run(settings({ maxPerBatch: 2 }), '2026-11-23T10:00:05Z');
    const ids = await shown();
    // Two offers one by one use the whole limit: both reminders come as one list.
    expect(ids.filter((id) => id.startsWith('offer:'))).toEqual(['offer:feed a', 'offer:feed b']);
    expect(ids.filter((id) => id.startsWith('closing:'))).toEqual([]);
    expect(ids.filter((id) => id.startsWith('closings:'))).toHaveLength(1);
  });

  it('recalls no favourite the feed no longer lists', async () => {
    await db.put('postings', posting('gone', { depublicationDate: '2026-11-25', removedAt: '2026-11-20T00:00:00Z' }));
    await db.put('postings', posting('kept', { depublicationDate: '2026-11-25' }));
    await setFavourite(db, 'feed gone', true);
    await setFavourite(db, 'feed kept', true);
    await run(settings({}), '2026-11-23T10:00:00Z');
    expect(await shown()).toEqual(['closing:feed kept']);
  });

  it('turned off: shows nothing and keeps nothing for later', async () => {
    await announced('2026-11-23T10:00:00Z', 'a');
    await db.put('postings', posting('fav', { depublicationDate: '2026-11-25' }));
    await setFavourite(db, 'feed fav', true);
    await run(settings({ enabled: false }), '2026-11-23T10:00:05Z');
    expect(await shown()).toEqual([]);
    expect(await oldestAnnouncementAt(db)).toBeNull();
    await run(settings({}), '2026-11-23T10:05:00Z');
    expect(await shown()).toEqual(['closing:feed fav']);
  });
});
