/**
 * The sync's test "is an open posting of another feed already this offer?", built from what
 * is stored now: a copy of an offer appearing on a second site is stored but not announced
 * again. The startups' display names are set aside from role lines as the search index does,
 * so both agree on which postings are one offer.
 */
import { createSameOfferLookup } from '../postings/same-offer';
import { readAllPostings, readCachedStartups, type Database, type StoredPosting } from '../store/db';

export async function openElsewhereLookup(db: Database, now: Date): Promise<(posting: StoredPosting) => boolean> {
  const [postings, cached] = await Promise.all([readAllPostings(db), readCachedStartups(db)]);
  const startupNames = new Map((cached?.startups ?? []).map((startup) => [startup.id, startup.name] as const));
  return createSameOfferLookup(postings, now, { startupNames });
}
