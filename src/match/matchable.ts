import { originalUrlOf } from '../feed/links';
import { isOpenAt } from '../postings/status';
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
      url: originalUrlOf(doc),
    }));
}
