import { useCallback, useEffect, useState } from 'preact/hooks';
import type { StoredPosting, UserPostingState } from '../../store/db';
import type { SourceStatus } from '../../sync/status';
import { t } from '../i18n';
import { formatDay, formatTime } from '../format';

export interface PopupData {
  postings: StoredPosting[];
  userStates: UserPostingState[];
}

export interface PopupAppProps {
  load(): Promise<PopupData>;
  /** The feeds' sync status, and a way to hear when it changes. */
  loadStatus(): Promise<SourceStatus[]>;
  onStatusChange(listener: () => void): () => void;
  syncNow(): Promise<void>;
  markSeen(keys: string[]): Promise<void>;
  isOpen(posting: StoredPosting): boolean;
  /** A posting to show first (from a notification click). */
  focusKey?: string | null;
}

/** Open offers first, then newest first. */
export function orderForList(postings: StoredPosting[], isOpen: (p: StoredPosting) => boolean): StoredPosting[] {
  return [...postings].sort((a, b) => Number(isOpen(b)) - Number(isOpen(a)) || (b.date ?? '').localeCompare(a.date ?? ''));
}

function StatusLine({ status }: { status: SourceStatus }) {
  if (status.lastError) {
    return (
      <p data-sync-source={status.sourceId} class="popup__error" role="status">
        {t('popupSyncError', [status.lastError.message])}
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

export function PopupApp({ load, loadStatus, onStatusChange, syncNow, markSeen, isOpen, focusKey }: PopupAppProps) {
  const [data, setData] = useState<PopupData | null>(null);
  const [statuses, setStatuses] = useState<SourceStatus[]>([]);
  const [syncing, setSyncing] = useState(false);
  const [loadError, setLoadError] = useState<string | null>(null);
  // The "new" marks shown in this opening, kept while the popup stays open even once marked seen.
  const [newKeys, setNewKeys] = useState<Set<string>>(new Set());

  const refresh = useCallback(() => {
    load().then(
      (loaded) => {
        setData(loaded);
        const fresh = loaded.userStates.filter((s) => s.newSince !== null && s.seenAt === null).map((s) => s.key);
        if (fresh.length > 0) {
          setNewKeys((old) => new Set([...old, ...fresh]));
          void markSeen(fresh);
        }
      },
      (error: unknown) => setLoadError(String(error)),
    );
  }, [load, markSeen]);
  useEffect(refresh, [refresh]);
  useEffect(() => {
    const reload = () => void loadStatus().then(setStatuses);
    reload();
    return onStatusChange(() => {
      reload();
      refresh();
    });
  }, [loadStatus, onStatusChange, refresh]);

  const onSync = async () => {
    setSyncing(true);
    try {
      await syncNow();
    } finally {
      setSyncing(false);
      refresh();
    }
  };

  if (loadError) return <p role="alert">{t('popupLoadError', loadError)}</p>;
  if (!data) return <p aria-busy="true">{t('popupLoading')}</p>;

  const ordered = orderForList(data.postings, isOpen);
  const focused = focusKey ? ordered.find((p) => p.key === focusKey) : undefined;
  const list = focused ? [focused, ...ordered.filter((p) => p !== focused)] : ordered;
  const openCount = ordered.filter(isOpen).length;
  return (
    <main class="popup">
      <header class="popup__header">
        <h1>{t('extName')}</h1>
        <button type="button" onClick={onSync} disabled={syncing} aria-busy={syncing}>
          {syncing ? t('popupSyncing') : t('popupSyncNow')}
        </button>
      </header>
      <section class="popup__status" aria-live="polite">
        {statuses.map((status) => (
          <StatusLine key={status.sourceId} status={status} />
        ))}
        <p>{t('popupCounts', [String(openCount), String(ordered.length)])}</p>
      </section>
      {list.length === 0 ? (
        <p data-empty-state>{t('popupEmpty')}</p>
      ) : (
        <ul class="popup__list" aria-label={t('popupListLabel')}>
          {list.slice(0, 200).map((p) => (
            <li
              key={p.key}
              data-posting-id={p.id}
              data-new={newKeys.has(p.key) ? '' : undefined}
              class={`${isOpen(p) ? 'is-open' : 'is-closed'}${p === focused ? ' is-focused' : ''}`}
            >
              <span class="popup__role">
                {p.title}
                {newKeys.has(p.key) ? <span class="popup__new">{t('popupNew')}</span> : null}
              </span>
              <span class="popup__meta">
                {[p.startupRef, p.date ? formatDay(p.date) : null, isOpen(p) ? t('popupOpen') : t('popupClosed')]
                  .filter(Boolean)
                  .join(' · ')}
              </span>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
