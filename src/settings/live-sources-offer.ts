/**
 * The popup's first-run offer of the live sources (Welcome to the Jungle, Choisir le service
 * public): shown until the user answers it, and never once a live source is configured.
 * Pure: the popup reads and writes the record through `storage.local`.
 */
import { feedKindOfUrl, LIVE_SOURCE_KINDS } from '../feed/feed-url';

export const LIVE_SOURCES_OFFER_KEY = 'liveSourcesOffer';

/** What is stored once the offer is answered. */
export interface LiveSourcesOfferRecord {
  answeredAt: string;
}

/** Whether the popup offers the live sources, from the configured feeds and the stored record (untrusted). */
export function shouldOfferLiveSources(feeds: readonly string[], stored: unknown): boolean {
  const answered = typeof stored === 'object' && stored !== null && typeof (stored as { answeredAt?: unknown }).answeredAt === 'string';
  if (answered) return false;
  return !feeds.some((url) => {
    const kind = feedKindOfUrl(url);
    return kind !== null && LIVE_SOURCE_KINDS.has(kind);
  });
}
