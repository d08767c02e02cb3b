/**
 * The user's marks on an offer that stands for several postings (one per source that
 * publishes it). Marks are kept per posting key; an offer reads them across its keys,
 * so a favourite or a "seen" given to any copy (before the copies were grouped, or from
 * a notification about one of them) counts for the offer. Pure.
 */
import type { UserPostingState } from '../../store/db';

export interface OfferMarks {
  /** Any of its postings is a favourite. */
  favourite: boolean;
  /** Opened or dismissed, and no copy announced as new since (a new copy makes it unseen again). */
  seen: boolean;
}

export function offerMarks(keys: readonly string[], states: ReadonlyMap<string, UserPostingState>): OfferMarks {
  let favourite = false;
  let seenOnce = false;
  let newUnseen = false;
  for (const key of keys) {
    const state = states.get(key);
    if (!state) continue;
    favourite ||= state.favourite;
    seenOnce ||= state.seenAt !== null;
    newUnseen ||= state.newSince !== null && state.seenAt === null;
  }
  return { favourite, seen: seenOnce && !newUnseen };
}

/**
 * What toggling the favourite writes: starring marks the offer's own key (its primary's,
 * first); unstarring clears every key that holds the star, so the offer is not still
 * starred through a copy.
 */
export function favouriteChanges(
  keys: readonly string[],
  states: ReadonlyMap<string, UserPostingState>,
): Array<{ key: string; favourite: boolean }> {
  const starred = keys.filter((key) => states.get(key)?.favourite === true);
  if (starred.length > 0) return starred.map((key) => ({ key, favourite: false }));
  return keys.length === 0 ? [] : [{ key: keys[0]!, favourite: true }];
}
