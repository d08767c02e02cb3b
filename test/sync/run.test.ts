import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { FeedError } from '../../src/feed/http';
import { openDatabase, postingKey, readSource, readUserStates, setFavourite, takeAnnouncements, type Database } from '../../src/store/db';
import { syncSource } from '../../src/sync/run';
import { closedPosting, FakeSource, posting } from './fake-source';

let db: Database;
let source: FakeSource;
let writes: number;
const key = (id: string) => postingKey(source.id, id);

beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  db = await openDatabase();
  // Count read-write transactions: "no change" must mean no database write at all.
  writes = 0;
  const transaction = db.transaction.bind(db) as (...args: unknown[]) => unknown;
  (db as unknown as { transaction: unknown }).transaction = (...args: unknown[]) => {
    if (args[1] === 'readwrite') writes++;
    return transaction(...args);
  };
  source = new FakeSource()
    .set('2024-01-01-dev.md', posting('Développeur·se'))
    .set('2024-01-02-design.md', posting('Designer'))
    .set('2024-01-03-data', closedPosting('Data analyst'));
});

const snapshot = () => readSource(db, source.id);

describe('syncSource: storing the feed', () => {
  it('stores every posting, keyed by source and file name without .md', async () => {
    const result = await syncSource(db, source);
    expect(result).toMatchObject({ firstSync: true, notModified: false, listed: 3, fetched: 3, stored: 3, openCount: 2 });
    const { postings, state } = await snapshot();
    expect(postings.map((p) => p.id).sort()).toEqual(['2024-01-01-dev', '2024-01-02-design', '2024-01-03-data']);
    expect(postings.every((p) => p.sourceId === 'fake:feed' && p.removedAt === null)).toBe(true);
    expect(state?.firstSyncAt).not.toBeNull();
    expect(state?.etag).toMatch(/^"/);
  });

  it('makes one conditional request and no database write when nothing changed', async () => {
    await syncSource(db, source);
    source.requests = [];
    writes = 0;
    const result = await syncSource(db, source);
    expect(result.notModified).toBe(true);
    expect(source.requests).toEqual(['list']);
    expect(writes).toBe(0);
  });

  it('fetches only the file that changed: two requests', async () => {
    await syncSource(db, source);
    source.set('2024-01-02-design.md', posting('Designer UX'));
    source.requests = [];
    const result = await syncSource(db, source);
    expect(source.requests).toEqual(['list', '2024-01-02-design.md']);
    expect(result.changes).toMatchObject({ updated: [key('2024-01-02-design')], newOffers: [], added: [] });
    const { postings } = await snapshot();
    expect(postings.find((p) => p.id === '2024-01-02-design')?.title).toBe('Designer UX');
  });

  it('keeps the postings of different feeds apart', async () => {
    await syncSource(db, source);
    const other = new FakeSource('fake:other').set('2024-01-01-dev.md', posting('Autre'));
    await syncSource(db, other);
    expect((await readSource(db, 'fake:other')).postings.map((p) => p.title)).toEqual(['Autre']);
    expect((await snapshot()).postings).toHaveLength(3);
  });
});

describe('syncSource: what is new', () => {
  it('announces nothing offer by offer on the first sync, only one summary', async () => {
    const result = await syncSource(db, source);
    expect(result.firstSync).toBe(true);
    expect(await readUserStates(db)).toEqual([]);
    const announcements = await takeAnnouncements(db);
    expect(announcements).toHaveLength(1);
    expect(announcements[0]).toMatchObject({ kind: 'summary', postingKeys: [], openCount: 2 });
  });

  it('announces a new open offer once, with its "new" mark for the badge', async () => {
    await syncSource(db, source);
    await takeAnnouncements(db);
    source.set('2024-02-01-ops.md', posting('Ops'));
    const result = await syncSource(db, source);
    expect(result.changes.added).toEqual([key('2024-02-01-ops')]);
    expect(result.changes.newOffers).toEqual([key('2024-02-01-ops')]);
    expect(await takeAnnouncements(db)).toMatchObject([{ kind: 'offers', postingKeys: [key('2024-02-01-ops')] }]);
    expect((await readUserStates(db)).map((s) => [s.key, s.newSince !== null])).toEqual([[key('2024-02-01-ops'), true]]);

    // An edit of an offer that is already open is not new; neither is a run with no change.
    source.set('2024-02-01-ops.md', posting('Ops / SRE'));
    expect((await syncSource(db, source)).changes.newOffers).toEqual([]);
    expect((await syncSource(db, source)).notModified).toBe(true);
    expect(await takeAnnouncements(db)).toEqual([]);
  });

  it('does not announce a new closed offer; announces it when it opens', async () => {
    await syncSource(db, source);
    source.set('2024-02-02-pm.md', closedPosting('PM'));
    expect((await syncSource(db, source)).changes.newOffers).toEqual([]);
    source.set('2024-02-02-pm.md', posting('PM'));
    const opened = await syncSource(db, source);
    expect(opened.changes).toMatchObject({ newOffers: [key('2024-02-02-pm')], reopened: [key('2024-02-02-pm')] });
  });

  it('closes an offer when its flag, its depublication date or its removal says so', async () => {
    let now = new Date('2024-03-01T10:00:00Z');
    source.set('2024-02-03-coach.md', posting('Coach', 'depublication_date: 2024-03-10\n'));
    await syncSource(db, source, { now: () => now });
    await setFavourite(db, key('2024-01-02-design'), true);

    source.set('2024-01-01-dev.md', closedPosting('Développeur·se'));
    source.files.delete('2024-01-02-design.md');
    now = new Date('2024-03-12T10:00:00Z');
    const result = await syncSource(db, source, { now: () => now });
    expect(result.changes.closed.sort()).toEqual([key('2024-01-01-dev'), key('2024-01-02-design'), key('2024-02-03-coach')].sort());
    expect(result.changes.removed).toEqual([key('2024-01-02-design')]);

    // A posting that left the feed is kept, closed, with the user's marks.
    const { postings } = await snapshot();
    const removed = postings.find((p) => p.id === '2024-01-02-design');
    expect(removed).toMatchObject({ removedAt: now.toISOString(), openAtLastSync: false });
    expect((await readUserStates(db)).find((s) => s.key === key('2024-01-02-design'))?.favourite).toBe(true);

    // It comes back: new again.
    source.set('2024-01-02-design.md', posting('Designer'));
    const back = await syncSource(db, source, { now: () => now });
    expect(back.changes.newOffers).toEqual([key('2024-01-02-design')]);
    expect(back.changes.added).toEqual([key('2024-01-02-design')]);
  });
});

describe('syncSource: an unchanged feed over time', () => {
  it('closes an offer whose depublication date is reached though the feed answers 304, and announces it when it reopens', async () => {
    source.set('2024-06-01-coach.md', posting('Coach', 'depublication_date: 2024-07-01\n'));
    await syncSource(db, source, { now: () => new Date('2024-06-01T10:00:00Z') });

    // Before the date: 304 and not even a read.
    writes = 0;
    const early = await syncSource(db, source, { now: () => new Date('2024-06-20T10:00:00Z') });
    expect(early).toMatchObject({ notModified: true, openCount: 3 });
    expect(writes).toBe(0);

    // On the date: still 304, but the offer closes.
    const onDate = await syncSource(db, source, { now: () => new Date('2024-07-01T10:00:00Z') });
    expect(onDate).toMatchObject({ notModified: true, openCount: 2 });
    expect(onDate.changes.closed).toEqual([key('2024-06-01-coach')]);
    expect((await snapshot()).postings.find((p) => p.id === '2024-06-01-coach')?.openAtLastSync).toBe(false);

    // Upstream moves the date: the offer is open again, so it is new again.
    source.set('2024-06-01-coach.md', posting('Coach', 'depublication_date: 2024-09-01\n'));
    const moved = await syncSource(db, source, { now: () => new Date('2024-07-05T10:00:00Z') });
    expect(moved.changes).toMatchObject({ newOffers: [key('2024-06-01-coach')], reopened: [key('2024-06-01-coach')] });
  });

  it('reads `x` and `x.md` listed together as one posting, the .md file winning, run after run', async () => {
    source.set('2024-01-04-ops', posting('Ancien')).set('2024-01-04-ops.md', posting('Nouveau'));
    await syncSource(db, source);
    for (let run = 0; run < 3; run++) {
      source.set('2024-01-05-tick.md', posting(`Tick ${run}`));
      const result = await syncSource(db, source);
      expect(result.changes.updated).not.toContain(key('2024-01-04-ops'));
      expect((await snapshot()).postings.find((p) => p.id === '2024-01-04-ops')?.title).toBe('Nouveau');
    }
  });
});

describe('syncSource: bad input and failures', () => {
  it('keeps the last good version of a posting whose new version does not parse, and says why', async () => {
    await syncSource(db, source);
    source.set('2024-01-01-dev.md', '---\nroles: [unclosed\n---\nbody');
    const result = await syncSource(db, source);
    expect(result.changes.rejected).toEqual([key('2024-01-01-dev')]);
    const { postings, rejects } = await snapshot();
    expect(postings.find((p) => p.id === '2024-01-01-dev')?.title).toBe('Développeur·se');
    expect(rejects.map((r) => r.error.fileName)).toEqual(['2024-01-01-dev.md']);

    // The broken version is not fetched again; a fixed one clears the reject.
    source.set('2024-01-05-other.md', posting('Autre'));
    source.requests = [];
    await syncSource(db, source);
    expect(source.requests).toEqual(['list', '2024-01-05-other.md']);
    source.set('2024-01-01-dev.md', posting('Développeur·se senior'));
    await syncSource(db, source);
    const after = await snapshot();
    expect(after.rejects).toEqual([]);
    expect(after.postings.find((p) => p.id === '2024-01-01-dev')?.title).toBe('Développeur·se senior');
  });

  it('changes nothing when the listing fails, and throws the feed error', async () => {
    await syncSource(db, source);
    const before = await snapshot();
    source.failListing = new FeedError('http', 'https://feed.example/index.json answered HTTP 503.', source.url, 503);
    source.set('2024-01-04-new.md', posting('Nouveau'));
    await expect(syncSource(db, source)).rejects.toMatchObject({ kind: 'http', status: 503 });
    expect(await snapshot()).toEqual(before);
  });

  it('changes nothing when one file fails mid-run; the next run completes the work', async () => {
    await syncSource(db, source);
    const before = await snapshot();
    source.set('2024-01-04-a.md', posting('A')).set('2024-01-05-b.md', posting('B'));
    source.failFile.add('2024-01-05-b.md');
    await expect(syncSource(db, source)).rejects.toBeInstanceOf(FeedError);
    expect(await snapshot()).toEqual(before);

    source.failFile.clear();
    const recovered = await syncSource(db, source);
    expect(recovered.stored).toBe(5);
    expect(recovered.changes.newOffers.sort()).toEqual([key('2024-01-04-a'), key('2024-01-05-b')]);
  });

  it('loses nothing when the run is stopped half-way (the worker killed), and announces once after', async () => {
    await syncSource(db, source);
    await takeAnnouncements(db);
    const before = await snapshot();
    source.set('2024-01-04-a.md', posting('A')).set('2024-01-05-b.md', posting('B'));
    const stop = new AbortController();
    source.beforeFile = (name) => {
      if (name === '2024-01-05-b.md') stop.abort(new Error('service worker stopped'));
    };
    await expect(syncSource(db, source, { signal: stop.signal, concurrency: 1 })).rejects.toThrow('service worker stopped');
    expect(await snapshot()).toEqual(before);
    expect(await takeAnnouncements(db)).toEqual([]);

    source.beforeFile = () => {};
    await syncSource(db, source);
    const announced = await takeAnnouncements(db);
    expect(announced.flatMap((a) => a.postingKeys).sort()).toEqual([key('2024-01-04-a'), key('2024-01-05-b')]);
  });
});
