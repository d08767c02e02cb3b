/**
 * The schema.org JobPosting detector: JSON-LD and microdata read from synthetic pages
 * written here (shapes as the schema.org vocabulary defines them), broken and hostile data
 * included, and its run-time registration against fake browser APIs.
 */
import { parseHTML } from 'linkedom';
import { describe, expect, test } from 'vitest';
import { jobPostingsInJsonLd } from '../../src/sites/json-ld';
import { jobPosting } from '../../src/sites/adapters/job-posting';
import { readCards } from '../../src/sites/read';
import { injectIntoOpenTabs, JOB_POSTING_SCRIPT_FILE, JOB_POSTING_SCRIPT_ID, syncJobPostingScript, type JobPostingBrowser } from '../../src/sites/job-posting-sites';
import { originPattern, readSiteSettings, webOrigin, withJobPostingSite } from '../../src/settings/sites';

const URL_ = 'https://jobs.example-employer.fr/offres/42?ref=x#apply';

function page(head: string, body: string): Document {
  return (parseHTML(`<!doctype html><html><head>${head}</head><body>${body}</body></html>`) as unknown as { document: Document }).document;
}
const ld = (data: unknown) => `<script type="application/ld+json">${JSON.stringify(data)}</script>`;

const POSTING = {
  '@context': 'https://schema.org',
  '@type': 'JobPosting',
  title: 'Développeur·se full-stack &amp; data',
  hiringOrganization: { '@type': 'Organization', name: 'DINUM', sameAs: 'https://www.numerique.gouv.fr' },
  jobLocation: [{ '@type': 'Place', address: { '@type': 'PostalAddress', addressLocality: 'Paris', postalCode: '75007' } }],
  identifier: { '@type': 'PropertyValue', name: 'employer', value: 'REF-2026-17' },
  url: 'https://jobs.example-employer.fr/offres/42',
  datePosted: '2026-11-02',
};

describe('jobPostingsInJsonLd', () => {
  test('reads a posting: title (entities and spacing undone), organisation, place, identifier, url', () => {
    expect(jobPostingsInJsonLd(page(ld(POSTING), ''))).toEqual([
      { title: 'Développeur·se full-stack & data', organisation: 'DINUM', location: 'Paris', identifier: 'REF-2026-17', url: 'https://jobs.example-employer.fr/offres/42' },
    ]);
  });

  test('finds postings in @graph, arrays, item lists and typed arrays; ignores other types', () => {
    const doc = page(
      ld({ '@context': 'https://schema.org', '@graph': [{ '@type': 'WebPage', name: 'Page' }, { ...POSTING, title: 'A' }] }) +
        ld([{ ...POSTING, title: 'B', '@type': ['JobPosting', 'Thing'] }]) +
        ld({ '@type': 'ItemList', itemListElement: [{ '@type': 'ListItem', item: { ...POSTING, title: 'C', '@type': 'http://schema.org/JobPosting' } }] }) +
        ld({ '@type': 'Organization', name: 'JobPosting Inc.' }),
      '',
    );
    expect(jobPostingsInJsonLd(doc).map((p) => p.title)).toEqual(['A', 'B', 'C']);
  });

  test('survives broken JSON, missing titles, odd value types and hostile strings, as plain text', () => {
    const doc = page(
      '<script type="application/ld+json">{ "@type": "JobPosting", title: broken</script>' +
        ld({ '@type': 'JobPosting', description: 'no title' }) +
        ld({ '@type': 'JobPosting', title: '<img src=x onerror=alert(1)>Juriste', hiringOrganization: 'ACME', jobLocation: 'Lyon', identifier: 1234, url: 'javascript:alert(1)' }) +
        ld({ '@type': 'JobPosting', title: 42, hiringOrganization: [{ legalName: 'Legal' }], jobLocation: { name: 'Remote' } }),
      '',
    );
    expect(jobPostingsInJsonLd(doc)).toEqual([
      { title: 'Juriste', organisation: 'ACME', location: 'Lyon', identifier: '1234', url: null },
      { title: '42', organisation: 'Legal', location: 'Remote', identifier: null, url: null },
    ]);
  });

  test('is bounded: a page cannot make it walk without end', () => {
    let deep: unknown = { ...POSTING, title: 'too deep' };
    for (let i = 0; i < 50; i += 1) deep = { '@graph': [deep] };
    const many = Array.from({ length: 500 }, (_, i) => ({ ...POSTING, title: `P${i}` }));
    expect(jobPostingsInJsonLd(page(ld(deep), ''))).toEqual([]);
    expect(jobPostingsInJsonLd(page(ld(many), ''))).toHaveLength(50);
  });
});

describe('the JobPosting adapter', () => {
  test('JSON-LD: the heading that shows the posting\'s title is the card, read from the data', () => {
    const doc = page(ld(POSTING), '<header><h1>Mon espace</h1></header><main><h1>Développeur·se Full-Stack &amp; Data</h1><p>…</p></main>');
    const cards = readCards(doc, jobPosting, URL_);
    expect(cards).toHaveLength(1);
    expect(cards[0]!.element.tagName).toBe('H1');
    expect(cards[0]!.layout).toBe('json-ld');
    expect(cards[0]!.fields).toMatchObject({ title: 'Développeur·se full-stack & data', organisation: 'DINUM', location: 'Paris', jobId: 'REF-2026-17', url: 'https://jobs.example-employer.fr/offres/42' });
  });

  test('JSON-LD: a heading that shows no posting\'s title is not a card (a listing page\'s "Nos offres")', () => {
    expect(readCards(page(ld(POSTING), '<h1>Nos offres</h1>'), jobPosting, URL_)).toEqual([]);
    expect(readCards(page('', '<h1>Développeur·se full-stack & data</h1>'), jobPosting, URL_)).toEqual([]);
  });

  test('microdata: each marked-up posting is a card, meta values included; the heading inside is not read twice', () => {
    const doc = page(
      ld(POSTING),
      `<ul>
        <li itemscope itemtype="https://schema.org/JobPosting"><h1 itemprop="title">Développeur·se full-stack &amp; data</h1>
          <div itemprop="hiringOrganization" itemscope itemtype="https://schema.org/Organization"><span itemprop="name">DINUM</span></div>
          <div itemprop="jobLocation" itemscope><div itemprop="address" itemscope><span itemprop="addressLocality">Paris</span></div></div>
          <a itemprop="url" href="/offres/42">Voir</a></li>
        <li itemscope itemtype="http://schema.org/JobPosting"><meta itemprop="title" content="Chargé·e de déploiement">
          <div itemprop="hiringOrganization" itemscope><meta itemprop="name" content="ANCT"></div><a href="/offres/43">Voir</a></li>
      </ul>`,
    );
    const cards = readCards(doc, jobPosting, URL_);
    expect(cards.map((card) => [card.layout, card.element.tagName, card.fields.title, card.fields.organisation, card.fields.url])).toEqual([
      ['microdata', 'LI', 'Développeur·se full-stack & data', 'DINUM', 'https://jobs.example-employer.fr/offres/42'],
      ['microdata', 'LI', 'Chargé·e de déploiement', 'ANCT', 'https://jobs.example-employer.fr/offres/43'],
    ]);
  });
});

describe('sites the detector may run on', () => {
  test('origins are validated and kept as origins; patterns cover the host', () => {
    expect(webOrigin('https://Jobs.Example.fr/offres?x=1')).toBe('https://jobs.example.fr');
    expect(webOrigin('http://localhost:8080/')).toBe('http://localhost:8080');
    for (const bad of ['javascript:alert(1)', 'file:///etc/passwd', 'https://user:pw@x.fr', 'not a url', 42, null]) expect(webOrigin(bad)).toBeNull();
    expect(originPattern('https://jobs.example.fr')).toBe('https://jobs.example.fr/*');
    expect(originPattern('http://localhost:8080')).toBe('http://localhost/*');
    const settings = readSiteSettings({ jobPostingSites: ['https://a.fr/x', 'https://a.fr', 'ftp://b.fr', 7, 'https://c.fr'] });
    expect(settings.jobPostingSites).toEqual(['https://a.fr', 'https://c.fr']);
    expect(withJobPostingSite(settings, 'https://a.fr', false).jobPostingSites).toEqual(['https://c.fr']);
    expect(withJobPostingSite(settings, 'https://d.fr', true).jobPostingSites).toEqual(['https://a.fr', 'https://c.fr', 'https://d.fr']);
  });

  function fakeBrowser(granted: string[]) {
    const calls: string[] = [];
    let registered: { id: string; matches: string[] } | null = null;
    const api: JobPostingBrowser = {
      permissions: { contains: async ({ origins }) => origins.every((origin) => granted.includes(origin)) },
      scripting: {
        getRegisteredContentScripts: async ({ ids }) => (registered && ids.includes(registered.id) ? [{ ...registered }] : []),
        registerContentScripts: async ([script]) => {
          if (registered) throw new Error(`Duplicate script ID '${script!.id}'`);
          calls.push(`register ${script!.matches.join(' ')}`);
          expect(script).toMatchObject({ id: JOB_POSTING_SCRIPT_ID, js: [JOB_POSTING_SCRIPT_FILE] });
          registered = { id: script!.id, matches: script!.matches };
        },
        updateContentScripts: async ([script]) => {
          calls.push(`update ${script!.matches.join(' ')}`);
          registered = { id: script!.id, matches: script!.matches };
        },
        unregisterContentScripts: async () => {
          calls.push('unregister');
          registered = null;
        },
        executeScript: async ({ target }) => {
          if (target.tabId === 13) throw new Error('Cannot access contents of the page');
          calls.push(`inject ${target.tabId}`);
        },
      },
      tabs: { query: async ({ url }) => (url.includes('https://a.fr/*') ? [{ id: 12 }, { id: 13 }, {}] : []) },
    };
    return { api, calls, granted, registered: () => registered };
  }

  test('registers exactly the enabled origins whose permission is granted, updates, and unregisters', async () => {
    const browser = fakeBrowser(['https://a.fr/*']);
    // Enabled but not granted yet: nothing runs anywhere.
    expect(await syncJobPostingScript(['https://b.fr'], browser.api)).toEqual({ patterns: [], added: [] });
    expect(browser.calls).toEqual([]);

    expect(await syncJobPostingScript(['https://a.fr', 'https://b.fr'], browser.api)).toEqual({ patterns: ['https://a.fr/*'], added: ['https://a.fr/*'] });
    browser.granted.push('https://b.fr/*');
    expect(await syncJobPostingScript(['https://a.fr', 'https://b.fr'], browser.api)).toEqual({ patterns: ['https://a.fr/*', 'https://b.fr/*'], added: ['https://b.fr/*'] });
    // Nothing changed: no call.
    await syncJobPostingScript(['https://a.fr', 'https://b.fr'], browser.api);
    await syncJobPostingScript(['https://b.fr'], browser.api);
    await syncJobPostingScript([], browser.api);
    expect(browser.calls).toEqual(['register https://a.fr/*', 'update https://a.fr/* https://b.fr/*', 'update https://b.fr/*', 'unregister']);
    expect(browser.registered()).toBeNull();
  });

  test('injects into the open tabs of newly enabled sites, skipping tabs that refuse', async () => {
    const browser = fakeBrowser(['https://a.fr/*']);
    expect(await injectIntoOpenTabs(['https://a.fr/*'], browser.api)).toBe(1);
    expect(await injectIntoOpenTabs([], browser.api)).toBe(0);
    expect(browser.calls).toEqual(['inject 12']);
  });
});
