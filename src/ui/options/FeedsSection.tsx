import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { FeedCheckFailure, FeedCheckResult } from '../../feed/check-result';
import { feedHost, feedKindOfUrl, parseFeedUrl, parseLiveSourceUrl, SUGGESTED_LIVE_SOURCES, type FeedKind } from '../../feed/feed-url';

/** The options page's anchor for the live sources, where the popup's first-run card leads. */
export const LIVE_SOURCES_ANCHOR = 'live-sources';
import type { SourceStatus } from '../../sync/status';
import { formatTime } from '../format';
import { t, type MessageKey } from '../i18n';

/** What the feeds section reads and does outside itself. */
export interface FeedsSources {
  /** The configured feed URLs (settings.feeds). */
  loadFeeds(): Promise<string[]>;
  /** Each feed's last sync, as the background records it. */
  loadStatus(): Promise<SourceStatus[]>;
  /** Calls `listener` when the feeds or their sync status change; returns the unsubscribe. */
  onChange(listener: () => void): () => void;
  /**
   * Asks for the host permissions the feed is read with. Called first thing in the
   * click: a browser only shows its prompt during a user gesture.
   */
  requestAccess(url: string): Promise<boolean>;
  /** Whether the browser grants what the feed is read with (an imported feed may lack it). */
  hasAccess(url: string): Promise<boolean>;
  /** Calls `listener` when host permissions are granted or given back; returns the unsubscribe. */
  onAccessChange(listener: () => void): () => void;
  /** Has the background list the feed once (it holds the host permissions). */
  checkFeed(url: string): Promise<FeedCheckResult>;
  /** Changes the stored feed list (read, changed, written); answers the list saved. */
  saveFeeds(change: (feeds: string[]) => string[]): Promise<string[]>;
  /** Gives back the optional host permissions `url` used that nothing else needs. */
  releaseAccess(url: string, remainingFeeds: string[]): Promise<void>;
  /** Syncs every feed now; answers how many of them failed (a failure is a report, not an exception). */
  syncNow(): Promise<{ failed: number }>;
}

const KIND_KEYS: Record<FeedKind, MessageKey> = {
  github: 'optionsFeedsKindGithub',
  'static-index': 'optionsFeedsKindStaticIndex',
  'jobs-json': 'optionsFeedsKindJobsJson',
  'wttj-company': 'optionsFeedsKindWttj',
  'csp-organisation': 'optionsFeedsKindCsp',
};

export function kindLabel(url: string): string {
  const kind = feedKindOfUrl(url);
  return t(kind ? KIND_KEYS[kind] : 'optionsFeedsKindUnknown');
}

/** Why a feed was refused or failed, in plain words (the technical sentence is shown apart). */
export function problemText(reason: FeedCheckFailure, detail: { status?: number; retryAt?: string } = {}): string {
  switch (reason) {
    case 'invalid-url':
      return t('optionsFeedsProblemInvalidUrl');
    case 'unrecognised':
      return t('optionsFeedsProblemUnrecognised');
    case 'offline':
      return t('optionsFeedsProblemOffline');
    case 'http':
      if (detail.status === 404) return t('optionsFeedsProblemNotFound');
      return detail.status ? t('optionsFeedsProblemHttpStatus', String(detail.status)) : t('optionsFeedsProblemHttp');
    case 'rate-limited':
      return detail.retryAt ? t('optionsFeedsProblemRateLimitedUntil', formatTime(detail.retryAt)) : t('optionsFeedsProblemRateLimited');
    case 'timeout':
      return t('optionsFeedsProblemTimeout');
    case 'invalid-body':
      return t('optionsFeedsProblemNotAFeed');
    case 'empty':
      return t('optionsFeedsProblemEmpty');
    case 'reader-outdated':
      return t('optionsFeedsProblemReaderOutdated');
    case 'no-access':
      return t('optionsFeedsProblemNoAccess');
    default:
      // 'unknown', and whatever else a stored status may carry.
      return t('optionsFeedsProblemUnknown');
  }
}

function FeedStatus({ status }: { status: SourceStatus | undefined }) {
  if (!status || (!status.lastSuccessAt && !status.lastError)) return <p class="options__hint">{t('optionsFeedsNeverSynced')}</p>;
  const { lastError, lastSuccessAt, counts } = status;
  return (
    <div>
      {lastSuccessAt && (
        <p>
          {t('optionsFeedsLastSuccess', [formatTime(lastSuccessAt), String(counts?.stored ?? 0), String(counts?.open ?? 0)])}
          {counts && counts.rejected > 0 ? ` ${t('optionsFeedsRejected', String(counts.rejected))}` : ''}
        </p>
      )}
      {lastError && (
        <>
          <p class="error" data-feed-error={lastError.kind}>
            {t('optionsFeedsLastFailure', [formatTime(lastError.at), problemText(lastError.kind)])}
            {status.nextRetryAt ? ` ${t('optionsFeedsNextRetry', formatTime(status.nextRetryAt))}` : ''}
          </p>
          <details>
            <summary>{t('optionsFeedsDetails')}</summary>
            <p class="options__hint">{lastError.message}</p>
          </details>
        </>
      )}
    </div>
  );
}

type Notice = { tone: 'info' | 'error'; text: string; detail?: string };

export function FeedsSection({ sources }: { sources: FeedsSources }) {
  const [feeds, setFeeds] = useState<string[] | null>(null);
  const [statuses, setStatuses] = useState<SourceStatus[]>([]);
  const [address, setAddress] = useState('');
  const [adding, setAdding] = useState(false);
  const [addNotice, setAddNotice] = useState<Notice | null>(null);
  const [syncing, setSyncing] = useState(false);
  const [syncNotice, setSyncNotice] = useState<Notice | null>(null);
  const title = useRef<HTMLHeadingElement>(null);
  const liveTitle = useRef<HTMLHeadingElement>(null);
  const loaded = feeds !== null;

  // The popup's first-run card links here (`options.html#live-sources`): the block exists only
  // once the feeds are read, after the browser looked for the anchor, so go there then.
  useEffect(() => {
    if (loaded && location.hash === `#${LIVE_SOURCES_ANCHOR}`) {
      liveTitle.current?.scrollIntoView({ block: 'start' });
      liveTitle.current?.focus();
    }
  }, [loaded]);

  const [withoutAccess, setWithoutAccess] = useState<string[]>([]);

  const reload = useCallback(async () => {
    const [loadedFeeds, loadedStatus] = await Promise.all([sources.loadFeeds(), sources.loadStatus()]);
    const access = await Promise.all(loadedFeeds.map((url) => sources.hasAccess(url).catch(() => true)));
    setFeeds(loadedFeeds);
    setStatuses(loadedStatus);
    setWithoutAccess(loadedFeeds.filter((_url, i) => !access[i]));
  }, [sources]);

  useEffect(() => {
    const load = () =>
      reload().catch((error: unknown) => setSyncNotice({ tone: 'error', text: t('optionsLoadError', error instanceof Error ? error.message : String(error)) }));
    void load();
    const stopChanges = sources.onChange(() => void load());
    const stopAccess = sources.onAccessChange(() => void load());
    return () => {
      stopChanges();
      stopAccess();
    };
  }, [sources, reload]);

  /** A feed kept without its host's access (an import grants none): asked for from this click. */
  function allow(url: string) {
    const granted = sources.requestAccess(url);
    void granted.then(
      (ok) => {
        if (ok) void sources.syncNow().then(() => reload(), () => reload());
      },
      () => undefined,
    );
  }

  function onSubmit(event: Event) {
    event.preventDefault();
    if (adding) return;
    const typed = address.trim();
    if (typed === '') return setAddNotice({ tone: 'error', text: t('optionsFeedsEmptyInput') });
    // A live source is kept under one address whatever spelling was pasted (locale, page, query),
    // so two spellings can never make two feeds of one listing, each with its own hourly allowance.
    const url = parseLiveSourceUrl(typed)?.listingUrl ?? typed;
    if (!parseFeedUrl(url)) return setAddNotice({ tone: 'error', text: t('optionsFeedsNotAdded', problemText('invalid-url')) });
    if (!feedKindOfUrl(url)) return setAddNotice({ tone: 'error', text: t('optionsFeedsNotAdded', problemText('unrecognised')) });
    if (feeds?.includes(url)) return setAddNotice({ tone: 'error', text: t('optionsFeedsDuplicate') });
    add(url, () => setAddress(''));
  }

  /**
   * Asks for the feed's site, lists it once, then saves it. Called within the click: the
   * browser shows its permission prompt only during a user gesture, so nothing is awaited first.
   */
  function add(url: string, onAdded?: () => void) {
    const access = sources.requestAccess(url).catch(() => false);
    setAdding(true);
    setAddNotice({ tone: 'info', text: t('optionsFeedsChecking') });
    void (async () => {
      try {
        if (!(await access)) {
          setAddNotice({ tone: 'error', text: t('optionsFeedsNotAdded', t('optionsFeedsPermissionRefused', feedHost(url))) });
          return;
        }
        const result = await sources.checkFeed(url);
        if (!result.ok) {
          // Nothing is saved; a permission granted for this check alone is given back.
          await sources.releaseAccess(url, feeds ?? []).catch(() => undefined);
          setAddNotice({ tone: 'error', text: t('optionsFeedsNotAdded', problemText(result.reason, result)), detail: result.error });
          return;
        }
        const saved = await sources.saveFeeds((current) => (current.includes(url) ? current : [...current, url]));
        setFeeds(saved);
        onAdded?.();
        setAddNotice({ tone: 'info', text: t('optionsFeedsAdded', [t(KIND_KEYS[result.kind]), String(result.offers)]) });
      } catch (error) {
        setAddNotice({ tone: 'error', text: t('optionsFeedsNotAdded', problemText('unknown')), detail: error instanceof Error ? error.message : String(error) });
      } finally {
        setAdding(false);
      }
    })();
  }

  async function remove(url: string) {
    try {
      const saved = await sources.saveFeeds((current) => current.filter((feed) => feed !== url));
      setFeeds(saved);
      await sources.releaseAccess(url, saved).catch(() => undefined);
      setAddNotice({ tone: 'info', text: t('optionsFeedsRemoved', url) });
    } catch (error) {
      setAddNotice({ tone: 'error', text: problemText('unknown'), detail: error instanceof Error ? error.message : String(error) });
    }
    // The button is gone with its row: the focus goes back to the section, not to the page's top.
    title.current?.focus();
  }

  async function syncNow() {
    setSyncing(true);
    setSyncNotice({ tone: 'info', text: t('optionsFeedsSyncing') });
    try {
      const { failed } = await sources.syncNow();
      setSyncNotice(failed === 0 ? { tone: 'info', text: t('optionsFeedsSyncDone') } : { tone: 'error', text: t('optionsFeedsSyncSomeFailed', String(failed)) });
      await reload();
    } catch (error) {
      setSyncNotice({ tone: 'error', text: t('optionsFeedsSyncFailed', error instanceof Error ? error.message : String(error)) });
    } finally {
      setSyncing(false);
    }
  }

  const statusOf = (url: string) => statuses.find((status) => status.url === url);
  const suggested = feeds === null ? [] : SUGGESTED_LIVE_SOURCES.filter((url) => !feeds.includes(url));

  return (
    <section class="options__section" aria-labelledby="options-feeds" data-section="feeds">
      <h2 id="options-feeds" tabIndex={-1} ref={title}>
        {t('optionsFeedsTitle')}
      </h2>
      <p class="options__hint">{t('optionsFeedsIntro')}</p>

      <h3 id="options-feeds-list">{t('optionsFeedsListTitle')}</h3>
      {feeds !== null && feeds.length === 0 && <p data-feeds-empty>{t('optionsFeedsNone')}</p>}
      {feeds !== null && feeds.length > 0 && (
        <ul class="options__list" aria-labelledby="options-feeds-list">
          {feeds.map((url, index) => (
            <li key={url} data-feed={url}>
              <div class="options__feed">
                <p>
                  <strong>{kindLabel(url)}</strong> · <code id={`options-feed-${index}`} class="options__feed-url">{url}</code>
                </p>
                <FeedStatus status={statusOf(url)} />
                {withoutAccess.includes(url) && (
                  <p class="error" data-feed-access="missing">
                    {t('optionsFeedsAccessMissing', feedHost(url))}{' '}
                    <button type="button" data-action="allow-feed" aria-describedby={`options-feed-${index}`} onClick={() => allow(url)}>
                      {t('optionsFeedsAllow')}
                    </button>
                  </p>
                )}
              </div>
              <button type="button" data-action="remove-feed" aria-describedby={`options-feed-${index}`} onClick={() => void remove(url)}>
                {t('optionsFeedsRemove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <div class="options__row">
        <button type="button" data-action="sync-now" disabled={syncing || feeds === null || feeds.length === 0} aria-busy={syncing} onClick={() => void syncNow()}>
          {t('optionsFeedsSyncNow')}
        </button>
        <span aria-live="polite" data-feeds-sync-notice class={syncNotice?.tone === 'error' ? 'error' : undefined}>
          {syncNotice?.text ?? ''}
        </span>
      </div>

      <h3 id={LIVE_SOURCES_ANCHOR} tabIndex={-1} ref={liveTitle}>
        {t('optionsLiveTitle')}
      </h3>
      <p class="options__hint">{t('optionsLiveIntro')}</p>
      {feeds !== null && suggested.length === 0 && <p data-live-sources="all-on">{t('optionsLiveAllOn')}</p>}
      {suggested.length > 0 && (
        <ul class="options__list" aria-labelledby={LIVE_SOURCES_ANCHOR}>
          {suggested.map((url, index) => (
            <li key={url} data-suggested-source={url}>
              <p>
                <strong>{kindLabel(url)}</strong> · <code id={`options-live-${index}`} class="options__feed-url">{url}</code>
              </p>
              <button type="button" data-action="add-live-source" disabled={adding} aria-describedby={`options-live-${index}`} onClick={() => add(url)}>
                {t('optionsLiveEnable')}
              </button>
            </li>
          ))}
        </ul>
      )}

      <h3>{t('optionsFeedsAddTitle')}</h3>
      <form onSubmit={onSubmit} noValidate data-form="add-feed">
        <div class="options__row">
          <label for="options-feed-url">{t('optionsFeedsAddLabel')}</label>
          <input
            id="options-feed-url"
            type="url"
            inputMode="url"
            autoComplete="off"
            spellcheck={false}
            value={address}
            aria-describedby={addNotice?.tone === 'error' ? 'options-feed-url-hint options-feed-url-error' : 'options-feed-url-hint'}
            aria-invalid={addNotice?.tone === 'error'}
            onInput={(event) => setAddress((event.currentTarget as HTMLInputElement).value)}
          />
          <button type="submit" disabled={adding} aria-busy={adding}>
            {t('optionsFeedsAdd')}
          </button>
        </div>
        <p id="options-feed-url-hint" class="options__hint">
          {t('optionsFeedsAddHint')}
        </p>
      </form>
      <div aria-live="polite" data-feeds-notice>
        {addNotice?.tone === 'info' && <p>{addNotice.text}</p>}
      </div>
      {addNotice?.tone === 'error' && (
        <div role="alert" id="options-feed-url-error" data-feeds-error>
          <p class="error">{addNotice.text}</p>
          {addNotice.detail && (
            <details>
              <summary>{t('optionsFeedsDetails')}</summary>
              <p class="options__hint">{addNotice.detail}</p>
            </details>
          )}
        </div>
      )}
    </section>
  );
}
