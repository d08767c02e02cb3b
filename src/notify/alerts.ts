/**
 * Saved searches ("alerts"): when the user has any, only the new offers that
 * match one of them raise a notification. Pure: data in, data out.
 */
import { canonicalDomaine } from '../postings/domaines';
import { buildSearchIndex } from '../search/build';
import { searchInputFrom, type SearchablePosting } from '../search/input';
import { searchPostings } from '../search/query';
import { DEFAULT_FILTERS, type SearchFilters } from '../search/types';

export const ALERTS_KEY = 'alerts';

export interface AlertFilters {
  /** One of the `domaines` the posting must carry (its canonical label, as the popup's filter offers it). */
  domaine?: string;
  /** The resolved startup id (or the raw reference when unresolved), as the popup's filter offers it. */
  startup?: string;
  /** Only offers flagged junior-friendly. */
  junior?: boolean;
}

export interface Alert {
  id: string;
  /** A search, as typed in the popup (same syntax and meaning). */
  query: string;
  filters: AlertFilters;
  createdAt: string;
}

/** The search's filters an alert carries (it always looks at new offers, so open or not does not apply). */
function searchFiltersOf(alert: Alert): SearchFilters {
  return {
    ...DEFAULT_FILTERS,
    openOnly: false,
    domaine: alert.filters.domaine ?? null,
    startup: alert.filters.startup ?? null,
    juniorOnly: alert.filters.junior === true,
  };
}

/**
 * The postings that at least one alert matches. Alerts run through the popup's
 * own search, so an alert saved from a search finds exactly what that search
 * would: same words, synonyms, inclusive writing and typo tolerance.
 */
export function postingsMatchingAlerts<P extends SearchablePosting>(postings: readonly P[], alerts: readonly Alert[], now: Date): P[] {
  if (alerts.length === 0 || postings.length === 0) return [];
  const index = buildSearchIndex(postings.map((p) => searchInputFrom(p, null)));
  const keys = new Set<string>();
  for (const alert of alerts) {
    for (const hit of searchPostings(index, alert.query, { filters: searchFiltersOf(alert), now }).hits) keys.add(index.docs[hit.doc]!.key);
  }
  return postings.filter((p) => keys.has(p.key));
}

/** Whether one alert matches one posting (see {@link postingsMatchingAlerts}). */
export function matchesAlert(posting: SearchablePosting, alert: Alert, now: Date = new Date()): boolean {
  return postingsMatchingAlerts([posting], [alert], now).length === 1;
}

/** Alerts as stored (untrusted): malformed entries are dropped, not fatal. */
export function readAlerts(raw: unknown): Alert[] {
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((item): Alert[] => {
    const a = item as Partial<Alert> | null;
    if (!a || typeof a.id !== 'string' || typeof a.query !== 'string') return [];
    const f = (typeof a.filters === 'object' && a.filters !== null ? a.filters : {}) as Record<string, unknown>;
    const filters: AlertFilters = {};
    if (typeof f.domaine === 'string' && f.domaine) filters.domaine = canonicalDomaine(f.domaine);
    if (typeof f.startup === 'string' && f.startup) filters.startup = f.startup;
    if (f.junior === true) filters.junior = true;
    return [{ id: a.id, query: a.query, filters, createdAt: typeof a.createdAt === 'string' ? a.createdAt : '' }];
  });
}
