/**
 * The job-site settings, apart from the main settings so the content script
 * (which runs on every job page) reads a small key and bundles nothing else.
 * Stored in `browser.storage.local`; read back as untrusted.
 */
export const SITE_SETTINGS_KEY = 'siteSettings';

export interface SiteSettings {
  /** Sites where the user turned highlighting off (adapter ids). */
  disabled: string[];
  /** Whether cards that only resemble beta.gouv.fr offers are marked too. */
  showSimilar: boolean;
  /**
   * Sites outside the list where the user turned on the schema.org JobPosting detector
   * (origins, `https://jobs.example.fr`). The detector runs where an origin is listed here
   * and its optional host permission is granted.
   */
  jobPostingSites: string[];
}

export const DEFAULT_SITE_SETTINGS: SiteSettings = { disabled: [], showSimilar: true, jobPostingSites: [] };

/** More would be a sign of a bad import, not of a user's choices. */
const MAX_JOB_POSTING_SITES = 200;

/** `https://host[:port]`, lower case, nothing else: what `URL.origin` gives for a web page. */
export function webOrigin(value: unknown): string | null {
  if (typeof value !== 'string' || value.length > 300) return null;
  try {
    const url = new URL(value);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
    if (url.username || url.password) return null;
    return url.origin;
  } catch {
    return null;
  }
}

export function readSiteSettings(raw: unknown): SiteSettings {
  const stored = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const disabled = Array.isArray(stored.disabled)
    ? [...new Set(stored.disabled.filter((id): id is string => typeof id === 'string' && /^[a-z0-9-]{1,40}$/.test(id)))]
    : [];
  const jobPostingSites = Array.isArray(stored.jobPostingSites)
    ? [...new Set(stored.jobPostingSites.map(webOrigin).filter((origin): origin is string => origin !== null))].slice(0, MAX_JOB_POSTING_SITES)
    : [];
  return { disabled, showSimilar: typeof stored.showSimilar === 'boolean' ? stored.showSimilar : DEFAULT_SITE_SETTINGS.showSimilar, jobPostingSites };
}

/** The settings with the JobPosting detector turned on or off for `origin`. */
export function withJobPostingSite(settings: SiteSettings, origin: string, enabled: boolean): SiteSettings {
  const others = settings.jobPostingSites.filter((site) => site !== origin);
  return { ...settings, jobPostingSites: enabled ? [...others, origin] : others };
}

/** The match pattern that covers every page of `origin` (the optional host permission asked for it). */
export function originPattern(origin: string): string {
  const url = new URL(origin);
  // Match patterns take no port: `https://host/*` covers every port of the host.
  return `${url.protocol}//${url.hostname}/*`;
}

/** The settings with one site turned on or off. */
export function withSite(settings: SiteSettings, siteId: string, enabled: boolean): SiteSettings {
  const others = settings.disabled.filter((id) => id !== siteId);
  return { ...settings, disabled: enabled ? others : [...others, siteId] };
}
