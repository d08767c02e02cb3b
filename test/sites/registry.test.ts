import { describe, expect, test } from 'vitest';
import { matchesPattern, parseMatchPattern } from '../../src/sites/match-pattern';
import { adapterForUrl, layoutsForUrl, SITE_ADAPTERS } from '../../src/sites/registry';

describe('match patterns', () => {
  test('a *. host covers the domain and its subdomains, nothing else', () => {
    const pattern = 'https://*.linkedin.com/jobs/*';
    expect(matchesPattern(pattern, 'https://linkedin.com/jobs/view/1/')).toBe(true);
    expect(matchesPattern(pattern, 'https://fr.linkedin.com/jobs/search?keywords=x')).toBe(true);
    expect(matchesPattern(pattern, 'https://evillinkedin.com/jobs/')).toBe(false);
    expect(matchesPattern(pattern, 'https://linkedin.com.evil.example/jobs/')).toBe(false);
    expect(matchesPattern(pattern, 'http://www.linkedin.com/jobs/')).toBe(false);
    expect(matchesPattern(pattern, 'https://www.linkedin.com/feed/')).toBe(false);
  });

  test('the path part is matched against path and query, not the fragment', () => {
    expect(matchesPattern('https://fr.indeed.com/viewjob*', 'https://fr.indeed.com/viewjob?jk=abc')).toBe(true);
    expect(matchesPattern('https://fr.indeed.com/jobs?q=*', 'https://fr.indeed.com/jobs?q=dev')).toBe(true);
    expect(matchesPattern('https://fr.indeed.com/jobs?q=*', 'https://fr.indeed.com/jobsXq=dev')).toBe(false);
    expect(matchesPattern('https://example.org/a', 'https://example.org/a#b')).toBe(true);
    expect(matchesPattern('https://example.org/a', 'https://example.org/a/b')).toBe(false);
  });

  test('* scheme, * host, and what does not parse', () => {
    expect(matchesPattern('*://*/*', 'http://example.org/')).toBe(true);
    expect(matchesPattern('*://*/*', 'ftp://example.org/')).toBe(false);
    expect(matchesPattern('https://example.org/*', 'not a url')).toBe(false);
    expect(() => parseMatchPattern('https://example.org')).toThrow();
    expect(() => parseMatchPattern('https://exa*mple.org/*')).toThrow();
    expect(() => parseMatchPattern('file:///*')).toThrow();
  });
});

describe('registry', () => {
  test('every adapter has a unique id, patterns the browser accepts, and examples', () => {
    expect(new Set(SITE_ADAPTERS.map((adapter) => adapter.id)).size).toBe(SITE_ADAPTERS.length);
    for (const adapter of SITE_ADAPTERS) {
      expect(adapter.matches.length, adapter.id).toBeGreaterThan(0);
      expect(adapter.examples.length, adapter.id).toBeGreaterThanOrEqual(2);
      for (const pattern of adapter.matches) expect(() => parseMatchPattern(pattern), pattern).not.toThrow();
      // Job pages only: no pattern may claim a whole host.
      for (const pattern of adapter.matches) expect(pattern, pattern).not.toMatch(/^[^:]+:\/\/[^/]+\/\*$/);
    }
  });

  for (const adapter of SITE_ADAPTERS) {
    test(`${adapter.id}: each example URL is matched by its patterns and claimed by it alone`, () => {
      for (const url of adapter.examples) {
        expect(adapter.matches.some((pattern) => matchesPattern(pattern, url)), url).toBe(true);
        expect(adapterForUrl(url)?.id, url).toBe(adapter.id);
        for (const other of SITE_ADAPTERS) {
          if (other === adapter) continue;
          expect(other.matches.some((pattern) => matchesPattern(pattern, url)), `${url} also matched by ${other.id}`).toBe(false);
        }
      }
    });

    test(`${adapter.id}: every layout restricted to a path applies to at least one example`, () => {
      for (const layout of adapter.layouts) {
        const applies = adapter.examples.some((url) => layoutsForUrl(adapter, url).includes(layout));
        expect(applies, `${adapter.id}/${layout.name}`).toBe(true);
      }
    });
  }

  test('pages that are not job pages are not claimed', () => {
    for (const url of [
      'https://www.linkedin.com/feed/',
      'https://www.linkedin.com/in/camille-fixture/',
      'https://www.linkedin.com/messaging/',
      'https://www.welcometothejungle.com/fr',
      'https://www.welcometothejungle.com/fr/companies/communaute-beta-gouv',
      'https://fr.indeed.com/',
      'https://fr.indeed.com/cmp/Exemple/reviews',
      'https://choisirleservicepublic.gouv.fr/',
      'https://candidat.francetravail.fr/espacepersonnel/',
      'https://www.hellowork.com/fr-fr/',
      'https://www.hellowork.com/fr-fr/entreprises/exemple-1.html',
      'https://www.apec.fr/candidat.html',
      'https://www.apec.fr/candidat/mon-espace.html',
      'https://example.org/jobs/view/1/',
      'not a url',
    ]) {
      expect(adapterForUrl(url), url).toBeNull();
    }
  });

  test('layoutsForUrl tells page kinds apart where one DOM part is shared', () => {
    const indeed = SITE_ADAPTERS.find((adapter) => adapter.id === 'indeed')!;
    const names = (url: string) => layoutsForUrl(indeed, url).map((layout) => layout.name);
    expect(names('https://fr.indeed.com/jobs?q=dev&vjk=0123456789abcdef')).toEqual(['list', 'pane']);
    expect(names('https://fr.indeed.com/viewjob?jk=0123456789abcdef')).toEqual(['list', 'viewjob']);
    const apec = SITE_ADAPTERS.find((adapter) => adapter.id === 'apec')!;
    expect(layoutsForUrl(apec, 'https://www.apec.fr/candidat/recherche-emploi.html/emploi?motsCles=x').map((l) => l.name)).toEqual(['list']);
    expect(layoutsForUrl(apec, 'https://www.apec.fr/candidat/recherche-emploi.html/emploi/detail-offre/1W').map((l) => l.name)).toEqual(['offer']);
    expect(layoutsForUrl(apec, 'not a url')).toEqual([]);
  });
});
