import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Startup } from '../../postings/startups';
import type { SearchIndex } from '../../search/build';
import { offerKeys, offerLinks } from '../../search/input';
import type { SearchDoc, SearchFilters, SearchHit, SearchLink } from '../../search/types';
import type { StoredPosting, UserPostingState } from '../../store/db';
import type { SourceStatus } from '../../sync/status';
import { formatTime } from '../format';
import { t } from '../i18n';
import { Filters } from './Filters';
import { ResultItem } from './ResultItem';
import { SitePanel, type SitePanelProps } from './SitePanel';
import { LiveSourcesOffer } from './LiveSourcesOffer';
import { feedHost } from '../../feed/feed-url';
import { filterChoices, listOnlyIndex, runSearch } from './search-state';
import { DEFAULT_FILTERS } from '../../search/types';
import { isDefaultFilters, type PopupViewState } from './view-state';
import { favouriteChanges, offerMarks } from './offer-marks';

/** Everything the popup reads and does outside itself; main.tsx wires it to the browser. */
export interface PopupSources {
  /** The stored posting list, or null when there is none yet or it was built by another version. */
  loadDocs(): Promise<{ index: SearchIndex } | null>;
  /** The stored term sections for that list (null when missing or stale). */
  loadTerms(list: SearchIndex): Promise<SearchIndex | null>;
  /** Builds the index from the stored postings, when the background has not yet. */
  buildIndex(): Promise<SearchIndex>;
  loadUserStates(): Promise<UserPostingState[]>;
  /**
   * The offer to show: its postings (the primary's key first, then the other sources'
   * copies) read and merged as the search merged them (`mergeSameOffer`), with its startup.
   */
  loadOffer(keys: readonly string[]): Promise<{ posting: StoredPosting; startup: Startup | null } | null>;
  /** A posting's own original, for an offer shown before the list (and its links) is read. */
  originalUrl(posting: StoredPosting): string | null;
  loadStatus(): Promise<SourceStatus[]>;
  onStatusChange(listener: () => void): () => void;
  syncNow(): Promise<void>;
  /** The popup was opened: the badge's count is acknowledged. */
  opened(): Promise<void>;
  markSeen(keys: string[]): Promise<void>;
  setFavourite(key: string, favourite: boolean): Promise<void>;
  saveAlert(query: string, filters: SearchFilters): Promise<void>;
  isOpen(posting: Pick<StoredPosting, 'openFlag' | 'depublicationDate' | 'applicationDeadline'> & { removedAt?: string | null }): boolean;
  viewState: { read(): PopupViewState; write(state: PopupViewState): void };
  now: Date;
  /** Marks the first painted results for the open-to-results benchmark. */
  markFirstResults?(): void;
  /** Marks the moment typing gives results (the term sections are in memory). */
  markSearchReady?(): void;
  /** Opens the options page (absent where there is none, as in tests); `live-sources` opens it at the live sources. */
  openOptions?(section?: 'live-sources'): Promise<void>;
  /** Whether to offer the live sources: none is configured and the offer was not dismissed. */
  shouldOfferLiveSources?(): Promise<boolean>;
  /** The user answered the offer ("not now", or went to choose): it is not shown again. */
  dismissLiveSourcesOffer?(): Promise<void>;
  /** The job site in the active tab (absent where there are no tabs to ask). */
  site?: SitePanelProps;
}

export interface PopupAppProps {
  sources: PopupSources;
  /** An offer to show at once (a notification was clicked). */
  focusKey?: string | null;
  /** A search to run at once (the address bar or the context menu asked): replaces the remembered query. */
  initialQuery?: string | null;
}

/**
 * The offer view (with the Markdown renderer) is a chunk of its own: the list paints
 * without it, and it is fetched right after, before anyone can open an offer.
 */
const loadOfferView = () => import('./OfferView');

/** How many results are rendered at a time: the list stays light however many match. */
const PAGE = 50;

/** A live source's problems in plain words; other failures keep the feed layer's sentence. */
function syncErrorText(status: SourceStatus, error: NonNullable<SourceStatus['lastError']>): string {
  const site = feedHost(status.url);
  if (error.kind === 'reader-outdated') return t('popupReaderOutdated', [site]);
  if (error.kind === 'no-access') return t('popupNoAccess', [site]);
  return t('popupSyncError', [error.message]);
}

function StatusLine({ status }: { status: SourceStatus }) {
  if (status.lastError) {
    return (
      <p data-sync-source={status.sourceId} data-sync-error={status.lastError.kind} class="popup__error">
        {syncErrorText(status, status.lastError)}
        {status.nextRetryAt ? ` ${t('popupNextRetry', [formatTime(status.nextRetryAt)])}` : ''}
      </p>
    );
  }
  if (!status.lastSuccessAt) return <p data-sync-source={status.sourceId}>{t('popupNeverSynced')}</p>;
  return (
    <p data-sync-source={status.sourceId}>
      {t('popupLastCheck', [formatTime(status.lastSuccessAt), String(status.counts?.stored ?? 0), String(status.counts?.open ?? 0)])}
    </p>
  );
}

export function PopupApp({ sources, focusKey = null, initialQuery = null }: PopupAppProps) {
  // A query from the page's address wins over the remembered one, once: it is then remembered in turn.
  const initial = useMemo(() => {
    const remembered = sources.viewState.read();
    return initialQuery === null ? remembered : { ...remembered, query: initialQuery };
  }, [sources, initialQuery]);
  const [query, setQuery] = useState(initial.query);
  const [filters, setFilters] = useState<SearchFilters>(initial.filters);
  const [index, setIndex] = useState<SearchIndex | null>(null);
  const [termsReady, setTermsReady] = useState(false);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [userStates, setUserStates] = useState<Map<string, UserPostingState>>(new Map());
  const [statuses, setStatuses] = useState<SourceStatus[]>([]);
  const [syncing, setSyncing] = useState(false);
  const [active, setActive] = useState(-1);
  const [limit, setLimit] = useState(PAGE);
  const [offerKey, setOfferKey] = useState<string | null>(focusKey);
  const [alertSaved, setAlertSaved] = useState<string | null>(null);
  const [offerLiveSources, setOfferLiveSources] = useState(false);
  useEffect(() => {
    void sources.shouldOfferLiveSources?.().then(setOfferLiveSources, () => setOfferLiveSources(false));
  }, [sources]);
  /** Either answer closes the card for good; "choose" goes to the options, where each site is asked for. */
  const answerLiveSources = async (choose: boolean) => {
    setOfferLiveSources(false);
    await sources.dismissLiveSourcesOffer?.().catch(() => undefined);
    if (choose) await sources.openOptions?.('live-sources');
  };
  // "New" marks are the ones present when the popup opened: they stay while it is open, even once seen.
  const [newKeys, setNewKeys] = useState<Set<string>>(new Set());
  const searchBox = useRef<HTMLInputElement>(null);
  const firstPaint = useRef(false);

  // Once the full index is in memory a reload (after a sync) swaps it whole, never back to a list without terms.
  const haveTerms = useRef(false);
  const loadIndex = useCallback(async () => {
    try {
      const stored = await sources.loadDocs();
      if (stored) {
        if (!haveTerms.current) setIndex(stored.index);
        const full = await sources.loadTerms(stored.index);
        if (full) {
          haveTerms.current = true;
          setIndex(full);
          setTermsReady(true);
          sources.markSearchReady?.();
          return;
        }
      }
      const built = await sources.buildIndex();
      haveTerms.current = true;
      setIndex(built);
      setTermsReady(true);
      sources.markSearchReady?.();
    } catch (error) {
      setLoadError(error instanceof Error ? error.message : String(error));
    }
  }, [sources]);

  const loadUserStates = useCallback(async () => {
    const states = await sources.loadUserStates();
    setUserStates(new Map(states.map((s) => [s.key, s])));
    return states;
  }, [sources]);

  useEffect(() => {
    void loadIndex();
    void loadUserStates().then((states) => {
      setNewKeys(new Set(states.filter((s) => s.newSince !== null && s.seenAt === null).map((s) => s.key)));
    });
    void sources.opened();
    // Opened from a notification: that offer is seen.
    if (focusKey !== null) void sources.markSeen([focusKey]).then(loadUserStates);
    const reloadStatus = () => void sources.loadStatus().then(setStatuses);
    reloadStatus();
    return sources.onStatusChange(() => {
      reloadStatus();
      void loadIndex();
      void loadUserStates();
    });
  }, [sources, loadIndex, loadUserStates, focusKey]);

  useEffect(() => sources.viewState.write({ query, filters }), [sources, query, filters]);

  const view = useMemo(
    () => (index ? runSearch(index, termsReady, query, filters, sources.now) : null),
    [index, termsReady, query, filters, sources.now],
  );
  const hits: SearchHit[] = view?.kind === 'results' ? view.outcome.hits : [];
  const matchedTerms = view?.kind === 'results' ? view.outcome.matchedTerms : new Set<string>();
  const matchedPhrases = view?.kind === 'results' ? view.outcome.matchedPhrases : [];
  // When the filters hide closed offers, say how many closed ones the query would find.
  const closedMatches = useMemo(() => {
    if (!index || !termsReady || !filters.openOnly || query.trim() === '' || hits.length > 0) return 0;
    const withClosed = runSearch(index, true, query, { ...filters, openOnly: false }, sources.now);
    return withClosed.kind === 'results' ? withClosed.outcome.hits.length : 0;
  }, [index, termsReady, filters, query, hits.length, sources.now]);
  const choices = useMemo(() => (index ? filterChoices(index.docs) : { domaines: [], startups: [] }), [index]);

  useEffect(() => {
    setActive(-1);
    setLimit(PAGE);
  }, [query, filters]);

  useEffect(() => {
    if (!firstPaint.current && view?.kind === 'results') {
      firstPaint.current = true;
      // After the frame that shows them: rAF runs before that paint, the timeout after it.
      requestAnimationFrame(() =>
        setTimeout(() => {
          sources.markFirstResults?.();
          void loadOfferView();
        }, 0),
      );
    }
  }, [view, sources]);

  useEffect(() => {
    if (active < 0) return;
    document.getElementById(`result-${active}`)?.scrollIntoView({ block: 'nearest' });
  }, [active]);

  const openOffer = (doc: SearchDoc) => {
    setOfferKey(doc.key);
    // Opening an offer is seeing it, on every source's copy.
    const keys = offerKeys(doc);
    if (keys.some((key) => !userStates.get(key)?.seenAt)) void sources.markSeen(keys).then(loadUserStates);
  };
  const closeOffer = () => {
    setOfferKey(null);
    // Back where the user was: the search box, with the result still highlighted.
    requestAnimationFrame(() => searchBox.current?.focus());
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const shown = Math.min(hits.length, limit);
    if (event.key === 'ArrowDown' && shown > 0) {
      event.preventDefault();
      setActive((a) => Math.min(shown - 1, a + 1));
    } else if (event.key === 'ArrowUp' && shown > 0) {
      event.preventDefault();
      setActive((a) => Math.max(-1, a - 1));
    } else if (event.key === 'Enter' && shown > 0) {
      event.preventDefault();
      const hit = hits[Math.max(0, active)]!;
      openOffer(index!.docs[hit.doc]!);
    } else if (event.key === 'Escape' && query !== '') {
      // First Escape clears the search; the next one closes the popup as usual.
      event.preventDefault();
      setQuery('');
    }
  };

  const onSync = async () => {
    setSyncing(true);
    try {
      await sources.syncNow();
    } finally {
      setSyncing(false);
    }
  };

  const onSaveAlert = async () => {
    await sources.saveAlert(query.trim(), filters);
    setAlertSaved(query.trim());
  };

  if (offerKey !== null) {
    // The key may be any copy's (a notification names the posting it announced): the offer is the doc that holds it.
    const doc = index?.docs.find((d) => d.key === offerKey || d.sameAs?.includes(offerKey));
    return (
      <OfferPage
        key={offerKey}
        keys={doc ? offerKeys(doc) : [offerKey]}
        links={doc ? offerLinks(doc) : null}
        sources={sources}
        userStates={userStates}
        onBack={closeOffer}
        onChanged={loadUserStates}
      />
    );
  }

  const typed = query.trim() !== '';
  const unseen = [...userStates.values()].filter((s) => s.newSince !== null && s.seenAt === null).map((s) => s.key);
  return (
    <main class="popup">
      <header class="popup__header">
        <h1>{t('extName')}</h1>
        <div class="popup__actions">
          <button type="button" onClick={onSync} disabled={syncing} aria-busy={syncing} data-action="sync">
            {syncing ? t('popupSyncing') : t('popupSyncNow')}
          </button>
          {sources.openOptions ? (
            <button type="button" onClick={() => void sources.openOptions?.()} data-action="options">
              {t('popupOptions')}
            </button>
          ) : null}
        </div>
      </header>
      {/* Live: a sync that ends (or fails) while the popup is open is announced, not only shown. */}
      <section class="popup__status" aria-label={t('popupStatusLabel')} aria-live="polite">
        {statuses.map((status) => (
          <StatusLine key={status.sourceId} status={status} />
        ))}
      </section>
      {offerLiveSources ? <LiveSourcesOffer choose={() => void answerLiveSources(true)} dismiss={() => void answerLiveSources(false)} /> : null}
      {sources.site ? <SitePanel {...sources.site} /> : null}
      <div class="popup__search" role="search">
        <input
          ref={searchBox}
          type="search"
          class="popup__query"
          aria-label={t('popupSearchLabel')}
          placeholder={t('popupSearchPlaceholder')}
          value={query}
          autoFocus
          autoComplete="off"
          spellcheck={false}
          // Only while the list (and the active row) is there: a reference to a missing element is
          // an invalid value. The active index is reset after new results render, not with them.
          aria-controls={hits.length > 0 ? 'results' : undefined}
          aria-activedescendant={active >= 0 && active < Math.min(hits.length, limit) ? `result-${active}` : undefined}
          onInput={(e) => setQuery((e.currentTarget as HTMLInputElement).value)}
          onKeyDown={onKeyDown}
        />
      </div>
      <Filters filters={filters} choices={choices} onChange={setFilters} />
      <p class="popup__count" role="status" aria-live="polite">
        {loadError
          ? t('popupLoadError', [loadError])
          : !index
            ? t('popupLoading')
            : view?.kind === 'waiting'
              ? t('popupPreparing')
              : typed
                ? t('popupResultCount', [String(hits.length)])
                : t('popupListCount', [String(hits.length)])}
      </p>
      {index && view?.kind === 'results' && hits.length === 0 ? (
        <div class="popup__empty" data-empty-state>
          <p>
            {typed
              ? t('popupNoMatch', [query.trim()])
              : index.docs.length === 0
                ? t('popupEmpty')
                : t('popupNoneWithFilters')}
          </p>
          {closedMatches > 0 ? (
            <button type="button" onClick={() => setFilters({ ...filters, openOnly: false })}>
              {t('popupShowClosed', [String(closedMatches)])}
            </button>
          ) : null}
          {!isDefaultFilters(filters) ? (
            <button type="button" onClick={() => setFilters(DEFAULT_FILTERS)}>
              {t('popupResetFilters')}
            </button>
          ) : null}
        </div>
      ) : null}
      {hits.length > 0 ? (
        <ul id="results" class="popup__list" role="listbox" aria-label={t('popupListLabel')}>
          {hits.slice(0, limit).map((hit, i) => {
            const doc = index!.docs[hit.doc]!;
            const keys = offerKeys(doc);
            return (
              <ResultItem
                key={doc.key}
                id={`result-${i}`}
                doc={doc}
                hit={hit}
                active={i === active}
                isNew={keys.some((key) => newKeys.has(key))}
                favourite={offerMarks(keys, userStates).favourite}
                matchedTerms={matchedTerms}
                matchedPhrases={matchedPhrases}
                onOpen={() => openOffer(doc)}
              />
            );
          })}
        </ul>
      ) : null}
      <footer class="popup__footer">
        {hits.length > limit ? (
          <button type="button" onClick={() => setLimit(limit + PAGE)} data-action="more">
            {t('popupShowMore', [String(Math.min(PAGE, hits.length - limit))])}
          </button>
        ) : null}
        {unseen.length > 0 ? (
          <button type="button" onClick={() => void sources.markSeen(unseen).then(loadUserStates)} data-action="all-seen">
            {t('popupMarkAllSeen', [String(unseen.length)])}
          </button>
        ) : null}
        {typed && termsReady ? (
          alertSaved === query.trim() ? (
            <p role="status">{t('popupAlertSaved')}</p>
          ) : (
            <button type="button" onClick={() => void onSaveAlert()} data-action="save-alert">
              {t('popupSaveAlert')}
            </button>
          )
        ) : null}
      </footer>
    </main>
  );
}

interface OfferPageProps {
  /** The offer's postings: its own (primary) key first, then its copies on other sources. */
  keys: readonly string[];
  /** Where to read it (`offerLinks`), or null when its doc is not read yet: then the posting's own original. */
  links: readonly SearchLink[] | null;
  sources: PopupSources;
  userStates: ReadonlyMap<string, UserPostingState>;
  onBack(): void;
  onChanged(): Promise<unknown>;
}

/** The offer view with its data: the full postings are read only when it is opened. */
function OfferPage({ keys, links, sources, userStates, onBack, onChanged }: OfferPageProps) {
  const [offer, setOffer] = useState<{ posting: StoredPosting; startup: Startup | null } | null | 'missing'>(null);
  const [view, setView] = useState<typeof import('./OfferView') | null>(null);
  const keysKey = keys.join('\n');
  useEffect(() => {
    void sources.loadOffer(keysKey.split('\n')).then((found) => setOffer(found ?? 'missing'));
    void loadOfferView().then(setView);
  }, [sources, keysKey]);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        onBack();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [onBack]);
  useEffect(() => {
    if (offer && offer !== 'missing' && view) document.querySelector<HTMLElement>('[data-offer-view] h2')?.focus();
  }, [offer, view]);

  if (offer === null || (offer !== 'missing' && view === null)) return <p aria-busy="true">{t('popupLoading')}</p>;
  if (offer === 'missing') {
    return (
      <main class="popup">
        <p role="alert">{t('popupOfferMissing')}</p>
        <button type="button" onClick={onBack} data-action="back">
          {t('offerBack')}
        </button>
      </main>
    );
  }
  const marks = offerMarks(keys, userStates);
  const original = sources.originalUrl(offer.posting);
  const { OfferView } = view!;
  // The same page outline as the list (a main landmark, the extension's name as its h1), so
  // landmark and heading navigation find the offer the way they find the list.
  return (
    <main>
      <h1 class="visually-hidden">{t('extName')}</h1>
      <OfferView
        posting={offer.posting}
        startup={offer.startup}
        open={sources.isOpen(offer.posting)}
        favourite={marks.favourite}
        seen={marks.seen}
        links={links ?? (original === null ? [] : [{ sourceId: offer.posting.sourceId, url: original }])}
        onBack={onBack}
        onToggleFavourite={() =>
          void Promise.all(favouriteChanges(keys, userStates).map(({ key, favourite }) => sources.setFavourite(key, favourite))).then(onChanged)
        }
        onMarkSeen={() => void sources.markSeen([...keys]).then(onChanged)}
      />
    </main>
  );
}
