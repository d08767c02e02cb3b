/**
 * Live readers as data: where a job site's listing and offer pages keep what a feed needs.
 * One file per site (`wttj.ts`, `csp.ts`) fills this shape; `listing.ts` and `offer-page.ts`
 * apply it. Selectors come with alternatives, most stable first; a selector may end in
 * `@attribute` to read that attribute instead of the text (as in the job-site adapters).
 */
import type { LiveSourceUrl } from '../feed-url';
import type { SiteAdapter } from '../../sites/types';

export type LiveKind = LiveSourceUrl['kind'];

/** Tried in order; the first that gives a non-empty value wins. */
export type Selectors = readonly string[];

/** How a listing numbers its pages: a path segment (`…/page/2/`) or a query parameter (`?page=2`). */
export type PageScheme = { kind: 'path'; segment: string } | { kind: 'query'; param: string };

export interface ListingLayout {
  /** The job-site adapter whose list layout reads the cards: the highlighter and the live source share one reading. */
  adapter: SiteAdapter;
  /** The name of that adapter's layout for result cards. */
  layout: string;
  /** Cards inside these are not the listing's (an offer page's "recommended offers"). */
  ignoreInside: Selectors;
  /** Cards whose title matches are no offer (WTTJ's "Candidature spontanée"). */
  ignoreTitle?: RegExp;
  /** Inside a card, beyond the adapter's fields. */
  contract: Selectors;
  /** Inside a card: the publication date (ISO in an attribute, or French prose). */
  date: Selectors;
  /** Any of these found: the page is the site's results page (with or without results). */
  resultsPage: Selectors;
  /** An explicit "no offer": an element made for it, or a text found in `textIn`. */
  empty: { selectors: Selectors; textIn: Selectors; text: readonly RegExp[] };
  /** Links to the next page, explicit ones first; else a link to page n+1 under `scheme` is looked for. */
  nextPage: Selectors;
  scheme: PageScheme;
  /** What a reader-outdated message names as the cards it looked for. */
  cardsDescription: string;
}

/** Field names of a job hit in embedded initial data (React-Query `queries[].state.data`); dotted paths, arrays read at their first items. */
export interface InitialDataLayout {
  /** The global the page assigns: `window.<name> = "<JSON as a JavaScript string>"` (or a plain JSON object). */
  variable: string;
  hit: {
    title: Selectors;
    slug: Selectors;
    contract: Selectors;
    date: Selectors;
    /** Where each office's city is; several offices give several cities. */
    offices: string;
    city: Selectors;
    organisationName: Selectors;
    organisationSlug: Selectors;
    /** The offer's HTML sections on an offer page, with the heading each gets in the Markdown (null: none). */
    sections: ReadonlyArray<{ key: string; heading: string | null }>;
  };
  /** Keys under which lists of hits sit (`hits`); any list of hit-shaped objects is read too. */
  hitLists: Selectors;
  /**
   * Counters next to the hits: `page` (0-based) and `pages`, to know a next page exists without a
   * link; `total`, whose 0 beside an empty list says the listing has no offer.
   */
  paging: { page: Selectors; pages: Selectors; total: Selectors };
  /** The listing's organisation in its URL (group 1): hits of other organisations are left out. */
  organisationInUrl: RegExp;
  /** The offer page of a hit: `{organisation}` and `{slug}` are filled in, resolved against the listing. */
  offerPath: string;
  /** Contract codes as the site shows them (`full_time` → `CDI`); an unknown code is kept as written. */
  contractLabels: Readonly<Record<string, string>>;
}

/** A row of facts (`<li><strong>Label</strong><span>Value</span></li>`) whose label says which field it holds. */
export interface FactsLayout {
  rows: Selectors;
  label: Selectors;
  value: Selectors;
  fields: { contract?: RegExp; validThrough?: RegExp; location?: RegExp };
}

export interface OfferPageLayout {
  /** Removed before reading: parts of the page that are not the offer (recommended offers). */
  exclude: Selectors;
  /** Screen-reader labels inside values ("Employeur : "). */
  skip: Selectors;
  title: Selectors;
  organisation: Selectors;
  location: Selectors;
  contract: Selectors;
  datePosted: Selectors;
  /** A publication date written in three inputs (CSP). */
  datePostedParts?: { day: Selectors; month: Selectors; year: Selectors };
  validThrough: Selectors;
  reference: Selectors;
  /** Every match counts (an offer may have several domains); deduplicated. */
  domaines: Selectors;
  facts?: FactsLayout;
  /**
   * The description: the first selector that finds anything; all of its matches, in page
   * order, become the Markdown (outermost only).
   */
  description: Selectors;
  /** Schema.org `employmentType` codes as the site would say them, when nothing else names the contract. */
  employmentTypes: Readonly<Record<string, string>>;
  /**
   * Fields for which a less stable signal is the better one on this site (CSP's JSON-LD names an
   * employer *category* where the page's hidden input names the employer). Default for every
   * field: JSON-LD, then initial data, then the DOM.
   */
  precedence?: Partial<Record<OfferField, readonly OfferSignal[]>>;
}

export interface LiveReader {
  kind: LiveKind;
  /** The site's name, for messages ("Welcome to the Jungle"). */
  site: string;
  host: string;
  /** Changes whenever what the reader takes from a page changes: stored offers are then read again. */
  version: string;
  listing: ListingLayout;
  initialData?: InitialDataLayout;
  offer: OfferPageLayout;
}

/** One offer as a listing page shows it. Untrusted page text, cleaned. */
export interface ListedOffer {
  /** The site's id of the offer (CSP reference `2026-2401234`, WTTJ job slug), safe as a file name. */
  id: string;
  /** The offer page: absolute http(s), on the listing's host, without query or fragment. */
  url: string;
  title: string;
  organisation: string | null;
  location: string | null;
  contract: string | null;
  /** `YYYY-MM-DD`, or null. */
  date: string | null;
}

export interface ListingPage {
  offers: ListedOffer[];
  /** The next page of the listing, as the page links it (absolute), or null on the last page. */
  nextPageUrl: string | null;
  /** The page says it has no offer (an empty results page), as opposed to a page we could not read. */
  declaredEmpty: boolean;
  /** Which signal the offers came from. */
  signal: 'initial-data' | 'dom';
}

/** Where an offer page's field came from, most stable first. */
export type OfferSignal = 'json-ld' | 'initial-data' | 'dom';

export interface OfferDetails {
  title: string | null;
  organisation: string | null;
  location: string | null;
  contract: string | null;
  /** `YYYY-MM-DD`. */
  datePosted: string | null;
  /** The last day to apply, `YYYY-MM-DD`. */
  validThrough: string | null;
  /** The site's reference of the offer, when the page says it. */
  reference: string | null;
  /** Markdown (converted from the page's HTML; untrusted text, escaped). */
  description: string | null;
  domaines: string[];
  /** Addresses of the description's `mailto:` links (the Markdown keeps only http(s) links). */
  emails: string[];
  /** The most stable signal that gave the offer's text (description, else title); null when the page gave nothing. */
  signal: OfferSignal | null;
  /** For each field found, the signal it came from. */
  fieldSignals: Partial<Record<OfferField, OfferSignal>>;
}

export type OfferField = 'title' | 'organisation' | 'location' | 'contract' | 'datePosted' | 'validThrough' | 'reference' | 'description' | 'domaines';
