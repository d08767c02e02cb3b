/**
 * Checks a feed URL before it is saved: its kind is recognised and its listing
 * fetched once, the way a sync would. The answer says why it is not a feed in a
 * form the options page turns into plain words (`reason`), with the technical
 * sentence beside it.
 */
import { FeedError } from './http';
import { sourceForUrl, type FeedSource } from './source';
import { feedKindOfUrl, parseFeedUrl } from './feed-url';
import { failure, type FeedCheckResult } from './check-result';

export type { FeedCheckFailure, FeedCheckResult } from './check-result';

export interface CheckFeedOptions {
  /** Builds the source of the URL (tests pass a fake). */
  sourceFor?: (url: string) => FeedSource;
  signal?: AbortSignal;
}

/** Lists the feed once; never throws. */
export async function checkFeed(url: string, options: CheckFeedOptions = {}): Promise<FeedCheckResult> {
  if (!parseFeedUrl(url)) return failure('invalid-url', `"${url}" is not an http(s) address.`);
  if (!feedKindOfUrl(url)) return failure('unrecognised', `"${url}" is neither a GitHub folder nor a jobs.json nor a JSON feed index.`);
  try {
    const source = (options.sourceFor ?? sourceForUrl)(url);
    // No validator: a first listing always comes with its entries.
    const listing = await source.list({ signal: options.signal, firstPageOnly: true });
    if (listing.notModified) return failure('unknown', `${url} answered "not modified" to a request that asked for the listing.`);
    // A jobs.json item that does not read as a posting is no offer; the other kinds list files.
    const offers = listing.entries.filter((entry) => entry.inline === undefined || entry.inline.ok).length;
    if (offers === 0) return failure('empty', `${url} lists no offer.`);
    return { ok: true, kind: source.kind, offers };
  } catch (error) {
    if (error instanceof FeedError) {
      return failure(error.kind, error.message, {
        ...(error.status !== undefined ? { status: error.status } : {}),
        ...(error.retryAt !== undefined ? { retryAt: error.retryAt } : {}),
      });
    }
    return failure('unknown', `Checking ${url} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}
