/**
 * The answer of a feed check (see check.ts), apart from the check itself so the
 * options page reads it without bundling the feed readers (the jobs.json reader
 * pulls in the posting parser).
 */
import type { FeedErrorKind } from './http';
import type { FeedKind } from './feed-url';

/**
 * Why a URL is not accepted: a fetch failure (`FeedErrorKind`; `invalid-body` means
 * it answered with something that is not a feed), or one found before fetching.
 */
export type FeedCheckFailure = FeedErrorKind | 'invalid-url' | 'unrecognised' | 'empty' | 'unknown' | 'no-access';

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
  'offline', 'http', 'rate-limited', 'timeout', 'invalid-body', 'reader-outdated', 'invalid-url', 'unrecognised', 'empty', 'unknown', 'no-access',
];

const FEED_KINDS: readonly FeedKind[] = ['github', 'static-index', 'jobs-json', 'wttj-company', 'csp-organisation'];

/** Builds a failed answer. */
export function failure(reason: FeedCheckFailure, error: string, extra: { status?: number; retryAt?: string } = {}): FeedCheckResult {
  return { ok: false, reason, error, ...extra };
}

/** Reads the background's answer (another context: checked rather than trusted). */
export function readFeedCheckResult(raw: unknown): FeedCheckResult {
  const value = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  if (value.ok === true && FEED_KINDS.includes(value.kind as FeedKind) && typeof value.offers === 'number') {
    return { ok: true, kind: value.kind as FeedKind, offers: value.offers };
  }
  if (value.ok === false && FEED_CHECK_FAILURES.includes(value.reason as FeedCheckFailure) && typeof value.error === 'string') {
    return failure(value.reason as FeedCheckFailure, value.error, {
      ...(typeof value.status === 'number' ? { status: value.status } : {}),
      ...(typeof value.retryAt === 'string' ? { retryAt: value.retryAt } : {}),
    });
  }
  return failure('unknown', 'The background gave no usable answer.');
}
