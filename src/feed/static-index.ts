/**
 * A static feed: `index.json` beside the Markdown files, for mirrors on any
 * static host. Format (version 1):
 *
 *   { "format": "beta-radar-feed", "version": 1,
 *     "postings": [{ "path": "2024-01-02-dev.md", "sha256": "<hex>", "date": "2024-01-02" }] }
 *
 * `path` is relative to the index URL; `sha256` is the file's content hash.
 */
import { conditionalHeaders, FeedError, fetchJson, fetchText } from './http';
import type { FeedEntry, FeedSource } from './source';

export const STATIC_INDEX_FORMAT = 'beta-radar-feed';

export interface StaticIndex {
  format: typeof STATIC_INDEX_FORMAT;
  version: 1;
  postings: { path: string; sha256: string; date?: string | null }[];
}

export function readStaticIndex(json: unknown, url: string): FeedEntry[] {
  const index = json as Partial<StaticIndex> | null;
  if (!index || index.format !== STATIC_INDEX_FORMAT || index.version !== 1 || !Array.isArray(index.postings)) {
    throw new FeedError('invalid-body', `${url} is not a Beta Radar feed index (format "${STATIC_INDEX_FORMAT}", version 1).`, url);
  }
  const entries: FeedEntry[] = [];
  for (const item of index.postings as unknown[]) {
    const { path, sha256 } = (item ?? {}) as { path?: unknown; sha256?: unknown };
    if (typeof path !== 'string' || typeof sha256 !== 'string' || path.includes('..')) continue;
    const fileUrl = new URL(path.split('/').map(encodeURIComponent).join('/'), url);
    entries.push({ fileName: path.split('/').pop() ?? path, version: sha256, url: fileUrl.href });
  }
  return entries;
}

export function createStaticIndexSource(url: string): FeedSource {
  return {
    kind: 'static-index',
    id: `static:${url}`,
    url,
    async list({ etag, signal } = {}) {
      const response = await fetchJson(url, { signal, headers: conditionalHeaders(etag) });
      if (response.status === 304) return { notModified: true };
      return { notModified: false, entries: readStaticIndex(response.json, url), etag: response.headers.get('etag') };
    },
    async fetchFile(entry, signal) {
      return (await fetchText(entry.url, { signal })).text;
    },
  };
}
