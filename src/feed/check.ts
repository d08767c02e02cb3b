/**
 * Checks a feed URL before it is saved: its kind is recognised and its listing
 * fetched once, the way a sync would. The answer says why it is not a feed in a
 * form the options page turns into plain words (`reason`), with the technical
 * sentence beside it.
 */
import { FeedError, type FeedErrorKind } from './http';
import { sourceForUrl, type FeedSource } from './source';
import { feedKindOfUrl, parseFeedUrl, type FeedKind } from './feed-url';

/**
 * Why a URL is not accepted: a fetch failure (`FeedErrorKind`; `invalid-body` means
 * it answered with something that is not a feed), or one found before fetching.
 */
export type FeedCheckFailure = FeedErrorKind | 'invalid-url' | 'unrecognised' | 'empty' | 'unknown';

export type FeedCheckResult =
  | { ok: true; kind: FeedKind; offers: number }
  | {
      ok: false;
      reason: FeedCheckFailure;
      /** The technical sentence (English, from the feed layer). */
      error: string;
      /** HTTP status, for `http` and `rate-limited`. */
      status?: number;
      /** For `rate-limited`: when the host allows a new try (ISO 8601). */
      retryAt?: string;
    };

export const FEED_CHECK_FAILURES: readonly FeedCheckFailure[] = [
  'offline', 'http', 'rate-limited', 'timeout', 'invalid-body', 'invalid-url', 'unrecognised', 'empty', 'unknown',
];

export interface CheckFeedOptions {
  /** Builds the source of the URL (tests pass a fake). */
  sourceFor?: (url: string) => FeedSource;
  signal?: AbortSignal;
}

function failure(reason: FeedCheckFailure, error: string, extra: { status?: number; retryAt?: string } = {}): FeedCheckResult {
  return { ok: false, reason, error, ...extra };
}

/** Lists the feed once; never throws. */
export async function checkFeed(url: string, options: CheckFeedOptions = {}): Promise<FeedCheckResult> {
  if (!parseFeedUrl(url)) return failure('invalid-url', `"${url}" is not an http(s) address.`);
  if (!feedKindOfUrl(url)) return failure('unrecognised', `"${url}" is neither a GitHub folder nor a jobs.json nor a JSON feed index.`);
  try {
    const source = (options.sourceFor ?? sourceForUrl)(url);
    // No validator: a first listing always comes with its entries.
    const listing = await source.list({ signal: options.signal });
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

/** Reads the background's answer (another context: checked rather than trusted). */
export function readFeedCheckResult(raw: unknown): FeedCheckResult {
  const value = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  if (value.ok === true && (value.kind === 'github' || value.kind === 'static-index' || value.kind === 'jobs-json') && typeof value.offers === 'number') {
    return { ok: true, kind: value.kind, offers: value.offers };
  }
  if (value.ok === false && FEED_CHECK_FAILURES.includes(value.reason as FeedCheckFailure) && typeof value.error === 'string') {
    return failure(value.reason as FeedCheckFailure, value.error, {
      ...(typeof value.status === 'number' ? { status: value.status } : {}),
      ...(typeof value.retryAt === 'string' ? { retryAt: value.retryAt } : {}),
    });
  }
  return failure('unknown', 'The background gave no usable answer.');
}
