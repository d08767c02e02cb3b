// The GitHub source's real code against a local server in Node: createGitHubFeed answers on
// 127.0.0.1, and a thin fetch wrapper sends https://api.github.com/ and
// https://raw.githubusercontent.com/ there, naming the real host in a header the router adapter
// reads back (the feed routes on the host name, as it does behind Chromium's host mapping).
// Shared by the history replay test and the sync bench.

import { createGitHubFeed, type FeedFile, type GitHubFeed } from '../e2e/github-feed.ts';
import { startHttpServer, type FixtureServer, type Router } from '../e2e/servers.ts';

const HOST_HEADER = 'x-beta-radar-original-host';
const REWRITTEN_HOSTS = ['api.github.com', 'raw.githubusercontent.com'];
/** Node's own fetch, taken before anyone replaces the global one with a wrapper. */
const realFetch = globalThis.fetch;

export interface TrafficCounts {
  /** Requests answered, by kind, as the feed counted them. */
  tree: number;
  notModified: number;
  raw: number;
  /** Response body bytes sent (tree JSON and raw files; a 304 has none). */
  bytes: number;
  treeBytes: number;
  rawBytes: number;
}

export interface LocalGitHub {
  feed: GitHubFeed;
  server: FixtureServer;
  /** A fetch that reaches the local server for GitHub's two hosts and refuses every other URL. */
  fetch: typeof fetch;
  /** Requests and bytes so far. */
  traffic(): TrafficCounts;
  close(): Promise<void>;
}

/** Difference of two traffic readings (after − before). */
export function trafficDelta(after: TrafficCounts, before: TrafficCounts): TrafficCounts {
  const keys = Object.keys(after) as (keyof TrafficCounts)[];
  return Object.fromEntries(keys.map((k) => [k, after[k] - before[k]])) as unknown as TrafficCounts;
}

function bodyBytes(body: string | Uint8Array | undefined): number {
  if (body === undefined) return 0;
  return typeof body === 'string' ? Buffer.byteLength(body, 'utf8') : body.byteLength;
}

/** Starts the feed (mutable through `feed.files`) on a local HTTP server. */
export async function startLocalGitHub(files: FeedFile[]): Promise<LocalGitHub> {
  const feed = createGitHubFeed(files);
  const bytes = { tree: 0, raw: 0 };
  const adapter: Router = async (request) => {
    const header = request.headers[HOST_HEADER];
    const host = typeof header === 'string' ? header : request.host;
    const url = new URL(`${request.url.pathname}${request.url.search}`, `https://${host}`);
    const response = await feed.router({ ...request, host, url });
    const size = bodyBytes(response.body);
    if (host === 'api.github.com') bytes.tree += size;
    else bytes.raw += size;
    return response;
  };
  const server = await startHttpServer(adapter);

  const localFetch: typeof fetch = (input, init) => {
    const href = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const url = new URL(href);
    if (url.protocol !== 'https:' || !REWRITTEN_HOSTS.includes(url.hostname)) {
      return Promise.reject(new TypeError(`local GitHub: refusing to fetch ${href} (only GitHub's hosts are served locally)`));
    }
    const headers = new Headers(init?.headers ?? (input instanceof Request ? input.headers : undefined));
    headers.set(HOST_HEADER, url.hostname);
    return realFetch(`${server.origin}${url.pathname}${url.search}`, { ...init, headers });
  };

  return {
    feed,
    server,
    fetch: localFetch,
    traffic: () => ({
      ...feed.counts,
      bytes: bytes.tree + bytes.raw,
      treeBytes: bytes.tree,
      rawBytes: bytes.raw,
    }),
    close: () => server.close(),
  };
}
