import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { FeedError } from '../../src/feed/http';
import { openDatabase } from '../../src/store/db';
import { createSyncRunner, type SyncRunnerDeps } from '../../src/sync/runner';
import { FIRST_RETRY_MS, type SyncStatus } from '../../src/sync/status';
import { defaultSettings } from '../../src/settings/settings';
import { FakeSource, posting } from './fake-source';

let source: FakeSource;
let stored: SyncStatus;
let now: Date;

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  source = new FakeSource().set('2024-01-01-dev.md', posting('Dev'));
  stored = {};
  now = new Date('2024-05-01T08:00:00Z');
});

function runner(overrides: Partial<SyncRunnerDeps> = {}) {
  return createSyncRunner({
    getSettings: async () => defaultSettings(source.url),
    openDb: openDatabase,
    status: { read: async () => structuredClone(stored), write: async (s) => void (stored = structuredClone(s)) },
    now: () => now,
    sourceFor: (url) => {
      if (url !== source.url) throw new FeedError('invalid-body', `"${url}" is not a feed.`, url);
      return source;
    },
    ...overrides,
  });
}

describe('createSyncRunner', () => {
  it('runs one sync at a time: overlapping triggers share a run, and one follow-up is queued', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const list = source.list.bind(source);
    let listings = 0;
    source.list = async (options) => {
      listings++;
      await gate;
      return list(options);
    };
    const sync = runner();
    const first = sync.run('install');
    const second = sync.run('alarm');
    const third = sync.run('user');
    expect(second).toBe(third);
    await new Promise((r) => setTimeout(r, 20));
    expect(listings).toBe(1);
    release();
    const [a, b] = await Promise.all([first, second, third]);
    expect(listings).toBe(2);
    expect(a?.[0]?.ok).toBe(true);
    expect(b?.[0]?.result?.notModified).toBe(true);
  });

  it('records success with counts', async () => {
    await runner().run('install');
    expect(stored[source.id]).toMatchObject({ lastSuccessAt: now.toISOString(), lastError: null, failures: 0, counts: { listed: 1, stored: 1, open: 1, rejected: 0 } });
  });

  it('records a failure with when it will retry, backs off for scheduled runs, and recovers', async () => {
    source.failListing = new FeedError('offline', 'https://feed.example/index.json could not be reached.', source.url);
    const sync = runner();
    const [failed] = await sync.run('alarm');
    expect(failed).toMatchObject({ ok: false, error: expect.stringContaining('could not be reached') });
    expect(stored[source.id]).toMatchObject({ failures: 1, nextRetryAt: new Date(now.getTime() + FIRST_RETRY_MS).toISOString() });

    // Scheduled runs leave the feed alone until then; a person's "sync now" does not wait.
    source.requests = [];
    expect((await sync.run('alarm'))[0]).toMatchObject({ skipped: true });
    expect(source.requests).toEqual([]);
    await sync.run('user');
    expect(stored[source.id]?.failures).toBe(2);
    expect(stored[source.id]?.nextRetryAt).toBe(new Date(now.getTime() + 2 * FIRST_RETRY_MS).toISOString());

    source.failListing = null;
    now = new Date(now.getTime() + 60 * 60_000);
    await sync.run('retry');
    expect(stored[source.id]).toMatchObject({ failures: 0, nextRetryAt: null, lastError: null });
  });

  it("waits for GitHub's rate-limit reset even when asked to sync now", async () => {
    const reset = new Date(now.getTime() + 40 * 60_000).toISOString();
    source.failListing = new FeedError('rate-limited', 'rate limit reached', source.url, 403, reset);
    const sync = runner();
    await sync.run('user');
    expect(stored[source.id]?.nextRetryAt).toBe(reset);
    source.requests = [];
    expect((await sync.run('user'))[0]).toMatchObject({ skipped: true });
    expect(source.requests).toEqual([]);
  });

  it('reports a feed URL it does not recognise without stopping the other feeds', async () => {
    const sync = runner({ getSettings: async () => ({ ...defaultSettings(), feeds: ['https://example.org/not-a-feed/', source.url] }) });
    const reports = await sync.run('user');
    expect(reports.map((r) => r.ok)).toEqual([false, true]);
    expect(reports[0]?.error).toMatch(/is not a feed/);
  });
});
