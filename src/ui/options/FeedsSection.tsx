import { t } from '../i18n';

/** What the feeds section reads and does outside itself. */
// eslint-disable-next-line @typescript-eslint/no-empty-interface
export interface FeedsSources {}

export function FeedsSection(_props: { sources: FeedsSources }) {
  return (
    <section class="options__section" aria-labelledby="options-feeds" data-section="feeds">
      <h2 id="options-feeds">{t('optionsFeedsTitle')}</h2>
    </section>
  );
}
