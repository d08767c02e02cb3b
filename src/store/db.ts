/**
 * The only module that opens IndexedDB. The background is its only writer; the
 * popup reads it directly (same extension origin) because a round trip to a
 * sleeping service worker costs more than a read.
 */
import { openDB, type DBSchema, type IDBPDatabase, type IDBPObjectStore, type IDBPTransaction, type StoreNames } from 'idb';
import type { ParseError, Posting } from '../postings/types';
import type { Startup } from '../postings/startups';
import type { SearchDoc } from '../search/types';
import type { BodySection, HeadSection } from '../search/build';

export const DB_NAME = 'beta-radar';
export const DB_VERSION = 3;

/** A posting as stored: the parsed model plus where it came from and what the last sync saw. */
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
  /** When the posting was first seen in this feed (ISO 8601). */
  firstSeenAt: string;
  /** Set when the feed stopped listing the posting; it is kept (closed) so nothing the user marked is lost. */
  removedAt: string | null;
  /** Whether the posting was open at the end of the last sync that saw it: the base of "new" and "closed". */
  openAtLastSync: boolean;
}

/** A file of a feed that did not parse, kept so the user and the tests can see why. */
export interface StoredReject {
  key: string;
  sourceId: string;
  version: string;
  error: ParseError;
}

/** What a feed's next sync needs, written in the same transaction as the postings it describes. */
export interface SourceSyncState {
  sourceId: string;
  url: string;
  kind: string;
  /** Validator of the last listing, for a conditional request. */
  etag: string | null;
  /**
   * What the source keeps of its last listing between runs (a paged listing's per-page
   * validators and entries), opaque here; absent for the feed kinds that need none.
   */
  sourceState?: unknown;
  /**
   * Some posting was read from its listing alone (its page did not answer): the next run reads
   * its page again even when the listing answers "not modified".
   */
  pendingRetries?: boolean;
  /** The first successful sync (the silent one), or null before it. */
  firstSyncAt: string | null;
  /** The last sync that changed something. */
  lastChangeAt: string | null;
  /** Open postings after the last sync. */
  openCount: number;
  /**
   * The first Paris day on which an open posting closes by its own dates
   * (`depublication_date`, `poste_ferme`): from then on, even an unchanged feed
   * needs its postings looked at again.
   */
  nextOpennessChange: string | null;
}

/** The user's own marks on a posting. Kept when the posting closes or leaves the feed. */
export interface UserPostingState {
  key: string;
  favourite: boolean;
  /** When the user last opened the posting (or dismissed it as seen). */
  seenAt: string | null;
  /** Set when a sync announced the posting as new; cleared when it is seen. Drives the badge. */
  newSince: string | null;
}

/** Notifications a sync decided on, persisted before they are shown so a worker stopped in between loses none. */
export interface PendingAnnouncement {
  id?: number;
  createdAt: string;
  sourceId: string;
  /** `offers`: the new offers; `summary`: the first sync of a feed, one line for all its open offers. */
  kind: 'offers' | 'summary';
  postingKeys: string[];
  /** For a summary: how many offers the feed had open after its first sync. */
  openCount?: number;
}

export interface CachedStartups {
  key: 'startups';
  startups: Startup[];
  etag: string | null;
  fetchedAt: string;
}

/**
 * A counter bumped in every transaction that changes what the search shows
 * (postings, resolved startups, the startups registry): the search index
 * records the revision it was built from, so staleness is one comparison.
 */
export interface DataRevision {
  key: 'revision';
  value: number;
}

/** The search index's posting list, read first by the popup so it can paint before the terms arrive. */
export interface StoredSearchDocs {
  key: 'docs';
  /** Layout and vocabulary version (see `searchIndexVersion`). */
  version: string;
  revision: number;
  builtAt: string;
  docs: SearchDoc[];
}

/** The search index's term sections: larger, read right after the docs. */
export interface StoredSearchTerms {
  key: 'terms';
  version: string;
  revision: number;
  head: HeadSection;
  body: BodySection;
}

/** When the user last opened the popup: the badge counts only offers announced after that. */
/**
 * Which data and which search version the stored index was built from: a few bytes,
 * so "is it current?" never reads the posting list itself (megabytes at 10,000 postings).
 */
export interface StoredSearchHeader {
  key: 'header';
  version: string;
  revision: number;
}

export interface BadgeState {
  key: 'badge';
  clearedAt: string;
}

export interface BetaRadarDB extends DBSchema {
  postings: { key: string; value: StoredPosting; indexes: { bySource: string } };
  rejects: { key: string; value: StoredReject; indexes: { bySource: string } };
  syncState: { key: string; value: SourceSyncState };
  userState: { key: string; value: UserPostingState };
  announcements: { key: number; value: PendingAnnouncement };
  meta: { key: string; value: CachedStartups | DataRevision | BadgeState };
  search: { key: string; value: StoredSearchHeader | StoredSearchDocs | StoredSearchTerms };
}

export type Database = IDBPDatabase<BetaRadarDB>;
type UpgradeTransaction = IDBPTransaction<BetaRadarDB, StoreNames<BetaRadarDB>[], 'versionchange'>;

export function postingKey(sourceId: string, postingId: string): string {
  return `${sourceId} ${postingId}`;
}

/**
 * Opens (and upgrades) the database. Upgrades are a ladder on `oldVersion` so a
 * user's data survives every schema change; an open connection steps aside when a
 * newer version (an updated extension in another context) needs the upgrade.
 */
export function openDatabase(onClosed?: () => void): Promise<Database> {
  return openDB<BetaRadarDB>(DB_NAME, DB_VERSION, {
    upgrade(db, oldVersion, _newVersion, transaction) {
      if (oldVersion < 1) {
        const postings = db.createObjectStore('postings', { keyPath: 'key' });
        postings.createIndex('bySource', 'sourceId');
        const rejects = db.createObjectStore('rejects', { keyPath: 'key' });
        rejects.createIndex('bySource', 'sourceId');
        db.createObjectStore('syncState', { keyPath: 'sourceId' });
      }
      if (oldVersion < 2) {
        db.createObjectStore('userState', { keyPath: 'key' });
        db.createObjectStore('announcements', { keyPath: 'id', autoIncrement: true });
        db.createObjectStore('meta', { keyPath: 'key' });
        if (oldVersion >= 1) void upgradeV1Records(transaction);
      }
      if (oldVersion < 3) {
        // Built by the background from the postings; nothing to carry over.
        db.createObjectStore('search', { keyPath: 'key' });
      }
    },
    blocking(_current, _blocked, event) {
      (event.target as IDBDatabase | null)?.close();
      onClosed?.();
    },
    terminated: () => onClosed?.(),
  });
}

let shared: Promise<Database> | null = null;

/**
 * One connection kept open for frequent reads in the background (each address-bar keystroke,
 * each batch of job cards), instead of a new one each time; opened again after it closed for an
 * upgrade or "erase everything".
 */
export function sharedDatabase(): Promise<Database> {
  if (!shared) {
    const opening = openDatabase(() => {
      if (shared === opening) shared = null;
    });
    shared = opening;
    opening.catch(() => {
      if (shared === opening) shared = null;
    });
  }
  return shared;
}

/**
 * v1 → v2: postings gain first-seen, removal and last-sync openness (taken from
 * their own flag, so the upgrade announces nothing); sync states gain their
 * conditional-request validator and first-sync mark (a v1 state had synced).
 */
async function upgradeV1Records(transaction: UpgradeTransaction): Promise<void> {
  let postings = await transaction.objectStore('postings').openCursor();
  while (postings) {
    const old = postings.value as Partial<StoredPosting> & StoredPosting;
    await postings.update({
      ...old,
      firstSeenAt: old.firstSeenAt ?? old.storedAt,
      removedAt: old.removedAt ?? null,
      openAtLastSync: old.openAtLastSync ?? old.openFlag,
    });
    postings = await postings.continue();
  }
  let states = await transaction.objectStore('syncState').openCursor();
  while (states) {
    const old = states.value as unknown as Record<string, unknown> & { sourceId: string; url: string; kind: string };
    await states.update({
      sourceId: old.sourceId,
      url: old.url,
      kind: old.kind,
      etag: null,
      firstSyncAt: (old.lastSuccessAt as string | null | undefined) ?? null,
      lastChangeAt: (old.lastSuccessAt as string | null | undefined) ?? null,
      // No validator yet, so the first v2 run lists the feed in full and fills these in.
      openCount: 0,
      nextOpennessChange: null,
    });
    states = await states.continue();
  }
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

export async function readSyncState(db: Database, sourceId: string): Promise<SourceSyncState | undefined> {
  return db.get('syncState', sourceId);
}

export interface SourceWrite {
  put: StoredPosting[];
  putRejects: StoredReject[];
  removeRejects: string[];
  state: SourceSyncState;
  /** Postings announced as new: their user state gains `newSince`. */
  newKeys: string[];
  announcement: PendingAnnouncement | null;
}

/** Applies one sync run's result in a single transaction: readers see all of it or none. */
export async function writeSource(db: Database, write: SourceWrite): Promise<void> {
  const tx = db.transaction(['postings', 'rejects', 'syncState', 'userState', 'announcements', 'meta'], 'readwrite');
  const postings = tx.objectStore('postings');
  const rejects = tx.objectStore('rejects');
  const userState = tx.objectStore('userState');
  const pending: Promise<unknown>[] = [];
  // Deletes before puts: a key both cleared and re-recorded in one run ends up recorded.
  for (const k of write.removeRejects) pending.push(rejects.delete(k));
  for (const p of write.put) pending.push(postings.put(p));
  for (const r of write.putRejects) pending.push(rejects.put(r));
  pending.push(tx.objectStore('syncState').put(write.state));
  for (const key of write.newKeys) {
    pending.push(
      userState.get(key).then((old) =>
        userState.put({ key, favourite: old?.favourite ?? false, seenAt: null, newSince: write.state.lastChangeAt }),
      ),
    );
  }
  if (write.announcement) pending.push(tx.objectStore('announcements').add(write.announcement));
  if (write.put.length > 0) pending.push(bumpRevision(tx.objectStore('meta')));
  await Promise.all([...pending, tx.done]);
}

type MetaStore = IDBPObjectStore<BetaRadarDB, ArrayLike<StoreNames<BetaRadarDB>>, 'meta', 'readwrite'>;

async function bumpRevision(meta: MetaStore): Promise<void> {
  const old = (await meta.get('revision')) as DataRevision | undefined;
  await meta.put({ key: 'revision', value: (old?.value ?? 0) + 1 });
}

/** The current data revision (0 before anything was stored). */
export async function readRevision(db: Database): Promise<number> {
  return ((await db.get('meta', 'revision')) as DataRevision | undefined)?.value ?? 0;
}

export async function readAllPostings(db: Database): Promise<StoredPosting[]> {
  return db.getAll('postings');
}

export async function readAllSyncStates(db: Database): Promise<SourceSyncState[]> {
  return db.getAll('syncState');
}

export async function readUserStates(db: Database): Promise<UserPostingState[]> {
  return db.getAll('userState');
}

/**
 * The toolbar badge: offers announced as new, not seen yet, and announced after
 * the user last opened the popup (opening it acknowledges the count; the offers
 * stay marked new in the list until they are seen).
 */
export async function countUnseenNew(db: Database): Promise<number> {
  const tx = db.transaction(['userState', 'meta'], 'readonly');
  const [states, badge] = await Promise.all([tx.objectStore('userState').getAll(), tx.objectStore('meta').get('badge')]);
  await tx.done;
  const clearedAt = (badge as BadgeState | undefined)?.clearedAt ?? '';
  return states.filter((s) => s.newSince !== null && s.seenAt === null && s.newSince > clearedAt).length;
}

/** The user opened the popup: the badge starts counting again from now. */
export async function clearBadge(db: Database, at: string): Promise<void> {
  await db.put('meta', { key: 'badge', clearedAt: at });
}

/** Marks postings as seen (clears their "new" mark). Returns the keys that changed. */
export async function markSeen(db: Database, keys: string[], at: string): Promise<string[]> {
  const tx = db.transaction('userState', 'readwrite');
  const changed: string[] = [];
  await Promise.all(
    keys.map(async (key) => {
      const old = await tx.store.get(key);
      if (old?.seenAt && old.newSince === null) return;
      changed.push(key);
      await tx.store.put({ key, favourite: old?.favourite ?? false, seenAt: at, newSince: null });
    }),
  );
  await tx.done;
  return changed;
}

export async function setFavourite(db: Database, key: string, favourite: boolean): Promise<void> {
  const tx = db.transaction('userState', 'readwrite');
  const old = await tx.store.get(key);
  await tx.store.put({ key, seenAt: old?.seenAt ?? null, newSince: old?.newSince ?? null, favourite });
  await tx.done;
}

/** Takes the pending announcements out, in one transaction (shown once, even if two contexts drain). */
export async function takeAnnouncements(db: Database): Promise<PendingAnnouncement[]> {
  const tx = db.transaction('announcements', 'readwrite');
  const all = await tx.store.getAll();
  await tx.store.clear();
  await tx.done;
  return all;
}

export async function readPostings(db: Database, keys: string[]): Promise<StoredPosting[]> {
  const tx = db.transaction('postings', 'readonly');
  const found = await Promise.all(keys.map((k) => tx.store.get(k)));
  await tx.done;
  return found.filter((p): p is StoredPosting => p !== undefined);
}

export async function readCachedStartups(db: Database): Promise<CachedStartups | undefined> {
  return (await db.get('meta', 'startups')) as CachedStartups | undefined;
}

/** Stores the registry; a new copy (not just a new check time) changes what the search shows. */
export async function writeCachedStartups(db: Database, cache: CachedStartups, changed = true): Promise<void> {
  const tx = db.transaction('meta', 'readwrite');
  await Promise.all([tx.store.put(cache), changed ? bumpRevision(tx.store) : undefined, tx.done]);
}

/** Re-resolves every stored posting's startup (after the registry changed), in one transaction. */
export async function updateStartupIds(db: Database, resolve: (ref: string | null) => string | null): Promise<number> {
  const tx = db.transaction(['postings', 'meta'], 'readwrite');
  const store = tx.objectStore('postings');
  let changed = 0;
  for (const posting of await store.getAll()) {
    const startupId = resolve(posting.startupRef);
    if (startupId !== posting.startupId) {
      changed++;
      void store.put({ ...posting, startupId });
    }
  }
  if (changed > 0) void bumpRevision(tx.objectStore('meta'));
  await tx.done;
  return changed;
}

/** The search's posting list, or undefined before the first build. */
export async function readSearchDocs(db: Database): Promise<StoredSearchDocs | undefined> {
  return (await db.get('search', 'docs')) as StoredSearchDocs | undefined;
}

/** The search's term sections, or undefined before the first build. */
export async function readSearchTerms(db: Database): Promise<StoredSearchTerms | undefined> {
  return (await db.get('search', 'terms')) as StoredSearchTerms | undefined;
}

/** The stored index's version and revision, or undefined before the first build. */
export async function readSearchHeader(db: Database): Promise<StoredSearchHeader | undefined> {
  return (await db.get('search', 'header')) as StoredSearchHeader | undefined;
}

/** Replaces the search index (its records in one transaction, so they always belong together). */
export async function writeSearchIndex(db: Database, docs: StoredSearchDocs, terms: StoredSearchTerms): Promise<void> {
  const tx = db.transaction('search', 'readwrite');
  const header: StoredSearchHeader = { key: 'header', version: docs.version, revision: docs.revision };
  await Promise.all([tx.store.put(header), tx.store.put(docs), tx.store.put(terms), tx.done]);
}

/** Everything the search index is built from, read in one transaction so it is one consistent revision. */
export async function readSearchSources(db: Database): Promise<{ revision: number; postings: StoredPosting[]; startups: Startup[] }> {
  const tx = db.transaction(['postings', 'meta'], 'readonly');
  const meta = tx.objectStore('meta');
  const [postings, revision, cache] = await Promise.all([tx.objectStore('postings').getAll(), meta.get('revision'), meta.get('startups')]);
  await tx.done;
  return {
    revision: (revision as DataRevision | undefined)?.value ?? 0,
    postings,
    startups: (cache as CachedStartups | undefined)?.startups ?? [],
  };
}

/**
 * Merges imported marks into the user's own, in one transaction (all or none): a
 * favourite stays starred; a seen date keeps the later of the two, and a "new" mark
 * announced before that date is cleared (the offer was seen after it was announced).
 * Answers how many postings each list touched.
 */
export async function mergeUserMarks(
  db: Database,
  marks: { favourites: readonly string[]; seen: readonly { key: string; seenAt: string }[] },
): Promise<{ favourites: number; seen: number }> {
  const tx = db.transaction('userState', 'readwrite');
  const merged = new Map<string, UserPostingState>();
  const current = async (key: string): Promise<UserPostingState> =>
    merged.get(key) ?? (await tx.store.get(key)) ?? { key, favourite: false, seenAt: null, newSince: null };
  // One key at a time: a key both starred and seen is read once and written once, with both marks.
  for (const key of marks.favourites) merged.set(key, { ...(await current(key)), favourite: true });
  for (const { key, seenAt } of marks.seen) {
    const old = await current(key);
    const later = old.seenAt !== null && Date.parse(old.seenAt) >= Date.parse(seenAt) ? old.seenAt : seenAt;
    const newSince = old.newSince !== null && Date.parse(old.newSince) <= Date.parse(later) ? null : old.newSince;
    merged.set(key, { ...old, seenAt: later, newSince });
  }
  await Promise.all([...[...merged.values()].map((state) => tx.store.put(state)), tx.done]);
  return { favourites: marks.favourites.length, seen: marks.seen.length };
}

/**
 * Deletes the whole database ("erase everything"). Open connections close on the
 * `versionchange` this sends (see {@link openDatabase}'s `blocking`), so the deletion
 * does not wait on open pages; the next {@link openDatabase} starts afresh.
 */
export function deleteDatabase(): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase(DB_NAME);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error ?? new Error(`could not delete ${DB_NAME}`));
  });
}

/** When the oldest pending announcement was made, without taking it (a digest or quiet hours hold them), or null. */
export async function oldestAnnouncementAt(db: Database): Promise<string | null> {
  const all = await db.getAll('announcements');
  return all.reduce<string | null>((oldest, a) => (oldest === null || a.createdAt < oldest ? a.createdAt : oldest), null);
}
