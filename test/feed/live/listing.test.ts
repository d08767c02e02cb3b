import { describe, expect, it } from 'vitest';
import { FeedError } from '../../../src/feed/http';
import { MAX_HTML_LENGTH } from '../../../src/feed/live/html';
import { listingKeyOf, offerUrl, pageNumberOf, pageUrlFor, readListingPage, safeOfferId } from '../../../src/feed/live/listing';
import { cspReader } from '../../../src/feed/live/csp';
import { wttjReader } from '../../../src/feed/live/wttj';
import { cspListingPage, cspListingUrl, sampleLiveOffers, wttjListingPage, wttjListingUrl, type LiveOfferSpec } from '../../helpers/live-sites';
import { liveFixture } from './fixtures';

function outdated(run: () => unknown): FeedError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(FeedError);
    return error as FeedError;
  }
  throw new Error('expected a FeedError');
}

describe('readListingPage: choisirleservicepublic.gouv.fr', () => {
  it('reads the cards of a page through the CSP adapter, with the card date and the next page', () => {
    const { html, url } = liveFixture('csp-listing-page-1');
    const page = readListingPage(cspReader, html, url);
    expect(page.signal).toBe('dom');
    expect(page.declaredEmpty).toBe(false);
    expect(page.nextPageUrl).toBe('https://choisirleservicepublic.gouv.fr/nos-offres/filtres/organisme/10668/page/2/');
    expect(page.offers.map((offer) => offer.id)).toEqual(['2026-9910001', '2026-9910002', '2026-9910003']);
    expect(page.offers[0]).toEqual({
      id: '2026-9910001',
      url: 'https://choisirleservicepublic.gouv.fr/offre-emploi/developpeur-se-full-stack---trackdechets-hf-reference-2026-9910001/',
      title: 'Développeur·se full-stack - Trackdéchets (H/F)',
      organisation: 'Direction interministérielle du numérique (DINUM)',
      location: 'Paris (75)',
      contract: null,
      date: '2026-11-02',
    });
    // "1er novembre 2026"
    expect(page.offers[1]!.date).toBe('2026-11-01');
  });

  it('follows the pagination to the last page, whose disabled "next" is no link', () => {
    const second = liveFixture('csp-listing-page-2');
    const page2 = readListingPage(cspReader, second.html, second.url);
    expect(page2.nextPageUrl).toBe('https://choisirleservicepublic.gouv.fr/nos-offres/filtres/organisme/10668/page/3/');
    expect(page2.offers.map((offer) => offer.id)).toEqual(['2026-9910004', 'DEF_15-00099001', '2026-9910006']);
    const third = liveFixture('csp-listing-page-3');
    const page3 = readListingPage(cspReader, third.html, third.url);
    expect(page3.offers.map((offer) => offer.id)).toEqual(['O033261001009901']);
    expect(page3.nextPageUrl).toBeNull();
  });

  it('finds the next page from other pagination forms: rel=next, or a link to …/page/<n+1>/', () => {
    const offers = sampleLiveOffers(3, 'csp');
    const base = cspListingPage(offers, 1, { facets: 10 });
    const withoutNav = base.replace(/<nav class="fr-pagination"[\s\S]*?<\/nav>/, '');
    const relNext = withoutNav.replace('</main>', `<a rel="next" href="${cspListingUrl(2)}">Suivant</a></main>`);
    expect(readListingPage(cspReader, relNext, cspListingUrl(1)).nextPageUrl).toBe(cspListingUrl(2));
    const plainLink = withoutNav.replace('</main>', `<ul class="pages"><li><a href="/nos-offres/filtres/organisme/10668/page/3/">3</a></li><li><a href="/nos-offres/filtres/organisme/10668/page/2/">2</a></li></ul></main>`);
    expect(readListingPage(cspReader, plainLink, cspListingUrl(1)).nextPageUrl).toBe(cspListingUrl(2));
    // A link to page 2 of another listing is not this listing's next page.
    const otherListing = withoutNav.replace('</main>', `<a href="https://choisirleservicepublic.gouv.fr/nos-offres/filtres/organisme/999/page/2/">2</a></main>`);
    expect(readListingPage(cspReader, otherListing, cspListingUrl(1)).nextPageUrl).toBeNull();
    expect(readListingPage(cspReader, withoutNav, cspListingUrl(1)).nextPageUrl).toBeNull();
  });

  it('reads an explicit empty results page as empty', () => {
    const { html, url } = liveFixture('csp-listing-empty');
    expect(readListingPage(cspReader, html, url)).toEqual({ offers: [], nextPageUrl: null, declaredEmpty: true, signal: 'dom' });
  });

  it('says the reader is outdated when the markup changed (no fr-card)', () => {
    const { html, url } = liveFixture('csp-listing-changed');
    const error = outdated(() => readListingPage(cspReader, html, url));
    expect(error.kind).toBe('reader-outdated');
    expect(error.url).toBe(url);
    expect(error.message).toMatch(/^choisirleservicepublic\.gouv\.fr: .*fr-card--offer.*does not say it has no offer/);
  });

  it('says the reader is outdated for a page that is no results page at all', () => {
    const error = outdated(() => readListingPage(cspReader, '<!doctype html><html><body><h1>Maintenance</h1></body></html>', cspListingUrl(1)));
    expect(error.kind).toBe('reader-outdated');
    expect(error.message).toMatch(/does not look like a results page/);
  });

  it('says the reader is outdated when cards are there but none reads', () => {
    const offers = sampleLiveOffers(2, 'csp');
    // Cards whose links lost the reference: no id to name the offers by.
    const html = cspListingPage(offers, 1, { facets: 10 }).replace(/-reference-2026-\d+\//g, '/');
    const error = outdated(() => readListingPage(cspReader, html, cspListingUrl(1)));
    expect(error.kind).toBe('reader-outdated');
    expect(error.message).toMatch(/has 2 offer card\(s\) but none gave/);
  });

  it('ignores the recommended cards of an offer page', () => {
    const { html, url } = liveFixture('csp-offer-json-ld');
    // An offer page handed to the listing reader: its only cards are recommendations.
    const error = outdated(() => readListingPage(cspReader, html, url));
    expect(error.kind).toBe('reader-outdated');
  });

  it('reads a generated page of 20 cards with its big facets', () => {
    const offers = sampleLiveOffers(45, 'csp');
    const html = cspListingPage(offers, 2);
    expect(html.length).toBeGreaterThan(200_000);
    const page = readListingPage(cspReader, html, cspListingUrl(2));
    expect(page.offers.map((offer) => offer.id)).toEqual(offers.slice(20, 40).map((offer) => offer.id));
    expect(page.offers.map((offer) => offer.date)).toEqual(offers.slice(20, 40).map((offer) => offer.date));
    expect(page.nextPageUrl).toBe(cspListingUrl(3));
  });
});

describe('readListingPage: Welcome to the Jungle', () => {
  it('reads the embedded initial data first, skipping the spontaneous application and other companies', () => {
    const { html, url } = liveFixture('wttj-company-listing');
    const page = readListingPage(wttjReader, html, url);
    expect(page.signal).toBe('initial-data');
    expect(page.offers).toEqual([
      {
        id: 'developpeur-se-full-stack-trackdechets_paris',
        url: 'https://www.welcometothejungle.com/fr/companies/communaute-beta-gouv/jobs/developpeur-se-full-stack-trackdechets_paris',
        title: 'Développeur·se full-stack – Trackdéchets',
        organisation: 'beta.gouv.fr',
        location: 'Paris',
        contract: 'Freelance',
        date: '2026-11-03',
      },
      {
        id: 'product-manager-mon-suivi-justice_paris',
        url: 'https://www.welcometothejungle.com/fr/companies/communaute-beta-gouv/jobs/product-manager-mon-suivi-justice_paris',
        title: 'Product Manager – Mon Suivi Justice',
        organisation: 'beta.gouv.fr',
        location: 'Paris, Lyon',
        contract: 'CDD / Temporaire',
        date: '2026-10-20',
      },
    ]);
    expect(page.nextPageUrl).toBeNull();
  });

  it('falls back to the cards when the page embeds no data, the tracking query left out of the URL', () => {
    const { html, url } = liveFixture('wttj-company-listing');
    const page = readListingPage(wttjReader, html.replace(/<script>window\.__INITIAL_DATA__[\s\S]*?<\/script>/, ''), url);
    expect(page.signal).toBe('dom');
    expect(page.offers.map((offer) => [offer.id, offer.title, offer.contract, offer.location, offer.date])).toEqual([
      ['developpeur-se-full-stack-trackdechets_paris', 'Développeur·se full-stack – Trackdéchets', 'Freelance', 'Paris', '2026-11-03'],
      ['product-manager-mon-suivi-justice_paris', 'Product Manager – Mon Suivi Justice', 'CDD / Temporaire', 'Paris', '2026-10-20'],
    ]);
    expect(page.offers[1]!.url).toBe('https://www.welcometothejungle.com/fr/companies/communaute-beta-gouv/jobs/product-manager-mon-suivi-justice_paris');
  });

  it('falls back to the cards when the embedded data is broken', () => {
    const { html, url } = liveFixture('wttj-company-listing');
    const broken = html.replace('window.__INITIAL_DATA__ = "{', 'window.__INITIAL_DATA__ = "{{');
    const page = readListingPage(wttjReader, broken, url);
    expect(page.signal).toBe('dom');
    expect(page.offers).toHaveLength(2);
  });

  it('says the reader is outdated when the hooks and the data are gone', () => {
    const { html, url } = liveFixture('wttj-listing-changed');
    const error = outdated(() => readListingPage(wttjReader, html, url));
    expect(error.kind).toBe('reader-outdated');
    expect(error.message).toMatch(/^Welcome to the Jungle: /);
  });

  it('reads a company with only the spontaneous application as empty', () => {
    const page = readListingPage(wttjReader, wttjListingPage([], { initialData: false }), wttjListingUrl());
    expect(page).toMatchObject({ offers: [], declaredEmpty: true });
    const withData = readListingPage(wttjReader, wttjListingPage([], { cards: false, spontaneous: false }), wttjListingUrl());
    expect(withData).toMatchObject({ offers: [], declaredEmpty: true, signal: 'initial-data' });
  });

  it('gives the next page when the data says there are more pages', () => {
    const offers = sampleLiveOffers(2, 'wttj');
    const html = wttjListingPage(offers).replace(/\\"nbPages\\":1/, '\\"nbPages\\":3');
    expect(readListingPage(wttjReader, html, wttjListingUrl()).nextPageUrl).toBe(`${wttjListingUrl()}?page=2`);
  });
});

describe('readListingPage: hostile pages', () => {
  const hostile: LiveOfferSpec = {
    id: '2026-9900666',
    title: '<script>alert(1)</script><img src=x onerror=alert(2)> **gras** [x](javascript:alert(3))',
    organisation: '<b onmouseover=alert(4)>DINUM</b>',
    date: '2026-11-01',
    description: 'x',
  };

  it('keeps script injection in titles as text', () => {
    const page = readListingPage(cspReader, cspListingPage([hostile], 1, { facets: 10 }), cspListingUrl(1));
    expect(page.offers[0]!.title).toBe(hostile.title);
    expect(page.offers[0]!.organisation).toBe(hostile.organisation);
  });

  it('drops offer links that are not http(s) on the site itself', () => {
    const html = cspListingPage([hostile, { ...hostile, id: '2026-9900667' }], 1, { facets: 10 })
      .replace('https://choisirleservicepublic.gouv.fr/offre-emploi/', 'javascript:alert(1)//offre-emploi/')
      .replace('https://choisirleservicepublic.gouv.fr/offre-emploi/', 'https://evil.example/offre-emploi/');
    expect(() => readListingPage(cspReader, html, cspListingUrl(1))).toThrowError(/none gave a title, an offer id and a link/);
  });

  it('refuses a huge page', () => {
    const huge = `<!doctype html><html><body>${'x'.repeat(MAX_HTML_LENGTH)}</body></html>`;
    const error = outdated(() => readListingPage(cspReader, huge, cspListingUrl(1)));
    expect(error.kind).toBe('invalid-body');
    expect(error.message).toMatch(/was not read/);
  });

  it('never takes initial data from a script with a source or of another type', () => {
    const { html, url } = liveFixture('wttj-company-listing');
    const moved = html.replace('<script>window.__INITIAL_DATA__', '<script type="text/x-template">window.__INITIAL_DATA__');
    expect(readListingPage(wttjReader, moved, url).signal).toBe('dom');
  });
});

describe('listing helpers', () => {
  it('make offer ids safe as file names', () => {
    expect(safeOfferId('2026-2401234')).toBe('2026-2401234');
    expect(safeOfferId('DEF_15-00064919')).toBe('DEF_15-00064919');
    expect(safeOfferId('d%C3%A9veloppeur_paris')).toBe('developpeur_paris');
    expect(safeOfferId('../../etc/passwd')).toBe('etc-passwd');
    expect(safeOfferId('..')).toBeNull();
    expect(safeOfferId('')).toBeNull();
    expect(safeOfferId('a'.repeat(300))).toHaveLength(100);
  });

  it('keep offer URLs on the site, without query or fragment', () => {
    expect(offerUrl('https://www.welcometothejungle.com/fr/companies/x/jobs/y?q=1&o=2#top', 'www.welcometothejungle.com')).toBe('https://www.welcometothejungle.com/fr/companies/x/jobs/y');
    expect(offerUrl('https://evil.example/fr/companies/x/jobs/y', 'www.welcometothejungle.com')).toBeNull();
    expect(offerUrl('javascript:alert(1)', 'www.welcometothejungle.com')).toBeNull();
    expect(offerUrl('https://user:pw@www.welcometothejungle.com/x', 'www.welcometothejungle.com')).toBeNull();
  });

  it('number pages and name the listing they belong to', () => {
    const path = cspReader.listing.scheme;
    expect(pageNumberOf(path, cspListingUrl(1))).toBe(1);
    expect(pageNumberOf(path, cspListingUrl(7))).toBe(7);
    expect(pageUrlFor(path, cspListingUrl(7), 8)).toBe(cspListingUrl(8));
    expect(pageUrlFor(path, cspListingUrl(7), 1)).toBe(cspListingUrl(1));
    expect(listingKeyOf(path, cspListingUrl(3))).toBe(listingKeyOf(path, cspListingUrl(1)));
    expect(listingKeyOf(path, cspListingUrl(3, '999'))).not.toBe(listingKeyOf(path, cspListingUrl(1)));
    const query = wttjReader.listing.scheme;
    expect(pageNumberOf(query, `${wttjListingUrl()}?page=4`)).toBe(4);
    expect(pageUrlFor(query, wttjListingUrl(), 2)).toBe(`${wttjListingUrl()}?page=2`);
    expect(listingKeyOf(query, `${wttjListingUrl()}?page=4`)).toBe(listingKeyOf(query, wttjListingUrl()));
  });
});

describe('readInitialData', () => {
  it('decodes the JavaScript string by hand, whatever its quotes and escapes, and skips tests of the variable', async () => {
    const { readInitialData } = await import('../../../src/feed/live/initial-data');
    const { parseHtmlPage } = await import('../../../src/feed/live/html');
    const read = (script: string) => readInitialData(parseHtmlPage(`<html><body><script>${script}</script></body></html>`, 'x'), '__INITIAL_DATA__');
    expect(read(`if (window.__INITIAL_DATA__ === undefined) {}; window.__INITIAL_DATA__ = '{"a":"\\x41\\u00e9\\u{1F600}\\'"}';`)).toEqual({ a: 'Aé😀\'' });
    expect(read('window.__INITIAL_DATA__ = {"a":[1,2]};\nwindow.other = 1;')).toEqual({ a: [1, 2] });
    expect(read('window.__INITIAL_DATA__ = `{"a":${alert(1)}}`')).toBeNull();
    expect(read('window.__INITIAL_DATA__ = "{\\"a\\":1')).toBeNull();
    expect(read('window.__INITIAL_DATA__ = fetchData()')).toBeNull();
  });
});
