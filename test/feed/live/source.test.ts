import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseLiveSourceUrl } from '../../../src/feed/feed-url';
import { FeedError } from '../../../src/feed/http';
import type { FeedEntry, ListResult } from '../../../src/feed/source';
import { createLiveSource, MAX_LISTING_PAGES, readSourceState, type LiveSourceState } from '../../../src/feed/live/source';
import { cspReader } from '../../../src/feed/live/csp';
import { stubFetch } from '../../helpers/fetch';
import { cspListingPage, cspListingUrl, cspOfferUrl, cspSite, sampleLiveOffers, wttjListingUrl, wttjOfferUrl, wttjSite } from '../../helpers/live-sites';

afterEach(() => vi.unstubAllGlobals());

const CSP_LISTING = parseLiveSourceUrl('https://choisirleservicepublic.gouv.fr/nos-offres/filtres/organisme/10668/')!;
const WTTJ_LISTING = parseLiveSourceUrl('https://www.welcometothejungle.com/fr/companies/communaute-beta-gouv/jobs')!;

/**
 * A fake site: each page answers 200 with an ETag (its version), or 304 to a request naming
 * that ETag; `status` overrides per URL.
 */
function serveSite(pages: Map<string, string>, options: { versions?: Map<string, string>; status?: Map<string, number>; lastModified?: boolean } = {}) {
  return stubFetch((url, init) => {
    const headers = (init?.headers ?? {}) as Record<string, string>;
    const status = options.status?.get(url);
    if (status) return new Response('', { status });
    const html = pages.get(url);
    if (html === undefined) return new Response('not found', { status: 404 });
    const etag = `"${options.versions?.get(url) ?? 'v1'}"`;
    if (options.lastModified) {
      if (headers['If-Modified-Since'] === 'Wed, 04 Nov 2026 10:00:00 GMT') return new Response(null, { status: 304 });
      return new Response(html, { status: 200, headers: { 'last-modified': 'Wed, 04 Nov 2026 10:00:00 GMT', 'content-type': 'text/html' } });
    }
    if (headers['If-None-Match'] === etag) return new Response(null, { status: 304 });
    return new Response(html, { status: 200, headers: { etag, 'content-type': 'text/html' } });
  });
}

function listed(result: ListResult): { entries: FeedEntry[]; sourceState: unknown } {
  if (result.notModified) throw new Error('expected a listing');
  return { entries: result.entries, sourceState: result.sourceState };
}

describe('createLiveSource', () => {
  it('takes its kind, id and URL from the parsed listing, and asks for an hour between listings', () => {
    const source = createLiveSource(CSP_LISTING);
    expect(source).toMatchObject({ kind: 'csp-organisation', id: 'csp:organisme/10668', url: CSP_LISTING.listingUrl, minIntervalMinutes: 60 });
    expect(createLiveSource(WTTJ_LISTING)).toMatchObject({ kind: 'wttj-company', id: 'wttj:communaute-beta-gouv' });
  });

  it('lists every page of a CSP listing, each once, with an offer-id file name and a hash version', async () => {
    const offers = sampleLiveOffers(45, 'csp');
    const calls = serveSite(cspSite(offers, { facets: 20 }));
    const { entries, sourceState } = listed(await createLiveSource(CSP_LISTING).list());
    expect(calls.map((call) => call.url)).toEqual([cspListingUrl(1), cspListingUrl(2), cspListingUrl(3)]);
    expect(calls[0]!.headers).toEqual({ Accept: 'text/html' });
    expect(entries.map((entry) => entry.fileName)).toEqual(offers.map((offer) => offer.id));
    expect(entries[0]).toEqual({ fileName: offers[0]!.id, url: cspOfferUrl(offers[0]!), version: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(new Set(entries.map((entry) => entry.version)).size).toBe(45);
    expect((sourceState as LiveSourceState).pages.map((page) => [page.url, page.etag, page.offers.length])).toEqual([
      [cspListingUrl(1), '"v1"', 20],
      [cspListingUrl(2), '"v1"', 20],
      [cspListingUrl(3), '"v1"', 5],
    ]);
  });

  it('sends each page’s validators; a page answering 304 gives its stored offers; all 304 is "not modified"', async () => {
    const offers = sampleLiveOffers(45, 'csp');
    const site = cspSite(offers, { facets: 20 });
    serveSite(site);
    const first = listed(await createLiveSource(CSP_LISTING).list());

    const calls = serveSite(site);
    expect(await createLiveSource(CSP_LISTING).list({ sourceState: first.sourceState })).toEqual({ notModified: true });
    expect(calls.map((call) => call.headers['If-None-Match'])).toEqual(['"v1"', '"v1"', '"v1"']);

    // Page 2 changed: its offers are read again, pages 1 and 3 come from the state.
    const changed = offers.map((offer, index) => (index === 25 ? { ...offer, title: 'Coach produit - Pix (H/F)' } : offer));
    const changedSite = cspSite(changed, { facets: 20 });
    serveSite(changedSite, { versions: new Map([[cspListingUrl(2), 'v2']]) });
    const second = listed(await createLiveSource(CSP_LISTING).list({ sourceState: first.sourceState }));
    expect(second.entries.map((entry) => entry.fileName)).toEqual(offers.map((offer) => offer.id));
    const versionsBefore = new Map(first.entries.map((entry) => [entry.fileName, entry.version]));
    const changedVersions = second.entries.filter((entry) => versionsBefore.get(entry.fileName) !== entry.version).map((entry) => entry.fileName);
    expect(changedVersions).toEqual([offers[25]!.id]);
    expect((second.sourceState as LiveSourceState).pages[1]!.etag).toBe('"v2"');
  });

  it('uses Last-Modified when the site sends no ETag', async () => {
    const offers = sampleLiveOffers(3, 'csp');
    const site = cspSite(offers, { facets: 20 });
    serveSite(site, { lastModified: true });
    const first = listed(await createLiveSource(CSP_LISTING).list());
    const calls = serveSite(site, { lastModified: true });
    expect(await createLiveSource(CSP_LISTING).list({ sourceState: first.sourceState })).toEqual({ notModified: true });
    expect(calls[0]!.headers).toEqual({ Accept: 'text/html', 'If-Modified-Since': 'Wed, 04 Nov 2026 10:00:00 GMT' });
  });

  it('reads the first page only for a check', async () => {
    const calls = serveSite(cspSite(sampleLiveOffers(45, 'csp'), { facets: 20 }));
    const { entries } = listed(await createLiveSource(CSP_LISTING).list({ firstPageOnly: true }));
    expect(calls).toHaveLength(1);
    expect(entries).toHaveLength(20);
  });

  it('never requests a page twice, even when pages link each other in a loop', async () => {
    const offers = sampleLiveOffers(40, 'csp');
    const site = cspSite(offers, { facets: 20 });
    // Page 2's "next" leads back to page 1.
    site.set(cspListingUrl(2), site.get(cspListingUrl(2))!.replace('aria-disabled="true" role="link">Page suivante', `href="${cspListingUrl(1)}">Page suivante`));
    const calls = serveSite(site);
    const { entries } = listed(await createLiveSource(CSP_LISTING).list());
    expect(calls.map((call) => call.url)).toEqual([cspListingUrl(1), cspListingUrl(2)]);
    expect(entries).toHaveLength(40);
  });

  it('stops at 25 pages, and never follows a next page off the listing', async () => {
    const offers = sampleLiveOffers(30 * 2, 'csp');
    const calls = serveSite(cspSite(offers, { facets: 5, perPage: 2 }));
    const { entries } = listed(await createLiveSource(CSP_LISTING).list());
    expect(calls).toHaveLength(MAX_LISTING_PAGES);
    expect(entries).toHaveLength(50);
    // The pages left unread still hold offers: the sync must not close them.
    const long = await createLiveSource(CSP_LISTING).list();
    expect(long).toMatchObject({ notModified: false, partial: true });
    const short = await (serveSite(cspSite(sampleLiveOffers(4, 'csp'), { facets: 5, perPage: 2 })), createLiveSource(CSP_LISTING).list());
    expect(short.notModified === false && short.partial).toBeFalsy();

    const site = cspSite(sampleLiveOffers(4, 'csp'), { facets: 5, perPage: 2 });
    site.set(cspListingUrl(1), site.get(cspListingUrl(1))!.replaceAll(cspListingUrl(2), 'https://choisirleservicepublic.gouv.fr/nos-offres/filtres/organisme/999/page/2/'));
    const offListing = serveSite(site);
    await createLiveSource(CSP_LISTING).list();
    expect(offListing.map((call) => call.url)).toEqual([cspListingUrl(1)]);
  });

  it('lets a reader-outdated page fail the whole listing (the stored offers are kept by the sync)', async () => {
    const site = cspSite(sampleLiveOffers(30, 'csp'), { facets: 5 });
    site.set(cspListingUrl(2), '<!doctype html><html><body><main><p>Nouvelle maquette</p></main></body></html>');
    serveSite(site);
    await expect(createLiveSource(CSP_LISTING).list()).rejects.toMatchObject({ kind: 'reader-outdated' });
  });

  it('passes HTTP errors on as FeedErrors', async () => {
    serveSite(new Map(), { status: new Map([[cspListingUrl(1), 503]]) });
    await expect(createLiveSource(CSP_LISTING).list()).rejects.toMatchObject({ kind: 'http', status: 503 });
  });

  it('ignores a stored state it did not write, and reads the listing afresh', async () => {
    const site = cspSite(sampleLiveOffers(3, 'csp'), { facets: 5 });
    for (const sourceState of [null, 'x', { pages: 'x' }, { pages: [{ url: 'https://evil.example/nos-offres/filtres/organisme/10668/', etag: '"v1"', lastModified: null, next: null, offers: [] }] }]) {
      const calls = serveSite(site);
      const result = listed(await createLiveSource(CSP_LISTING).list({ sourceState }));
      expect(calls[0]!.headers['If-None-Match']).toBeUndefined();
      expect(result.entries).toHaveLength(3);
    }
  });

  it('fetchFile is not how live offers are read', async () => {
    const source = createLiveSource(CSP_LISTING);
    await expect(source.fetchFile({ fileName: 'x', url: cspListingUrl(1), version: 'v' })).rejects.toBeInstanceOf(FeedError);
  });
});

describe('readSourceState', () => {
  const good = { pages: [{ url: cspListingUrl(1), etag: '"v1"', lastModified: null, next: null, offers: [{ id: '2026-1', url: 'https://choisirleservicepublic.gouv.fr/offre-emploi/a-reference-2026-1/', title: 'A', organisation: null, location: null, contract: null, date: '2026-11-01' }] }] };
  it('accepts what the source wrote', () => {
    expect(readSourceState(good, cspReader, CSP_LISTING.listingUrl)).toEqual(good);
  });
  it.each([
    ['an offer off the site', { url: 'https://evil.example/offre-emploi/a/' }],
    ['an unsafe id', { id: '../x' }],
    ['a bad date', { date: 'hier' }],
    ['an empty title', { title: ' ' }],
    ['a non-string field', { organisation: 42 }],
  ])('refuses %s', (_, change) => {
    const bad = { pages: [{ ...good.pages[0]!, offers: [{ ...good.pages[0]!.offers[0]!, ...change }] }] };
    expect(readSourceState(bad, cspReader, CSP_LISTING.listingUrl)).toBeNull();
  });
});

describe('readPosting', () => {
  it('reads a new offer’s page into a posting, with the startup recognised', async () => {
    const offers = sampleLiveOffers(3, 'csp');
    const site = cspSite(offers, { facets: 5 });
    const calls = serveSite(site);
    const source = createLiveSource(CSP_LISTING, { recogniseStartup: (text) => (/Trackdéchets/.test(text) ? 'trackdechets' : null) });
    const { entries } = listed(await source.list());
    const result = await source.readPosting!(entries[0]!);
    expect(calls.at(-1)).toEqual({ url: cspOfferUrl(offers[0]!), headers: { Accept: 'text/html' } });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.retry).toBeUndefined();
    expect(result.posting).toMatchObject({ id: offers[0]!.id, title: offers[0]!.title, startupRef: 'trackdechets', contract: offers[0]!.contract, applicationDeadline: offers[0]!.validThrough, pageUrl: cspOfferUrl(offers[0]!) });
    expect(result.posting.body).toContain("startup d'État");
  });

  it('answers a posting from the listing, to retry, when the offer page fails', async () => {
    const offers = sampleLiveOffers(2, 'wttj');
    const site = wttjSite(offers);
    serveSite(site);
    const source = createLiveSource(WTTJ_LISTING);
    const { entries } = listed(await source.list());
    for (const status of [500, 404]) {
      serveSite(site, { status: new Map([[wttjOfferUrl(offers[0]!), status]]) });
      const result = await source.readPosting!(entries[0]!);
      if (!result.ok) throw new Error(result.error.message);
      // A server error is asked again next time; a 404 is the site's answer, kept until the card changes.
      expect(result.retry).toBe(status === 500 ? true : undefined);
      expect(result.posting).toMatchObject({ title: offers[0]!.title, date: offers[0]!.date, location: 'Paris', warnings: [expect.objectContaining({ code: 'listing-only' })] });
      expect(result.posting.body).toBe(`La description de l'offre est sur [Welcome to the Jungle](${wttjOfferUrl(offers[0]!)}).`);
    }
    // Offline, and a page that is no offer page at all.
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('network down'))));
    expect(await source.readPosting!(entries[0]!)).toMatchObject({ ok: true, retry: true });
    // A page that answered but is no offer page is not asked again each sync: its card's next change will.
    serveSite(new Map([[wttjOfferUrl(offers[0]!), '<html><body><p>Oups</p></body></html>']]));
    const unread = await source.readPosting!(entries[0]!);
    expect(unread).toMatchObject({ ok: true, recovered: true });
    expect(unread.ok && unread.retry).toBeFalsy();
  });

  it('throws for an abort, and only then', async () => {
    const offers = sampleLiveOffers(1, 'csp');
    serveSite(cspSite(offers, { facets: 5 }));
    const source = createLiveSource(CSP_LISTING);
    const { entries } = listed(await source.list());
    const controller = new AbortController();
    vi.stubGlobal('fetch', vi.fn(async (_url: string, init?: RequestInit) => {
      controller.abort();
      throw init?.signal?.reason ?? new DOMException('aborted', 'AbortError');
    }));
    await expect(source.readPosting!(entries[0]!, controller.signal)).rejects.toBeDefined();
  });

  it('never fetches an entry off the site', async () => {
    const offers = sampleLiveOffers(1, 'csp');
    serveSite(cspSite(offers, { facets: 5 }));
    const source = createLiveSource(CSP_LISTING);
    const { entries } = listed(await source.list());
    const calls = serveSite(new Map());
    const result = await source.readPosting!({ ...entries[0]!, url: 'https://evil.example/x' });
    expect(calls).toHaveLength(0);
    expect(result).toMatchObject({ ok: true, retry: true });
  });

  it('reads a generated CSP listing of 200 offers into 200 postings', async () => {
    const offers = sampleLiveOffers(200, 'csp');
    serveSite(cspSite(offers, { facets: 200 }));
    const source = createLiveSource(CSP_LISTING);
    const { entries } = listed(await source.list());
    expect(entries).toHaveLength(200);
    const results = await Promise.all(entries.slice(190).map((entry) => source.readPosting!(entry)));
    expect(results.map((result) => (result.ok ? result.posting.id : result.error.code))).toEqual(offers.slice(190).map((offer) => offer.id));
    expect(results.every((result) => result.ok && !result.retry)).toBe(true);
  });
});

describe('WTTJ source', () => {
  it('lists the company’s offers from the embedded data', async () => {
    const offers = sampleLiveOffers(5, 'wttj');
    const calls = serveSite(wttjSite(offers));
    const { entries } = listed(await createLiveSource(WTTJ_LISTING).list());
    expect(calls.map((call) => call.url)).toEqual([wttjListingUrl()]);
    expect(entries.map((entry) => [entry.fileName, entry.url])).toEqual(offers.map((offer) => [offer.id, wttjOfferUrl(offer)]));
  });

  it('a listing page that stays the same gives the same versions (an unchanged card is never fetched again)', async () => {
    const offers = sampleLiveOffers(5, 'wttj');
    serveSite(wttjSite(offers));
    const first = listed(await createLiveSource(WTTJ_LISTING).list());
    serveSite(wttjSite(offers), { versions: new Map([[wttjListingUrl(), 'v2']]) });
    const second = listed(await createLiveSource(WTTJ_LISTING).list({ sourceState: first.sourceState }));
    expect(second.entries).toEqual(first.entries);
  });
});

describe('CSP listing page built alone', () => {
  it('is what the generator serves as page 1', () => {
    const offers = sampleLiveOffers(3, 'csp');
    expect(cspSite(offers).get(cspListingUrl(1))).toBe(cspListingPage(offers, 1));
  });
});
