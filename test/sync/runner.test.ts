import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openDatabase } from '../../src/store/db';
import { createSyncRunner } from '../../src/sync/runner';
import { defaultSettings } from '../../src/settings/settings';

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});
afterEach(() => vi.unstubAllGlobals());

describe('createSyncRunner', () => {
  it('runs one sync at a time: overlapping triggers share a run, and one follow-up is queued', async () => {
    let listings = 0;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => {
        listings++;
        await gate;
        return new Response(JSON.stringify({ format: 'beta-radar-feed', version: 1, postings: [] }));
      }),
    );
    const runner = createSyncRunner({
      getSettings: async () => defaultSettings('https://feed.example/index.json'),
      openDb: openDatabase,
    });
    const first = runner.run('install');
    const second = runner.run('alarm');
    const third = runner.run('user');
    expect(second).toBe(third);
    await new Promise((r) => setTimeout(r, 20));
    expect(listings).toBe(1);
    release();
    const [a, b] = await Promise.all([first, second, third]);
    expect(listings).toBe(2);
    expect(a?.[0]?.ok).toBe(true);
    expect(b?.[0]?.ok).toBe(true);
  });

  it('reports a feed URL it does not recognise without stopping the other feeds', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify({ format: 'beta-radar-feed', version: 1, postings: [] }))));
    const runner = createSyncRunner({
      getSettings: async () => ({ ...defaultSettings(), feeds: ['https://example.org/not-a-feed/', 'https://feed.example/index.json'] }),
      openDb: openDatabase,
    });
    const reports = await runner.run('user');
    expect(reports.map((r) => r.ok)).toEqual([false, true]);
    expect(reports[0]?.error).toMatch(/neither a GitHub folder/);
  });
});
