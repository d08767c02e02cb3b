/** What the content script asks the background about the cards it sees, and the answers. */
import type { CardFields } from '../sites/types';

/** One card of a batch: an id local to the page (to route the answer back) and what was read. */
export interface CardQuery {
  ref: string;
  fields: CardFields;
}

/** An offer a card matched, as the badge's hover card shows it. */
export interface MatchedPosting {
  key: string;
  id: string;
  title: string;
  startup: string | null;
  /** Publication day, `YYYY-MM-DD`. */
  date: string | null;
  /** Where to read it (the original), when known. */
  url: string | null;
}

/**
 * `same`: the card is a beta.gouv.fr offer (its organisation is beta.gouv.fr, DINUM,
 * an incubator or a known startup d'État, or it links to a posting) and its role
 * matches an open posting of that organisation. `similar`: the role resembles open
 * beta.gouv.fr offers, whoever posts it.
 */
export interface CardMatch {
  ref: string;
  kind: 'same' | 'similar';
  postings: MatchedPosting[];
}
