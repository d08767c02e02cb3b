/**
 * One sync run of one feed: list → fetch what changed → parse → apply in one
 * transaction. A run that fails part-way writes nothing but its error, so the
 * database always shows a whole run or the one before it.
 */
import { FeedError } from '../feed/http';
import type { FeedEntry, FeedSource } from '../feed/source';
import { parsePosting } from '../postings/parse';
import { postingIdFromFileName } from '../postings/status';
import {
  postingKey,
  readSource,
  recordSyncState,
  writeSource,
  type Database,
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
}

export interface SyncReport {
  sourceId: string;
  ok: boolean;
  listed: number;
  fetched: number;
  stored: number;
  rejected: number;
  error?: string;
}

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

export async function syncSource(db: Database, source: FeedSource, options: SyncOptions = {}): Promise<SyncReport> {
  const now = options.now ?? (() => new Date());
  const startedAt = now().toISOString();
  const before = await readSource(db, source.id);
  const baseState: SourceSyncState = before.state ?? {
    sourceId: source.id,
    url: source.url,
    kind: source.kind,
    lastRunAt: null,
    lastSuccessAt: null,
    lastError: null,
    counts: null,
  };
  try {
    const entries = await source.list(options.signal);
    const known = new Map<string, string>();
    for (const p of before.postings) known.set(p.key, p.version);
    const rejectVersions = new Map(before.rejects.map((r) => [r.key, r.version]));

    const changed = entries.filter((e) => {
      const key = postingKey(source.id, postingIdOf(e));
      return known.get(key) !== e.version && rejectVersions.get(key) !== e.version;
    });
    const texts = await mapLimited(changed, options.concurrency ?? 4, (e) => source.fetchFile(e, options.signal));

    const put: StoredPosting[] = [];
    const putRejects: StoredReject[] = [];
    const removeRejects: string[] = [];
    changed.forEach((entry, i) => {
      const key = postingKey(source.id, postingIdOf(entry));
      const result = parsePosting(entry.fileName, texts[i]!);
      if (result.ok) {
        put.push({
          ...result.posting,
          key,
          sourceId: source.id,
          version: entry.version,
          startupId: options.resolveStartupId?.(result.posting.startupRef) ?? null,
          storedAt: startedAt,
        });
      } else {
        // The posting's last good version (if any) stays; the reject records why the new one was refused.
        putRejects.push({ key, sourceId: source.id, version: entry.version, error: result.error });
      }
    });

    const listedKeys = new Set(entries.map((e) => postingKey(source.id, postingIdOf(e))));
    const remove = before.postings.filter((p) => !listedKeys.has(p.key)).map((p) => p.key);
    // A reject is cleared once the feed lists another version of that file (or none).
    const listedVersion = new Map(entries.map((e) => [postingKey(source.id, postingIdOf(e)), e.version]));
    for (const r of before.rejects) if (listedVersion.get(r.key) !== r.version) removeRejects.push(r.key);

    const storedKeys = new Set(before.postings.map((p) => p.key));
    for (const k of remove) storedKeys.delete(k);
    for (const p of put) storedKeys.add(p.key);
    const rejectedKeys = new Set(before.rejects.map((r) => r.key));
    for (const k of removeRejects) rejectedKeys.delete(k);
    for (const r of putRejects) rejectedKeys.add(r.key);
    const storedCount = storedKeys.size;
    const rejectedCount = rejectedKeys.size;
    const counts = { listed: entries.length, fetched: changed.length, stored: storedCount, rejected: rejectedCount };
    await writeSource(db, {
      sourceId: source.id,
      put,
      remove,
      putRejects,
      removeRejects,
      state: { ...baseState, url: source.url, kind: source.kind, lastRunAt: startedAt, lastSuccessAt: startedAt, lastError: null, counts },
    });
    return { sourceId: source.id, ok: true, ...counts };
  } catch (error) {
    const message = error instanceof FeedError ? error.message : `Sync failed: ${String(error)}`;
    await recordSyncState(db, { ...baseState, lastRunAt: startedAt, lastError: { message, at: startedAt } });
    return { sourceId: source.id, ok: false, listed: 0, fetched: 0, stored: before.postings.length, rejected: before.rejects.length, error: message };
  }
}

function postingIdOf(entry: FeedEntry): string {
  return postingIdFromFileName(entry.fileName);
}
