/**
 * What the sync does differently for a live source (a job site's listing read as a feed):
 * politeness (an hour between listings, nothing without the site's permission), a reader
 * that stopped reading (offers kept, the other feeds go on), offer pages read again only
 * when they failed, the source's own listing memory, and a copy of an offer already open
 * on another site that is not announced twice.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { FeedError } from '../../src/feed/http';
import type { FeedEntry, FeedSource, ListOptions, ListResult } from '../../src/feed/source';
import type { ParseResult, Posting } from '../../src/postings/types';
import { defaultSettings } from '../../src/settings/settings';
import { openDatabase, readSource, readSyncState, takeAnnouncements, type Database } from '../../src/store/db';
import { syncSource } from '../../src/sync/run';
import { createSyncRunner, type SyncRunnerDeps } from '../../src/sync/runner';
import type { SyncStatus } from '../../src/sync/status';
import { FakeSource, posting } from './fake-source';

const CSP_URL = 'https://choisirleservicepublic.gouv.fr/nos-offres/filtres/organisme/10668/';

function livePosting(id: string, title: string): Posting {
  return {
    id,
    fileName: id,
    title,
    startupRef: null,
    openFlag: true,
    closedReason: null,
    date: '2026-10-01',
    dateSource: 'front-matter',
    depublicationDate: null,
    applicationDeadline: null,
    domaines: [],
    techno: [],
    contract: null,
    junior: false,
    externalUrl: `https://choisirleservicepublic.gouv.fr/offre-emploi/x-reference-${id}/`,
    applyEmails: [],
    excerpt: '',
    body: `Offre ${title}.`,
    warnings: [],
    location: 'Paris (75)',
    pageUrl: `https://choisirleservicepublic.gouv.fr/offre-emploi/x-reference-${id}/`,
  };
}

/** A live source a test controls: listed offers, offer pages that fail, and the state handed back. */
class FakeLiveSource implements FeedSource {
  readonly kind = 'csp-organisation' as const;
  readonly id = 'csp:organisme/10668';
  readonly url = CSP_URL;
  readonly minIntervalMinutes = 60;
  offers = new Map<string, string>();
  failingPages = new Set<string>();
  failListing: FeedError | null = null;
  requests: string[] = [];
  receivedState: unknown[] = [];

  async list(options: ListOptions = {}): Promise<ListResult> {
    this.requests.push('listing');
    this.receivedState.push(options.sourceState);
    if (this.failListing) throw this.failListing;
    const entries: FeedEntry[] = [...this.offers].map(([id, title]) => ({ fileName: id, version: `v-${title}`, url: `https://choisirleservicepublic.gouv.fr/offre-emploi/x-reference-${id}/` }));
    return { notModified: false, entries, etag: null, sourceState: { pages: [{ offers: [...this.offers.keys()] }] } };
  }

  async fetchFile(): Promise<string> {
    throw new Error('a live source has no files');
  }

  async readPosting(entry: FeedEntry): Promise<ParseResult> {
    this.requests.push(entry.fileName);
    const posting = livePosting(entry.fileName, this.offers.get(entry.fileName)!);
    return this.failingPages.has(entry.fileName) ? { ok: true, posting: { ...posting, body: '' }, recovered: true, retry: true } : { ok: true, posting, recovered: false };
  }
}

let db: Database;
let live: FakeLiveSource;

beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  db = await openDatabase();
  live = new FakeLiveSource();
  live.offers.set('2026-1', 'Développeur·se full-stack').set('2026-2', 'Product owner');
});

describe('syncSource with a live source', () => {
  it('reads each new offer through the source, keeps its listing memory, and hands it back next time', async () => {
    await syncSource(db, live);
    expect(live.requests).toEqual(['listing', '2026-1', '2026-2']);
    expect((await readSyncState(db, live.id))?.sourceState).toEqual({ pages: [{ offers: ['2026-1', '2026-2'] }] });
    live.requests = [];
    await syncSource(db, live);
    // Unchanged cards: the listing only, with what the last run kept.
    expect(live.requests).toEqual(['listing']);
    expect(live.receivedState[1]).toEqual({ pages: [{ offers: ['2026-1', '2026-2'] }] });
  });

  it('reads an offer page again on the next run when it failed, and only that one', async () => {
    live.failingPages.add('2026-2');
    await syncSource(db, live);
    const first = (await readSource(db, live.id)).postings.find((p) => p.id === '2026-2');
    expect(first?.version).toBe('v-Product owner~retry');
    live.failingPages.clear();
    live.requests = [];
    const result = await syncSource(db, live);
    expect(live.requests).toEqual(['listing', '2026-2']);
    const second = (await readSource(db, live.id)).postings.find((p) => p.id === '2026-2');
    expect(second?.version).toBe('v-Product owner');
    expect(second?.body).toBe('Offre Product owner.');
    // Read again, not new again.
    expect(result.changes.newOffers).toEqual([]);
  });

  it('reads a failed offer page again even when the listing answers "not modified"', async () => {
    live.failingPages.add('2026-2');
    await syncSource(db, live);
    live.failingPages.clear();
    live.list = async () => {
      live.requests.push('listing');
      return { notModified: true };
    };
    live.requests = [];
    await syncSource(db, live);
    expect(live.requests).toEqual(['listing', '2026-2']);
    expect((await readSource(db, live.id)).postings.find((p) => p.id === '2026-2')?.version).toBe('v-Product owner');
    expect((await readSyncState(db, live.id))?.pendingRetries).toBeUndefined();
    // Nothing left to read again: the next "not modified" reads and writes nothing.
    live.requests = [];
    const quiet = await syncSource(db, live);
    expect(quiet.notModified).toBe(true);
    expect(live.requests).toEqual(['listing']);
  });

  it('closes an offer that left the listing, and keeps it', async () => {
    await syncSource(db, live);
    live.offers.delete('2026-1');
    const result = await syncSource(db, live);
    expect(result.changes.closed).toEqual([`${live.id} 2026-1`]);
    const gone = (await readSource(db, live.id)).postings.find((p) => p.id === '2026-1');
    expect(gone?.removedAt).not.toBeNull();
  });

  it('does not announce again an offer missed by one listing (the site\'s list moved while it was read)', async () => {
    await syncSource(db, live);
    await takeAnnouncements(db);
    live.offers.delete('2026-2');
    await syncSource(db, live, { now: () => new Date('2026-11-20T09:00:00Z') });
    live.offers.set('2026-2', 'Product owner');
    const back = await syncSource(db, live, { now: () => new Date('2026-11-20T10:00:00Z') });
    expect(back.changes.added).toEqual([`${live.id} 2026-2`]);
    expect(back.changes.newOffers).toEqual([]);
    // Changed on its return, it is a new offer.
    live.offers.delete('2026-1');
    await syncSource(db, live, { now: () => new Date('2026-11-20T11:00:00Z') });
    live.offers.set('2026-1', 'Développeur·se full-stack senior');
    const changed = await syncSource(db, live, { now: () => new Date('2026-11-20T12:00:00Z') });
    expect(changed.changes.newOffers).toEqual([`${live.id} 2026-1`]);
  });

  it('closes nothing when only part of the listing was read', async () => {
    await syncSource(db, live);
    const list = live.list.bind(live);
    live.list = async (options) => {
      const result = await list(options);
      return result.notModified ? result : { ...result, entries: result.entries.filter((e) => e.fileName === '2026-1'), partial: true };
    };
    const result = await syncSource(db, live);
    expect(result.changes.closed).toEqual([]);
    expect((await readSource(db, live.id)).postings.every((p) => p.removedAt === null)).toBe(true);
  });

  it('does not announce an offer that is already open on another site', async () => {
    await syncSource(db, live);
    await takeAnnouncements(db);
    live.offers.set('2026-3', 'Designer').set('2026-4', 'Coach agile');
    const result = await syncSource(db, live, { openElsewhere: async () => (p) => p.id === '2026-3' });
    expect(result.changes.added.sort()).toEqual([`${live.id} 2026-3`, `${live.id} 2026-4`]);
    expect(result.changes.newOffers).toEqual([`${live.id} 2026-4`]);
    const announcements = await takeAnnouncements(db);
    expect(announcements.flatMap((a) => a.postingKeys)).toEqual([`${live.id} 2026-4`]);
  });
});

describe('createSyncRunner with a live source', () => {
  let stored: SyncStatus;
  let now: Date;
  let feed: FakeSource;
  let feeds: string[];

  beforeEach(() => {
    stored = {};
    now = new Date('2026-11-20T08:00:00Z');
    feed = new FakeSource().set('2024-01-01-dev.md', posting('Dev'));
    feeds = [feed.url, CSP_URL];
  });

  function runner(overrides: Partial<SyncRunnerDeps> = {}) {
    return createSyncRunner({
      getSettings: async () => ({ ...defaultSettings(feed.url), feeds }),
      openDb: openDatabase,
      status: { read: async () => structuredClone(stored), write: async (s) => void (stored = structuredClone(s)) },
      now: () => now,
      sourceFor: (url) => (url === CSP_URL ? live : feed),
      hasAccess: async () => true,
      ...overrides,
    });
  }

  it('lists a live source an hour apart at least on its own schedule, while a person may ask at any time', async () => {
    const sync = runner();
    await sync.run('alarm');
    expect(live.requests.filter((r) => r === 'listing')).toHaveLength(1);
    now = new Date(now.getTime() + 30 * 60_000);
    const [, tooSoon] = await sync.run('alarm');
    expect(tooSoon).toMatchObject({ skipped: true, skipReason: 'too-soon' });
    expect(live.requests.filter((r) => r === 'listing')).toHaveLength(1);
    // The feed itself is not held back by the live source's rule.
    expect(feed.requests.filter((r) => r === 'list')).toHaveLength(2);
    await sync.run('user');
    expect(live.requests.filter((r) => r === 'listing')).toHaveLength(2);
    now = new Date(now.getTime() + 61 * 60_000);
    await sync.run('alarm');
    expect(live.requests.filter((r) => r === 'listing')).toHaveLength(3);
  });

  it('requests nothing from a live source whose site is not granted, says so, and does not back off', async () => {
    const asked: string[] = [];
    const sync = runner({ hasAccess: async (url) => (asked.push(url), url !== CSP_URL) });
    const [feedReport, liveReport] = await sync.run('alarm');
    expect(live.requests).toEqual([]);
    expect(asked).toEqual([CSP_URL]); // only live sources are gated
    expect(feedReport).toMatchObject({ ok: true });
    expect(liveReport).toMatchObject({ ok: false, skipped: true, skipReason: 'no-access' });
    expect(stored[live.id]).toMatchObject({ lastError: { kind: 'no-access' }, nextRetryAt: null, failures: 0 });
  });

  it('keeps the offers of a source whose reader is out of date, reports it, and syncs the other feeds', async () => {
    const sync = runner();
    await sync.run('alarm');
    const before = (await readSource(await openDatabase(), live.id)).postings.length;
    expect(before).toBe(2);
    live.failListing = new FeedError('reader-outdated', 'choisirleservicepublic.gouv.fr: no offer card found.', CSP_URL);
    feed.set('2024-02-01-ops.md', posting('Ops'));
    now = new Date(now.getTime() + 2 * 60 * 60_000);
    const [feedReport, liveReport] = await sync.run('alarm');
    expect(feedReport).toMatchObject({ ok: true, result: { changes: { added: [`${feed.id} 2024-02-01-ops`] } } });
    expect(liveReport).toMatchObject({ ok: false });
    expect(stored[live.id]?.lastError).toMatchObject({ kind: 'reader-outdated' });
    const kept = (await readSource(await openDatabase(), live.id)).postings;
    expect(kept).toHaveLength(2);
    expect(kept.every((p) => p.removedAt === null)).toBe(true);
  });

  it('asks whether each offer is open elsewhere only when several feeds are configured', async () => {
    let built = 0;
    const openElsewhere = async () => {
      built++;
      return () => false;
    };
    await runner({ openElsewhere }).run('alarm');
    expect(built).toBe(2);
    feeds = [CSP_URL];
    now = new Date(now.getTime() + 2 * 60 * 60_000);
    await runner({ openElsewhere }).run('alarm');
    expect(built).toBe(2);
  });
});
