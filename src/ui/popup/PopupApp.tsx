import { useCallback, useEffect, useState } from 'preact/hooks';
import type { SourceSyncState, StoredPosting } from '../../store/db';
import { t } from '../i18n';
import { formatDay } from '../format';

export interface PopupData {
  postings: StoredPosting[];
  syncStates: SourceSyncState[];
}

export interface PopupAppProps {
  load(): Promise<PopupData>;
  syncNow(): Promise<void>;
  isOpen(posting: StoredPosting): boolean;
}

/** Open offers first, then newest first. */
export function orderForList(postings: StoredPosting[], isOpen: (p: StoredPosting) => boolean): StoredPosting[] {
  return [...postings].sort((a, b) => Number(isOpen(b)) - Number(isOpen(a)) || (b.date ?? '').localeCompare(a.date ?? ''));
}

export function PopupApp({ load, syncNow, isOpen }: PopupAppProps) {
  const [data, setData] = useState<PopupData | null>(null);
  const [syncing, setSyncing] = useState(false);
  const [loadError, setLoadError] = useState<string | null>(null);

  const refresh = useCallback(() => {
    load().then(setData, (error: unknown) => setLoadError(String(error)));
  }, [load]);
  useEffect(refresh, [refresh]);

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
        {data.syncStates.map((state) => (
          <p key={state.sourceId} data-sync-source={state.sourceId}>
            {state.lastError
              ? t('popupSyncError', [state.lastError.message])
              : state.lastSuccessAt
                ? t('popupLastSync', [formatDay(state.lastSuccessAt), String(state.counts?.stored ?? 0)])
                : t('popupNeverSynced')}
          </p>
        ))}
        <p>{t('popupCounts', [String(openCount), String(ordered.length)])}</p>
      </section>
      {ordered.length === 0 ? (
        <p data-empty-state>{t('popupEmpty')}</p>
      ) : (
        <ul class="popup__list" aria-label={t('popupListLabel')}>
          {ordered.slice(0, 200).map((p) => (
            <li key={p.key} data-posting-id={p.id} class={isOpen(p) ? 'is-open' : 'is-closed'}>
              <span class="popup__role">{p.title}</span>
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
