/**
 * User settings as stored in `browser.storage.local`. Whatever is read back is
 * untrusted (older versions, hand edits, corruption): it is validated and
 * repaired field by field, never trusted whole.
 */
import { DEFAULT_FEED_URL } from '../feed/source';

export const SETTINGS_KEY = 'settings';
export const SETTINGS_VERSION = 1;

export interface Settings {
  version: typeof SETTINGS_VERSION;
  /** Feed URLs, each recognised by {@link sourceForUrl}. */
  feeds: string[];
  /** Minutes between scheduled syncs. */
  syncIntervalMinutes: number;
  /** Desktop notifications of new offers (the badge counts them either way). */
  notificationsEnabled: boolean;
}

export const MIN_SYNC_MINUTES = 30;
export const MAX_SYNC_MINUTES = 24 * 60;

export function defaultSettings(buildFeedUrl?: string): Settings {
  return { version: SETTINGS_VERSION, feeds: [buildFeedUrl?.trim() || DEFAULT_FEED_URL], syncIntervalMinutes: 60, notificationsEnabled: true };
}

function isHttpUrl(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

/** Validates a stored value and repairs what is wrong with it, keeping what is right. */
export function readSettings(raw: unknown, defaults: Settings): Settings {
  const stored = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const feeds = Array.isArray(stored.feeds) ? [...new Set(stored.feeds.filter(isHttpUrl))] : [];
  const interval = stored.syncIntervalMinutes;
  return {
    version: SETTINGS_VERSION,
    feeds: Array.isArray(stored.feeds) ? feeds : defaults.feeds,
    syncIntervalMinutes:
      typeof interval === 'number' && Number.isFinite(interval)
        ? Math.min(MAX_SYNC_MINUTES, Math.max(MIN_SYNC_MINUTES, Math.round(interval)))
        : defaults.syncIntervalMinutes,
    notificationsEnabled: typeof stored.notificationsEnabled === 'boolean' ? stored.notificationsEnabled : defaults.notificationsEnabled,
  };
}
