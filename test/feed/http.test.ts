import { afterEach, describe, expect, it, vi } from 'vitest';
import { FeedError, fetchJson, fetchText } from '../../src/feed/http';

function stubFetch(impl: (url: string, init?: RequestInit) => Promise<Response>) {
  vi.stubGlobal('fetch', vi.fn(impl));
}

afterEach(() => vi.unstubAllGlobals());

async function failureOf(promise: Promise<unknown>): Promise<FeedError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(FeedError);
  return error as FeedError;
}

describe('fetchText', () => {
  it('returns the body of a 200', async () => {
    stubFetch(async () => new Response('hello', { status: 200 }));
    expect((await fetchText('https://example.org/a')).text).toBe('hello');
  });

  it('reports a network failure as offline', async () => {
    stubFetch(async () => {
      throw new TypeError('Failed to fetch');
    });
    const error = await failureOf(fetchText('https://example.org/a'));
    expect(error.kind).toBe('offline');
    expect(error.message).toContain('https://example.org/a');
  });

  it('refuses a redirect when asked not to follow one, and asks the browser not to follow it', async () => {
    let redirect: RequestRedirect | undefined;
    stubFetch(async (_url, init) => {
      redirect = init?.redirect;
      return new Response(null, { status: 302, headers: { location: 'https://ailleurs.example/' } });
    });
    const error = await failureOf(fetchText('https://example.org/a', { followRedirects: false }));
    expect(redirect).toBe('manual');
    expect(error).toMatchObject({ kind: 'http', status: 302 });
    expect(error.message).toContain('redirects elsewhere');
    // By default a feed's redirects are the browser's to follow.
    stubFetch(async (_url, init) => {
      redirect = init?.redirect;
      return new Response('ok', { status: 200 });
    });
    await fetchText('https://example.org/a');
    expect(redirect).toBeUndefined();
  });

  it('reports HTTP errors with their status', async () => {
    stubFetch(async () => new Response('boom', { status: 503 }));
    const error = await failureOf(fetchText('https://example.org/a'));
    expect(error.kind).toBe('http');
    expect(error.status).toBe(503);
  });

  it("reports GitHub's rate limit with the time it resets", async () => {
    const reset = Math.floor(Date.UTC(2026, 0, 2, 3, 4, 5) / 1000);
    stubFetch(
      async () =>
        new Response('{}', { status: 403, headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(reset) } }),
    );
    const error = await failureOf(fetchText('https://api.github.com/x'));
    expect(error.kind).toBe('rate-limited');
    expect(error.retryAt).toBe('2026-01-02T03:04:05.000Z');
  });

  it('gives up on a host that does not answer in time', async () => {
    stubFetch(
      (_url, init) =>
        new Promise((_resolve, reject) => {
          init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
        }),
    );
    const error = await failureOf(fetchText('https://example.org/slow', { timeoutMs: 20 }));
    expect(error.kind).toBe('timeout');
  });

  it('passes a 304 through with an empty body', async () => {
    stubFetch(async () => new Response(null, { status: 304 }));
    expect(await fetchText('https://example.org/a')).toMatchObject({ status: 304, text: '' });
  });
});

describe('fetchJson', () => {
  it('rejects a body that is not JSON (e.g. truncated)', async () => {
    stubFetch(async () => new Response('{"tree": [', { status: 200 }));
    const error = await failureOf(fetchJson('https://example.org/a.json'));
    expect(error.kind).toBe('invalid-body');
  });
});
