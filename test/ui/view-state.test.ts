import { describe, expect, it } from 'vitest';
import { DEFAULT_VIEW_STATE, isDefaultFilters, readViewState, writeViewState, VIEW_STATE_KEY } from '../../src/ui/popup/view-state';
import { filterChoices, listOnlyIndex, runSearch } from '../../src/ui/popup/search-state';
import { DEFAULT_FILTERS, type SearchDoc } from '../../src/search/types';

describe('the popup view state, read back as untrusted', () => {
  it('round-trips a valid state', () => {
    const stored = new Map<string, string>();
    const state = { query: 'dev', filters: { ...DEFAULT_FILTERS, openOnly: false, domaine: 'Design', withinDays: 30 as const } };
    writeViewState({ setItem: (k, v) => stored.set(k, v) }, state);
    expect(readViewState(stored.get(VIEW_STATE_KEY) ?? null)).toEqual(state);
  });

  it('repairs field by field and never throws', () => {
    expect(readViewState(null)).toEqual(DEFAULT_VIEW_STATE);
    expect(readViewState('{not json')).toEqual(DEFAULT_VIEW_STATE);
    expect(readViewState('"a string"')).toEqual(DEFAULT_VIEW_STATE);
    expect(readViewState(JSON.stringify({ query: 42, filters: { openOnly: 'no', domaine: 7, startup: 'x', juniorOnly: 1, withinDays: 12 } }))).toEqual({
      query: '',
      filters: { ...DEFAULT_FILTERS, startup: 'x' },
    });
    expect(readViewState(JSON.stringify({ query: 'x'.repeat(500) })).query).toHaveLength(200);
  });

  it('survives a storage that refuses writes', () => {
    expect(() =>
      writeViewState(
        {
          setItem: () => {
            throw new Error('quota');
          },
        },
        DEFAULT_VIEW_STATE,
      ),
    ).not.toThrow();
  });

  it('knows default filters', () => {
    expect(isDefaultFilters(DEFAULT_FILTERS)).toBe(true);
    expect(isDefaultFilters({ ...DEFAULT_FILTERS, juniorOnly: true })).toBe(false);
  });
});

describe('the popup search state', () => {
  const doc = (id: string, fields: Partial<SearchDoc>): SearchDoc => ({
    key: id,
    id,
    fileName: `${id}.md`,
    sourceId: 's',
    title: id,
    startupRef: null,
    startupId: null,
    startupName: null,
    domaines: [],
    techno: [],
    contract: null,
    junior: false,
    date: '2024-01-01',
    openFlag: true,
    depublicationDate: null,
    applicationDeadline: null,
    ...fields,
  });
  const docs = [
    doc('a', { domaines: ['Produit'], startupId: 'zeta', startupName: 'Zêta' }),
    doc('b', { domaines: ['Design'], startupRef: 'alpha-ref' }),
    doc('c', { domaines: ['Design'], startupId: 'zeta', startupName: 'Zêta' }),
  ];

  it('lists before the terms are read, and waits (rather than says "no result") for a typed query', () => {
    const index = listOnlyIndex(docs, 'v');
    const list = runSearch(index, false, '', DEFAULT_FILTERS, new Date('2024-06-01T12:00:00Z'));
    expect(list.kind === 'results' && list.outcome.hits.length).toBe(3);
    expect(runSearch(index, false, 'dev', DEFAULT_FILTERS, new Date())).toEqual({ kind: 'waiting' });
  });

  it('offers each domaine and startup once, sorted for reading', () => {
    expect(filterChoices(docs)).toEqual({
      domaines: ['Design', 'Produit'],
      startups: [
        { value: 'alpha-ref', label: 'alpha-ref' },
        { value: 'zeta', label: 'Zêta' },
      ],
    });
  });
});
