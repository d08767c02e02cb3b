import type { FeedsSources } from '@/src/ui/options/FeedsSection';
import { readFeedCheckResult } from '@/src/feed/check-result';
import { feedHostPatterns, hostPatternsToRelease } from '@/src/feed/feed-url';
import { SETTINGS_KEY } from '@/src/settings/settings';
import { settingsRecord } from './settings-store';
import { originPattern, readSiteSettings, SITE_SETTINGS_KEY } from '@/src/settings/sites';
import { readSyncStatus, SYNC_STATUS_KEY } from '@/src/sync/status';
import { sendToBackground } from '@/src/ui/messaging';
import { requiredOrigins } from '@/src/settings/erase-all';

/** The feeds section's link to the browser. */
export const feedsSources: FeedsSources = {
  loadFeeds: async () => (await settingsRecord.load()).feeds,
  loadStatus: async () => Object.values(readSyncStatus((await browser.storage.local.get(SYNC_STATUS_KEY))[SYNC_STATUS_KEY])),
  onChange(listener) {
    const handler = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && (SETTINGS_KEY in changes || SYNC_STATUS_KEY in changes)) listener();
    };
    browser.storage.onChanged.addListener(handler);
    return () => browser.storage.onChanged.removeListener(handler);
  },
  requestAccess: (url) => browser.permissions.request({ origins: feedHostPatterns(url) }),
  hasAccess: (url) => browser.permissions.contains({ origins: feedHostPatterns(url) }),
  onAccessChange(listener) {
    browser.permissions.onAdded.addListener(listener);
    browser.permissions.onRemoved.addListener(listener);
    return () => {
      browser.permissions.onAdded.removeListener(listener);
      browser.permissions.onRemoved.removeListener(listener);
    };
  },
  async checkFeed(url) {
    try {
      return readFeedCheckResult(await sendToBackground('options/check-feed', { url }));
    } catch (error) {
      return { ok: false, reason: 'unknown', error: error instanceof Error ? error.message : String(error) };
    }
  },
  saveFeeds: async (change) => (await settingsRecord.update((settings) => ({ ...settings, feeds: change(settings.feeds) }))).feeds,
  async releaseAccess(url, remainingFeeds) {
    const { jobPostingSites } = readSiteSettings((await browser.storage.local.get(SITE_SETTINGS_KEY))[SITE_SETTINGS_KEY]);
    const origins = hostPatternsToRelease(url, remainingFeeds, { required: requiredOrigins(browser.runtime.getManifest() as Parameters<typeof requiredOrigins>[0]), otherUses: jobPostingSites.map(originPattern) });
    if (origins.length > 0) await browser.permissions.remove({ origins });
  },
  syncNow: async () => ({ failed: (await sendToBackground('popup/sync-now', {})).filter((report) => !report.ok).length }),
};
