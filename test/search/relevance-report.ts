/**
 * Scoring rules for the hand-judged relevance set (relevance-set.ts). Pure
 * functions over ids, so they can be used by any harness and tested on their own.
 */
import type { SearchInput } from '../../src/search/types';
import { type RelevanceCase, relevantIdsFor } from './relevance-set';

/** A case once its judgement has been applied to a list of postings. */
export interface JudgedCase {
  query: string;
  kind: string;
  relevantIds: ReadonlySet<string>;
}

export interface CaseVerdict {
  pass: boolean;
  /** How many leading results had to be relevant: min(5, |relevant|); 0 for a "nothing" case. */
  k: number;
  /** Relevant among the first 5 ÷ min(5, number of results), for reporting. */
  precisionAt5: number;
  /** Results the case looked at (the first k, or all of them for a "nothing" case) that were not relevant. */
  offending: string[];
}

export function judgeCase(c: RelevanceCase, postings: readonly SearchInput[]): JudgedCase {
  return { query: c.query, kind: c.kind, relevantIds: relevantIdsFor(c, postings) };
}

/**
 * Share of the first five results that are relevant. The denominator is the
 * number of results shown when fewer than five come back, so a short list
 * of good answers is not penalised. No results scores 1 when nothing was
 * expected and 0 otherwise.
 */
export function precisionAt5(rankedIds: readonly string[], relevantIds: ReadonlySet<string>): number {
  const top = rankedIds.slice(0, 5);
  if (top.length === 0) return relevantIds.size === 0 ? 1 : 0;
  const hits = top.filter((id) => relevantIds.has(id)).length;
  return hits / top.length;
}

/**
 * A case passes when:
 * - nothing is relevant: the search returned no result at all;
 * - otherwise: the first k = min(5, |relevant|) results are all relevant
 *   (precision@k = 1). Fewer than k results is a failure, since relevant
 *   postings that exist were not shown.
 */
export function passes(c: JudgedCase, rankedIds: readonly string[]): CaseVerdict {
  const p5 = precisionAt5(rankedIds, c.relevantIds);
  if (c.relevantIds.size === 0) {
    return { pass: rankedIds.length === 0, k: 0, precisionAt5: p5, offending: [...rankedIds] };
  }
  const k = Math.min(5, c.relevantIds.size);
  const head = rankedIds.slice(0, k);
  const offending = head.filter((id) => !c.relevantIds.has(id));
  return { pass: head.length === k && offending.length === 0, k, precisionAt5: p5, offending };
}
