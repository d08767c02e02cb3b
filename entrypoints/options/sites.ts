import type { JobSitesSources } from '@/src/ui/options/JobSitesSection';
import { originPattern, withSite, type SiteSettings } from '@/src/settings/sites';
import { siteSettingsRecord } from './settings-store';
import { SITE_ADAPTERS } from '@/src/sites/registry';
import { disableJobPostingSite, enableJobPostingSite, requestJobPostingPermission } from '@/src/sites/job-posting-choice';

const updateSiteSettings = async (change: (settings: SiteSettings) => SiteSettings) => void (await siteSettingsRecord.update(change));

/** The sites section's link to the browser. */
export const sitesSources: JobSitesSources = {
  sites: SITE_ADAPTERS.map(({ id, name, matches }) => ({ id, name, matches })),
  loadSiteSettings: siteSettingsRecord.load,
  watchSiteSettings: siteSettingsRecord.watch,
  // Job-site tabs follow at once: their content scripts watch these settings.
  setSiteEnabled: (siteId, enabled) => updateSiteSettings((settings) => withSite(settings, siteId, enabled)),
  setShowSimilar: (show) => updateSiteSettings((settings) => ({ ...settings, showSimilar: show })),
  isGranted: (origin) => browser.permissions.contains({ origins: [originPattern(origin)] }),
  watchPermissions(listener) {
    const handler = () => listener();
    browser.permissions.onAdded.addListener(handler);
    browser.permissions.onRemoved.addListener(handler);
    return () => {
      browser.permissions.onAdded.removeListener(handler);
      browser.permissions.onRemoved.removeListener(handler);
    };
  },
  addJobPostingSite: (origin) => enableJobPostingSite(browser, origin),
  grantJobPostingSite: (origin) => requestJobPostingPermission(browser, origin),
  removeJobPostingSite: (origin) => disableJobPostingSite(browser, origin),
};
