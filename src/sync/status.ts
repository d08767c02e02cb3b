/**
 * How each feed's syncing is going: last check, last error, when it will retry.
 * Kept apart from the postings database (in `storage.local`) so that a run with
 * nothing new writes nothing to the database, and so the popup can watch it with
 * `storage.onChanged`.
 */
import type { FeedErrorKind } from '../feed/http';

export const SYNC_STATUS_KEY = 'syncStatus';

export interface SourceStatus {
  sourceId: string;
  url: string;
  /** Last time a run started for this feed. */
  lastRunAt: string | null;
  /** Last time the feed answered (changed or not). */
  lastSuccessAt: string | null;
  /** `no-access`: a live source whose site the browser does not let Beta Radar read (nothing was requested). */
  lastError: { kind: FeedErrorKind | 'unknown' | 'no-access'; message: string; at: string } | null;
  /** Failed runs in a row. */
  failures: number;
  /** Before this time, scheduled runs leave the feed alone (backoff, or the host's rate-limit reset). */
  nextRetryAt: string | null;
  counts: { listed: number; stored: number; open: number; rejected: number } | null;
}

export type SyncStatus = Record<string, SourceStatus>;

export interface StatusStore {
  read(): Promise<SyncStatus>;
  write(status: SyncStatus): Promise<void>;
}

const MINUTE = 60_000;
export const FIRST_RETRY_MS = 5 * MINUTE;
export const MAX_RETRY_MS = 6 * 60 * MINUTE;

/**
 * When to try again after `failures` failed runs in a row: 5 min, 10, 20 … up to
 * 6 h, never before the host's own reset time (GitHub's rate limit).
 */
export function retryTime(failures: number, now: Date, hostRetryAt?: string): string {
  const backoff = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.max(0, failures - 1));
  const byBackoff = now.getTime() + backoff;
  const byHost = hostRetryAt ? Date.parse(hostRetryAt) : Number.NaN;
  return new Date(Number.isFinite(byHost) ? Math.max(byBackoff, byHost) : byBackoff).toISOString();
}

/** Reads whatever was stored, keeping only well-formed entries (storage is untrusted). */
export function readSyncStatus(raw: unknown): SyncStatus {
  if (typeof raw !== 'object' || raw === null) return {};
  const status: SyncStatus = {};
  for (const [id, value] of Object.entries(raw as Record<string, unknown>)) {
    const entry = value as Partial<SourceStatus> | null;
    if (!entry || typeof entry.sourceId !== 'string' || typeof entry.url !== 'string') continue;
    status[id] = {
      sourceId: entry.sourceId,
      url: entry.url,
      lastRunAt: typeof entry.lastRunAt === 'string' ? entry.lastRunAt : null,
      lastSuccessAt: typeof entry.lastSuccessAt === 'string' ? entry.lastSuccessAt : null,
      lastError: entry.lastError && typeof entry.lastError.message === 'string' ? entry.lastError : null,
      failures: typeof entry.failures === 'number' && entry.failures >= 0 ? entry.failures : 0,
      nextRetryAt: typeof entry.nextRetryAt === 'string' ? entry.nextRetryAt : null,
      counts: entry.counts && typeof entry.counts.stored === 'number' ? entry.counts : null,
    };
  }
  return status;
}
