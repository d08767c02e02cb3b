/**
 * The search's data shapes. Pure data: built by the background after a sync,
 * stored in IndexedDB, read by the popup, and run by Node tests and benchmarks.
 */

/** Where an offer can be read: one per source that publishes it. */
export interface SearchLink {
  sourceId: string;
  url: string;
}

/**
 * What the search needs of one offer (a `StoredPosting` plus its startup's display fields).
 * An offer seen on several sources is one input, keyed by its primary posting (see
 * `src/postings/same-offer.ts`).
 */
export interface SearchInput {
  key: string;
  id: string;
  /** The feed's file name (the posting's original is found from it). */
  fileName: string;
  sourceId: string;
  title: string;
  startupRef: string | null;
  startupId: string | null;
  /** The startup's display name from startups.json, when resolved. */
  startupName: string | null;
  /** The startup's pitch from startups.json, when resolved. */
  startupPitch: string | null;
  domaines: string[];
  techno: string[];
  contract: string | null;
  junior: boolean;
  date: string | null;
  openFlag: boolean;
  depublicationDate: string | null;
  applicationDeadline: string | null;
  /** Markdown body: indexed, never kept in the catalog. */
  body: string;
  /**
   * Where to read the offer, primary first, one per distinct address. Absent when it is the
   * posting's own original as its feed's id gives it (`originalUrlOf`): a GitHub feed's
   * thousands of postings then carry no copy of their address. Read it through `offerLinks`.
   */
  links?: SearchLink[];
  /** The keys of the other postings that are the same offer (other sources), first seen first; absent when none. */
  sameAs?: string[];
}

/**
 * One offer as the popup lists it: everything but the long texts (body, startup
 * pitch), which are only indexed. The popup reads every doc before its first paint.
 */
export type SearchDoc = Omit<SearchInput, 'body' | 'startupPitch'>;

/** The popup's filters. */
export interface SearchFilters {
  /** Default true: closed offers are hidden. */
  openOnly: boolean;
  /** Canonical domaine label, or null for all. */
  domaine: string | null;
  /** Startup id (or the raw reference when unresolved), or null for all. */
  startup: string | null;
  juniorOnly: boolean;
  /** Published in the last N days, or null for any date. */
  withinDays: 7 | 30 | null;
}

export const DEFAULT_FILTERS: SearchFilters = {
  openOnly: true,
  domaine: null,
  startup: null,
  juniorOnly: false,
  withinDays: null,
};

/** Which kind of field a query word was found in; the hits are ranked role/startup first, then details, then body. */
export type MatchTier = 'role' | 'details' | 'body';

export interface SearchHit {
  /** Position of the posting in the index's `docs`. */
  doc: number;
  tier: MatchTier;
  /** True when every query word matched without typo tolerance. */
  exact: boolean;
  open: boolean;
}

export interface SearchOutcome {
  /** Ranked: tier, then exact before fuzzy, then open before closed, then newest first. */
  hits: SearchHit[];
  /** The index terms the query matched, for highlighting (normalised forms). */
  matchedTerms: ReadonlySet<string>;
  /** Synonym phrases the query matched (`ingenieur logiciel`): highlighted only where their words follow each other. */
  matchedPhrases: ReadonlyArray<readonly string[]>;
  /** True when the query had no searchable word: the hits are the filtered list, newest first. */
  browsing: boolean;
}
