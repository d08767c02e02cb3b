import { t } from '../i18n';

/** What the general section reads and does outside itself. */
// eslint-disable-next-line @typescript-eslint/no-empty-interface
export interface GeneralSources {}

export function GeneralSection(_props: { sources: GeneralSources }) {
  return (
    <section class="options__section" aria-labelledby="options-general" data-section="general">
      <h2 id="options-general">{t('optionsGeneralTitle')}</h2>
    </section>
  );
}
