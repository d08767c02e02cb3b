import { describe, expect, it } from 'vitest';
import { loadCorpusSearchInputs } from '../helpers/corpus-search';
import { type JudgedCase, judgeCase, passes, precisionAt5 } from './relevance-report';
import { RELEVANCE_CASES, type RelevanceKind } from './relevance-set';

const judged = (ids: string[]): JudgedCase => ({ query: 'q', kind: 'test', relevantIds: new Set(ids) });

describe('precisionAt5', () => {
  it('counts relevant ids among the first five only', () => {
    expect(precisionAt5(['a', 'b', 'x', 'c', 'd', 'e', 'f'], new Set(['a', 'b', 'c', 'd', 'e', 'f']))).toBe(4 / 5);
  });

  it('divides by the number of results when fewer than five come back', () => {
    expect(precisionAt5(['a', 'x'], new Set(['a', 'b', 'c']))).toBe(1 / 2);
    expect(precisionAt5(['a'], new Set(['a', 'b', 'c']))).toBe(1);
  });

  it('scores an empty list 1 when nothing was expected and 0 otherwise', () => {
    expect(precisionAt5([], new Set())).toBe(1);
    expect(precisionAt5([], new Set(['a']))).toBe(0);
  });

  it('scores any result 0 when nothing was expected', () => {
    expect(precisionAt5(['x', 'y'], new Set())).toBe(0);
  });
});

describe('passes', () => {
  const big = judged(['a', 'b', 'c', 'd', 'e', 'f', 'g']);

  it('passes when the first five are all relevant, whatever follows', () => {
    const v = passes(big, ['a', 'c', 'b', 'e', 'd', 'x', 'y']);
    expect(v).toMatchObject({ pass: true, k: 5, precisionAt5: 1, offending: [] });
  });

  it('fails with an irrelevant result at rank 3', () => {
    const v = passes(big, ['a', 'b', 'x', 'c', 'd']);
    expect(v.pass).toBe(false);
    expect(v.offending).toEqual(['x']);
    expect(v.precisionAt5).toBe(4 / 5);
  });

  it('fails with an irrelevant result at rank 5', () => {
    expect(passes(big, ['a', 'b', 'c', 'd', 'x', 'e']).pass).toBe(false);
  });

  it('fails when fewer than k results come back, even if all are relevant', () => {
    const v = passes(big, ['a', 'b', 'c']);
    expect(v.pass).toBe(false);
    expect(v.precisionAt5).toBe(1);
  });

  it('only requires min(5, |relevant|) leading results when few postings are relevant', () => {
    const two = judged(['a', 'b']);
    expect(passes(two, ['b', 'a', 'x', 'y'])).toMatchObject({ pass: true, k: 2 });
    expect(passes(two, ['a', 'x', 'b']).pass).toBe(false);
    expect(passes(two, ['a']).pass).toBe(false);
  });

  it('passes a "nothing" case only on an empty result list', () => {
    const nothing = judged([]);
    expect(passes(nothing, [])).toMatchObject({ pass: true, k: 0, precisionAt5: 1 });
    const v = passes(nothing, ['x']);
    expect(v.pass).toBe(false);
    expect(v.offending).toEqual(['x']);
  });
});

describe('the relevance set, judged against the real corpus', () => {
  const postings = loadCorpusSearchInputs();
  const ids = new Set(postings.map((p) => p.id));
  const cases = RELEVANCE_CASES.map((c) => ({ c, j: judgeCase(c, postings) }));

  it('has at least 45 distinct queries with the required mix of kinds', () => {
    expect(RELEVANCE_CASES.length).toBeGreaterThanOrEqual(45);
    expect(new Set(RELEVANCE_CASES.map((c) => c.query)).size).toBe(RELEVANCE_CASES.length);
    const minimum: Record<RelevanceKind, number> = {
      typo: 5,
      inclusive: 6,
      synonym: 6,
      startup: 5,
      techno: 4,
      domaine: 3,
      'multi-word': 4,
      folding: 4,
      nothing: 5,
    };
    for (const [kind, min] of Object.entries(minimum)) {
      expect(RELEVANCE_CASES.filter((c) => c.kind === kind).length, kind).toBeGreaterThanOrEqual(min);
    }
  });

  it('expects something for every case but the "nothing" ones', () => {
    for (const { c, j } of cases) {
      if (c.kind === 'nothing') expect(j.relevantIds.size, c.query).toBe(0);
      else expect(j.relevantIds.size, c.query).toBeGreaterThan(0);
    }
  });

  it('names only postings that exist', () => {
    for (const { c, j } of cases) {
      for (const id of j.relevantIds) expect(ids.has(id), `${c.query}: ${id}`).toBe(true);
    }
  });
});
