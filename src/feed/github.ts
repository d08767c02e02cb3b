/**
 * A GitHub folder as a feed: one API call lists the whole tree (with a blob SHA
 * per file), and raw.githubusercontent.com serves each file without counting
 * against the API's 60 calls an hour.
 */
import { conditionalHeaders, FeedError, fetchJson, fetchText } from './http';
import type { FeedEntry, FeedSource } from './source';

export interface GitHubFolder {
  owner: string;
  repo: string;
  ref: string;
  folder: string;
}

export function parseGitHubFolderUrl(url: URL): GitHubFolder | null {
  if (url.hostname !== 'github.com') return null;
  const parts = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
  const [owner, repo, tree, ref, ...folder] = parts;
  if (!owner || !repo || tree !== 'tree' || !ref) return null;
  return { owner, repo, ref, folder: folder.join('/') };
}

interface TreeItem {
  path: string;
  type: string;
  sha: string;
}

function readTree(json: unknown, url: string): TreeItem[] {
  const tree = (json as { tree?: unknown } | null)?.tree;
  if (!Array.isArray(tree)) throw new FeedError('invalid-body', `${url} did not send a git tree.`, url);
  if ((json as { truncated?: unknown }).truncated === true) {
    throw new FeedError('invalid-body', `${url} sent a truncated tree (too many files for one listing).`, url);
  }
  return tree.filter(
    (item): item is TreeItem =>
      typeof item === 'object' &&
      item !== null &&
      typeof (item as TreeItem).path === 'string' &&
      typeof (item as TreeItem).type === 'string' &&
      typeof (item as TreeItem).sha === 'string',
  );
}

function encodePath(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

export function createGitHubSource(url: string, folder: GitHubFolder): FeedSource {
  const { owner, repo, ref } = folder;
  const prefix = folder.folder ? `${folder.folder}/` : '';
  return {
    kind: 'github',
    id: `github:${owner}/${repo}/${ref}/${folder.folder}`,
    url,
    async list({ etag, signal } = {}) {
      const api = `https://api.github.com/repos/${encodeURIComponent(owner)}/${encodeURIComponent(repo)}/git/trees/${encodeURIComponent(ref)}?recursive=1`;
      // Conditional: GitHub answers 304 when the tree is unchanged, and a 304 does not count
      // against the 60 unauthenticated calls an hour.
      const response = await fetchJson(api, { signal, headers: conditionalHeaders(etag, { Accept: 'application/vnd.github+json' }) });
      if (response.status === 304) return { notModified: true };
      const { json } = response;
      const entries: FeedEntry[] = [];
      for (const item of readTree(json, api)) {
        if (item.type !== 'blob' || !item.path.startsWith(prefix)) continue;
        const fileName = item.path.slice(prefix.length);
        // Postings sit directly in the folder; upstream published files without `.md` too.
        if (fileName.includes('/') || fileName.startsWith('.')) continue;
        entries.push({
          fileName,
          version: item.sha,
          url: `https://raw.githubusercontent.com/${encodeURIComponent(owner)}/${encodeURIComponent(repo)}/${encodeURIComponent(ref)}/${encodePath(item.path)}`,
        });
      }
      return { notModified: false, entries, etag: response.headers.get('etag') };
    },
    async fetchFile(entry, signal) {
      return (await fetchText(entry.url, { signal })).text;
    },
  };
}
