/**
 * What a feed URL says about itself, without fetching and without loading the
 * sources' readers (the options page bundles this, and the jobs.json reader pulls
 * in the posting parser): its kind, and the hosts it is read from.
 */
import { parseGitHubFolderUrl } from './github';

/** The feed a fresh install follows (beta.gouv.fr's last state with postings); lives here so settings bundle no reader. */
export const DEFAULT_FEED_URL =
  'https://github.com/betagouv/beta.gouv.fr/tree/d919d8a8f4fc2ef945d3665a230d5fe2702dda7d/content/_jobs';

export type FeedKind = 'github' | 'static-index' | 'jobs-json' | 'wttj-company' | 'csp-organisation';

/** The kinds read from job sites' web pages rather than from a feed: polite by rule (an hour at least between listings). */
export const LIVE_SOURCE_KINDS: ReadonlySet<FeedKind> = new Set(['wttj-company', 'csp-organisation']);

/** The sites beta.gouv.fr's teams have published on since the feed stopped (August 2024), as suggested in the options. */
export const SUGGESTED_LIVE_SOURCES: readonly string[] = [
  'https://www.welcometothejungle.com/fr/companies/communaute-beta-gouv/jobs',
  'https://choisirleservicepublic.gouv.fr/nos-offres/filtres/organisme/10668/',
];

export const WTTJ_HOST = 'www.welcometothejungle.com';
export const CSP_HOST = 'choisirleservicepublic.gouv.fr';

/** A live source as its URL names it: its kind, its stable id and the first page of its listing. */
export interface LiveSourceUrl {
  kind: 'wttj-company' | 'csp-organisation';
  /** `wttj:<company slug>`, `csp:<filter path>` (the page number left out). */
  id: string;
  /** The listing's first page, written one way whatever the user pasted. */
  listingUrl: string;
  /** WTTJ: the company slug; CSP: the organisation id. */
  organisation: string;
}

/**
 * Recognises a Welcome to the Jungle company's jobs page (`/fr/companies/<slug>/jobs`, any
 * locale or none) and a choisirleservicepublic.gouv.fr listing filtered on an organisation
 * (`/nos-offres/filtres/…/organisme/<id>/…`, any page of it). Query and hash are ignored.
 */
export function parseLiveSourceUrl(value: string | URL): LiveSourceUrl | null {
  const url = typeof value === 'string' ? parseFeedUrl(value) : value;
  if (!url || url.protocol !== 'https:') return null;
  const host = url.hostname.toLowerCase();
  if (host === WTTJ_HOST || host === 'welcometothejungle.com') {
    const match = /^\/(?:[a-z]{2}(?:-[a-z]{2})?\/)?companies\/([a-z0-9][a-z0-9-]*)\/jobs\/?$/i.exec(url.pathname);
    if (!match) return null;
    const slug = match[1]!.toLowerCase();
    return { kind: 'wttj-company', id: `wttj:${slug}`, listingUrl: `https://${WTTJ_HOST}/fr/companies/${slug}/jobs`, organisation: slug };
  }
  if (host === CSP_HOST || host === `www.${CSP_HOST}`) {
    const segments = url.pathname.split('/').filter(Boolean);
    if (segments[0] !== 'nos-offres' || segments[1] !== 'filtres') return null;
    // Filters come as name/value pairs; `page/<n>` is the pagination, not the filter.
    const pairs: string[] = [];
    let organisation: string | null = null;
    for (let i = 2; i < segments.length; i += 2) {
      const name = segments[i]!.toLowerCase();
      const filter = segments[i + 1];
      if (filter === undefined) return null;
      if (name === 'page') continue;
      if (name === 'organisme') {
        if (!/^\d+$/.test(filter)) return null;
        organisation = filter;
      }
      pairs.push(`${name}/${filter}`);
    }
    if (organisation === null) return null;
    const path = pairs.join('/');
    return { kind: 'csp-organisation', id: `csp:${path}`, listingUrl: `https://${CSP_HOST}/nos-offres/filtres/${path}/`, organisation };
  }
  return null;
}

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

/** The host a feed is read from, as the user sees it in a sentence; the URL itself when it is no feed address. */
export function feedHost(value: string): string {
  return parseFeedUrl(value)?.hostname ?? value;
}

/**
 * The kind `sourceForUrl` gives this URL, or null when it is no feed it knows
 * (the same rules, in the same order; a test keeps the two in step).
 */
export function feedKindOfUrl(value: string): FeedKind | null {
  const url = parseFeedUrl(value);
  if (!url) return null;
  if (parseGitHubFolderUrl(url)) return 'github';
  const live = parseLiveSourceUrl(url);
  if (live) return live.kind;
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
  // A live source is read from one host whatever spelling was pasted (`welcometothejungle.com` → `www.`).
  const live = parseLiveSourceUrl(url);
  if (live) return [`https://${new URL(live.listingUrl).hostname}/*`];
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
