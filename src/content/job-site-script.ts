/**
 * What every job-site content script does, whichever site it was built for: read the
 * site settings, run the highlighter while the site is on, answer the popup's
 * page-status question, and stop everything when the extension goes away.
 *
 * Each site has its own small content script (`entrypoints/<site>.content.ts`) that
 * bundles its adapter only: the script runs on every job page, so its size is paid on
 * every one of them. Content scripts are built against the browser's own extension API,
 * not webextension-polyfill (see `wxt.config.ts`): Chrome's MV3 `chrome.*` and Firefox's
 * `browser.*` both return promises for the calls made here, and the one listener below
 * answers through `sendResponse`, which both support natively.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { browser } from 'wxt/browser';
import { pageSkeleton } from '../sites/read';
import type { SiteAdapter } from '../sites/types';
import { startHighlighter, type HighlightStats } from '../highlight/highlighter';
import { readSiteSettings, SITE_SETTINGS_KEY, type SiteSettings } from '../settings/sites';
import { readPageStatusRequest, type ContentEnvelope, type PageStatus } from '../messages';
import type { CardMatch } from '../match/types';
import { jobSignals } from '../highlight/self-check';
import { formatDay } from '../ui/format';

/** The content script of one listed job site: injected where the adapter's patterns match. */
export function defineJobSiteScript(adapter: SiteAdapter) {
  return defineContentScript({
    matches: adapter.matches,
    runAt: 'document_idle',
    main: (ctx) => runOnJobPage(ctx, adapter, (settings) => !settings.disabled.includes(adapter.id)),
  });
}

/** Highlights the page with `adapter` while `isOn(settings)` holds, following settings changes. */
export async function runOnJobPage(ctx: ContentScriptContext, adapter: SiteAdapter, isOn: (settings: SiteSettings) => boolean): Promise<void> {
  // A visible-to-tests marker that the content script runs on this site.
  document.documentElement.dataset.betaRadarSite = adapter.id;

  const t = (key: string, subs?: string[]) => browser.i18n.getMessage(key as Parameters<typeof browser.i18n.getMessage>[0], subs) || key;
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
    if (!isOn(settings) || ctx.isInvalid) return;
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

  browser.runtime.onMessage.addListener((message: unknown, sender, sendResponse: (status: PageStatus) => void) => {
    const request = readPageStatusRequest(message);
    if (!request || sender.id !== browser.runtime.id || ctx.isInvalid) return undefined;
    sendResponse({
      siteId: adapter.id,
      siteName: adapter.name,
      enabled: running !== null,
      showSimilar: settings.showSimilar,
      cardsRead: stats.cardsRead,
      same: document.querySelectorAll('[data-betagouv-match="same"]').length,
      similar: document.querySelectorAll('[data-betagouv-match="similar"]').length,
      ...jobSignals(document, adapter),
      ...(request.skeleton ? { skeleton: pageSkeleton(document.body) } : {}),
    });
    return undefined;
  });
}
