/**
 * Feed sources behind one interface: each lists the posting files it has (with a
 * version per file) and fetches one file. The kind is recognised from the URL.
 */
import { FeedError } from './http';
import { createGitHubSource, parseGitHubFolderUrl } from './github';
import { createStaticIndexSource } from './static-index';

export interface FeedEntry {
  /** The file name, which is the posting id plus (usually) `.md`. */
  fileName: string;
  /** A version that changes whenever the file does (blob SHA, content hash). */
  version: string;
  /** Where to fetch the file's text. */
  url: string;
}

export interface FeedSource {
  kind: 'github' | 'static-index';
  /** Stable id for this feed, used as the key of its postings and sync state. */
  id: string;
  url: string;
  list(signal?: AbortSignal): Promise<FeedEntry[]>;
  fetchFile(entry: FeedEntry, signal?: AbortSignal): Promise<string>;
}

export const DEFAULT_FEED_URL =
  'https://github.com/betagouv/beta.gouv.fr/tree/d919d8a8f4fc2ef945d3665a230d5fe2702dda7d/content/_jobs';

/** Returns the source a URL designates, or a FeedError saying why it is not a feed we know. */
export function sourceForUrl(url: string): FeedSource {
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
  if (parsed.pathname.endsWith('.json')) return createStaticIndexSource(url);
  throw new FeedError(
    'invalid-body',
    `"${url}" is neither a GitHub folder (github.com/<owner>/<repo>/tree/<ref>/<folder>) nor a JSON feed index.`,
    url,
  );
}
