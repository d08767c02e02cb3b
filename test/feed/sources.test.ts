import { readFile } from 'node:fs/promises';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_FEED_URL, sourceForUrl } from '../../src/feed/source';
import { FeedError } from '../../src/feed/http';
import { buildStaticIndex } from '../../src/feed/build-index';
import { readStaticIndex } from '../../src/feed/static-index';
import { CORPUS_DIR } from '../helpers/shared';

afterEach(() => vi.unstubAllGlobals());

describe('sourceForUrl', () => {
  it('recognises the default GitHub folder', () => {
    const source = sourceForUrl(DEFAULT_FEED_URL);
    expect(source.kind).toBe('github');
    expect(source.id).toBe('github:betagouv/beta.gouv.fr/d919d8a8f4fc2ef945d3665a230d5fe2702dda7d/content/_jobs');
  });

  it('recognises a static index by its .json path', () => {
    expect(sourceForUrl('https://mirror.example.org/jobs/index.json').kind).toBe('static-index');
  });

  it.each(['not a url', 'ftp://example.org/index.json', 'https://example.org/jobs/'])('refuses %s with a clear message', (url) => {
    expect(() => sourceForUrl(url)).toThrow(FeedError);
  });
});

describe('GitHub source on the real tree', () => {
  it('lists every posting of content/_jobs with its blob SHA and raw URL', async () => {
    const tree = await readFile(`${CORPUS_DIR}github-tree.json`, 'utf8');
    const calls: string[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string) => {
        calls.push(url);
        return new Response(tree, { status: 200 });
      }),
    );
    const listing = await sourceForUrl(DEFAULT_FEED_URL).list();
    if (listing.notModified) throw new Error('expected a listing');
    const entries = listing.entries;
    expect(calls).toEqual([
      'https://api.github.com/repos/betagouv/beta.gouv.fr/git/trees/d919d8a8f4fc2ef945d3665a230d5fe2702dda7d?recursive=1',
    ]);
    const { readdir } = await import('node:fs/promises');
    const files = await readdir(`${CORPUS_DIR}jobs`);
    expect(entries.map((e) => e.fileName).sort()).toEqual([...files].sort());
    const camino = entries.find((e) => e.fileName.includes('CAMINO'));
    expect(camino?.url).toBe(
      'https://raw.githubusercontent.com/betagouv/beta.gouv.fr/d919d8a8f4fc2ef945d3665a230d5fe2702dda7d/content/_jobs/' +
        encodeURIComponent(camino!.fileName),
    );
    expect(entries.every((e) => /^[0-9a-f]{40}$/.test(e.version))).toBe(true);
  });

  it('asks conditionally with the last ETag, and reads a 304 as "not modified"', async () => {
    const seen: (string | null)[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (_url: string, init?: RequestInit) => {
        const etag = new Headers(init?.headers).get('if-none-match');
        seen.push(etag);
        return etag === '"v1"' ? new Response(null, { status: 304 }) : new Response('{"tree":[]}', { status: 200, headers: { etag: '"v1"' } });
      }),
    );
    const source = sourceForUrl(DEFAULT_FEED_URL);
    expect(await source.list()).toEqual({ notModified: false, entries: [], etag: '"v1"' });
    expect(await source.list({ etag: '"v1"' })).toEqual({ notModified: true });
    expect(seen).toEqual([null, '"v1"']);
  });

  it('refuses a listing that is not a tree', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response('{"message":"Not Found"}', { status: 200 })));
    await expect(sourceForUrl(DEFAULT_FEED_URL).list()).rejects.toMatchObject({ kind: 'invalid-body' });
  });
});

describe('static index', () => {
  it('round-trips: built from files, read back as entries with URLs relative to the index', async () => {
    const index = await buildStaticIndex([
      { path: '2024-02-01-b.md', text: 'b' },
      { path: 'sans date.md', text: 'a' },
    ]);
    expect(index.postings[0]).toEqual({
      path: '2024-02-01-b.md',
      sha256: '3e23e8160039594a33894f6564e1b1348bbd7a0088d42c4acb73eeaed59c009d',
      date: '2024-02-01',
    });
    const entries = readStaticIndex(index, 'https://mirror.example.org/feed/index.json');
    expect(entries.map((e) => e.url)).toEqual([
      'https://mirror.example.org/feed/2024-02-01-b.md',
      'https://mirror.example.org/feed/sans%20date.md',
    ]);
  });

  it('refuses an index of another format and skips malformed or escaping entries', () => {
    expect(() => readStaticIndex({ postings: [] }, 'https://x/index.json')).toThrow(/not a Beta Radar feed index/);
    const entries = readStaticIndex(
      { format: 'beta-radar-feed', version: 1, postings: [{ path: 'ok.md', sha256: 'x' }, { path: 3 }, { path: '../etc.md', sha256: 'y' }] },
      'https://x/feed/index.json',
    );
    expect(entries.map((e) => e.fileName)).toEqual(['ok.md']);
  });
});
