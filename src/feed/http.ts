/**
 * The only place that calls `fetch`. Every failure becomes a typed FeedError with
 * a sentence a user can read, so callers never see a raw exception.
 */

/**
 * `reader-outdated`: a live source's page answered but no longer reads as its listing (the
 * site changed its markup): the offers already stored are kept, and the user is told that
 * this source's reader may be out of date.
 */
export type FeedErrorKind = 'offline' | 'http' | 'rate-limited' | 'timeout' | 'invalid-body' | 'reader-outdated';

export class FeedError extends Error {
  constructor(
    readonly kind: FeedErrorKind,
    message: string,
    readonly url: string,
    readonly status?: number,
    /** For `rate-limited`: when the host says we may try again (ISO 8601). */
    readonly retryAt?: string,
  ) {
    super(message);
    this.name = 'FeedError';
  }
}

export interface FetchTextOptions {
  signal?: AbortSignal;
  /** MV3 stops a worker whose fetch waits over 30 s: stay well under it. */
  timeoutMs?: number;
  headers?: Record<string, string>;
  /**
   * false: a redirect is refused, not followed (live sources: a listing or an offer page that
   * sends elsewhere would take the request to a site the user did not enable).
   */
  followRedirects?: boolean;
}

export interface TextResponse {
  status: number;
  text: string;
  headers: Headers;
}

/**
 * Adds `If-None-Match` when a validator is known, and `If-Modified-Since` when the last
 * answer carried a `Last-Modified` (sites that send no ETag often send that): the answer
 * may then be a 304 with no body.
 */
export function conditionalHeaders(
  etag: string | null | undefined,
  headers: Record<string, string> = {},
  lastModified?: string | null,
): Record<string, string> {
  const withEtag = etag ? { ...headers, 'If-None-Match': etag } : headers;
  return lastModified ? { ...withEtag, 'If-Modified-Since': lastModified } : withEtag;
}

export async function fetchText(url: string, options: FetchTextOptions = {}): Promise<TextResponse> {
  const timeout = AbortSignal.timeout(options.timeoutMs ?? 20_000);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  let response: Response;
  // `no-store`: the conditional requests are ours (If-None-Match); the HTTP cache would turn a 304 back into a 200.
  try {
    response = await fetch(url, {
      signal,
      headers: options.headers,
      credentials: 'omit',
      cache: 'no-store',
      ...(options.followRedirects === false ? { redirect: 'manual' as const } : {}),
    });
  } catch (cause) {
    if (timeout.aborted) throw new FeedError('timeout', `${url} did not answer in time.`, url);
    if (options.signal?.aborted) throw cause;
    throw new FeedError('offline', `${url} could not be reached (offline, or the host is down).`, url);
  }
  if (response.type === 'opaqueredirect' || (options.followRedirects === false && response.status >= 300 && response.status < 400 && response.status !== 304)) {
    throw new FeedError('http', `${url} redirects elsewhere; this source is read from its own pages only, without following redirects.`, url, response.status || undefined);
  }
  if (response.status === 304) return { status: 304, text: '', headers: response.headers };
  if (!response.ok) {
    const remaining = response.headers.get('x-ratelimit-remaining');
    const reset = Number(response.headers.get('x-ratelimit-reset'));
    if ((response.status === 403 || response.status === 429) && remaining === '0' && Number.isFinite(reset)) {
      const retryAt = new Date(reset * 1000).toISOString();
      throw new FeedError('rate-limited', `${url} refused: rate limit reached until ${retryAt}.`, url, response.status, retryAt);
    }
    throw new FeedError('http', `${url} answered HTTP ${response.status}.`, url, response.status);
  }
  let text: string;
  try {
    text = await response.text();
  } catch {
    if (timeout.aborted) throw new FeedError('timeout', `${url} stopped sending before the end.`, url);
    throw new FeedError('invalid-body', `${url} sent a truncated body.`, url);
  }
  return { status: response.status, text, headers: response.headers };
}

export async function fetchJson(url: string, options: FetchTextOptions = {}): Promise<{ status: number; json: unknown; headers: Headers }> {
  const { status, text, headers } = await fetchText(url, options);
  if (status === 304) return { status, json: undefined, headers };
  try {
    return { status, json: JSON.parse(text) as unknown, headers };
  } catch {
    throw new FeedError('invalid-body', `${url} did not send valid JSON.`, url, status);
  }
}
