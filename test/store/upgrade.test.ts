import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { DB_NAME, DB_VERSION, openDatabase, readAllPostings, readAllSyncStates } from '../../src/store/db';

/** Writes a database exactly as version 1 of the extension left it. */
function createVersion1(): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => {
      const db = request.result;
      db.createObjectStore('postings', { keyPath: 'key' }).createIndex('bySource', 'sourceId');
      db.createObjectStore('rejects', { keyPath: 'key' }).createIndex('bySource', 'sourceId');
      db.createObjectStore('syncState', { keyPath: 'sourceId' });
    };
    request.onsuccess = () => {
      const db = request.result;
      const tx = db.transaction(['postings', 'syncState'], 'readwrite');
      tx.objectStore('postings').put({ key: 'feed a', id: 'a', sourceId: 'feed', title: 'Dev', openFlag: true, version: 'v1', storedAt: '2024-01-01T00:00:00.000Z' });
      tx.objectStore('postings').put({ key: 'feed b', id: 'b', sourceId: 'feed', title: 'PM', openFlag: false, version: 'v1', storedAt: '2024-01-02T00:00:00.000Z' });
      tx.objectStore('syncState').put({ sourceId: 'feed', url: 'https://x/index.json', kind: 'static-index', lastSuccessAt: '2024-01-03T00:00:00.000Z', lastError: null });
      tx.oncomplete = () => {
        db.close();
        resolve();
      };
      tx.onerror = () => reject(tx.error);
    };
    request.onerror = () => reject(request.error);
  });
}

describe('database upgrade', () => {
  it(`keeps version 1 data when opening version ${DB_VERSION}, and announces nothing for it`, async () => {
    globalThis.indexedDB = new IDBFactory();
    await createVersion1();
    const db = await openDatabase();
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual(['announcements', 'meta', 'postings', 'rejects', 'search', 'syncState', 'userState']);
    const postings = await readAllPostings(db);
    expect(postings.map((p) => [p.key, p.title, p.openAtLastSync, p.firstSeenAt, p.removedAt])).toEqual([
      ['feed a', 'Dev', true, '2024-01-01T00:00:00.000Z', null],
      ['feed b', 'PM', false, '2024-01-02T00:00:00.000Z', null],
    ]);
    expect(await readAllSyncStates(db)).toEqual([
      { sourceId: 'feed', url: 'https://x/index.json', kind: 'static-index', etag: null, firstSyncAt: '2024-01-03T00:00:00.000Z', lastChangeAt: '2024-01-03T00:00:00.000Z', openCount: 0, nextOpennessChange: null },
    ]);
    expect(await db.getAll('announcements')).toEqual([]);
    db.close();
  });
});
