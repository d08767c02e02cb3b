import { afterEach, describe, expect, it, vi } from 'vitest';
import { checkFeed } from '../../src/feed/check';
import { readFeedCheckResult } from '../../src/feed/check-result';
import { feedHostPatterns, feedKindOfUrl, hostPatternsToRelease } from '../../src/feed/feed-url';
import { DEFAULT_FEED_URL, sourceForUrl } from '../../src/feed/source';
import { stubFetch } from '../helpers/fetch';

afterEach(() => vi.unstubAllGlobals());

const INDEX_URL = 'https://miroir.example.org/offres/index.json';

function staticIndex(paths: string[]): string {
  return JSON.stringify({ format: 'beta-radar-feed', version: 1, postings: paths.map((path) => ({ path, sha256: 'a'.repeat(64) })) });
}

describe('feedKindOfUrl', () => {
  // The options page recognises kinds without bundling the sources: it must agree with sourceForUrl.
  it.each([
    DEFAULT_FEED_URL,
    'https://github.com/exemple/offres/tree/main',
    INDEX_URL,
    'http://miroir.example.org/flux.json',
    'https://beta.gouv.fr/api/v2.6/jobs.json',
    'https://miroir.example.org/JOBS.JSON',
    'https://www.welcometothejungle.com/fr/companies/communaute-beta-gouv/jobs',
    'https://choisirleservicepublic.gouv.fr/nos-offres/filtres/organisme/10668/page/2/',
  ])('gives %s the kind sourceForUrl gives it', (url) => {
    expect(feedKindOfUrl(url)).toBe(sourceForUrl(url).kind);
  });

  it.each(['pas une adresse', 'ftp://miroir.example.org/index.json', 'https://miroir.example.org/offres/', 'https://github.com/exemple/offres'])(
    'recognises no feed in %s, as sourceForUrl refuses it',
    (url) => {
      expect(feedKindOfUrl(url)).toBeNull();
      expect(() => sourceForUrl(url)).toThrow();
    },
  );

  it('refuses an address carrying credentials (the settings would drop it)', () => {
    expect(feedKindOfUrl('https://moi:secret@miroir.example.org/index.json')).toBeNull();
  });
});

describe('feed host permissions', () => {
  it('reads a GitHub folder through the API and raw hosts, other feeds through their own host', () => {
    expect(feedHostPatterns(DEFAULT_FEED_URL)).toEqual(['https://api.github.com/*', 'https://raw.githubusercontent.com/*']);
    expect(feedHostPatterns('http://miroir.example.org:8080/offres/index.json')).toEqual(['http://miroir.example.org/*']);
  });

  const required = ['https://api.github.com/*', 'https://raw.githubusercontent.com/*', 'https://beta.gouv.fr/*'];

  it('gives back the host of a removed feed that nothing else uses', () => {
    expect(hostPatternsToRelease(INDEX_URL, [DEFAULT_FEED_URL], { required, otherUses: [] })).toEqual(['https://miroir.example.org/*']);
  });

  it('keeps a host another feed, the manifest or the JobPosting detector still uses', () => {
    const sameHost = 'https://miroir.example.org/autre/jobs.json';
    expect(hostPatternsToRelease(INDEX_URL, [sameHost], { required, otherUses: [] })).toEqual([]);
    expect(hostPatternsToRelease('https://beta.gouv.fr/flux/index.json', [], { required, otherUses: [] })).toEqual([]);
    expect(hostPatternsToRelease(INDEX_URL, [], { required, otherUses: ['https://miroir.example.org/*'] })).toEqual([]);
    expect(hostPatternsToRelease(DEFAULT_FEED_URL, [], { required, otherUses: [] })).toEqual([]);
  });
});

describe('checkFeed', () => {
  it('lists a static index once and counts its offers', async () => {
    const calls = stubFetch(() => new Response(staticIndex(['2026-01-02-dev.md', '2026-01-03-design.md']), { status: 200 }));
    expect(await checkFeed(INDEX_URL)).toEqual({ ok: true, kind: 'static-index', offers: 2 });
    expect(calls.map((call) => call.url)).toEqual([INDEX_URL]);
    // A first listing carries no validator, so the answer cannot be "not modified".
    expect(calls[0]!.headers['If-None-Match']).toBeUndefined();
  });

  it('counts only the jobs.json items that read as postings', async () => {
    stubFetch(() => new Response(JSON.stringify([{ id: 'dev-front', title: 'Développeuse front-end', url: 'https://exemple.org/offres/dev-front' }, 42]), { status: 200 }));
    expect(await checkFeed('https://miroir.example.org/jobs.json')).toEqual({ ok: true, kind: 'jobs-json', offers: 1 });
  });

  it('refuses an address that is no URL, or no feed it knows, without fetching', async () => {
    const calls = stubFetch(() => new Response('{}'));
    expect(await checkFeed('miroir.example.org/index.json')).toMatchObject({ ok: false, reason: 'invalid-url' });
    expect(await checkFeed('https://miroir.example.org/offres.html')).toMatchObject({ ok: false, reason: 'unrecognised' });
    expect(calls).toEqual([]);
  });

  it('says a web page answered where a feed was expected', async () => {
    stubFetch(() => new Response('<!doctype html><title>Accueil</title>', { status: 200, headers: { 'content-type': 'text/html' } }));
    const result = await checkFeed(INDEX_URL);
    expect(result).toMatchObject({ ok: false, reason: 'invalid-body' });
    expect(result.ok ? '' : result.error).toContain(INDEX_URL);
  });

  it('says JSON of another shape is not a feed index', async () => {
    stubFetch(() => new Response(JSON.stringify({ hello: 'world' }), { status: 200 }));
    expect(await checkFeed(INDEX_URL)).toMatchObject({ ok: false, reason: 'invalid-body' });
  });

  it('passes on the HTTP status of an error', async () => {
    stubFetch(() => new Response('absent', { status: 404 }));
    expect(await checkFeed(INDEX_URL)).toMatchObject({ ok: false, reason: 'http', status: 404 });
  });

  it('says when the host cannot be reached', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))));
    expect(await checkFeed(INDEX_URL)).toMatchObject({ ok: false, reason: 'offline' });
  });

  it('passes on when a rate-limited host allows a new try', async () => {
    const reset = 1_900_000_000;
    stubFetch(() => new Response('{}', { status: 403, headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(reset) } }));
    expect(await checkFeed(DEFAULT_FEED_URL)).toMatchObject({ ok: false, reason: 'rate-limited', status: 403, retryAt: new Date(reset * 1000).toISOString() });
  });

  it('refuses a feed that lists no offer', async () => {
    stubFetch(() => new Response(staticIndex([]), { status: 200 }));
    expect(await checkFeed(INDEX_URL)).toMatchObject({ ok: false, reason: 'empty' });
  });

  it('turns an unexpected failure into an answer rather than a throw', async () => {
    const result = await checkFeed(INDEX_URL, {
      sourceFor: (url) => ({ ...sourceForUrl(url), list: () => Promise.reject(new RangeError('boom')) }),
    });
    expect(result).toMatchObject({ ok: false, reason: 'unknown' });
    expect(result.ok ? '' : result.error).toContain('boom');
  });
});

describe('readFeedCheckResult', () => {
  it('keeps a well-formed answer', () => {
    expect(readFeedCheckResult({ ok: true, kind: 'github', offers: 3 })).toEqual({ ok: true, kind: 'github', offers: 3 });
    expect(readFeedCheckResult({ ok: false, reason: 'http', error: 'HTTP 500', status: 500 })).toEqual({ ok: false, reason: 'http', error: 'HTTP 500', status: 500 });
  });

  it.each([undefined, null, 'ok', { ok: true, kind: 'ftp', offers: 1 }, { ok: false, reason: 'because', error: 'x' }])('reads %j as an unknown failure', (raw) => {
    expect(readFeedCheckResult(raw)).toMatchObject({ ok: false, reason: 'unknown' });
  });
});
