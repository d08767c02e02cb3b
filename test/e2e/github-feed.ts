// Answers like GitHub for one repository folder: the git-trees API (with ETag and 304) on
// api.github.com and raw files on raw.githubusercontent.com. The state is mutable, so a test can
// publish or change postings between two syncs.

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { FixtureResponse, Router } from './servers.ts';
import { CORPUS_DIR } from '../helpers/shared.ts';

export const UPSTREAM = {
  owner: 'betagouv',
  repo: 'beta.gouv.fr',
  ref: 'd919d8a8f4fc2ef945d3665a230d5fe2702dda7d',
  folder: 'content/_jobs',
} as const;

export interface FeedFile {
  /** File name inside the folder. */
  name: string;
  text: string;
}

/** Git's blob id of a text, so versions look (and behave) like GitHub's. */
export function blobSha(text: string): string {
  const bytes = Buffer.from(text, 'utf8');
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}

/** The real posting files of the last upstream state, read from ../shared at run time. */
export function realPostingFiles(filter: (name: string) => boolean = () => true): FeedFile[] {
  const tree = JSON.parse(readFileSync(`${CORPUS_DIR}github-tree.json`, 'utf8')) as {
    tree: { path: string; type: string; sha: string }[];
  };
  const prefix = `${UPSTREAM.folder}/`;
  return tree.tree
    .filter((item) => item.type === 'blob' && item.path.startsWith(prefix))
    .map((item) => ({ name: item.path.slice(prefix.length), sha: item.sha }))
    .filter(({ name }) => filter(name))
    .map(({ name, sha }) => ({ name, text: readFileSync(`${CORPUS_DIR}history/blobs/${sha}.md`, 'utf8') }));
}

export interface GitHubFeed {
  files: Map<string, string>;
  /** Requests answered, by kind. */
  counts: { tree: number; notModified: number; raw: number };
  router: Router;
}

const CORS = { 'access-control-allow-origin': '*', 'access-control-expose-headers': 'ETag' };

export function createGitHubFeed(initial: FeedFile[]): GitHubFeed {
  const files = new Map(initial.map((f) => [f.name, f.text]));
  const counts = { tree: 0, notModified: 0, raw: 0 };
  const treePath = `/repos/${UPSTREAM.owner}/${UPSTREAM.repo}/git/trees/${UPSTREAM.ref}`;
  const rawPrefix = `/${UPSTREAM.owner}/${UPSTREAM.repo}/${UPSTREAM.ref}/${UPSTREAM.folder}/`;

  // Each text's SHA is worked out once: a listing of thousands of files (benchmarks, history
  // replays) would otherwise hash every file again at each request.
  const shas = new Map<string, string>();
  const shaOf = (text: string): string => {
    let sha = shas.get(text);
    if (sha === undefined) shas.set(text, (sha = blobSha(text)));
    return sha;
  };

  const tree = (): { body: string; etag: string } => {
    const entries = [...files].map(([name, text]) => ({
      path: `${UPSTREAM.folder}/${name}`,
      mode: '100644',
      type: 'blob',
      sha: shaOf(text),
      size: Buffer.byteLength(text),
    }));
    const body = JSON.stringify({ sha: 'fixture', truncated: false, tree: [{ path: UPSTREAM.folder, mode: '040000', type: 'tree', sha: 'x' }, ...entries] });
    return { body, etag: `"${createHash('sha1').update(body).digest('hex')}"` };
  };

  const router: Router = (request): FixtureResponse => {
    if (request.host === 'api.github.com' && request.url.pathname === treePath) {
      const { body, etag } = tree();
      if (request.headers['if-none-match'] === etag) {
        counts.notModified++;
        return { status: 304, headers: { ...CORS, etag } };
      }
      counts.tree++;
      return { headers: { ...CORS, etag, 'content-type': 'application/json; charset=utf-8' }, body };
    }
    if (request.host === 'raw.githubusercontent.com' && request.url.pathname.startsWith(rawPrefix)) {
      const name = decodeURIComponent(request.url.pathname.slice(rawPrefix.length));
      const text = files.get(name);
      if (text === undefined) return { status: 404, headers: CORS, body: '404: Not Found' };
      counts.raw++;
      return { headers: { ...CORS, 'content-type': 'text/plain; charset=utf-8' }, body: text };
    }
    return { status: 404, headers: CORS, body: 'not found' };
  };

  return { files, counts, router };
}
