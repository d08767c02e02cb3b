import { readFile } from 'node:fs/promises';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FeedError } from '../../src/feed/http';
import { fetchStartupsRegistry, isRegistryStale, STARTUPS_URL } from '../../src/feed/startups-registry';
import { CORPUS_DIR } from '../helpers/shared';
import { stubFetch } from '../helpers/fetch';

afterEach(() => vi.unstubAllGlobals());


describe('fetchStartupsRegistry', () => {
  it('reads the real registry (530 startups) with its ETag', async () => {
    const body = await readFile(`${CORPUS_DIR}startups.json`, 'utf8');
    const calls = stubFetch(() => new Response(body, { status: 200, headers: { ETag: '"reg-1"' } }));
    const result = await fetchStartupsRegistry({ now: () => new Date('2024-09-01T08:00:00Z') });
    expect(calls.map((call) => call.url)).toEqual([STARTUPS_URL]);
    expect(calls[0]?.headers['If-None-Match']).toBeUndefined();
    if (result.notModified) throw new Error('expected a registry');
    expect(result.startups).toHaveLength(530);
    expect(result.etag).toBe('"reg-1"');
    expect(result.fetchedAt).toBe('2024-09-01T08:00:00.000Z');
    const sample = result.startups.find((startup) => startup.id === '1-jeune-1-arbre');
    expect(sample?.name).toBe('1 Jeune 1 Arbre');
  });

  it('sends the ETag it has and answers notModified on a 304', async () => {
    const calls = stubFetch(() => new Response(null, { status: 304 }));
    const result = await fetchStartupsRegistry({ etag: '"reg-1"', url: 'https://mirror.example/startups.json' });
    expect(result).toEqual({ notModified: true });
    expect(calls[0]).toMatchObject({ url: 'https://mirror.example/startups.json', headers: { 'If-None-Match': '"reg-1"' } });
  });

  it.each([
    ['HTML instead of JSON', '<!doctype html><title>Maintenance</title>'],
    ['a JSON list', '[1, 2, 3]'],
    ['an object without data', '{"message":"Not Found"}'],
    ['data that is not a list', '{"data":{"id":"x"}}'],
    ['no usable startup', '{"data":[{"id":"x","attributes":{}}, "garbage"]}'],
    ['an empty registry', '{"data":[]}'],
  ])('refuses %s as invalid-body', async (_label, body) => {
    stubFetch(() => new Response(body, { status: 200 }));
    const error = await fetchStartupsRegistry().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FeedError);
    expect(error).toMatchObject({ kind: 'invalid-body' });
    expect((error as FeedError).message).toContain(STARTUPS_URL);
  });

  it('lets HTTP failures through as FeedErrors', async () => {
    stubFetch(() => new Response('boom', { status: 502 }));
    await expect(fetchStartupsRegistry()).rejects.toMatchObject({ kind: 'http', status: 502 });
  });
});

describe('isRegistryStale', () => {
  const now = new Date('2024-09-02T12:00:00Z');
  it.each([
    [null, true],
    ['not a date', true],
    ['2024-09-02T11:00:00Z', false],
    ['2024-09-01T12:00:00.001Z', false],
    ['2024-09-01T12:00:00Z', true],
    ['2024-08-20T00:00:00Z', true],
    ['2024-09-03T00:00:00Z', true],
  ])('fetched at %s → stale %s', (fetchedAt, stale) => {
    expect(isRegistryStale(fetchedAt, now)).toBe(stale);
  });

  it('takes another maximum age', () => {
    expect(isRegistryStale('2024-09-02T11:00:00Z', now, 30 * 60 * 1000)).toBe(true);
    expect(isRegistryStale('2024-09-02T11:45:00Z', now, 30 * 60 * 1000)).toBe(false);
  });
});
