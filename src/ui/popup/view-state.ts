/**
 * What the popup remembers between openings: the query and the filters. Kept in
 * the extension's `localStorage` because the popup needs it synchronously, before
 * its first paint; read back as untrusted (validated field by field).
 */
import { DEFAULT_FILTERS, type SearchFilters } from '../../search/types';

export const VIEW_STATE_KEY = 'beta-radar.popup-view';

export interface PopupViewState {
  query: string;
  filters: SearchFilters;
}

export const DEFAULT_VIEW_STATE: PopupViewState = { query: '', filters: DEFAULT_FILTERS };

const MAX_QUERY = 200;

export function readViewState(raw: string | null): PopupViewState {
  let value: unknown;
  try {
    value = raw === null ? null : JSON.parse(raw);
  } catch {
    return DEFAULT_VIEW_STATE;
  }
  if (typeof value !== 'object' || value === null) return DEFAULT_VIEW_STATE;
  const { query, filters } = value as { query?: unknown; filters?: unknown };
  const f = (typeof filters === 'object' && filters !== null ? filters : {}) as Record<string, unknown>;
  const text = (v: unknown) => (typeof v === 'string' && v !== '' && v.length <= MAX_QUERY ? v : null);
  return {
    query: typeof query === 'string' ? query.slice(0, MAX_QUERY) : '',
    filters: {
      openOnly: typeof f.openOnly === 'boolean' ? f.openOnly : DEFAULT_FILTERS.openOnly,
      domaine: text(f.domaine),
      startup: text(f.startup),
      juniorOnly: f.juniorOnly === true,
      withinDays: f.withinDays === 7 || f.withinDays === 30 ? f.withinDays : null,
    },
  };
}

export function writeViewState(storage: Pick<Storage, 'setItem'>, state: PopupViewState): void {
  try {
    storage.setItem(VIEW_STATE_KEY, JSON.stringify(state));
  } catch {
    // A full or disabled storage only costs the memory of the last search.
  }
}

export function isDefaultFilters(filters: SearchFilters): boolean {
  return (Object.keys(DEFAULT_FILTERS) as (keyof SearchFilters)[]).every((k) => filters[k] === DEFAULT_FILTERS[k]);
}
