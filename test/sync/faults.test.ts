// Each way a feed fails, through the real GitHub source and sync: the database is unchanged, the
// error is recorded with its retry time, and the next run recovers.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_FEED_URL } from '../../src/feed/source';
import { openDatabase, readAllPostings, readSource, type Database } from '../../src/store/db';
import { createSyncRunner } from '../../src/sync/runner';
import type { SyncStatus } from '../../src/sync/status';
import { defaultSettings } from '../../src/settings/settings';
import { createGitHubFeed, type GitHubFeed } from '../e2e/github-feed';
import type { FixtureResponse } from '../e2e/servers';
import { posting } from './fake-source';

type Fault = (url: URL, init?: RequestInit) => Promise<Response> | null;

let db: Database;
let feed: GitHubFeed;
let status: SyncStatus;
let fault: Fault | null;
let now: Date;

/** fetch answered by the GitHub fixture router, unless the current fault takes over. */
async function fakeFetch(input: string, init?: RequestInit): Promise<Response> {
  const url = new URL(input);
  const faulty = fault?.(url, init);
  if (faulty) return faulty;
  const answer: FixtureResponse = await feed.router({ method: 'GET', url, host: url.hostname, headers: Object.fromEntries(new Headers(init?.headers)), body: '' });
  const headers = Object.fromEntries(Object.entries(answer.headers ?? {}).filter((e): e is [string, string] => typeof e[1] === 'string'));
  const body = answer.status === 304 ? null : typeof answer.body === 'string' || answer.body === undefined ? (answer.body ?? '') : Buffer.from(answer.body).toString('utf8');
  return new Response(body, { status: answer.status ?? 200, headers });
}

beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  db = await openDatabase();
  feed = createGitHubFeed([
    { name: '2024-01-01-dev.md', text: posting('Développeur·se') },
    { name: '2024-01-02-design.md', text: posting('Designer') },
  ]);
  status = {};
  fault = null;
  now = new Date('2024-06-01T10:00:00Z');
  vi.stubGlobal('fetch', vi.fn(fakeFetch));
});
afterEach(() => vi.unstubAllGlobals());

const runner = () =>
  createSyncRunner({
    getSettings: async () => defaultSettings(),
    openDb: async () => db,
    status: { read: async () => status, write: async (s) => void (status = s) },
    now: () => now,
  });
const feedStatus = () => Object.values(status)[0];

const faults: Record<string, { fault: Fault; kind: string; message: RegExp }> = {
  'server error on the listing': {
    fault: (url) => (url.hostname === 'api.github.com' ? Promise.resolve(new Response('oops', { status: 502 })) : null),
    kind: 'http',
    message: /HTTP 502/,
  },
  'rate limit on the listing': {
    fault: (url) =>
      url.hostname === 'api.github.com'
        ? Promise.resolve(new Response('{}', { status: 403, headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(Date.parse('2024-06-01T11:00:00Z') / 1000) } }))
        : null,
    kind: 'rate-limited',
    message: /rate limit reached until 2024-06-01T11:00:00.000Z/,
  },
  'truncated listing': {
    fault: (url) => (url.hostname === 'api.github.com' ? Promise.resolve(new Response('{"sha":"x","tree":[{"path":"con', { status: 200 })) : null),
    kind: 'invalid-body',
    message: /did not send valid JSON/,
  },
  'offline': {
    fault: () => Promise.reject(new TypeError('Failed to fetch')),
    kind: 'offline',
    message: /could not be reached/,
  },
  'missing raw file': {
    fault: (url) => (url.hostname === 'raw.githubusercontent.com' && url.pathname.endsWith('design.md') ? Promise.resolve(new Response('404: Not Found', { status: 404 })) : null),
    kind: 'http',
    message: /HTTP 404/,
  },
  'raw file cut off mid-body': {
    fault: (url) =>
      url.hostname === 'raw.githubusercontent.com'
        ? Promise.resolve(
            new Response(
              new ReadableStream({
                start(controller) {
                  controller.enqueue(new TextEncoder().encode('---\nroles: Dév'));
                  controller.error(new TypeError('connection reset'));
                },
              }),
            ),
          )
        : null,
    kind: 'invalid-body',
    message: /truncated body/,
  },
};

describe('sync faults', () => {
  it.each(Object.entries(faults))('%s: nothing changes, the error and its retry are recorded, the next run recovers', async (_name, { fault: f, kind, message }) => {
    await runner().run('install');
    const before = await readSource(db, Object.keys(status)[0]!);
    expect(before.postings).toHaveLength(2);

    feed.files.set('2024-01-03-new.md', posting('Nouveau'));
    feed.files.set('2024-01-02-design.md', posting('Designer UX'));
    fault = f;
    const [report] = await runner().run('user');
    expect(report).toMatchObject({ ok: false });
    expect(feedStatus()).toMatchObject({ failures: 1, lastError: { kind, message: expect.stringMatching(message) } });
    expect(feedStatus()?.nextRetryAt).not.toBeNull();
    expect(await readSource(db, before.state!.sourceId)).toEqual(before);

    // Later (past any rate-limit reset), the host is fine again.
    fault = null;
    now = new Date('2024-06-01T12:00:00Z');
    const [recovered] = await runner().run('retry');
    expect(recovered).toMatchObject({ ok: true });
    expect(feedStatus()).toMatchObject({ failures: 0, lastError: null });
    expect((await readAllPostings(db)).map((p) => p.title).sort()).toEqual(['Designer UX', 'Développeur·se', 'Nouveau']);
  });

  it('an invalid YAML version keeps the last good posting, flagged, and the run succeeds', async () => {
    await runner().run('install');
    feed.files.set('2024-01-01-dev.md', '---\nroles: "unclosed\nopen: true\n---\nbody\n');
    const [report] = await runner().run('user');
    expect(report?.ok).toBe(true);
    expect(feedStatus()?.counts?.rejected).toBe(1);
    expect((await readAllPostings(db)).find((p) => p.id === '2024-01-01-dev')?.title).toBe('Développeur·se');
  });
});
