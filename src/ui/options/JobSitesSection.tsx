import { t } from '../i18n';

/** What the sites section reads and does outside itself. */
// eslint-disable-next-line @typescript-eslint/no-empty-interface
export interface JobSitesSources {}

export function JobSitesSection(_props: { sources: JobSitesSources }) {
  return (
    <section class="options__section" aria-labelledby="options-sites" data-section="sites">
      <h2 id="options-sites">{t('optionsJobSitesTitle')}</h2>
    </section>
  );
}
