/**
 * The popup's search, apart from the view: which index is at hand (the posting
 * list arrives before the terms) and what a query over it gives. Plain functions,
 * testable without a DOM.
 */
import type { SearchIndex } from '../../search/build';
import { searchPostings } from '../../search/query';
import type { SearchDoc, SearchFilters, SearchOutcome } from '../../search/types';

/** An index whose term sections are empty: enough to list and filter before the terms are read. */
export function listOnlyIndex(docs: SearchDoc[], version: string): SearchIndex {
  const empty = { terms: [], starts: new Uint32Array(1), docs: new Uint16Array(0) };
  return {
    format: 'beta-radar-search',
    version,
    docs,
    head: { ...empty, masks: new Uint8Array(0) },
    body: { ...empty, counts: new Uint8Array(0) },
  };
}

export type SearchView =
  | { kind: 'results'; outcome: SearchOutcome }
  /** A query typed before the terms were read: shown as "preparing the search", never as "no result". */
  | { kind: 'waiting' };

export function runSearch(
  index: SearchIndex,
  termsReady: boolean,
  query: string,
  filters: SearchFilters,
  now: Date,
): SearchView {
  const typed = query.trim() !== '';
  if (typed && !termsReady) return { kind: 'waiting' };
  return { kind: 'results', outcome: searchPostings(index, query, { filters, now }) };
}

/** Distinct values for the filter menus, sorted for reading. */
export function filterChoices(docs: readonly SearchDoc[]): {
  domaines: string[];
  startups: Array<{ value: string; label: string }>;
} {
  const domaines = new Set<string>();
  const startups = new Map<string, string>();
  for (const doc of docs) {
    for (const d of doc.domaines) domaines.add(d);
    const value = doc.startupId ?? doc.startupRef;
    if (value) startups.set(value, doc.startupName ?? doc.startupRef ?? value);
  }
  const collator = new Intl.Collator('fr', { sensitivity: 'base' });
  return {
    domaines: [...domaines].sort(collator.compare),
    startups: [...startups].map(([value, label]) => ({ value, label })).sort((a, b) => collator.compare(a.label, b.label)),
  };
}
