import { describe, expect, it } from 'vitest';
import { feedHostPatterns, feedKindOfUrl, parseLiveSourceUrl, SUGGESTED_LIVE_SOURCES } from '../../src/feed/feed-url';

describe('parseLiveSourceUrl', () => {
  it('recognises a Welcome to the Jungle company jobs page in any locale or none, and names it by the company', () => {
    for (const url of [
      'https://www.welcometothejungle.com/fr/companies/communaute-beta-gouv/jobs',
      'https://www.welcometothejungle.com/en/companies/communaute-beta-gouv/jobs/',
      'https://www.welcometothejungle.com/companies/Communaute-Beta-Gouv/jobs?page=2#top',
      'https://welcometothejungle.com/fr/companies/communaute-beta-gouv/jobs',
    ]) {
      expect(parseLiveSourceUrl(url)).toEqual({
        kind: 'wttj-company',
        id: 'wttj:communaute-beta-gouv',
        listingUrl: 'https://www.welcometothejungle.com/fr/companies/communaute-beta-gouv/jobs',
        organisation: 'communaute-beta-gouv',
      });
    }
  });

  it('recognises a choisirleservicepublic.gouv.fr listing filtered on an organisation, whatever page was pasted', () => {
    const expected = {
      kind: 'csp-organisation',
      id: 'csp:organisme/10668',
      listingUrl: 'https://choisirleservicepublic.gouv.fr/nos-offres/filtres/organisme/10668/',
      organisation: '10668',
    };
    expect(parseLiveSourceUrl('https://choisirleservicepublic.gouv.fr/nos-offres/filtres/organisme/10668/')).toEqual(expected);
    expect(parseLiveSourceUrl('https://choisirleservicepublic.gouv.fr/nos-offres/filtres/organisme/10668/page/3/')).toEqual(expected);
    // Other filters are part of what is followed.
    expect(parseLiveSourceUrl('https://choisirleservicepublic.gouv.fr/nos-offres/filtres/mot-cles/developpeur/organisme/10668/')).toMatchObject({
      id: 'csp:mot-cles/developpeur/organisme/10668',
      listingUrl: 'https://choisirleservicepublic.gouv.fr/nos-offres/filtres/mot-cles/developpeur/organisme/10668/',
    });
  });

  it('recognises neither a job page, a search, another site, plain http, nor a listing without an organisation', () => {
    for (const url of [
      'https://www.welcometothejungle.com/fr/companies/communaute-beta-gouv/jobs/dev-javascript_paris',
      'https://www.welcometothejungle.com/fr/jobs?query=beta',
      'https://www.welcometothejungle.com/fr/companies/communaute-beta-gouv',
      'http://www.welcometothejungle.com/fr/companies/communaute-beta-gouv/jobs',
      'https://choisirleservicepublic.gouv.fr/nos-offres/',
      'https://choisirleservicepublic.gouv.fr/nos-offres/filtres/domaine/3522/',
      'https://choisirleservicepublic.gouv.fr/nos-offres/filtres/organisme/dinum/',
      'https://choisirleservicepublic.gouv.fr/offre-emploi/dev-reference-2026-1/',
      'https://exemple.org/companies/x/jobs',
      'pas une adresse',
    ]) {
      expect(parseLiveSourceUrl(url), url).toBeNull();
    }
  });

  it('gives the suggested sources their kinds, each read from its one host', () => {
    expect(SUGGESTED_LIVE_SOURCES.map(feedKindOfUrl)).toEqual(['wttj-company', 'csp-organisation']);
    expect(SUGGESTED_LIVE_SOURCES.map(feedHostPatterns)).toEqual([['https://www.welcometothejungle.com/*'], ['https://choisirleservicepublic.gouv.fr/*']]);
    expect(feedHostPatterns('https://welcometothejungle.com/fr/companies/communaute-beta-gouv/jobs')).toEqual(['https://www.welcometothejungle.com/*']);
  });
});
