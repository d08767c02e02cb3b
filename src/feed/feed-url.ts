/**
 * What a feed URL says about itself, without fetching and without loading the
 * sources' readers (the options page bundles this, and the jobs.json reader pulls
 * in the posting parser): its kind, and the hosts it is read from.
 */
import { parseGitHubFolderUrl } from './github';

/** The feed a fresh install follows (beta.gouv.fr's last state with postings); lives here so settings bundle no reader. */
export const DEFAULT_FEED_URL =
  'https://github.com/betagouv/beta.gouv.fr/tree/d919d8a8f4fc2ef945d3665a230d5fe2702dda7d/content/_jobs';

export type FeedKind = 'github' | 'static-index' | 'jobs-json';

/** A GitHub folder is listed through the API and its files read from raw.githubusercontent.com. */
export const GITHUB_HOST_PATTERNS: readonly string[] = ['https://api.github.com/*', 'https://raw.githubusercontent.com/*'];

/** The URL as a feed may be written: http(s), no credentials (settings drop the others). */
export function parseFeedUrl(value: string): URL | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  if (url.username || url.password) return null;
  return url;
}

/**
 * The kind `sourceForUrl` gives this URL, or null when it is no feed it knows
 * (the same rules, in the same order; a test keeps the two in step).
 */
export function feedKindOfUrl(value: string): FeedKind | null {
  const url = parseFeedUrl(value);
  if (!url) return null;
  if (parseGitHubFolderUrl(url)) return 'github';
  if (/(^|\/)jobs\.json$/i.test(url.pathname)) return 'jobs-json';
  if (url.pathname.endsWith('.json')) return 'static-index';
  return null;
}

/**
 * The host permissions a feed is read with: GitHub's two hosts for a folder, else
 * the feed's own host (a static index's files sit beside it, a jobs.json is one
 * request). Match patterns take no port.
 */
export function feedHostPatterns(value: string): string[] {
  const url = parseFeedUrl(value);
  if (!url) return [];
  if (parseGitHubFolderUrl(url)) return [...GITHUB_HOST_PATTERNS];
  return [`${url.protocol}//${url.hostname}/*`];
}

/**
 * The optional host permissions that may be given back once `removed` leaves the
 * list: those no remaining feed reads from, that the manifest does not require,
 * and that no other feature holds (the JobPosting detector's sites, as patterns).
 */
export function hostPatternsToRelease(
  removed: string,
  remainingFeeds: readonly string[],
  keep: { required: readonly string[]; otherUses: readonly string[] },
): string[] {
  const stillUsed = new Set([...remainingFeeds.flatMap(feedHostPatterns), ...keep.required, ...keep.otherUses]);
  return feedHostPatterns(removed).filter((pattern) => !stillUsed.has(pattern));
}
