import { t } from '../i18n';

/** What the data section reads and does outside itself. */
// eslint-disable-next-line @typescript-eslint/no-empty-interface
export interface DataSources {}

export function DataSection(_props: { sources: DataSources }) {
  return (
    <section class="options__section" aria-labelledby="options-data" data-section="data">
      <h2 id="options-data">{t('optionsDataTitle')}</h2>
    </section>
  );
}
