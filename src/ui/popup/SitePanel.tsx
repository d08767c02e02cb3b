import { useEffect, useState } from 'preact/hooks';
import { adapterLooksBroken, type PageStatus } from '../../messages';
import { t } from '../i18n';

export interface SitePanelProps {
  /** The active tab's job page, or null when it is not one (then nothing is shown). */
  loadPageStatus(skeleton: boolean): Promise<PageStatus | null>;
  setSiteEnabled(siteId: string, enabled: boolean): Promise<void>;
  setShowSimilar(show: boolean): Promise<void>;
  copyText(text: string): Promise<void>;
  /** The active tab's site when it is not a listed job site (a web page only), with the JobPosting detector's state there. */
  loadOtherSite?(): Promise<OtherSite | null>;
  /**
   * Turns the detector on for a site. Must be called straight from the click: it asks for
   * the site's host permission, which browsers only allow during a user gesture. Resolves
   * to whether the permission was granted.
   */
  enableJobPosting?(origin: string): Promise<boolean>;
  disableJobPosting?(origin: string): Promise<void>;
}

export interface OtherSite {
  origin: string;
  host: string;
  /** The user turned the detector on for this site. */
  enabled: boolean;
  /** Its host permission is granted. */
  granted: boolean;
}

/** What Beta Radar does on the job site in the active tab, its switches, and the adapter self-check. */
export function SitePanel(props: SitePanelProps) {
  const { loadPageStatus, setSiteEnabled, setShowSimilar, copyText } = props;
  const [status, setStatus] = useState<PageStatus | null>(null);
  const [other, setOther] = useState<OtherSite | null>(null);
  const [copied, setCopied] = useState(false);
  const refresh = () => {
    void loadPageStatus(false).then(setStatus, () => setStatus(null));
    void (props.loadOtherSite?.() ?? Promise.resolve(null)).then(setOther, () => setOther(null));
  };
  useEffect(refresh, [loadPageStatus]);
  // The detector answers for a while after it is turned on (injection, first read): ask again.
  const refreshSoon = () => {
    for (const delay of [300, 1_000, 2_500]) setTimeout(refresh, delay);
  };

  if (other && (!status || status.siteId === 'job-posting')) return <OtherSitePanel {...props} site={other} status={status} refresh={refreshSoon} />;
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

/** A site outside the list: offers the JobPosting detector, asks for its permission, or shows what it found. */
function OtherSitePanel({ site, status, refresh, enableJobPosting, disableJobPosting }: SitePanelProps & { site: OtherSite; status: PageStatus | null; refresh(): void }) {
  const running = site.enabled && site.granted;
  const enable = () => {
    // No await before the call: the permission request needs the click's user gesture.
    void (enableJobPosting?.(site.origin) ?? Promise.resolve(false)).then(refresh, refresh);
  };
  const disable = () => void (disableJobPosting?.(site.origin) ?? Promise.resolve()).then(refresh, refresh);
  return (
    <section class="popup__site" data-site-panel="job-posting" data-site-state={running ? 'on' : site.enabled ? 'waiting' : 'off'} aria-label={t('sitePanelLabel', [site.host])}>
      {running ? (
        <p>{status ? t('siteMarked', [site.host, String(status.same), String(status.similar)]) : t('jobPostingOn', [site.host])}</p>
      ) : (
        <p>{site.enabled ? t('jobPostingWaiting', [site.host]) : t('jobPostingOffer', [site.host])}</p>
      )}
      {running ? null : (
        <button type="button" onClick={enable} data-action="enable-job-posting">
          {site.enabled ? t('jobPostingAllow', [site.host]) : t('jobPostingEnable', [site.host])}
        </button>
      )}
      {site.enabled ? (
        <button type="button" onClick={disable} data-action="disable-job-posting">
          {t('jobPostingDisable')}
        </button>
      ) : null}
    </section>
  );
}
