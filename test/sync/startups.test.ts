import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { FeedError } from '../../src/feed/http';
import type { FetchStartupsResult } from '../../src/feed/startups-registry';
import type { Startup } from '../../src/postings/startups';
import { openDatabase, readCachedStartups, type Database } from '../../src/store/db';
import { loadStartupResolver } from '../../src/sync/startups';
import { syncSource } from '../../src/sync/run';
import { FakeSource, posting } from './fake-source';

const startup = (id: string, name: string): Startup => ({ id, name, pitch: '', link: null, contact: null, phases: [], thematiques: [], technos: [], incubator: null }) as unknown as Startup;

let db: Database;
beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  db = await openDatabase();
});

describe('loadStartupResolver', () => {
  it('fetches the registry when there is none, caches it, and resolves references', async () => {
    const fetchRegistry = vi.fn(async (): Promise<FetchStartupsResult> => ({ notModified: false, startups: [startup('carnet-de-bord', 'Carnet de bord')], etag: '"e1"', fetchedAt: '2024-05-01T00:00:00.000Z' }));
    const resolve = await loadStartupResolver(db, new Date('2024-05-01T00:00:00Z'), fetchRegistry);
    expect(resolve?.('carnet.de.bord')).toBe('carnet-de-bord');
    expect(resolve?.('Carnet de bord')).toBe('carnet-de-bord');
    expect(resolve?.('inconnue')).toBeNull();
    expect((await readCachedStartups(db))?.etag).toBe('"e1"');

    // Within a day: no request at all.
    await loadStartupResolver(db, new Date('2024-05-01T20:00:00Z'), fetchRegistry);
    expect(fetchRegistry).toHaveBeenCalledTimes(1);
    // After a day: one conditional request.
    fetchRegistry.mockImplementationOnce(async () => ({ notModified: true }));
    await loadStartupResolver(db, new Date('2024-05-02T01:00:00Z'), fetchRegistry);
    expect(fetchRegistry).toHaveBeenLastCalledWith(expect.objectContaining({ etag: '"e1"' }));
    expect((await readCachedStartups(db))?.fetchedAt).toBe('2024-05-02T01:00:00.000Z');
  });

  it('works without the registry, and keeps the cached copy when beta.gouv.fr fails', async () => {
    const failing = async (): Promise<FetchStartupsResult> => {
      throw new FeedError('offline', 'beta.gouv.fr could not be reached.', 'https://beta.gouv.fr/api/v2.6/startups.json');
    };
    expect(await loadStartupResolver(db, new Date(), failing)).toBeUndefined();
    await loadStartupResolver(db, new Date('2024-05-01T00:00:00Z'), async () => ({ notModified: false, startups: [startup('a', 'A')], etag: null, fetchedAt: '2024-05-01T00:00:00.000Z' }));
    const resolve = await loadStartupResolver(db, new Date('2024-06-01T00:00:00Z'), failing);
    expect(resolve?.('a')).toBe('a');
  });

  it('re-resolves stored postings when the registry changes', async () => {
    const source = new FakeSource().set('2024-01-01-x.md', posting('Dev').replace('startup: demo', 'startup: nouvelle'));
    await syncSource(db, source, { resolveStartupId: () => null });
    await loadStartupResolver(db, new Date(), async () => ({ notModified: false, startups: [startup('nouvelle', 'Nouvelle')], etag: null, fetchedAt: new Date().toISOString() }));
    expect((await db.getAll('postings'))[0]?.startupId).toBe('nouvelle');
  });
});
