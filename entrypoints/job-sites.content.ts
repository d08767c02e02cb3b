import { adapterForUrl, JOB_SITE_MATCHES } from '@/src/sites/registry';
import { pageSkeleton } from '@/src/sites/read';
import { startHighlighter, type HighlightStats } from '@/src/highlight/highlighter';
import { readSiteSettings, SITE_SETTINGS_KEY, type SiteSettings } from '@/src/settings/sites';
import { readPageStatusRequest, type ContentEnvelope, type PageStatus } from '@/src/messages';
import type { CardMatch } from '@/src/match/types';
import { jobSignals } from '@/src/highlight/self-check';
import { formatDay } from '@/src/ui/format';

export default defineContentScript({
  matches: JOB_SITE_MATCHES,
  runAt: 'document_idle',
  async main(ctx) {
    const adapter = adapterForUrl(location.href);
    if (!adapter) return;
    // A visible-to-tests marker that the content script runs on this site.
    document.documentElement.dataset.betaRadarSite = adapter.id;

    const t = (key: Parameters<typeof browser.i18n.getMessage>[0], subs?: string[]) => browser.i18n.getMessage(key, subs) || key;
    const texts = {
      badgeSame: t('badgeSame'),
      badgeSimilar: t('badgeSimilar'),
      listTitle: t('badgeListTitle'),
      openSince: (day: string) => t('badgeOpenSince', [formatDay(day)]),
      openOriginal: t('badgeOpenOriginal'),
      openInBetaRadar: t('badgeOpenInBetaRadar'),
    };
    const send = <T extends ContentEnvelope['type']>(type: T, payload: ContentEnvelope<T>['payload']) => browser.runtime.sendMessage({ type, payload });

    let settings: SiteSettings = readSiteSettings((await browser.storage.local.get(SITE_SETTINGS_KEY))[SITE_SETTINGS_KEY]);
    let stats: HighlightStats = { cardsRead: 0, candidates: 0, marked: 0 };
    let running: AbortController | null = null;

    const start = () => {
      running?.abort();
      running = null;
      stats = { cardsRead: 0, candidates: 0, marked: 0 };
      if (settings.disabled.includes(adapter.id) || ctx.isInvalid) return;
      running = new AbortController();
      startHighlighter({
        adapter,
        document,
        showSimilar: settings.showSimilar,
        texts,
        signal: running.signal,
        match: async (cards) => (await send('content/match-cards', { cards })) as CardMatch[],
        openOffer: (key) => void send('content/open-offer', { key }).catch(() => undefined),
        onStats: (next) => {
          stats = next;
        },
      });
    };
    // The extension updated or was disabled: everything we added goes.
    ctx.onInvalidated(() => running?.abort());
    start();

    browser.storage.onChanged.addListener((changes, area) => {
      if (area !== 'local' || !(SITE_SETTINGS_KEY in changes) || ctx.isInvalid) return;
      settings = readSiteSettings(changes[SITE_SETTINGS_KEY]?.newValue);
      start();
    });

    browser.runtime.onMessage.addListener((message: unknown, sender) => {
      const request = readPageStatusRequest(message);
      if (!request || sender.id !== browser.runtime.id || ctx.isInvalid) return undefined;
      const status: PageStatus = {
        siteId: adapter.id,
        siteName: adapter.name,
        enabled: running !== null,
        showSimilar: settings.showSimilar,
        cardsRead: stats.cardsRead,
        same: document.querySelectorAll('[data-betagouv-match="same"]').length,
        similar: document.querySelectorAll('[data-betagouv-match="similar"]').length,
        ...jobSignals(document, adapter),
        ...(request.skeleton ? { skeleton: pageSkeleton(document.body) } : {}),
      };
      return Promise.resolve(status);
    });
  },
});
