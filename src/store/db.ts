/**
 * The only module that opens IndexedDB. The background is its only writer; the
 * popup reads it directly (same extension origin) because a round trip to a
 * sleeping service worker costs more than a read.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { ParseError, Posting } from '../postings/types';

export const DB_NAME = 'beta-radar';
export const DB_VERSION = 1;

/** A posting as stored: the parsed model plus where it came from. */
export interface StoredPosting extends Posting {
  /** `<sourceId> <postingId>`: postings of different feeds never collide. */
  key: string;
  sourceId: string;
  /** The version the feed gave for the file (blob SHA, content hash): fetch again only when it changes. */
  version: string;
  /** Resolved startup id from startups.json, or null when unknown. */
  startupId: string | null;
  /** When this version was first stored (ISO 8601). */
  storedAt: string;
}

/** A file of a feed that did not parse, kept so the user and the tests can see why. */
export interface StoredReject {
  key: string;
  sourceId: string;
  version: string;
  error: ParseError;
}

export interface SourceSyncState {
  sourceId: string;
  url: string;
  kind: string;
  lastRunAt: string | null;
  lastSuccessAt: string | null;
  lastError: { message: string; at: string } | null;
  counts: { listed: number; stored: number; rejected: number; fetched: number } | null;
}

export interface BetaRadarDB extends DBSchema {
  postings: { key: string; value: StoredPosting; indexes: { bySource: string } };
  rejects: { key: string; value: StoredReject; indexes: { bySource: string } };
  syncState: { key: string; value: SourceSyncState };
}

export type Database = IDBPDatabase<BetaRadarDB>;

export function postingKey(sourceId: string, postingId: string): string {
  return `${sourceId} ${postingId}`;
}

/**
 * Opens (and upgrades) the database. Upgrades are a ladder on `oldVersion` so a
 * user's data survives every schema change; an open connection steps aside when a
 * newer version (an updated extension in another context) needs the upgrade.
 */
export function openDatabase(): Promise<Database> {
  return openDB<BetaRadarDB>(DB_NAME, DB_VERSION, {
    upgrade(db, oldVersion) {
      if (oldVersion < 1) {
        const postings = db.createObjectStore('postings', { keyPath: 'key' });
        postings.createIndex('bySource', 'sourceId');
        const rejects = db.createObjectStore('rejects', { keyPath: 'key' });
        rejects.createIndex('bySource', 'sourceId');
        db.createObjectStore('syncState', { keyPath: 'sourceId' });
      }
    },
    blocking(_current, _blocked, event) {
      (event.target as IDBDatabase | null)?.close();
    },
  });
}

export interface SourceSnapshot {
  postings: StoredPosting[];
  rejects: StoredReject[];
  state: SourceSyncState | undefined;
}

export async function readSource(db: Database, sourceId: string): Promise<SourceSnapshot> {
  const tx = db.transaction(['postings', 'rejects', 'syncState'], 'readonly');
  const [postings, rejects, state] = await Promise.all([
    tx.objectStore('postings').index('bySource').getAll(sourceId),
    tx.objectStore('rejects').index('bySource').getAll(sourceId),
    tx.objectStore('syncState').get(sourceId),
  ]);
  await tx.done;
  return { postings, rejects, state };
}

export interface SourceWrite {
  sourceId: string;
  put: StoredPosting[];
  /** Keys of postings the feed no longer lists. */
  remove: string[];
  putRejects: StoredReject[];
  removeRejects: string[];
  state: SourceSyncState;
}

/** Applies one sync run's result in a single transaction: readers see all of it or none. */
export async function writeSource(db: Database, write: SourceWrite): Promise<void> {
  const tx = db.transaction(['postings', 'rejects', 'syncState'], 'readwrite');
  const postings = tx.objectStore('postings');
  const rejects = tx.objectStore('rejects');
  const pending: Promise<unknown>[] = [];
  // Deletes before puts: a key both cleared and re-recorded in one run ends up recorded.
  for (const k of write.remove) pending.push(postings.delete(k));
  for (const k of write.removeRejects) pending.push(rejects.delete(k));
  for (const p of write.put) pending.push(postings.put(p));
  for (const r of write.putRejects) pending.push(rejects.put(r));
  pending.push(tx.objectStore('syncState').put(write.state));
  await Promise.all([...pending, tx.done]);
}

export async function recordSyncState(db: Database, state: SourceSyncState): Promise<void> {
  await db.put('syncState', state);
}

export async function readAllPostings(db: Database): Promise<StoredPosting[]> {
  return db.getAll('postings');
}

export async function readAllSyncStates(db: Database): Promise<SourceSyncState[]> {
  return db.getAll('syncState');
}
