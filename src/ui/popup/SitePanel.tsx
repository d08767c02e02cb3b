import { useEffect, useState } from 'preact/hooks';
import { adapterLooksBroken, type PageStatus } from '../../messages';
import { t } from '../i18n';

export interface SitePanelProps {
  /** The active tab's job page, or null when it is not one (then nothing is shown). */
  loadPageStatus(skeleton: boolean): Promise<PageStatus | null>;
  setSiteEnabled(siteId: string, enabled: boolean): Promise<void>;
  setShowSimilar(show: boolean): Promise<void>;
  copyText(text: string): Promise<void>;
}

/** What Beta Radar does on the job site in the active tab, its switches, and the adapter self-check. */
export function SitePanel({ loadPageStatus, setSiteEnabled, setShowSimilar, copyText }: SitePanelProps) {
  const [status, setStatus] = useState<PageStatus | null>(null);
  const [copied, setCopied] = useState(false);
  const refresh = () => void loadPageStatus(false).then(setStatus, () => setStatus(null));
  useEffect(refresh, [loadPageStatus]);
  if (!status) return null;

  const copySkeleton = async () => {
    const withSkeleton = await loadPageStatus(true);
    if (withSkeleton?.skeleton) {
      await copyText(withSkeleton.skeleton);
      setCopied(true);
    }
  };
  return (
    <section class="popup__site" data-site-panel={status.siteId} aria-label={t('sitePanelLabel', [status.siteName])}>
      <p>
        {status.enabled
          ? t('siteMarked', [status.siteName, String(status.same), String(status.similar)])
          : t('siteOff', [status.siteName])}
      </p>
      <label>
        <input
          type="checkbox"
          checked={status.enabled}
          onChange={(e) => void setSiteEnabled(status.siteId, (e.currentTarget as HTMLInputElement).checked).then(() => setTimeout(refresh, 300))}
          data-setting="site-enabled"
        />
        {t('siteHighlight')}
      </label>
      <label>
        <input
          type="checkbox"
          checked={status.showSimilar}
          onChange={(e) => void setShowSimilar((e.currentTarget as HTMLInputElement).checked).then(() => setTimeout(refresh, 300))}
          data-setting="show-similar"
        />
        {t('siteShowSimilar')}
      </label>
      {status.enabled && adapterLooksBroken(status) ? (
        <div class="popup__error" role="alert" data-self-check>
          <p>{t('siteAdapterStale', [status.siteName])}</p>
          <button type="button" onClick={() => void copySkeleton()} data-action="copy-skeleton">
            {copied ? t('siteSkeletonCopied') : t('siteCopySkeleton')}
          </button>
        </div>
      ) : null}
    </section>
  );
}
