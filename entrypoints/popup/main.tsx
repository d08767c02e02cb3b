import { render } from 'preact';
import { PopupApp, type PopupSources } from '@/src/ui/popup/PopupApp';
import { openDatabase, readCachedStartups, readPostings, readSearchDocs, readSearchSources, readSearchTerms, readUserStates } from '@/src/store/db';
import { isOpenAt } from '@/src/postings/status';
import { mergeSameOffer } from '@/src/postings/same-offer';
import { buildSearchIndex, searchIndexVersion } from '@/src/search/build';
import { searchInputsFrom } from '@/src/search/input';
import { listOnlyIndex } from '@/src/ui/popup/search-state';
import { readViewState, VIEW_STATE_KEY, writeViewState } from '@/src/ui/popup/view-state';
import { originalUrlOf } from '@/src/feed/links';
import { ALERTS_KEY, readAlerts, type Alert } from '@/src/notify/alerts';
import { readSyncStatus, SYNC_STATUS_KEY } from '@/src/sync/status';
import type { PageStatus } from '@/src/messages';
import { sendToBackground } from '@/src/ui/messaging';
import { originPattern, readSiteSettings, SITE_SETTINGS_KEY, webOrigin, withSite, type SiteSettings } from '@/src/settings/sites';
import { adapterForUrl } from '@/src/sites/registry';
import { disableJobPostingSite, enableJobPostingSite } from '@/src/sites/job-posting-choice';
import { defaultSettings, readSettings, SETTINGS_KEY } from '@/src/settings/settings';
import { uiLanguage, useLanguage } from '@/src/ui/i18n';
import { queryFromPopupSearch } from '@/src/omnibox/popup-links';
import { LIVE_SOURCES_OFFER_KEY, shouldOfferLiveSources, type LiveSourcesOfferRecord } from '@/src/settings/live-sources-offer';
import '@/assets/theme.css';
import './style.css';

performance.mark('beta-radar:script-start');
const db = openDatabase();
const now = new Date();
let docsRevision = -1;

async function readDocs() {
  const docs = await readSearchDocs(await db);
  if (!docs || docs.version !== searchIndexVersion()) return null;
  docsRevision = docs.revision;
  performance.mark('beta-radar:docs-read');
  return { index: listOnlyIndex(docs.docs, docs.version) };
}
// Started before the first render, so the read overlaps with Preact's start-up.
let firstDocs: ReturnType<typeof readDocs> | null = readDocs();

async function updateSiteSettings(change: (settings: SiteSettings) => SiteSettings): Promise<void> {
  const current = readSiteSettings((await browser.storage.local.get(SITE_SETTINGS_KEY))[SITE_SETTINGS_KEY]);
  await browser.storage.local.set({ [SITE_SETTINGS_KEY]: change(current) });
}

/** The tab the popup is about: the active one, or `?tab=<id>` when the popup page is opened in a tab of its own. */
async function targetTabId(): Promise<number | null> {
  const asked = Number(new URLSearchParams(location.search).get('tab'));
  if (Number.isInteger(asked) && asked > 0) return asked;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

const sources: PopupSources = {
  loadDocs() {
    const docs = firstDocs ?? readDocs();
    firstDocs = null;
    return docs;
  },
  async loadTerms(list) {
    const terms = await readSearchTerms(await db);
    // Both records are written together; a mismatch means a rebuild landed between the two reads.
    if (!terms || terms.version !== list.version || terms.revision !== docsRevision) return null;
    return { ...list, head: terms.head, body: terms.body };
  },
  async buildIndex() {
    const { postings, startups } = await readSearchSources(await db);
    return buildSearchIndex(searchInputsFrom(postings, startups));
  },
  loadUserStates: async () => readUserStates(await db),
  async loadOffer(keys) {
    // In the order asked (primary first), merged as the search merged them.
    const found = await readPostings(await db, [...keys]);
    if (found.length === 0) return null;
    const posting = mergeSameOffer(found);
    const startups = posting.startupId ? ((await readCachedStartups(await db))?.startups ?? []) : [];
    return { posting, startup: startups.find((s) => s.id === posting.startupId) ?? null };
  },
  originalUrl: originalUrlOf,
  loadStatus: async () => Object.values(readSyncStatus((await browser.storage.local.get(SYNC_STATUS_KEY))[SYNC_STATUS_KEY])),
  onStatusChange(listener) {
    const handler = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && SYNC_STATUS_KEY in changes) listener();
    };
    browser.storage.onChanged.addListener(handler);
    return () => browser.storage.onChanged.removeListener(handler);
  },
  syncNow: async () => void (await sendToBackground('popup/sync-now', {})),
  async openOptions(section) {
    if (!section) return browser.runtime.openOptionsPage();
    await browser.tabs.create({ url: browser.runtime.getURL(`/options.html#${section}`) });
    window.close();
  },
  async shouldOfferLiveSources() {
    const stored = await browser.storage.local.get([SETTINGS_KEY, LIVE_SOURCES_OFFER_KEY]);
    const { feeds } = readSettings(stored[SETTINGS_KEY], defaultSettings(import.meta.env.WXT_FEED_URL));
    return shouldOfferLiveSources(feeds, stored[LIVE_SOURCES_OFFER_KEY]);
  },
  dismissLiveSourcesOffer: async () => {
    const record: LiveSourcesOfferRecord = { answeredAt: new Date().toISOString() };
    await browser.storage.local.set({ [LIVE_SOURCES_OFFER_KEY]: record });
  },
  opened: async () => void (await sendToBackground('popup/opened', {})),
  markSeen: async (keys) => void (await sendToBackground('popup/mark-seen', { keys })),
  setFavourite: async (key, favourite) => void (await sendToBackground('popup/set-favourite', { key, favourite })),
  async saveAlert(query, filters) {
    const alerts = readAlerts((await browser.storage.local.get(ALERTS_KEY))[ALERTS_KEY]);
    const alert: Alert = {
      id: crypto.randomUUID(),
      query,
      filters: {
        ...(filters.domaine ? { domaine: filters.domaine } : {}),
        ...(filters.startup ? { startup: filters.startup } : {}),
        ...(filters.juniorOnly ? { junior: true } : {}),
      },
      createdAt: new Date().toISOString(),
    };
    await browser.storage.local.set({ [ALERTS_KEY]: [...alerts, alert] });
  },
  // A posting its feed stopped listing is closed, whatever its own dates say.
  isOpen: (posting) => !posting.removedAt && isOpenAt(posting, now),
  viewState: {
    read: () => readViewState(localStorage.getItem(VIEW_STATE_KEY)),
    write: (state) => writeViewState(localStorage, state),
  },
  now,
  markFirstResults: () => performance.mark('beta-radar:first-results'),
  markSearchReady: () => performance.mark('beta-radar:search-ready'),
  site: {
    async loadPageStatus(skeleton) {
      const tabId = await targetTabId();
      if (tabId === null) return null;
      // No content script in the tab (not a job site, or not enabled) rejects: nothing to show.
      const answer = (await browser.tabs.sendMessage(tabId, { type: 'popup/page-status', payload: { skeleton } }).catch(() => null)) as PageStatus | null;
      return answer && typeof answer.siteId === 'string' && typeof answer.cardsRead === 'number' ? answer : null;
    },
    setSiteEnabled: (siteId, enabled) => updateSiteSettings((settings) => withSite(settings, siteId, enabled)),
    setShowSimilar: (show) => updateSiteSettings((settings) => ({ ...settings, showSimilar: show })),
    copyText: (text) => navigator.clipboard.writeText(text),
    async loadOtherSite() {
      const tabId = await targetTabId();
      // The tab's address is readable through activeTab (the user opened the popup on it) or a host permission.
      const url = tabId === null ? undefined : (await browser.tabs.get(tabId).catch(() => null))?.url;
      const origin = webOrigin(url);
      if (!url || !origin || adapterForUrl(url)) return null;
      const { jobPostingSites } = readSiteSettings((await browser.storage.local.get(SITE_SETTINGS_KEY))[SITE_SETTINGS_KEY]);
      const granted = await browser.permissions.contains({ origins: [originPattern(origin)] }).catch(() => false);
      return { origin, host: new URL(origin).host, enabled: jobPostingSites.includes(origin), granted };
    },
    enableJobPosting: (origin) => enableJobPostingSite(browser, origin),
    disableJobPosting: (origin) => disableJobPostingSite(browser, origin),
  },
};

// The language chosen in the options (if any) is loaded before the first paint, beside the docs read.
void (async () => {
  const settings = readSettings((await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY], defaultSettings(import.meta.env.WXT_FEED_URL));
  await useLanguage(settings.language);
  document.documentElement.lang = uiLanguage();
  // `?q=` comes from the address bar or the context menu: that search, at once.
  const params = new URLSearchParams(location.search);
  render(<PopupApp sources={sources} focusKey={params.get('offer')} initialQuery={queryFromPopupSearch(location.search)} />, document.getElementById('app')!);
})();
