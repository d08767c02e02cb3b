/**
 * Runs the sync of every configured feed, one run at a time: triggers that
 * arrive during a run (alarm, start-up, "sync now", a settings change) share it,
 * and at most one follow-up run is queued so a change made mid-run is not lost.
 */
import { sourceForUrl } from '../feed/source';
import { FeedError } from '../feed/http';
import type { Settings } from '../settings/settings';
import type { Database } from '../store/db';
import { syncSource, type SyncReport } from './run';

export type SyncTrigger = 'install' | 'startup' | 'alarm' | 'settings' | 'user';

export interface SyncRunnerDeps {
  getSettings(): Promise<Settings>;
  openDb(): Promise<Database>;
  now?: () => Date;
}

export interface SyncRunner {
  run(trigger: SyncTrigger): Promise<SyncReport[]>;
}

export function createSyncRunner(deps: SyncRunnerDeps): SyncRunner {
  let current: Promise<SyncReport[]> | null = null;
  let followUp: Promise<SyncReport[]> | null = null;

  async function runOnce(): Promise<SyncReport[]> {
    const settings = await deps.getSettings();
    const db = await deps.openDb();
    const reports: SyncReport[] = [];
    for (const url of settings.feeds) {
      let source;
      try {
        source = sourceForUrl(url);
      } catch (error) {
        const message = error instanceof FeedError ? error.message : String(error);
        reports.push({ sourceId: url, ok: false, listed: 0, fetched: 0, stored: 0, rejected: 0, error: message });
        continue;
      }
      reports.push(await syncSource(db, source, { now: deps.now }));
    }
    return reports;
  }

  function start(): Promise<SyncReport[]> {
    current = runOnce().finally(() => {
      current = null;
    });
    return current;
  }

  return {
    run(_trigger) {
      if (!current) return start();
      // A run is under way: its data may predate this trigger, so queue exactly one more.
      followUp ??= current.then(
        () => {
          followUp = null;
          return start();
        },
        () => {
          followUp = null;
          return start();
        },
      );
      return followUp;
    },
  };
}
