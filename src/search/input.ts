import type { Posting } from '../postings/types';
import type { Startup } from '../postings/startups';
import type { SearchInput } from './types';

/** The fields the search reads from a stored posting (a `StoredPosting` has them all). */
export type SearchablePosting = Posting & { key: string; sourceId: string; startupId: string | null };

/** A posting and its resolved startup (or none) as the search's input. */
export function searchInputFrom(posting: SearchablePosting, startup: Startup | null | undefined): SearchInput {
  return {
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
    openFlag: posting.openFlag,
    depublicationDate: posting.depublicationDate,
    applicationDeadline: posting.applicationDeadline,
    body: posting.body,
  };
}

/** Stored postings and the startups registry as search inputs (the startup found by its resolved id). */
export function searchInputsFrom(postings: readonly SearchablePosting[], startups: readonly Startup[]): SearchInput[] {
  const byId = new Map(startups.map((s) => [s.id, s]));
  return postings.map((p) => searchInputFrom(p, p.startupId ? byId.get(p.startupId) : null));
}
