/**
 * Feed sources behind one interface: each lists the posting files it has (with a
 * version per file) and fetches one file. The kind is recognised from the URL.
 */
import type { ParseResult } from '../postings/types';
import { parseLiveSourceUrl, type FeedKind } from './feed-url';
import { FeedError } from './http';
import { createGitHubSource, parseGitHubFolderUrl } from './github';
import { createStaticIndexSource } from './static-index';
import { createJobsJsonSource, isJobsJsonUrl } from './jobs-json';
import { createLiveSource } from './live/source';

export interface FeedEntry {
  /** The file name, which is the posting id plus (usually) `.md`. */
  fileName: string;
  /** A version that changes whenever the file does (blob SHA, content hash). */
  version: string;
  /** Where to fetch the file's text. */
  url: string;
  /**
   * For sources whose listing already carries each posting (jobs.json): the parse
   * result, so nothing more is fetched.
   */
  inline?: ParseResult;
}

export interface ListOptions {
  /** The validator of the last listing this source returned: a conditional request may answer "not modified". */
  etag?: string | null;
  /**
   * What this source kept of its last listing (`ListResult.sourceState`, stored with the
   * feed's sync state): a paged listing keeps each page's validators and entries there, so a
   * page that answers "not modified" still yields its entries. Untrusted (read from storage).
   */
  sourceState?: unknown;
  /** Read the first page only (the options page's check of a new feed): a check costs one request. */
  firstPageOnly?: boolean;
  signal?: AbortSignal;
}

export type ListResult =
  | { notModified: true }
  | {
      notModified: false;
      entries: FeedEntry[];
      etag: string | null;
      sourceState?: unknown;
      /** Only part of the listing was read (a paged listing longer than a source reads): what is not listed is not closed. */
      partial?: boolean;
    };

export interface FeedSource {
  kind: FeedKind;
  /** Stable id for this feed, used as the key of its postings and sync state. */
  id: string;
  url: string;
  list(options?: ListOptions): Promise<ListResult>;
  fetchFile(entry: FeedEntry, signal?: AbortSignal): Promise<string>;
  /**
   * Reads one listed posting that is new or changed, for sources whose postings are not
   * Markdown files (live sources read the offer's page). Absent: the file is fetched with
   * `fetchFile` and parsed as a posting file. Never throws for one bad offer: it answers a
   * failed ParseResult (or the listing's own fields) so one page does not stop a run.
   */
  readPosting?(entry: FeedEntry, signal?: AbortSignal): Promise<ParseResult>;
  /**
   * The shortest time between two listings of this source, in minutes (live sources ask
   * for an hour: they are other people's web sites, not feeds). Absent: the sync interval.
   */
  minIntervalMinutes?: number;
}

export { DEFAULT_FEED_URL } from './feed-url';

export interface SourceOptions {
  /** For live sources: the startup d'État a text names, as a registry id (their offers have no startup field). */
  recogniseStartup?: (text: string) => string | null;
}

/** Returns the source a URL designates, or a FeedError saying why it is not a feed we know. */
export function sourceForUrl(url: string, options: SourceOptions = {}): FeedSource {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new FeedError('invalid-body', `"${url}" is not a URL.`, url);
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw new FeedError('invalid-body', `"${url}" is not an http(s) URL.`, url);
  }
  const github = parseGitHubFolderUrl(parsed);
  if (github) return createGitHubSource(url, github);
  const live = parseLiveSourceUrl(parsed);
  if (live) return createLiveSource(live, options.recogniseStartup ? { recogniseStartup: options.recogniseStartup } : {});
  if (isJobsJsonUrl(parsed)) return createJobsJsonSource(url);
  if (parsed.pathname.endsWith('.json')) return createStaticIndexSource(url);
  throw new FeedError(
    'invalid-body',
    `"${url}" is neither a GitHub folder (github.com/<owner>/<repo>/tree/<ref>/<folder>), a Welcome to the Jungle company's jobs page, a choisirleservicepublic.gouv.fr organisation listing, a jobs.json nor a JSON feed index.`,
    url,
  );
}
