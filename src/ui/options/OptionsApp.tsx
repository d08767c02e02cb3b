import { t } from '../i18n';
import { FeedsSection, type FeedsSources } from './FeedsSection';
import { NotificationsSection, type NotificationsSources } from './NotificationsSection';
import { JobSitesSection, type JobSitesSources } from './JobSitesSection';
import { GeneralSection, type GeneralSources } from './GeneralSection';
import { DataSection, type DataSources } from './DataSection';

/** Everything the options page reads and does outside itself, one group per section; entrypoints/options wires them. */
export interface OptionsSources {
  feeds: FeedsSources;
  notifications: NotificationsSources;
  sites: JobSitesSources;
  general: GeneralSources;
  data: DataSources;
}

/** The options page: one section per subject, each saving as soon as a control changes. */
export function OptionsApp({ sources }: { sources: OptionsSources }) {
  return (
    <main class="options">
      <header class="options__header">
        <h1>{t('optionsTitle')}</h1>
      </header>
      <FeedsSection sources={sources.feeds} />
      <NotificationsSection sources={sources.notifications} />
      <JobSitesSection sources={sources.sites} />
      <GeneralSection sources={sources.general} />
      <DataSection sources={sources.data} />
    </main>
  );
}
