import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { FeedError } from '../../src/feed/http';
import { openDatabase, readSource, type Database } from '../../src/store/db';
import { syncSource } from '../../src/sync/run';
import { FakeSource, posting } from './fake-source';

let db: Database;
let source: FakeSource;

beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  db = await openDatabase();
  source = new FakeSource()
    .set('2024-01-01-dev.md', posting('Développeur·se'))
    .set('2024-01-02-design.md', posting('Designer'))
    .set('2024-01-03-data', posting('Data analyst'));
});

const snapshot = () => readSource(db, source.id);

describe('syncSource', () => {
  it('stores every posting of the feed, keyed by source and file name without .md', async () => {
    const report = await syncSource(db, source);
    expect(report).toMatchObject({ ok: true, listed: 3, fetched: 3, stored: 3, rejected: 0 });
    const { postings, state } = await snapshot();
    expect(postings.map((p) => p.id).sort()).toEqual(['2024-01-01-dev', '2024-01-02-design', '2024-01-03-data']);
    expect(postings.every((p) => p.sourceId === 'fake:feed')).toBe(true);
    expect(state?.lastSuccessAt).not.toBeNull();
  });

  it('fetches only files whose version changed', async () => {
    await syncSource(db, source);
    source.requests = [];
    await syncSource(db, source);
    expect(source.requests).toEqual(['list']);

    source.set('2024-01-02-design.md', posting('Designer UX'));
    source.requests = [];
    const report = await syncSource(db, source);
    expect(source.requests).toEqual(['list', '2024-01-02-design.md']);
    expect(report.fetched).toBe(1);
    const { postings } = await snapshot();
    expect(postings.find((p) => p.id === '2024-01-02-design')?.title).toBe('Designer UX');
  });

  it('removes postings the feed no longer lists', async () => {
    await syncSource(db, source);
    source.files.delete('2024-01-03-data');
    const report = await syncSource(db, source);
    expect(report.stored).toBe(2);
    expect((await snapshot()).postings).toHaveLength(2);
  });

  it('keeps the last good version of a posting whose new version does not parse, and says why', async () => {
    await syncSource(db, source);
    source.set('2024-01-01-dev.md', '---\nroles: [unclosed\n---\nbody');
    const report = await syncSource(db, source);
    expect(report).toMatchObject({ ok: true, stored: 3, rejected: 1 });
    const { postings, rejects } = await snapshot();
    expect(postings.find((p) => p.id === '2024-01-01-dev')?.title).toBe('Développeur·se');
    expect(rejects).toHaveLength(1);
    expect(rejects[0]!.error.fileName).toBe('2024-01-01-dev.md');

    // The broken version is not fetched again; a fixed one clears the reject.
    source.requests = [];
    await syncSource(db, source);
    expect(source.requests).toEqual(['list']);
    source.set('2024-01-01-dev.md', posting('Développeur·se senior'));
    await syncSource(db, source);
    const after = await snapshot();
    expect(after.rejects).toHaveLength(0);
    expect(after.postings.find((p) => p.id === '2024-01-01-dev')?.title).toBe('Développeur·se senior');
  });

  it('changes nothing but the error when the listing fails', async () => {
    await syncSource(db, source);
    const before = await snapshot();
    source.failListing = new FeedError('http', 'https://feed.example/index.json answered HTTP 503.', source.url, 503);
    source.set('2024-01-04-new.md', posting('Nouveau'));
    const report = await syncSource(db, source);
    expect(report.ok).toBe(false);
    expect(report.error).toContain('HTTP 503');
    const after = await snapshot();
    expect(after.postings).toEqual(before.postings);
    expect(after.state?.lastError?.message).toContain('HTTP 503');
    expect(after.state?.lastSuccessAt).toBe(before.state?.lastSuccessAt);
  });

  it('changes nothing when one file fails mid-run, and the next run completes the work', async () => {
    await syncSource(db, source);
    source.set('2024-01-04-a.md', posting('A')).set('2024-01-05-b.md', posting('B'));
    source.failFile.add('2024-01-05-b.md');
    const failed = await syncSource(db, source);
    expect(failed.ok).toBe(false);
    expect((await snapshot()).postings).toHaveLength(3);

    source.failFile.clear();
    const recovered = await syncSource(db, source);
    expect(recovered).toMatchObject({ ok: true, stored: 5 });
    expect((await snapshot()).state?.lastError).toBeNull();
  });

  it('keeps the postings of different feeds apart', async () => {
    await syncSource(db, source);
    const other = new FakeSource().set('2024-01-01-dev.md', posting('Autre'));
    Object.defineProperty(other, 'id', { value: 'fake:other' });
    await syncSource(db, other);
    expect((await readSource(db, 'fake:other')).postings.map((p) => p.title)).toEqual(['Autre']);
    expect((await snapshot()).postings).toHaveLength(3);
  });
});
