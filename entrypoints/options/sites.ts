import type { JobSitesSources } from '@/src/ui/options/JobSitesSection';
import { originPattern, readSiteSettings, SITE_SETTINGS_KEY, withSite, type SiteSettings } from '@/src/settings/sites';
import { SITE_ADAPTERS } from '@/src/sites/registry';
import { disableJobPostingSite, enableJobPostingSite, requestJobPostingPermission } from '@/src/sites/job-posting-choice';

async function loadSiteSettings(): Promise<SiteSettings> {
  return readSiteSettings((await browser.storage.local.get(SITE_SETTINGS_KEY))[SITE_SETTINGS_KEY]);
}

async function updateSiteSettings(change: (settings: SiteSettings) => SiteSettings): Promise<void> {
  await browser.storage.local.set({ [SITE_SETTINGS_KEY]: change(await loadSiteSettings()) });
}

/** The sites section's link to the browser. */
export const sitesSources: JobSitesSources = {
  sites: SITE_ADAPTERS.map(({ id, name, matches }) => ({ id, name, matches })),
  loadSiteSettings,
  watchSiteSettings(listener) {
    const handler = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area === 'local' && SITE_SETTINGS_KEY in changes) listener(readSiteSettings(changes[SITE_SETTINGS_KEY]?.newValue));
    };
    browser.storage.onChanged.addListener(handler);
    return () => browser.storage.onChanged.removeListener(handler);
  },
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
