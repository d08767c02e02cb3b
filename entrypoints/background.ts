import { clearBadge, deleteDatabase, markSeen, mergeUserMarks, openDatabase, readCachedStartups, readSearchDocs, readSearchHeader, readSearchTerms, setFavourite, sharedDatabase } from '@/src/store/db';
import { createSyncRunner, type SyncTrigger } from '@/src/sync/runner';
import { readSyncStatus, SYNC_STATUS_KEY } from '@/src/sync/status';
import { loadStartupResolver } from '@/src/sync/startups';
import { refreshSearchIndex } from '@/src/sync/search-index';
import { openElsewhereLookup } from '@/src/sync/same-offer-lookup';
import { defaultSettings, readSettings, SETTINGS_KEY } from '@/src/settings/settings';
import { ALERTS_KEY, readAlerts } from '@/src/notify/alerts';
import { announce, CLOSING_SOON_ALARM, NOTIFY_ALARM, updateBadge } from '@/src/notify/notifier';
import { postingKeyOfNotification } from '@/src/notify/plan';
import { isFromContentScript, isFromExtensionPage, readContentEnvelope, readPopupEnvelope } from '@/src/messages';
import { createMatcher, type Matcher } from '@/src/match/matcher';
import { matchablePostings } from '@/src/match/matchable';
import { parisDay } from '@/src/postings/dates';
import { useLanguage } from '@/src/ui/i18n';
import { originPattern, readSiteSettings, SITE_SETTINGS_KEY, withJobPostingSite } from '@/src/settings/sites';
import { checkFeed } from '@/src/feed/check';
import { feedHostPatterns } from '@/src/feed/feed-url';
import { injectIntoOpenTabs, syncJobPostingScript, type JobPostingBrowser } from '@/src/sites/job-posting-sites';
import { eraseEverything, type EraseBrowser } from '@/src/settings/erase-all';
import type { UserMarks } from '@/src/settings/marks';
import { registerBrowserUi, type BrowserUiApi } from '@/src/browser-ui';
import { createIndexCache } from '@/src/omnibox/index-cache';
import { popupPath } from '@/src/omnibox/popup-links';

const SYNC_ALARM = 'sync';
const RETRY_ALARM = 'sync-retry';

// Listeners are registered synchronously inside main(): MV3 only wakes a worker
// for events whose listeners existed when it last started.
export default defineBackground(() => {
  const defaults = defaultSettings(import.meta.env.WXT_FEED_URL);
  const getSettings = async () => readSettings((await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY], defaults);
  const status = {
    read: async () => readSyncStatus((await browser.storage.local.get(SYNC_STATUS_KEY))[SYNC_STATUS_KEY]),
    write: (value: unknown) => browser.storage.local.set({ [SYNC_STATUS_KEY]: value }),
  };
  const runner = createSyncRunner({
    getSettings,
    openDb: openDatabase,
    status,
    startupResolver: loadStartupResolver,
    afterFeeds: (db) => refreshSearchIndex(db),
    // A live source's site is read only once the user granted it (options page, first run).
    hasAccess: (url) => browser.permissions.contains({ origins: feedHostPatterns(url) }),
    openElsewhere: openElsewhereLookup,
  });

  async function sync(trigger: SyncTrigger) {
    const reports = await runner.run(trigger);
    await notify();
    await scheduleRetry();
    return reports;
  }

  /** Shows what is due (new offers once the mode and quiet hours allow, closing-soon reminders) and sets the next wake-up. */
  async function notify(): Promise<number> {
    const settings = await getSettings();
    // Notifications speak the language chosen in the options.
    await useLanguage(settings.language);
    const alerts = readAlerts((await browser.storage.local.get(ALERTS_KEY))[ALERTS_KEY]);
    return announce(await openDatabase(), { settings: settings.notifications, alerts });
  }

  const scheduleClosingSoon = () => browser.alarms.create(CLOSING_SOON_ALARM, { delayInMinutes: 1, periodInMinutes: 24 * 60 });

  async function scheduleSync(): Promise<void> {
    const { syncIntervalMinutes } = await getSettings();
    // Jitter spreads the feed host's load across installs.
    const delayInMinutes = 1 + Math.random() * Math.min(10, syncIntervalMinutes / 6);
    await browser.alarms.create(SYNC_ALARM, { delayInMinutes, periodInMinutes: syncIntervalMinutes });
  }

  /** A failing feed is retried at its backoff time rather than at the next hourly run. */
  async function scheduleRetry(): Promise<void> {
    const retries = Object.values(await status.read())
      .map((s) => (s.nextRetryAt ? Date.parse(s.nextRetryAt) : Number.NaN))
      .filter(Number.isFinite);
    if (retries.length === 0) await browser.alarms.clear(RETRY_ALARM);
    else await browser.alarms.create(RETRY_ALARM, { when: Math.max(Date.now() + 30_000, Math.min(...retries)) });
  }

  // The JobPosting detector follows the sites the user enabled and the permissions granted
  // (and revoked, also from the browser's own settings). One change at a time: two
  // registrations racing would fail on the script's id.
  const jobPostingApi = browser as unknown as JobPostingBrowser;
  let jobPostingQueue: Promise<unknown> = Promise.resolve();
  function refreshJobPostingScript(injectNew: boolean): void {
    jobPostingQueue = jobPostingQueue
      .then(async () => {
        const { jobPostingSites } = readSiteSettings((await browser.storage.local.get(SITE_SETTINGS_KEY))[SITE_SETTINGS_KEY]);
        const { added } = await syncJobPostingScript(jobPostingSites, jobPostingApi);
        if (injectNew) await injectIntoOpenTabs(added, jobPostingApi);
      })
      .catch((error: unknown) => console.warn('Beta Radar: could not update the JobPosting detector', error));
  }
  browser.permissions.onAdded.addListener(() => refreshJobPostingScript(true));
  browser.permissions.onRemoved.addListener(() => refreshJobPostingScript(false));

  /** What a new install does; "erase everything" does it again. */
  function startAsInstalled(): void {
    void scheduleSync();
    void scheduleClosingSoon();
    void sync('install');
    refreshJobPostingScript(false);
  }
  // Alarms do not survive an update: create them again on install and update, not on every start.
  browser.runtime.onInstalled.addListener(() => startAsInstalled());
  browser.runtime.onStartup.addListener(() => {
    void browser.alarms.get(SYNC_ALARM).then((alarm) => (alarm ? undefined : scheduleSync()));
    void browser.alarms.get(CLOSING_SOON_ALARM).then((alarm) => (alarm ? undefined : scheduleClosingSoon()));
    void sync('startup');
    refreshJobPostingScript(false);
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SYNC_ALARM) void sync('alarm');
    if (alarm.name === RETRY_ALARM) void sync('retry');
    if (alarm.name === NOTIFY_ALARM || alarm.name === CLOSING_SOON_ALARM) void notify();
  });
  browser.storage.onChanged.addListener((changes, area) => {
    if (area !== 'local') return;
    if (SETTINGS_KEY in changes) {
      const before = readSettings(changes[SETTINGS_KEY]?.oldValue, defaults);
      const after = readSettings(changes[SETTINGS_KEY]?.newValue, defaults);
      if (before.syncIntervalMinutes !== after.syncIntervalMinutes) void scheduleSync();
      if (before.feeds.join('\n') !== after.feeds.join('\n')) void sync('settings');
      // A new mode or quiet hours may make held notifications due now, or move their alarm.
      if (JSON.stringify(before.notifications) !== JSON.stringify(after.notifications)) void notify();
    }
    if (SITE_SETTINGS_KEY in changes) {
      const before = readSiteSettings(changes[SITE_SETTINGS_KEY]?.oldValue).jobPostingSites;
      const after = readSiteSettings(changes[SITE_SETTINGS_KEY]?.newValue).jobPostingSites;
      if (before.join(' ') !== after.join(' ')) refreshJobPostingScript(true);
    }
  });
  browser.notifications.onClicked.addListener((id) => {
    const key = postingKeyOfNotification(id);
    const page = popupPath(key ? { kind: 'offer', key } : { kind: 'none' });
    void browser.tabs.create({ url: browser.runtime.getURL(page as '/popup.html') });
    void browser.notifications.clear(id);
  });
  // Built from the stored search list (no bodies) and kept while the data and the day stay the same;
  // each batch of cards only reads the index's small header to know that.
  let matcher: { built: string; matcher: Matcher } | null = null;
  async function currentMatcher(): Promise<Matcher> {
    const db = await sharedDatabase();
    const now = new Date();
    const header = await readSearchHeader(db);
    const built = `${header?.revision ?? -1} ${header?.version ?? ''} ${parisDay(now)}`;
    if (matcher?.built !== built) {
      const docs = await readSearchDocs(db);
      const startups = (await readCachedStartups(db))?.startups ?? [];
      matcher = { built, matcher: createMatcher(matchablePostings(docs?.docs ?? [], now), startups) };
    }
    return matcher.matcher;
  }

  // The `bg` keyword in the address bar and the selection's context menu (src/browser-ui.ts).
  const omniboxIndex = createIndexCache({
    header: async () => readSearchHeader(await sharedDatabase()),
    docs: async () => readSearchDocs(await sharedDatabase()),
    terms: async () => readSearchTerms(await sharedDatabase()),
  });
  registerBrowserUi(browser as unknown as BrowserUiApi, {
    currentIndex: omniboxIndex,
    prepareLanguage: async () => useLanguage((await getSettings()).language),
    format: import.meta.env.FIREFOX ? 'text' : 'xml',
    menuAtEveryStart: import.meta.env.FIREFOX,
  });

  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    const content = readContentEnvelope(message);
    if (content) {
      if (!isFromContentScript(sender, browser.runtime.id, browser.runtime.getURL('/'))) return undefined;
      if (content.type === 'content/match-cards') {
        const { cards } = content.payload as { cards: Parameters<Matcher['match']>[0] };
        return currentMatcher().then((m) => m.match(cards));
      }
      const { key } = content.payload as { key: string };
      const page = popupPath({ kind: 'offer', key });
      return browser.tabs.create({ url: browser.runtime.getURL(page as '/popup.html') }).then(() => ({ ok: true }));
    }
    const envelope = readPopupEnvelope(message);
    if (!envelope || !isFromExtensionPage(sender, browser.runtime.id, browser.runtime.getURL('/'))) return undefined;
    switch (envelope.type) {
      case 'popup/sync-now':
        return sync('user');
      case 'popup/opened':
        return (async () => {
          const db = await openDatabase();
          await clearBadge(db, new Date().toISOString());
          return { unseen: await updateBadge(db) };
        })();
      case 'popup/mark-seen':
        return (async () => {
          const db = await openDatabase();
          await markSeen(db, (envelope.payload as { keys: string[] }).keys, new Date().toISOString());
          return { unseen: await updateBadge(db) };
        })();
      case 'popup/job-posting-site':
        return (async () => {
          const { origin, enabled } = envelope.payload as { origin: string; enabled: boolean };
          const current = readSiteSettings((await browser.storage.local.get(SITE_SETTINGS_KEY))[SITE_SETTINGS_KEY]);
          await browser.storage.local.set({ [SITE_SETTINGS_KEY]: withJobPostingSite(current, origin, enabled) });
          // Given back when turned off; a host the extension needs anyway (the feed's) stays.
          if (!enabled) await browser.permissions.remove({ origins: [originPattern(origin)] }).catch(() => false);
          return { ok: true };
        })();
      case 'options/check-feed':
        // The background fetches: it holds the host permissions, so the listing is read without CORS.
        return checkFeed((envelope.payload as { url: string }).url);
      case 'options/erase-all':
        // Then as a new install: the alarm, the first (silent) sync, the detector's registration.
        return eraseEverything(browser as unknown as EraseBrowser, {
          deleteDatabase,
          clearBadge: () => (browser.action ?? browser.browserAction).setBadgeText({ text: '' }),
          startAfresh: () => {
            // Kept in memory by revision, and a new database counts its revisions from 0 again.
            matcher = null;
            omniboxIndex.reset();
            startAsInstalled();
          },
        }).then(() => ({ ok: true }));
      case 'options/import-marks':
        return (async () => {
          const db = await openDatabase();
          const counts = await mergeUserMarks(db, envelope.payload as UserMarks);
          await updateBadge(db);
          return counts;
        })();
      case 'popup/set-favourite':
        return (async () => {
          const { key, favourite } = envelope.payload as { key: string; favourite: boolean };
          await setFavourite(await openDatabase(), key, favourite);
          return { ok: true };
        })();
    }
  });
});
