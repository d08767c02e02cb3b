import { isOpenAt } from '../postings/status';
import { offerLinks } from '../search/input';
import type { SearchDoc } from '../search/types';
import type { MatchablePosting } from './matcher';

/** The open postings of the stored search list, as the matcher takes them. */
export function matchablePostings(docs: readonly SearchDoc[], now: Date): MatchablePosting[] {
  return docs
    .filter((doc) => isOpenAt(doc, now))
    .map((doc) => ({
      key: doc.key,
      id: doc.id,
      title: doc.title,
      startupId: doc.startupId,
      startupRef: doc.startupRef,
      startupName: doc.startupName,
      date: doc.date,
      // An offer on several sources: its first link (the primary's original).
      url: offerLinks(doc)[0]?.url ?? null,
    }));
}
