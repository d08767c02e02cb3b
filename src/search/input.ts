import { originalUrlOf } from '../feed/links';
import { groupSameOffers, mergeSameOffer, type MergeablePosting } from '../postings/same-offer';
import type { Startup } from '../postings/startups';
import type { SearchDoc, SearchInput, SearchLink } from './types';

/**
 * The fields the search reads from a stored posting (a `StoredPosting` has them all;
 * `firstSeenAt` and `removedAt` decide a group's primary and its open member).
 */
export type SearchablePosting = MergeablePosting & { startupId: string | null };

/** A posting and its resolved startup (or none) as the search's input. */
export function searchInputFrom(posting: SearchablePosting, startup: Startup | null | undefined): SearchInput {
  const input: SearchInput = {
    key: posting.key,
    id: posting.id,
    fileName: posting.fileName,
    sourceId: posting.sourceId,
    title: posting.title,
    startupRef: posting.startupRef,
    startupId: posting.startupId,
    startupName: startup?.name ?? null,
    startupPitch: startup?.pitch || null,
    domaines: posting.domaines,
    techno: posting.techno,
    contract: posting.contract,
    junior: posting.junior,
    date: posting.date,
    // A posting its feed no longer lists is closed, whatever its own flag says (a live offer's flag is always true).
    openFlag: posting.openFlag && !posting.removedAt,
    depublicationDate: posting.depublicationDate,
    applicationDeadline: posting.applicationDeadline,
    body: posting.body,
  };
  // A live source's page is not derivable from the doc: it is kept (see `SearchInput.links`).
  if (posting.pageUrl) input.links = [{ sourceId: posting.sourceId, url: posting.pageUrl }];
  return input;
}

/** Every member's original, primary first, each address once. */
export function linksOfMembers(members: readonly Pick<SearchablePosting, 'sourceId' | 'fileName' | 'pageUrl'>[]): SearchLink[] {
  const links: SearchLink[] = [];
  const seen = new Set<string>();
  for (const member of members) {
    const url = originalUrlOf(member);
    if (url === null || seen.has(url)) continue;
    seen.add(url);
    links.push({ sourceId: member.sourceId, url });
  }
  return links;
}

/** Where to read an offer, primary first: its stored links, or else its own original from its feed's id. */
export function offerLinks(doc: Pick<SearchDoc, 'sourceId' | 'fileName' | 'links'>): SearchLink[] {
  if (doc.links) return doc.links;
  const url = originalUrlOf(doc);
  return url === null ? [] : [{ sourceId: doc.sourceId, url }];
}

/** The keys of every posting an offer stands for: its own (the primary's) first. */
export function offerKeys(doc: Pick<SearchDoc, 'key' | 'sameAs'>): string[] {
  return doc.sameAs ? [doc.key, ...doc.sameAs] : [doc.key];
}

/**
 * Stored postings and the startups registry as search inputs (the startup found by its
 * resolved id), one per offer: postings of several sources that are the same offer
 * (`groupSameOffers`) become one input keyed by the group's primary, with every member's
 * link, the other members' keys, the richest description and the open member's openness
 * (`mergeSameOffer`).
 */
export function searchInputsFrom(postings: readonly SearchablePosting[], startups: readonly Startup[]): SearchInput[] {
  const byId = new Map(startups.map((s) => [s.id, s]));
  const startupNames = new Map(startups.map((s) => [s.id, s.name]));
  const startupOf = (p: SearchablePosting) => (p.startupId ? byId.get(p.startupId) : null);
  return groupSameOffers(postings, { startupNames }).map(({ primary, members }) => {
    if (members.length === 1) return searchInputFrom(primary, startupOf(primary));
    const merged = mergeSameOffer(members);
    return {
      ...searchInputFrom(merged, startupOf(merged)),
      links: linksOfMembers(members),
      sameAs: members.slice(1).map((m) => m.key),
    };
  });
}
