/**
 * User settings as stored in `browser.storage.local`. Whatever is read back is
 * untrusted (older versions, hand edits, corruption, an imported file): it is
 * migrated to the current version, then validated and repaired field by field,
 * never trusted whole.
 */
import { DEFAULT_FEED_URL } from '../feed/feed-url';

export const SETTINGS_KEY = 'settings';
export const SETTINGS_VERSION = 2;

/** The interface language: the browser's, or one the user chose. */
export type Language = 'browser' | 'fr' | 'en';
export const LANGUAGES: readonly Language[] = ['browser', 'fr', 'en'];

export type DigestEvery = 'hourly' | 'daily' | 'weekly';
export const DIGEST_PERIODS: readonly DigestEvery[] = ['hourly', 'daily', 'weekly'];

export interface NotificationSettings {
  /** Desktop notifications of new offers (the badge counts them either way). */
  enabled: boolean;
  /** `immediate`: after the sync that found them; `digest`: gathered and shown at the digest's time. */
  mode: 'immediate' | 'digest';
  digest: {
    every: DigestEvery;
    /** Local time of day (`HH:MM`) of a daily or weekly digest. */
    time: string;
    /** Day of a weekly digest, 0 = Sunday (as `Date#getDay`). */
    weekday: number;
  };
  /** No notification between `start` and `end` (local `HH:MM`, may wrap past midnight); held until `end`. */
  quietHours: { enabled: boolean; start: string; end: string };
  /** At most this many separate notifications at once; beyond it, one that sums them up. */
  maxPerBatch: number;
  /** One reminder per favourite offer, this many days before its closing date. */
  closingSoon: { enabled: boolean; daysBefore: number };
}

export interface Settings {
  version: typeof SETTINGS_VERSION;
  /** Feed URLs, each recognised by `sourceForUrl`. */
  feeds: string[];
  /** Minutes between scheduled syncs. */
  syncIntervalMinutes: number;
  notifications: NotificationSettings;
  language: Language;
}

export const MIN_SYNC_MINUTES = 30;
export const MAX_SYNC_MINUTES = 24 * 60;
export const MAX_PER_BATCH_LIMIT = 10;
export const MAX_CLOSING_SOON_DAYS = 30;
/** More would be a bad import, not a user's choice. */
const MAX_FEEDS = 50;

export const DEFAULT_NOTIFICATIONS: NotificationSettings = {
  enabled: true,
  mode: 'immediate',
  digest: { every: 'daily', time: '09:00', weekday: 1 },
  quietHours: { enabled: false, start: '22:00', end: '08:00' },
  maxPerBatch: 3,
  closingSoon: { enabled: true, daysBefore: 3 },
};

export function defaultSettings(buildFeedUrl?: string): Settings {
  return {
    version: SETTINGS_VERSION,
    feeds: [buildFeedUrl?.trim() || DEFAULT_FEED_URL],
    syncIntervalMinutes: 60,
    notifications: structuredClone(DEFAULT_NOTIFICATIONS),
    language: 'browser',
  };
}

export function isHttpUrl(value: unknown): value is string {
  if (typeof value !== 'string' || value.length > 2_000) return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && !url.username && !url.password;
  } catch {
    return false;
  }
}

/** `HH:MM` on a 24-hour clock. */
export function isTimeOfDay(value: unknown): value is string {
  return typeof value === 'string' && /^([01]\d|2[0-3]):[0-5]\d$/.test(value);
}

/** Minutes since midnight of a valid `HH:MM`. */
export function minutesOfDay(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

function record(raw: unknown): Record<string, unknown> {
  return typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
}

function bool(value: unknown, fallback: boolean): boolean {
  return typeof value === 'boolean' ? value : fallback;
}

function integerIn(value: unknown, min: number, max: number, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? Math.min(max, Math.max(min, Math.round(value))) : fallback;
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], fallback: T): T {
  return allowed.includes(value as T) ? (value as T) : fallback;
}

function time(value: unknown, fallback: string): string {
  return isTimeOfDay(value) ? value : fallback;
}

/**
 * Version 1 (before the options page) kept one `notificationsEnabled` flag; from
 * version 2 notifications are an object. Each step maps one version's shape to the
 * next; values are repaired afterwards, whatever their version.
 */
function migrate(stored: Record<string, unknown>): Record<string, unknown> {
  let current = stored;
  const version = typeof current.version === 'number' ? current.version : 1;
  if (version < 2) {
    const { notificationsEnabled, ...rest } = current;
    current = { ...rest, version: 2, notifications: { ...record(rest.notifications), ...(typeof notificationsEnabled === 'boolean' ? { enabled: notificationsEnabled } : {}) } };
  }
  return current;
}

function readNotifications(raw: unknown, defaults: NotificationSettings): NotificationSettings {
  const stored = record(raw);
  const digest = record(stored.digest);
  const quiet = record(stored.quietHours);
  const closing = record(stored.closingSoon);
  return {
    enabled: bool(stored.enabled, defaults.enabled),
    mode: oneOf(stored.mode, ['immediate', 'digest'] as const, defaults.mode),
    digest: {
      every: oneOf(digest.every, DIGEST_PERIODS, defaults.digest.every),
      time: time(digest.time, defaults.digest.time),
      weekday: integerIn(digest.weekday, 0, 6, defaults.digest.weekday),
    },
    quietHours: {
      enabled: bool(quiet.enabled, defaults.quietHours.enabled),
      start: time(quiet.start, defaults.quietHours.start),
      end: time(quiet.end, defaults.quietHours.end),
    },
    maxPerBatch: integerIn(stored.maxPerBatch, 1, MAX_PER_BATCH_LIMIT, defaults.maxPerBatch),
    closingSoon: {
      enabled: bool(closing.enabled, defaults.closingSoon.enabled),
      daysBefore: integerIn(closing.daysBefore, 1, MAX_CLOSING_SOON_DAYS, defaults.closingSoon.daysBefore),
    },
  };
}

/** Validates a stored value and repairs what is wrong with it, keeping what is right. */
export function readSettings(raw: unknown, defaults: Settings): Settings {
  const stored = migrate(record(raw));
  const feeds = Array.isArray(stored.feeds) ? [...new Set(stored.feeds.filter(isHttpUrl))].slice(0, MAX_FEEDS) : defaults.feeds;
  return {
    version: SETTINGS_VERSION,
    feeds,
    syncIntervalMinutes: integerIn(stored.syncIntervalMinutes, MIN_SYNC_MINUTES, MAX_SYNC_MINUTES, defaults.syncIntervalMinutes),
    notifications: readNotifications(stored.notifications, defaults.notifications),
    language: oneOf(stored.language, LANGUAGES, defaults.language),
  };
}
