/**
 * Job-site adapters as data: where a page's job cards are and where each card
 * keeps its title, organisation, location and id. Selectors come with
 * alternatives, stable attributes first (ids, data-*), class names last: every
 * selector here will break one day, and the self-check notices when it does.
 */

/** What Beta Radar reads from one job card (or one job view). Untrusted page text. */
export interface CardFields {
  title: string;
  organisation: string | null;
  location: string | null;
  /** The site's own id of the offer (LinkedIn job id, Indeed `jk`, France Travail offer id…), when found. */
  jobId: string | null;
  /** The offer's link on the site, absolute, when found. */
  url: string | null;
  /** Absolute http(s) links inside the card (to spot a link to a beta.gouv.fr posting). */
  links: string[];
}

/** One way of reading a kind of page (a list, a job view) of a site. */
export interface LayoutAdapter {
  /** For diagnostics and tests: `classic-list`, `guest-job`… */
  name: string;
  /** The page kinds (URL path) this layout applies to; absent = any page of the site. */
  path?: RegExp;
  /**
   * `list` (default): cards of a result list, each with its own link and id. `view`: the one
   * job a page or pane shows in full; its id may come from the page URL (`/viewjob?jk=`,
   * `currentJobId`), and the page URL is its link when that URL names the offer.
   */
  kind?: 'list' | 'view';
  /** Selectors for a card's root element, tried in order; the first that matches anything wins. */
  card: string[];
  /**
   * Inside a card: selectors tried in order; the first non-empty text wins. A selector may end
   * in `@attribute` to read that attribute instead of the text (`a[aria-label]@aria-label`):
   * labels and alt texts often outlive the markup around the visible text.
   */
  title: string[];
  organisation: string[];
  location: string[];
  /**
   * Elements inside a field whose text is not part of it: screen-reader-only labels that
   * sit next to the value (CSP's `<span class="sr-only">Employeur : </span>DINUM`).
   */
  skip?: string[];
  /** Where the site's offer id is: attributes of the card (or of an element inside it), or a pattern on its link. */
  id?: {
    attributes?: string[];
    /** Applied to an attribute's value (first group = the id), for values like `urn:li:jobPosting:<id>`; absent = the whole value. */
    pattern?: RegExp;
    href?: RegExp;
    urlParam?: string;
  };
  /** The card's link to the offer, when it has one. */
  link?: string[];
  /**
   * Reads a card's fields in code instead of through the selectors above, for what
   * selectors cannot express (the JobPosting detector's JSON-LD). Only the generic
   * detector needs it: site adapters stay data.
   */
  read?(card: Element, pageUrl: string): CardFields | null;
}

export interface SiteAdapter {
  id: string;
  name: string;
  /** Manifest match patterns: the registry of adapters yields the content script's `matches`. */
  matches: string[];
  /** Example URLs of the site's pages; a test checks each is claimed by this adapter and no other. */
  examples: string[];
  layouts: LayoutAdapter[];
}
