import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parsePosting } from '../../src/postings';
import { pageSkeleton, readCards, type ReadCard } from '../../src/sites/read';
import { adapterForUrl, SITE_ADAPTERS } from '../../src/sites/registry';
import { expectedField, FIXTURES_DIR, fixtureFiles, loadFixture } from './fixture-pages';

/** Every fixture page, what it stands for, and which kinds of cards it holds. */
const FIXTURES: Record<string, { site: string; kind: 'list' | 'view' }> = {
  'linkedin-search.html': { site: 'linkedin', kind: 'list' },
  'linkedin-collections.html': { site: 'linkedin', kind: 'list' },
  'linkedin-search-results.html': { site: 'linkedin', kind: 'list' },
  'linkedin-job-view.html': { site: 'linkedin', kind: 'view' },
  'linkedin-guest-search.html': { site: 'linkedin', kind: 'list' },
  'linkedin-guest-job.html': { site: 'linkedin', kind: 'view' },
  'wttj-search.html': { site: 'wttj', kind: 'list' },
  'wttj-company-jobs.html': { site: 'wttj', kind: 'list' },
  'wttj-job.html': { site: 'wttj', kind: 'view' },
  'indeed-search.html': { site: 'indeed', kind: 'list' },
  'indeed-viewjob.html': { site: 'indeed', kind: 'view' },
  'csp-list.html': { site: 'csp', kind: 'list' },
  'csp-offer.html': { site: 'csp', kind: 'view' },
  'france-travail-search.html': { site: 'france-travail', kind: 'list' },
  'france-travail-offer.html': { site: 'france-travail', kind: 'view' },
  'hellowork-search.html': { site: 'hellowork', kind: 'list' },
  'hellowork-offer.html': { site: 'hellowork', kind: 'view' },
  'apec-search.html': { site: 'apec', kind: 'list' },
  'apec-offer.html': { site: 'apec', kind: 'view' },
};

/** A company's own jobs tab cannot show another employer's look-alike. */
const NO_LOOKALIKE = new Set(['wttj-company-jobs.html']);

function read(file: string): { cards: ReadCard[]; expected: Element[]; document: Document; url: string } {
  const page = loadFixture(file);
  const adapter = adapterForUrl(page.url);
  if (!adapter) throw new Error(`${file}: ${page.url} is claimed by no adapter`);
  const cards = readCards(page.document, adapter, page.url);
  return { cards, expected: Array.from(page.document.querySelectorAll('[data-fixture-expect]')), document: page.document, url: page.url };
}

test('the fixture table lists every fixture page', () => {
  expect(fixtureFiles()).toEqual(Object.keys(FIXTURES).sort());
});

test('the README\'s "served as" table names each page\'s own URL', () => {
  // Other tests (the highlighter's) find the pages through that table.
  const readme = readFileSync(`${FIXTURES_DIR}README.md`, 'utf8');
  const rows = [...readme.matchAll(/^\|\s*`([\w.-]+\.html)`\s*\|\s*`(https:\/\/[^`]+)`\s*\|/gm)].map(([, file, url]) => [file, url]);
  expect(Object.fromEntries(rows)).toEqual(Object.fromEntries(fixtureFiles().map((file) => [file, loadFixture(file).url])));
});

describe.each(Object.entries(FIXTURES))('%s', (file, { site, kind }) => {
  test('stands for a URL of its site', () => {
    const page = loadFixture(file);
    expect(adapterForUrl(page.url)?.id).toBe(site);
    expect(page.document.querySelector('meta[name="beta-radar-fixture"]')?.getAttribute('content')).toBe(file.replace(/\.html$/, ''));
  });

  test('readCards finds exactly the marked cards, with their fields', () => {
    const { cards, expected } = read(file);
    expect(expected.length).toBeGreaterThan(0);
    expect(cards.map((card) => card.element)).toHaveLength(expected.length);
    expect(new Set(cards.map((card) => card.element))).toEqual(new Set(expected));
    for (const { element, fields, layout } of cards) {
      const label = `${file} ${layout} ${fields.title}`;
      expect(fields.title, label).not.toBe('');
      expect(fields.title, label).toBe(expectedField(element, 'title'));
      for (const [name, actual] of [['organisation', fields.organisation], ['location', fields.location], ['id', fields.jobId]] as const) {
        const wanted = expectedField(element, name);
        if (wanted !== undefined) expect(actual, `${label}: ${name}`).toBe(wanted);
      }
      for (const link of [fields.url, ...fields.links]) {
        if (link !== null) expect(link, label).toMatch(/^https?:\/\//);
      }
    }
  });

  test('no card is read inside another', () => {
    const { cards } = read(file);
    for (const outer of cards) {
      for (const inner of cards) {
        if (outer !== inner) expect(outer.element.contains(inner.element), `${outer.fields.title} ⊃ ${inner.fields.title}`).toBe(false);
      }
    }
  });

  if (kind === 'list') {
    test('holds cross-posted offers, look-alikes and unrelated jobs', () => {
      const verdicts = new Set(read(file).expected.map((element) => element.getAttribute('data-fixture-expect')));
      expect(verdicts.has('same')).toBe(true);
      expect(verdicts.has('none')).toBe(true);
      if (!NO_LOOKALIKE.has(file)) expect(verdicts.has('similar')).toBe(true);
    });
  }

  test('pageSkeleton keeps the structure and drops every text and URL', () => {
    const page = loadFixture(file);
    const root = page.document.documentElement as unknown as Element;
    const skeleton = pageSkeleton(root);
    expect(skeleton.split('\n')[0]).toMatch(/^html/);
    for (const element of Array.from(page.document.querySelectorAll('[data-fixture-expect]'))) {
      // The card roots are there, by tag and classes (ids written into classes are masked).
      const classes = (element.getAttribute('class') ?? '').split(/\s+/).filter((name) => name && !/[0-9a-f]{10,}/i.test(name));
      expect(skeleton).toContain(element.tagName.toLowerCase());
      for (const name of classes) expect(skeleton).toContain(`.${name}`);
    }
    for (const fragment of secrets(page.document)) expect(skeleton, fragment).not.toContain(fragment);
  });
});

/** Every text of the page and every value a bug report must not carry (URLs, labels, inputs, our expectations). */
function secrets(document: Document): string[] {
  const out = new Set<string>();
  const walk = (node: Node) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3 || child.nodeType === 8) {
        const text = (child.nodeValue ?? '').replace(/\s+/g, ' ').trim();
        if (text.length >= 4) out.add(text);
      } else {
        walk(child);
      }
    }
  };
  walk(document);
  const sensitive = ['href', 'src', 'alt', 'title', 'aria-label', 'value', 'content', 'datetime', 'data-title', 'data-json',
    'data-analytics-values-param', 'data-entity-urn', 'data-delayed-url', 'data-occludable-job-id', 'data-job-id', 'data-jk', 'data-id-offre'];
  for (const element of Array.from(document.querySelectorAll('*'))) {
    for (const { name, value } of Array.from(element.attributes)) {
      // (data-fixture-expect's words, `same` or `none`, may well be part of a class name.)
      const annotation = name.startsWith('data-fixture-') && name !== 'data-fixture-expect';
      if ((sensitive.includes(name) || annotation) && value.trim().length >= 4) out.add(value.trim());
    }
  }
  return [...out];
}

describe('across fixtures', () => {
  test('every layout of every adapter reads at least one fixture card', () => {
    const seen = new Set<string>();
    for (const file of fixtureFiles()) {
      const { cards } = read(file);
      const site = FIXTURES[file]!.site;
      for (const card of cards) seen.add(`${site}/${card.layout}`);
    }
    const all = SITE_ADAPTERS.flatMap((adapter) => adapter.layouts.map((layout) => `${adapter.id}/${layout.name}`));
    expect(all.filter((name) => !seen.has(name))).toEqual([]);
  });

  test('LinkedIn classic fixtures hold occluded shells, and the reader skips them', () => {
    for (const file of ['linkedin-search.html', 'linkedin-collections.html']) {
      const { cards, document } = read(file);
      const shells = Array.from(document.querySelectorAll('li[data-occludable-job-id]')).filter((li) => li.children.length === 0);
      expect(shells.length, file).toBeGreaterThanOrEqual(2);
      const found = new Set(cards.map((card) => card.element));
      for (const shell of shells) expect(found.has(shell)).toBe(false);
    }
  });

  test('LinkedIn SDUI fixtures carry hashed class names only around the cards', () => {
    const { cards } = read('linkedin-search-results.html');
    for (const { element } of cards) {
      for (const name of (element.getAttribute('class') ?? '').split(/\s+/).filter(Boolean)) expect(name).toMatch(/^[0-9a-f_]{8,9}$/);
    }
  });

  test('CSP offer page: the offer is the title block, its recommended offers are cards of their own', () => {
    const { cards, document } = read('csp-offer.html');
    const offer = cards.filter((card) => card.layout === 'offer');
    expect(offer).toHaveLength(1);
    expect(offer[0]!.fields.title).toBe(document.querySelector('h1')?.textContent?.trim());
    expect(offer[0]!.fields.jobId).toBe('2026-9900201');
    const recommended = document.querySelector('.strate-cards-list')!;
    expect(offer[0]!.element.contains(recommended)).toBe(false);
    const others = cards.filter((card) => card.layout !== 'offer');
    expect(others.map((card) => card.fields.title).sort()).toEqual(['Agent d\'accueil (H/F)', 'Développeur full stack (H/F)']);
    for (const card of others) expect(recommended.contains(card.element)).toBe(true);
  });

  test('a job view on its own page links to that page; a pane on a search page does not', () => {
    const viewjob = read('indeed-viewjob.html').cards[0]!;
    expect(viewjob.fields.url).toBe('https://fr.indeed.com/viewjob?jk=b2c3d4e5f6071829');
    const pane = read('indeed-search.html').cards.find((card) => card.layout === 'pane')!;
    expect(pane.fields.jobId).toBe('a1b2c3d4e5f60718');
    expect(pane.fields.url).toBeNull();
    const guest = read('linkedin-guest-job.html').cards[0]!;
    expect(guest.fields.url).toMatch(/^https:\/\/fr\.linkedin\.com\/jobs\/view\/charge-e-de-deploiement-at-dossierfacile-9000000601\?/);
  });

  test('list cards carry their offer link, made absolute', () => {
    const card = read('apec-search.html').cards[0]!;
    expect(card.fields.url).toBe('https://www.apec.fr/candidat/recherche-emploi.html/emploi/detail-offre/179000001W?selectedIndex=0&page=0');
    const classic = read('linkedin-search.html').cards.find((c) => c.layout === 'classic-list')!;
    expect(classic.fields.url).toMatch(/^https:\/\/www\.linkedin\.com\/jobs\/view\/9000000101\/\?/);
  });
});

describe('synthetic postings beside the fixtures', () => {
  const dir = `${FIXTURES_DIR}postings/`;
  const files = readdirSync(dir).filter((name) => name.endsWith('.md')).sort();

  test('three open postings: full-stack developer, deployment officer, product owner', () => {
    const parsed = files.map((name) => parsePosting(name, readFileSync(`${dir}${name}`, 'utf8')));
    const postings = parsed.map((result) => {
      if (!result.ok) throw new Error(result.error.message);
      return result.posting;
    });
    expect(postings.map((posting) => [posting.title, posting.startupRef, posting.openFlag]).sort()).toEqual([
      ['Chargé·e de déploiement', 'dossierfacile', true],
      ['Développeur·se full-stack', 'trackdechets', true],
      ['Product Owner', 'beta.gouv.fr', true],
    ]);
    for (const posting of postings) expect(posting.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});
