/** Query semantics on small synthetic postings written for these tests. */
import { describe, expect, it } from 'vitest';
import { buildSearchIndex, DEFAULT_FILTERS, searchPostings, type SearchFilters, type SearchInput } from '../../src/search';
import { editDistance } from '../../src/search/query';

const NOW = new Date('2026-11-23T12:00:00Z');

function posting(id: string, fields: Partial<SearchInput>): SearchInput {
  return {
    key: `test ${id}`,
    id,
    fileName: `${id}.md`,
    sourceId: 'test',
    title: id,
    startupRef: null,
    startupId: null,
    startupName: null,
    startupPitch: null,
    domaines: [],
    techno: [],
    contract: null,
    junior: false,
    date: '2024-01-01',
    openFlag: false,
    depublicationDate: null,
    applicationDeadline: null,
    body: '',
    ...fields,
  };
}

const POSTINGS = [
  posting('dev-inclusive', { title: 'Développeur·se full-stack', date: '2024-03-01', body: 'Vous coderez en Python.' }),
  posting('dev-open', { title: 'Une développeuse ou un développeur React', date: '2023-01-01', openFlag: true, junior: true, domaines: ['Développement'] }),
  posting('po', { title: 'Cheffe de produit', date: '2024-02-01', startupId: 'mon-outil', startupName: 'Mon Outil', body: 'Travail avec des juristes et des développeurs.' }),
  posting('bizdev', { title: 'Chargé(e) de déploiement', date: '2022-05-01', body: 'Vous irez à la rencontre des usagers.' }),
  posting('designer', { title: 'Designer UX', date: '2021-01-01', domaines: ['Design'] }),
  posting('front', { title: 'Dev front end', date: '2020-01-01', body: 'Pilotage du produit en ligne.' }),
  posting('python-body', { title: 'Ingénieur·e données', date: '2019-01-01', body: 'Python, python et encore python.' }),
];
const index = buildSearchIndex(POSTINGS);

function ids(query: string, filters: Partial<SearchFilters> = {}): string[] {
  const outcome = searchPostings(index, query, { filters: { ...DEFAULT_FILTERS, openOnly: false, ...filters }, now: NOW });
  return outcome.hits.map((h) => index.docs[h.doc]!.id);
}

describe('searchPostings', () => {
  it('lists every posting newest first when nothing is typed, open ones first', () => {
    expect(ids('')).toEqual(['dev-open', 'dev-inclusive', 'po', 'bizdev', 'designer', 'front', 'python-body']);
    expect(ids('', { openOnly: true })).toEqual(['dev-open']);
  });

  it.each(['développeuse', 'developpeur', 'Développeur(euse)', 'dev', 'developer', 'devlopeur'])('"%s" finds the developer roles', (query) => {
    expect(ids(query).slice(0, 3).sort()).toEqual(['dev-inclusive', 'dev-open', 'front']);
  });

  it('finds a role by its synonym in the other language or wording', () => {
    expect(ids('product owner')).toEqual(['po']);
    expect(ids('bizdev')).toEqual(['bizdev']);
  });

  it('never takes a profession mentioned in a body for the role', () => {
    expect(ids('juriste')).toEqual([]);
  });

  it('tolerates typos only where a word is long enough, and not on the first letter', () => {
    expect(ids('desinger')).toEqual(['designer']);
    expect(ids('zesigner')).toEqual([]);
    expect(editDistance('desinger', 'designer', 2)).toBe(1);
    expect(editDistance('abc', 'xyz', 1)).toBe(2);
  });

  it('ranks a role line above details above a body, and a body naming the word often above one naming it once', () => {
    expect(ids('python')).toEqual(['python-body', 'dev-inclusive']);
    expect(ids('développement')).toEqual(['dev-open']);
  });

  it('matches hyphenated, spaced and joined forms alike', () => {
    expect(ids('front end')).toEqual(['front']);
    expect(ids('frontend')).toEqual(['front']);
    expect(ids('full stack')).toEqual(['dev-inclusive']);
    expect(ids('fullstack')).toEqual(['dev-inclusive']);
  });

  it('needs at least one word outside the body when there are several', () => {
    expect(ids('pilote ligne')).toEqual([]);
    expect(ids('dev python')).toEqual(['dev-inclusive']);
  });

  it('treats the word being typed as a prefix and finished words as whole words', () => {
    expect(ids('pilota')).toEqual(['front']);
    expect(ids('pilota ')).toEqual([]);
    expect(ids('des')).toEqual(['designer']);
  });

  it('supports quoted phrases and exclusions', () => {
    expect(ids('"chef de produit"')).toEqual(['po']);
    expect(ids('"produit chef"')).toEqual([]);
    expect(ids('dev -react')).toEqual(['dev-inclusive', 'front']);
  });

  it('applies every filter', () => {
    expect(ids('dev', { juniorOnly: true })).toEqual(['dev-open']);
    expect(ids('', { domaine: 'Design' })).toEqual(['designer']);
    expect(ids('', { startup: 'mon-outil' })).toEqual(['po']);
    expect(ids('', { withinDays: 30 })).toEqual([]);
  });

  it('reports the matched terms, synonyms included, for highlighting', () => {
    const outcome = searchPostings(index, 'product owner', { filters: DEFAULT_FILTERS, now: NOW });
    expect(outcome.matchedTerms.has('po')).toBe(true);
    expect(outcome.matchedPhrases).toContainEqual(['chef', 'produit']);
  });
});
