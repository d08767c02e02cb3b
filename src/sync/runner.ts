/**
 * Runs the sync of every configured feed, one run at a time: triggers that
 * arrive during a run (alarm, start-up, "sync now", a settings change) share it,
 * and at most one follow-up run is queued so a change made mid-run is not lost.
 * Records each feed's status and backs off from a failing feed.
 */
import { FeedError } from '../feed/http';
import { sourceForUrl, type FeedSource, type SourceOptions } from '../feed/source';
import type { StartupResolver } from './startups';
import { LIVE_SOURCE_KINDS } from '../feed/feed-url';
import type { Settings } from '../settings/settings';
import type { Database, StoredPosting } from '../store/db';
import { syncSource, type SyncResult } from './run';
import { retryTime, type SourceStatus, type StatusStore } from './status';

export type SyncTrigger = 'install' | 'startup' | 'alarm' | 'retry' | 'settings' | 'user';

export interface SyncRunnerDeps {
  getSettings(): Promise<Settings>;
  openDb(): Promise<Database>;
  status: StatusStore;
  now?: () => Date;
  /** A resolver of startup references, refreshed before each run when the registry is stale. */
  startupResolver?: (db: Database, now: Date) => Promise<StartupResolver | undefined>;
  /** Builds the source of a feed URL (tests pass a fake); live sources recognise startups with `recogniseStartup`. */
  sourceFor?: (url: string, options?: SourceOptions) => FeedSource;
  /**
   * Runs after the feeds, before the status is written: derived data (the search
   * index) is up to date by the time a page reacts to the new status.
   */
  afterFeeds?: (db: Database) => Promise<unknown>;
  /**
   * Whether the browser lets Beta Radar read a live source's site (its optional host
   * permission was granted). A live source without it is not requested at all; absent:
   * always granted (tests).
   */
  hasAccess?: (url: string) => Promise<boolean>;
  /**
   * Builds, from what is stored now, the test "is an open posting of another feed already
   * this offer?" (the same offer on two sites is announced once). Asked for by a feed's run
   * when several feeds are configured and a posting has just opened, so a feed sees what the
   * one before it just stored, and a run with nothing new reads nothing more.
   */
  openElsewhere?: (db: Database, now: Date) => Promise<(posting: StoredPosting) => boolean>;
}

export interface FeedRunReport {
  url: string;
  sourceId: string;
  ok: boolean;
  /**
   * The feed was left alone: it is backing off or rate-limited (`backoff`), a live source
   * was listed less than its minimum interval ago (`too-soon`), or the browser does not let
   * Beta Radar read its site (`no-access`).
   */
  skipped?: boolean;
  skipReason?: 'backoff' | 'too-soon' | 'no-access';
  result?: SyncResult;
  error?: string;
}

export interface SyncRunner {
  run(trigger: SyncTrigger): Promise<FeedRunReport[]>;
}

const INTERVAL_GRACE_MINUTES = 5;

/** Scheduled triggers respect a failing feed's backoff; a person asking for a sync does not wait for it. */
const RESPECTS_BACKOFF: ReadonlySet<SyncTrigger> = new Set(['alarm', 'startup']);

export function createSyncRunner(deps: SyncRunnerDeps): SyncRunner {
  const clock = deps.now ?? (() => new Date());
  const sourceFor = deps.sourceFor ?? sourceForUrl;
  let current: Promise<FeedRunReport[]> | null = null;
  let followUp: Promise<FeedRunReport[]> | null = null;

  async function syncFeed(
    db: Database,
    url: string,
    trigger: SyncTrigger,
    previous: SourceStatus | undefined,
    resolve: StartupResolver | undefined,
    withOthers: boolean,
  ): Promise<{ report: FeedRunReport; status: SourceStatus }> {
    const now = clock();
    let source: FeedSource;
    try {
      source = sourceFor(url, resolve?.recognise ? { recogniseStartup: resolve.recognise } : {});
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return {
        report: { url, sourceId: url, ok: false, error: message } satisfies FeedRunReport,
        status: { ...blankStatus(url, url), lastRunAt: now.toISOString(), lastError: { kind: 'invalid-body', message, at: now.toISOString() } } satisfies SourceStatus,
      };
    }
    const base = previous ?? blankStatus(source.id, url);
    const hostBlocked = base.lastError?.kind === 'rate-limited' && base.nextRetryAt && Date.parse(base.nextRetryAt) > now.getTime();
    const backingOff = RESPECTS_BACKOFF.has(trigger) && base.nextRetryAt && Date.parse(base.nextRetryAt) > now.getTime();
    if (hostBlocked || backingOff) {
      return { report: { url, sourceId: source.id, ok: false, skipped: true, skipReason: 'backoff', error: base.lastError?.message }, status: base };
    }
    // Live sources are other people's web sites: listed an hour apart at least, whatever
    // the sync interval, unless a person asks for it (one listing per click).
    // Five minutes' grace: each feed's run time is read after the feeds before it, so an hourly
    // alarm can come back a little under the hour, which must not push the source to the next one.
    const minimumMs = Math.max(0, (source.minIntervalMinutes ?? 0) - INTERVAL_GRACE_MINUTES) * 60_000;
    if (minimumMs > 0 && trigger !== 'user' && base.lastRunAt && now.getTime() - Date.parse(base.lastRunAt) < minimumMs) {
      return { report: { url, sourceId: source.id, ok: false, skipped: true, skipReason: 'too-soon' }, status: base };
    }
    if (LIVE_SOURCE_KINDS.has(source.kind) && deps.hasAccess && !(await deps.hasAccess(url).catch(() => false))) {
      const message = `Beta Radar may not read ${new URL(source.url).hostname}: allow it in the options to sync this source.`;
      return {
        report: { url, sourceId: source.id, ok: false, skipped: true, skipReason: 'no-access', error: message },
        // Not a failure of the site: no backoff, the next run looks again.
        status: { ...base, url, lastRunAt: base.lastRunAt, lastError: { kind: 'no-access', message, at: now.toISOString() }, nextRetryAt: null },
      };
    }
    try {
      const openElsewhere = withOthers ? deps.openElsewhere : undefined;
      const result = await syncSource(db, source, { now: () => now, resolveStartupId: resolve, ...(openElsewhere ? { openElsewhere: () => openElsewhere(db, now) } : {}) });
      const rejected = result.notModified ? (base.counts?.rejected ?? 0) : result.changes.rejected.length;
      return {
        report: { url, sourceId: source.id, ok: true, result },
        status: {
          ...base,
          url,
          lastRunAt: now.toISOString(),
          lastSuccessAt: now.toISOString(),
          lastError: null,
          failures: 0,
          nextRetryAt: null,
          counts:
            result.notModified && base.counts
              ? { ...base.counts, open: result.openCount }
              : { listed: result.listed, stored: result.stored, open: result.openCount, rejected },
        },
      };
    } catch (error) {
      const failures = base.failures + 1;
      const feedError = error instanceof FeedError ? error : null;
      const message = feedError ? feedError.message : `Sync of ${url} failed: ${error instanceof Error ? error.message : String(error)}`;
      return {
        report: { url, sourceId: source.id, ok: false, error: message },
        status: {
          ...base,
          url,
          lastRunAt: now.toISOString(),
          lastError: { kind: feedError?.kind ?? 'unknown', message, at: now.toISOString() },
          failures,
          nextRetryAt: retryTime(failures, now, feedError?.retryAt),
        },
      };
    }
  }

  async function runOnce(trigger: SyncTrigger): Promise<FeedRunReport[]> {
    const settings = await deps.getSettings();
    const db = await deps.openDb();
    const resolve = await deps.startupResolver?.(db, clock()).catch(() => undefined);
    const statuses = await deps.status.read();
    const reports: FeedRunReport[] = [];
    const next: Record<string, SourceStatus> = {};
    for (const url of settings.feeds) {
      const previous = Object.values(statuses).find((s) => s.url === url);
      const { report, status } = await syncFeed(db, url, trigger, previous, resolve, settings.feeds.length > 1);
      reports.push(report);
      next[status.sourceId] = status;
    }
    await deps.afterFeeds?.(db).catch((error: unknown) => console.error('Beta Radar: after-sync step failed', error));
    // Feeds the user removed drop out of the status.
    await deps.status.write(next);
    return reports;
  }

  function start(trigger: SyncTrigger): Promise<FeedRunReport[]> {
    current = runOnce(trigger).finally(() => {
      current = null;
    });
    return current;
  }

  return {
    run(trigger) {
      if (!current) return start(trigger);
      // A run is under way: its data may predate this trigger, so queue exactly one more.
      followUp ??= current.then(
        () => {
          followUp = null;
          return start(trigger);
        },
        () => {
          followUp = null;
          return start(trigger);
        },
      );
      return followUp;
    },
  };
}

function blankStatus(sourceId: string, url: string): SourceStatus {
  return { sourceId, url, lastRunAt: null, lastSuccessAt: null, lastError: null, failures: 0, nextRetryAt: null, counts: null };
}
