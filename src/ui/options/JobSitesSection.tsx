import { useEffect, useState } from 'preact/hooks';
import { t } from '../i18n';
import type { SiteSettings } from '../../settings/sites';
import { readSiteInput, type ListedSite } from './site-input';

/** What the sites section reads and does outside itself. */
export interface JobSitesSources {
  /** The job sites Beta Radar has an adapter for, in the registry's order. */
  sites: ReadonlyArray<ListedSite & { id: string }>;
  loadSiteSettings(): Promise<SiteSettings>;
  /** Calls back when the stored site settings change; returns the unsubscribe. */
  watchSiteSettings(listener: (settings: SiteSettings) => void): () => void;
  setSiteEnabled(siteId: string, enabled: boolean): Promise<void>;
  setShowSimilar(show: boolean): Promise<void>;
  /** Whether the host permission of a JobPosting site is granted. */
  isGranted(origin: string): Promise<boolean>;
  /** Calls back when host permissions are granted or taken back (here, in the popup, in the browser's settings). */
  watchPermissions(listener: () => void): () => void;
  /** Turns the detector on for a site and asks for its permission; must be called from the click. Resolves to "granted". */
  addJobPostingSite(origin: string): Promise<boolean>;
  /** Asks again for the permission of a listed site; from the click too. */
  grantJobPostingSite(origin: string): Promise<boolean>;
  /** Turns the detector off for a site and gives its permission back. */
  removeJobPostingSite(origin: string): Promise<void>;
}

/** What the last action said: kept as facts, turned into text at render (the language may change). */
type Notice =
  | { kind: 'invalid' }
  | { kind: 'listed'; siteName: string }
  | { kind: 'already'; host: string }
  | { kind: 'added'; host: string }
  | { kind: 'refused'; host: string }
  | { kind: 'failed'; detail: string };

function noticeText(notice: Notice): string {
  switch (notice.kind) {
    case 'invalid':
      return t('optionsSitesInvalid');
    case 'listed':
      return t('optionsSitesListed', notice.siteName);
    case 'already':
      return t('optionsSitesAlready', notice.host);
    case 'added':
      return t('optionsSitesAdded', notice.host);
    case 'refused':
      return t('optionsSitesRefused', notice.host);
    case 'failed':
      return t('optionsSitesFailed', notice.detail);
  }
}

const isError = (notice: Notice) => notice.kind === 'invalid' || notice.kind === 'listed' || notice.kind === 'failed';
const hostOf = (origin: string) => new URL(origin).host;

export function JobSitesSection({ sources }: { sources: JobSitesSources }) {
  const [settings, setSettings] = useState<SiteSettings | null>(null);
  const [granted, setGranted] = useState<Record<string, boolean>>({});
  const [permissionsSeen, setPermissionsSeen] = useState(0);
  const [address, setAddress] = useState('');
  const [notice, setNotice] = useState<Notice | null>(null);

  useEffect(() => {
    let live = true;
    void sources.loadSiteSettings().then(
      (loaded) => live && setSettings(loaded),
      (error: unknown) => live && setNotice({ kind: 'failed', detail: String(error) }),
    );
    const stopSettings = sources.watchSiteSettings(setSettings);
    const stopPermissions = sources.watchPermissions(() => setPermissionsSeen((n) => n + 1));
    return () => {
      live = false;
      stopSettings();
      stopPermissions();
    };
  }, [sources]);

  const origins = settings?.jobPostingSites ?? [];
  const originsKey = origins.join(' ');
  useEffect(() => {
    let live = true;
    void Promise.all(origins.map(async (origin) => [origin, await sources.isGranted(origin).catch(() => false)] as const)).then(
      (entries) => live && setGranted(Object.fromEntries(entries)),
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the list is compared by its text
  }, [sources, originsKey, permissionsSeen]);

  const run = (action: Promise<unknown>) => void action.catch((error: unknown) => setNotice({ kind: 'failed', detail: String(error) }));

  const add = (event: Event) => {
    event.preventDefault();
    const input = readSiteInput(address, sources.sites);
    if (!input.ok) {
      setNotice(input.error === 'listed' ? { kind: 'listed', siteName: input.siteName } : { kind: 'invalid' });
      return;
    }
    const { origin } = input;
    const host = hostOf(origin);
    if (origins.includes(origin) && granted[origin]) {
      setNotice({ kind: 'already', host });
      return;
    }
    setNotice(null);
    // Straight from the submit: the permission request needs the user's gesture.
    const request = origins.includes(origin) ? sources.grantJobPostingSite(origin) : sources.addJobPostingSite(origin);
    run(
      request.then((ok) => {
        setPermissionsSeen((n) => n + 1);
        setNotice({ kind: ok ? 'added' : 'refused', host });
        if (ok) setAddress('');
      }),
    );
  };

  const grant = (origin: string) =>
    run(
      sources.grantJobPostingSite(origin).then((ok) => {
        setPermissionsSeen((n) => n + 1);
        setNotice(ok ? null : { kind: 'refused', host: hostOf(origin) });
      }),
    );

  return (
    <section class="options__section" aria-labelledby="options-sites" data-section="sites">
      <h2 id="options-sites">{t('optionsJobSitesTitle')}</h2>
      <p class="options__hint">{t('optionsSitesIntro')}</p>
      <p id="options-sites-list">{t('optionsSitesListLegend')}</p>
      <div role="group" aria-labelledby="options-sites-list">
        <ul class="options__list">
        {sources.sites.map((site) => (
          <li key={site.id}>
            <label>
              <input
                type="checkbox"
                data-site-switch={site.id}
                disabled={!settings}
                checked={settings ? !settings.disabled.includes(site.id) : false}
                onChange={(event) => run(sources.setSiteEnabled(site.id, event.currentTarget.checked))}
              />
              {site.name}
            </label>
          </li>
        ))}
        </ul>
      </div>
      <div class="options__row">
        <label>
          <input
            type="checkbox"
            data-setting="show-similar"
            disabled={!settings}
            checked={settings?.showSimilar ?? false}
            onChange={(event) => run(sources.setShowSimilar(event.currentTarget.checked))}
          />
          {t('optionsSitesShowSimilar')}
        </label>
      </div>

      <h3 id="options-sites-other" tabIndex={-1}>
        {t('optionsSitesOtherTitle')}
      </h3>
      <p class="options__hint">{t('optionsSitesOtherHint')}</p>
      {settings && origins.length === 0 && <p class="options__hint">{t('optionsSitesOtherNone')}</p>}
      <ul class="options__list" aria-labelledby="options-sites-other">
        {origins.map((origin) => {
          const host = hostOf(origin);
          const state = granted[origin] === undefined ? 'unknown' : granted[origin] ? 'granted' : 'missing';
          return (
            <li key={origin} data-origin={origin} data-permission={state}>
              <strong tabIndex={-1} data-site-host>
                {host}
              </strong>
              {state !== 'unknown' && <span class="options__hint">{state === 'granted' ? t('optionsSitesGranted') : t('optionsSitesNotGranted')}</span>}
              {state === 'missing' && (
                <button
                  type="button"
                  data-action="grant-site"
                  aria-label={t('optionsSitesGrantLabel', host)}
                  onClick={(event) => {
                    grant(origin);
                    // This button goes once access is granted: the focus stays in its row, on the site's
                    // name (not on "Remove", where a second Enter would do harm).
                    event.currentTarget.parentElement?.querySelector<HTMLElement>('[data-site-host]')?.focus();
                  }}
                >
                  {t('optionsSitesGrant')}
                </button>
              )}
              <button
                type="button"
                data-action="remove-site"
                aria-label={t('optionsSitesRemoveLabel', host)}
                onClick={() => {
                  run(sources.removeJobPostingSite(origin));
                  // The row goes: the list's heading keeps the focus in place.
                  document.getElementById('options-sites-other')?.focus();
                }}
              >
                {t('optionsSitesRemove')}
              </button>
            </li>
          );
        })}
      </ul>
      <form class="options__row" onSubmit={add} noValidate>
        <label for="options-sites-address">{t('optionsSitesAddLabel')}</label>
        <input
          id="options-sites-address"
          type="url"
          inputMode="url"
          autoComplete="off"
          spellcheck={false}
          placeholder={t('optionsSitesAddPlaceholder')}
          value={address}
          aria-invalid={notice !== null && isError(notice)}
          aria-describedby="options-sites-notice"
          onInput={(event) => setAddress(event.currentTarget.value)}
        />
        <button type="submit" data-action="add-site" disabled={!settings}>
          {t('optionsSitesAdd')}
        </button>
      </form>
      <div id="options-sites-notice">
        {notice && isError(notice) && (
          <p class="error" role="alert">
            {noticeText(notice)}
          </p>
        )}
        <p class="options__hint" role="status">
          {notice && !isError(notice) ? noticeText(notice) : ''}
        </p>
      </div>
    </section>
  );
}
