import type { JobSitesSources } from '@/src/ui/options/JobSitesSection';

/** The sites section's link to the browser. */
export const sitesSources: JobSitesSources = {};
