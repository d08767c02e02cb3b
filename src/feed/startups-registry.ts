/**
 * The startups registry beta.gouv.fr still serves (`startups.json`, JSON:API
 * shape): one conditional request, validated by `readStartupsRegistry`, and the
 * rule that says when a cached copy is due for a refresh.
 */
import { readStartupsRegistry, type Startup } from '../postings/startups';
import { conditionalHeaders, FeedError, fetchJson } from './http';

export const STARTUPS_URL = 'https://beta.gouv.fr/api/v2.6/startups.json';

/** A cached registry is refreshed once a day: startups change far less often than postings. */
export const REGISTRY_MAX_AGE_MS = 24 * 60 * 60 * 1000;

export interface FetchStartupsOptions {
  /** The validator of the copy in hand: the answer may then be "not modified". */
  etag?: string | null;
  signal?: AbortSignal;
  url?: string;
  /** The clock, for `fetchedAt` (tests). */
  now?: () => Date;
}

export type FetchStartupsResult =
  | { notModified: true }
  | { notModified: false; startups: Startup[]; etag: string | null; fetchedAt: string };

export async function fetchStartupsRegistry({ etag, signal, url = STARTUPS_URL, now = () => new Date() }: FetchStartupsOptions = {}): Promise<FetchStartupsResult> {
  const response = await fetchJson(url, { signal, headers: conditionalHeaders(etag, { Accept: 'application/json' }) });
  if (response.status === 304) return { notModified: true };
  const { json } = response;
  if (typeof json !== 'object' || json === null || !Array.isArray((json as { data?: unknown }).data)) {
    throw new FeedError('invalid-body', `${url} is not a startups registry (expected a JSON:API document { "data": [...] }).`, url, response.status);
  }
  const startups = readStartupsRegistry(json);
  // An empty registry would wipe a good cached copy: refuse it instead.
  if (startups.length === 0) {
    throw new FeedError('invalid-body', `${url} lists no startup with an "id" and an "attributes.name".`, url, response.status);
  }
  return { notModified: false, startups, etag: response.headers.get('etag'), fetchedAt: now().toISOString() };
}

/**
 * Whether a registry fetched at `fetchedAt` (ISO 8601) should be fetched again at
 * `now`: never fetched, unreadable, at least `maxAgeMs` old, or dated in the future
 * (the clock moved back; better fetch once than trust it for days).
 */
export function isRegistryStale(fetchedAt: string | null, now: Date, maxAgeMs: number = REGISTRY_MAX_AGE_MS): boolean {
  if (fetchedAt === null) return true;
  const fetched = Date.parse(fetchedAt);
  const current = now.getTime();
  if (Number.isNaN(fetched) || Number.isNaN(current)) return true;
  const age = current - fetched;
  return age < 0 || age >= maxAgeMs;
}
