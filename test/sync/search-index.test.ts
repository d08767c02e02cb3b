import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { isCurrentSearchIndex, searchPostings, DEFAULT_FILTERS } from '../../src/search';
import { openDatabase, readSearchDocs, readSearchTerms, writeCachedStartups, type Database } from '../../src/store/db';
import { syncSource } from '../../src/sync/run';
import { isSearchIndexCurrent, refreshSearchIndex } from '../../src/sync/search-index';
import { FakeSource, posting } from './fake-source';

let db: Database;
let source: FakeSource;

beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  db = await openDatabase();
  source = new FakeSource().set('2024-01-01-dev.md', posting('Développeur·se')).set('2024-01-02-design.md', posting('Designer'));
});

async function storedIndex() {
  const [docs, terms] = await Promise.all([readSearchDocs(db), readSearchTerms(db)]);
  const index = { format: 'beta-radar-search', version: docs!.version, docs: docs!.docs, head: terms!.head, body: terms!.body };
  expect(isCurrentSearchIndex(index)).toBe(true);
  return index as Parameters<typeof searchPostings>[0];
}

describe('the stored search index', () => {
  it('is built after a sync and searchable as read back', async () => {
    await syncSource(db, source);
    expect(await isSearchIndexCurrent(db)).toBe(false);
    expect(await refreshSearchIndex(db)).toBe(true);
    const index = await storedIndex();
    const hits = searchPostings(index, 'développeuse', { filters: { ...DEFAULT_FILTERS, openOnly: false }, now: new Date() }).hits;
    expect(hits.map((h) => index.docs[h.doc]!.id)).toEqual(['2024-01-01-dev']);
  });

  it('is left alone while nothing changed, and rebuilt when the postings or the startups registry change', async () => {
    await syncSource(db, source);
    await refreshSearchIndex(db);
    expect(await refreshSearchIndex(db)).toBe(false);

    source.set('2024-01-03-data.md', posting('Data analyst'));
    await syncSource(db, source);
    expect(await isSearchIndexCurrent(db)).toBe(false);
    expect(await refreshSearchIndex(db)).toBe(true);
    expect((await readSearchDocs(db))!.docs.map((d) => d.id)).toContain('2024-01-03-data');

    await writeCachedStartups(db, { key: 'startups', startups: [], etag: null, fetchedAt: new Date().toISOString() });
    expect(await isSearchIndexCurrent(db)).toBe(false);
    await refreshSearchIndex(db);
    // Checking the registry without a new copy changes nothing the search shows.
    await writeCachedStartups(db, { key: 'startups', startups: [], etag: null, fetchedAt: new Date().toISOString() }, false);
    expect(await isSearchIndexCurrent(db)).toBe(true);
  });
});
