/**
 * The highlighter on the project's job-site fixture pages, read by the real adapters: each
 * page is asked about in one batch, and the cards the (fake) background picks are marked
 * on the element the adapter calls the card, and nowhere else.
 */
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { BADGE_TAG, MATCH_ATTRIBUTE, POSTINGS_ATTRIBUTE, matchSignature, startHighlighter } from '../../src/highlight/highlighter';
import type { CardMatch, CardQuery } from '../../src/match/types';
import { readCards } from '../../src/sites/read';
import { adapterForUrl } from '../../src/sites/registry';
import { posting, texts } from './harness';

const DIR = new URL('../fixtures/job-sites/', import.meta.url);

/** `| \`file.html\` | \`https://…\` |` rows of the fixtures' README: where each page is served. */
function fixtures(): Array<{ file: string; url: string }> {
  const readme = readFileSync(new URL('README.md', DIR), 'utf8');
  return [...readme.matchAll(/^\|\s*`([\w.-]+\.html)`\s*\|\s*`(https:\/\/[^`]+)`\s*\|/gm)].map(([, file, url]) => ({ file: file!, url: url! }));
}

describe('highlighter on the fixture pages', () => {
  it('has fixtures to run on', () => {
    expect(fixtures().length).toBeGreaterThan(0);
  });

  for (const { file, url } of fixtures()) {
    it(`${file}: one batch, the answered cards marked, others left alone`, async () => {
      const adapter = adapterForUrl(url);
      expect(adapter, url).not.toBeNull();
      const { document, window } = parseHTML(readFileSync(new URL(file, DIR), 'utf8'));
      const doc = document as unknown as Document;
      const expected = readCards(doc, adapter!, url);
      expect(expected.length).toBeGreaterThan(0);

      // What each card should show: the fixture's own `data-fixture-expect` where it has one,
      // else every other card (the page then still exercises marking). The fake background
      // answers accordingly, by signature.
      const expectation = (element: Element, index: number): 'same' | 'similar' | null => {
        const declared = element.closest('[data-fixture-expect]')?.getAttribute('data-fixture-expect');
        if (declared) return declared === 'same' || declared === 'similar' ? declared : null;
        return index % 2 === 0 ? 'same' : null;
      };
      const answers = new Map(expected.map((card, index) => [matchSignature(card.fields), expectation(card.element, index)]));

      const frames: Array<() => void> = [];
      const batches: CardQuery[][] = [];
      const controller = new AbortController();
      startHighlighter({
        adapter: adapter!,
        document: doc,
        match: async (cards) => {
          batches.push(cards);
          return cards.flatMap((card): CardMatch[] => {
            const kind = answers.get(matchSignature(card.fields));
            return kind ? [{ ref: card.ref, kind, postings: [posting(`p${card.ref}`)] }] : [];
          });
        },
        openOffer() {},
        showSimilar: true,
        texts,
        signal: controller.signal,
        schedule: (run) => frames.push(run),
        getUrl: () => url,
        now: () => 0, // a frozen clock: every frame has the time to read the whole page
        MutationObserver: (window as unknown as typeof globalThis).MutationObserver,
      });
      for (let round = 0; round < 10; round += 1) {
        await new Promise((resolve) => setTimeout(resolve, 0));
        const due = frames.splice(0);
        if (due.length === 0) break;
        for (const run of due) run();
      }

      expect(batches).toHaveLength(1);
      expect(batches[0]).toHaveLength(answers.size);
      expected.forEach((card, index) => {
        const kind = expectation(card.element, index);
        expect(card.element.getAttribute(MATCH_ATTRIBUTE), card.fields.title).toBe(kind);
        expect(card.element.lastElementChild?.tagName.toLowerCase() === BADGE_TAG, card.fields.title).toBe(kind !== null);
        if (kind) expect(card.element.getAttribute(POSTINGS_ATTRIBUTE)).toMatch(/^p\d+$/);
      });
      expect(doc.querySelectorAll(BADGE_TAG)).toHaveLength(expected.filter((card, index) => expectation(card.element, index)).length);
      // Re-reading the marked page finds the same cards with the same fields: our badge
      // adds no text, no link and no card.
      expect(readCards(doc, adapter!, url).map((card) => card.fields)).toEqual(expected.map((card) => card.fields));

      controller.abort();
      expect(doc.querySelectorAll(`${BADGE_TAG}, [${MATCH_ATTRIBUTE}], [${POSTINGS_ATTRIBUTE}]`)).toHaveLength(0);
    });
  }
});
