/**
 * One sync run of one feed: list (conditionally) → fetch what changed → parse →
 * work out the changes → apply them in one transaction. A run that fails
 * part-way writes nothing, so the database always shows a whole run or the one
 * before it, and the next run starts again from that state.
 */
import type { FeedEntry, FeedSource, ListResult } from '../feed/source';
import { LIVE_SOURCE_KINDS } from '../feed/feed-url';
import { parsePosting } from '../postings/parse';
import { parisDay, nextDay } from '../postings/dates';
import { isOpenAt, postingIdFromFileName } from '../postings/status';
import type { ParseResult } from '../postings/types';
import {
  postingKey,
  readSource,
  readSyncState,
  writeSource,
  type Database,
  type PendingAnnouncement,
  type SourceSyncState,
  type StoredPosting,
  type StoredReject,
} from '../store/db';

export interface SyncOptions {
  now?: () => Date;
  signal?: AbortSignal;
  /** Resolves a posting's startup reference to a startups.json id; absent → unresolved. */
  resolveStartupId?: (ref: string | null) => string | null;
  /** How many posting files are fetched at once. */
  concurrency?: number;
  /**
   * Builds the test "is an open posting of another feed already this same offer?" (the same
   * offer published on two sites): such a posting is stored, but not announced as new again.
   * Called only when a posting has just opened, so a run with nothing new reads nothing more.
   */
  openElsewhere?: () => Promise<(posting: StoredPosting) => boolean>;
}

/**
 * Stored as the version of a posting read from its listing alone (its page failed): it
 * never equals a listed version, so the next run reads the page again.
 */
const RETRY_SUFFIX = '~retry';

/** What a run changed, by posting key. */
export interface SyncChanges {
  added: string[];
  updated: string[];
  closed: string[];
  reopened: string[];
  removed: string[];
  /** Open now, and absent or not open before: what deserves a "new offer" notification. */
  newOffers: string[];
  /** Files whose new version did not parse (the last good version, if any, stays). */
  rejected: string[];
}

export interface SyncResult {
  sourceId: string;
  /** The listing answered "not modified": nothing was fetched or written. */
  notModified: boolean;
  /** True for the first successful sync of this feed, which announces nothing offer by offer. */
  firstSync: boolean;
  listed: number;
  fetched: number;
  /** Postings held for this feed after the run (removed ones included); -1 when not read (not modified). */
  stored: number;
  openCount: number;
  changes: SyncChanges;
}

const NO_CHANGES: SyncChanges = { added: [], updated: [], closed: [], reopened: [], removed: [], newOffers: [], rejected: [] };

async function mapLimited<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index]!);
    }
  });
  await Promise.all(workers);
  return results;
}

/**
 * Syncs one feed into the database. Throws the feed's error (FeedError) when the
 * run fails; in that case nothing was written.
 */
export async function syncSource(db: Database, source: FeedSource, options: SyncOptions = {}): Promise<SyncResult> {
  const now = (options.now ?? (() => new Date()))();
  const at = now.toISOString();
  const signal = options.signal;
  const knownState = await readSyncState(db, source.id);
  const firstSync = !knownState?.firstSyncAt;

  const listing = await source.list({ etag: knownState?.etag ?? null, sourceState: knownState?.sourceState, signal });
  const today = parisDay(now);
  if (listing.notModified && knownState && !knownState.pendingRetries && !(knownState.nextOpennessChange && today && today >= knownState.nextOpennessChange)) {
    // Nothing changed upstream, no posting waits for its page to be read again, and no open
    // posting has reached a closing date: nothing to read or write.
    return { sourceId: source.id, notModified: true, firstSync: false, listed: 0, fetched: 0, stored: -1, openCount: knownState.openCount, changes: NO_CHANGES };
  }
  const before = await readSource(db, source.id);
  // Not modified (but a closing date was reached, or a page is to be read again): the files are
  // as they were, listed as stored; a posting read from its listing alone is listed under its
  // listed version, which differs from the one stored, so its page is read again.
  const entries: FeedEntry[] = listing.notModified
    ? before.postings
        .filter((p) => !p.removedAt)
        .map((p) =>
          p.version.endsWith(RETRY_SUFFIX)
            ? { fileName: p.fileName, version: p.version.slice(0, -RETRY_SUFFIX.length), url: p.pageUrl ?? '' }
            : { fileName: p.fileName, version: p.version, url: '' },
        )
    : uniqueByPosting(listing.entries);
  const keyOf = (entry: FeedEntry) => postingKey(source.id, postingIdFromFileName(entry.fileName));

  const previous = new Map(before.postings.map((p) => [p.key, p]));
  const rejectVersion = new Map(before.rejects.map((r) => [r.key, r.version]));
  const changedEntries = entries.filter((e) => {
    const key = keyOf(e);
    return previous.get(key)?.version !== e.version && rejectVersion.get(key) !== e.version;
  });
  const results: ParseResult[] = await mapLimited(changedEntries, options.concurrency ?? 4, async (entry) => {
    if (entry.inline) return entry.inline;
    if (source.readPosting) return source.readPosting(entry, signal);
    return parsePosting(entry.fileName, await source.fetchFile(entry, signal));
  });
  signal?.throwIfAborted();

  // The state after the run, posting by posting.
  const next = new Map(previous);
  const changes: SyncChanges = { added: [], updated: [], closed: [], reopened: [], removed: [], newOffers: [], rejected: [] };
  const putRejects: StoredReject[] = [];
  changedEntries.forEach((entry, i) => {
    const key = keyOf(entry);
    const result = results[i]!;
    if (!result.ok) {
      putRejects.push({ key, sourceId: source.id, version: entry.version, error: result.error });
      changes.rejected.push(key);
      return;
    }
    const old = previous.get(key);
    if (old && !old.removedAt) changes.updated.push(key);
    else changes.added.push(key);
    next.set(key, {
      ...result.posting,
      key,
      sourceId: source.id,
      version: result.retry ? `${entry.version}${RETRY_SUFFIX}` : entry.version,
      startupId: options.resolveStartupId?.(result.posting.startupRef) ?? null,
      storedAt: at,
      firstSeenAt: old?.firstSeenAt ?? at,
      removedAt: null,
      openAtLastSync: old?.openAtLastSync ?? false,
    });
  });

  const listedVersion = new Map(entries.map((e) => [keyOf(e), e.version]));
  const partialListing = !listing.notModified && listing.partial === true;
  const live = LIVE_SOURCE_KINDS.has(source.kind);
  for (const [key, posting] of next) {
    if (!listedVersion.has(key) && !posting.removedAt && !partialListing) {
      next.set(key, { ...posting, removedAt: at });
      changes.removed.push(key);
    } else if (listedVersion.has(key) && posting.removedAt && previous.get(key) === posting) {
      // Listed again with the version it had when it left: it is back as it was.
      next.set(key, { ...posting, removedAt: null });
      changes.added.push(key);
    }
  }

  // Openness is judged now, for every posting (a depublication date may have passed).
  const put: StoredPosting[] = [];
  let openCount = 0;
  const opened: StoredPosting[] = [];
  for (const [key, posting] of next) {
    const wasOpen = previous.get(key)?.openAtLastSync ?? false;
    const isOpen = !posting.removedAt && isOpenAt(posting, now);
    if (isOpen) openCount++;
    if (isOpen && !wasOpen) {
      opened.push(posting);
      if (previous.has(key)) changes.reopened.push(key);
    }
    if (!isOpen && wasOpen) changes.closed.push(key);
    const record = posting.openAtLastSync === isOpen ? posting : { ...posting, openAtLastSync: isOpen };
    if (record !== previous.get(key)) put.push(record);
  }

  // A copy of an offer already open on another site is the same offer, not a new one; and a
  // live offer back as it was within days of leaving (missed on a page read while the site's
  // list moved) was announced when it first came.
  const isOpenElsewhere = opened.length > 0 && options.openElsewhere ? await options.openElsewhere() : null;
  for (const posting of opened) {
    if (isOpenElsewhere?.(posting) || (live && backAsItWas(previous.get(posting.key), posting, now))) continue;
    changes.newOffers.push(posting.key);
  }

  // A reject is cleared once the feed lists another version of that file (or none).
  const removeRejects = before.rejects.filter((r) => listedVersion.get(r.key) !== r.version).map((r) => r.key);

  const changed = put.length > 0 || putRejects.length > 0 || removeRejects.length > 0;
  const state: SourceSyncState = {
    sourceId: source.id,
    url: source.url,
    kind: source.kind,
    etag: listing.notModified ? (before.state?.etag ?? null) : listing.etag,
    ...(sourceStateAfter(listing, before.state) !== undefined ? { sourceState: sourceStateAfter(listing, before.state) } : {}),
    firstSyncAt: before.state?.firstSyncAt ?? at,
    lastChangeAt: changed ? at : (before.state?.lastChangeAt ?? at),
    openCount,
    nextOpennessChange: firstClosingDay(next.values(), now),
    ...([...next.values()].some((p) => !p.removedAt && p.version.endsWith(RETRY_SUFFIX)) ? { pendingRetries: true } : {}),
  };
  // The first sync is silent: its open offers are summed up once, not announced one by one.
  const announcement: PendingAnnouncement | null = firstSync
    ? openCount > 0
      ? { createdAt: at, sourceId: source.id, kind: 'summary', postingKeys: [], openCount }
      : null
    : changes.newOffers.length > 0
      ? { createdAt: at, sourceId: source.id, kind: 'offers', postingKeys: changes.newOffers }
      : null;

  const stateChanged =
    !before.state ||
    (['etag', 'firstSyncAt', 'openCount', 'nextOpennessChange'] as const).some((field) => before.state?.[field] !== state[field]) ||
    JSON.stringify(before.state.sourceState ?? null) !== JSON.stringify(state.sourceState ?? null) ||
    (before.state.pendingRetries ?? false) !== (state.pendingRetries ?? false);
  if (changed || stateChanged || announcement) {
    await writeSource(db, {
      put,
      putRejects,
      removeRejects,
      state,
      newKeys: firstSync ? [] : changes.newOffers,
      announcement,
    });
  }
  return {
    sourceId: source.id,
    notModified: listing.notModified,
    firstSync,
    listed: entries.length,
    fetched: changedEntries.length,
    stored: next.size,
    openCount,
    changes,
  };
}

/** A posting listed again, unchanged, within {@link BACK_WITHIN_MS} of leaving: not a new offer. */
const BACK_WITHIN_MS = 7 * 24 * 60 * 60 * 1000;

function backAsItWas(before: StoredPosting | undefined, after: StoredPosting, now: Date): boolean {
  if (!before?.removedAt || after.removedAt) return false;
  return before.version === after.version && now.getTime() - Date.parse(before.removedAt) < BACK_WITHIN_MS;
}

/** The source's own listing memory after a run: the new one, or the one before when nothing was listed anew. */
function sourceStateAfter(listing: ListResult, before: SourceSyncState | undefined): unknown {
  return listing.notModified ? before?.sourceState : listing.sourceState;
}

/**
 * One entry per posting id: upstream's folder could hold both `x` and `x.md`,
 * which are the same posting id. The `.md` file wins, so runs do not alternate.
 */
function uniqueByPosting(entries: FeedEntry[]): FeedEntry[] {
  const byId = new Map<string, FeedEntry>();
  for (const entry of entries) {
    const id = postingIdFromFileName(entry.fileName);
    const kept = byId.get(id);
    if (!kept || (!kept.fileName.endsWith('.md') && entry.fileName.endsWith('.md'))) byId.set(id, entry);
  }
  return [...byId.values()];
}

/** The first Paris day on which a posting open now closes by its own dates, or null. */
function firstClosingDay(postings: Iterable<StoredPosting>, now: Date): string | null {
  let first: string | null = null;
  for (const p of postings) {
    if (p.removedAt || !isOpenAt(p, now)) continue;
    for (const day of [p.depublicationDate, p.applicationDeadline ? nextDay(p.applicationDeadline) : null]) {
      if (day && (first === null || day < first)) first = day;
    }
  }
  return first;
}
