import { t } from '../i18n';

/** What the notifications section reads and does outside itself. */
// eslint-disable-next-line @typescript-eslint/no-empty-interface
export interface NotificationsSources {}

export function NotificationsSection(_props: { sources: NotificationsSources }) {
  return (
    <section class="options__section" aria-labelledby="options-notifications" data-section="notifications">
      <h2 id="options-notifications">{t('optionsNotificationsTitle')}</h2>
    </section>
  );
}
