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
}

export const DEFAULT_SITE_SETTINGS: SiteSettings = { disabled: [], showSimilar: true };

export function readSiteSettings(raw: unknown): SiteSettings {
  const stored = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const disabled = Array.isArray(stored.disabled)
    ? [...new Set(stored.disabled.filter((id): id is string => typeof id === 'string' && /^[a-z0-9-]{1,40}$/.test(id)))]
    : [];
  return { disabled, showSimilar: typeof stored.showSimilar === 'boolean' ? stored.showSimilar : DEFAULT_SITE_SETTINGS.showSimilar };
}

/** The settings with one site turned on or off. */
export function withSite(settings: SiteSettings, siteId: string, enabled: boolean): SiteSettings {
  const others = settings.disabled.filter((id) => id !== siteId);
  return { ...settings, disabled: enabled ? others : [...others, siteId] };
}
