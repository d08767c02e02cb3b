/** One offer seen on several sources is one search input, one doc, one card match. Synthetic postings only. */
import { describe, expect, it } from 'vitest';
import { matchablePostings } from '../../src/match/matchable';
import type { Startup } from '../../src/postings/startups';
import { buildSearchIndex, DEFAULT_FILTERS, searchPostings } from '../../src/search';
import { offerKeys, offerLinks, searchInputsFrom } from '../../src/search/input';
import type { StoredPosting } from '../../src/store/db';

const GITHUB = 'github:exemple/offres/main/jobs';
const WTTJ = 'wttj:communaute-exemple';
const CSP = 'csp:organisme/1234';
const NOW = new Date('2024-03-20T12:00:00+01:00');

const STARTUP: Startup = {
  id: 'radar-des-aides',
  name: 'Radar des aides',
  pitch: 'Trouver les aides en trois questions.',
  link: null,
  contact: null,
  phases: [],
  thematiques: [],
  technos: [],
  incubatorId: null,
};

let clock = 0;
function posting(sourceId: string, id: string, fields: Partial<StoredPosting> = {}): StoredPosting {
  clock += 1;
  const live = !sourceId.startsWith('github:');
  return {
    id,
    fileName: live ? id : `${id}.md`,
    title: 'Développeur·se front-end',
    startupRef: 'radar-des-aides',
    openFlag: true,
    closedReason: null,
    date: '2024-03-01',
    dateSource: 'front-matter',
    depublicationDate: null,
    applicationDeadline: null,
    domaines: [],
    techno: [],
    contract: null,
    junior: false,
    externalUrl: null,
    applyEmails: [],
    excerpt: '',
    body: 'Une mission inventée.',
    warnings: [],
    pageUrl: live ? `https://${sourceId.startsWith('wttj:') ? 'jobs.example' : 'public.example'}/offres/${id}` : undefined,
    key: `${sourceId} ${id}`,
    sourceId,
    version: '1',
    startupId: 'radar-des-aides',
    storedAt: '2024-03-01T08:00:00.000Z',
    firstSeenAt: new Date(Date.UTC(2024, 2, 1, 8, clock)).toISOString(),
    removedAt: null,
    openAtLastSync: true,
    ...fields,
  };
}

describe('searchInputsFrom, one input per offer', () => {
  const feed = posting(GITHUB, '2024-03-01-dev-front', { openFlag: false, closedReason: 'filled', body: 'Court.' });
  const wttj = posting(WTTJ, 'dev-front', {
    title: 'Développeuse / Développeur Front-End (H/F)',
    date: '2024-03-04',
    body: 'Une longue description : la mission, le profil, la zibeline à apprivoiser.',
    techno: ['TypeScript'],
  });
  const csp = posting(CSP, 'offre-42', { title: 'DEVELOPPEUR FRONTEND F/H', date: '2024-03-08', body: 'Moyenne, sans plus.' });
  const other = posting(WTTJ, 'back', { title: 'Développeur·se back-end' });
  const inputs = searchInputsFrom([csp, other, wttj, feed], [STARTUP]);
  const merged = inputs.find((i) => i.key === feed.key)!;

  it('keys the merged offer by its primary and lists the others’ keys', () => {
    expect(inputs.map((i) => i.key).sort()).toEqual([feed.key, other.key].sort());
    expect(merged.sameAs).toEqual([wttj.key, csp.key]);
    expect(merged.title).toBe(feed.title);
    expect(merged.startupName).toBe('Radar des aides');
    expect(offerKeys(merged)).toEqual([feed.key, wttj.key, csp.key]);
  });

  it('links every member’s original, primary first', () => {
    expect(merged.links).toEqual([
      { sourceId: GITHUB, url: 'https://github.com/exemple/offres/blob/main/jobs/2024-03-01-dev-front.md' },
      { sourceId: WTTJ, url: 'https://jobs.example/offres/dev-front' },
      { sourceId: CSP, url: 'https://public.example/offres/offre-42' },
    ]);
  });

  it('lists a link once when two members share it', () => {
    const a = posting(WTTJ, 'a', { pageUrl: 'https://jobs.example/same' });
    const b = posting(CSP, 'b', { pageUrl: 'https://jobs.example/same' });
    const [only] = searchInputsFrom([a, b], []);
    expect(only!.links).toEqual([{ sourceId: WTTJ, url: 'https://jobs.example/same' }]);
  });

  it('is open when a member is open, with that member’s dates', () => {
    expect(merged.openFlag).toBe(true);
    const closedFeed = posting(GITHUB, 'closed', { openFlag: false, closedReason: 'filled' });
    const closing = posting(CSP, 'closing', { depublicationDate: '2024-04-01' });
    const [input] = searchInputsFrom([closedFeed, closing], []);
    expect(input!.key).toBe(closedFeed.key);
    expect(input!.openFlag).toBe(true);
    expect(input!.depublicationDate).toBe('2024-04-01');
  });

  it('takes the body and details of the richest description', () => {
    expect(merged.body).toBe(wttj.body);
    expect(merged.techno).toEqual(['TypeScript']);
  });

  it('keeps a single posting as it was: no links when its feed’s id gives its original, its page when it is a live source’s', () => {
    const single = inputs.find((i) => i.key === other.key)!;
    expect(single.sameAs).toBeUndefined();
    expect(single.links).toEqual([{ sourceId: WTTJ, url: 'https://jobs.example/offres/back' }]);
    const [lone] = searchInputsFrom([posting(GITHUB, 'seul')], []);
    expect(lone!.links).toBeUndefined();
    expect(offerLinks(lone!)).toEqual([{ sourceId: GITHUB, url: 'https://github.com/exemple/offres/blob/main/jobs/seul.md' }]);
  });

  it('indexes the merged offer once, found by its richest description’s words, open, and matched on job pages by its first link', () => {
    const index = buildSearchIndex(inputs);
    expect(index.docs).toHaveLength(2);
    const outcome = searchPostings(index, 'zibeline', { filters: DEFAULT_FILTERS, now: NOW });
    expect(outcome.hits.map((h) => index.docs[h.doc]!.key)).toEqual([feed.key]);
    const doc = index.docs.find((d) => d.key === feed.key)!;
    expect(doc.links).toHaveLength(3);
    expect(doc.sameAs).toEqual([wttj.key, csp.key]);
    const matchable = matchablePostings(index.docs, NOW).find((p) => p.key === feed.key);
    expect(matchable?.url).toBe('https://github.com/exemple/offres/blob/main/jobs/2024-03-01-dev-front.md');
  });
});

describe('an offer its source stopped listing', () => {
  it('is closed in the search and for the job-site matcher, whatever its own flag says', () => {
    const gone = posting(CSP, 'gone', { title: 'Coach produit', removedAt: '2024-03-10T08:00:00Z', openAtLastSync: false });
    const listed = posting(CSP, 'listed', { title: 'Juriste' });
    const inputs = searchInputsFrom([gone, listed], [STARTUP]);
    expect(inputs.find((input) => input.key === gone.key)?.openFlag).toBe(false);
    expect(inputs.find((input) => input.key === listed.key)?.openFlag).toBe(true);
    const index = buildSearchIndex(inputs);
    expect(matchablePostings(index.docs, NOW).map((p) => p.key)).toEqual([listed.key]);
    expect(searchPostings(index, 'coach', { filters: DEFAULT_FILTERS, now: NOW }).hits).toEqual([]);
    expect(searchPostings(index, 'coach', { filters: { ...DEFAULT_FILTERS, openOnly: false }, now: NOW }).hits).toHaveLength(1);
  });
});
