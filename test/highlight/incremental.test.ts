/**
 * The highlighter reads only what changed, and within a time budget per frame. These tests
 * check both what it costs (how many cards it reads, how long a frame reads) and that the
 * shortcuts never change the outcome: after any sequence of changes, its marks are those a
 * highlighter started afresh on the final page sets.
 */
import { describe, expect, it } from 'vitest';
import type { LayoutAdapter, SiteAdapter } from '../../src/sites/types';
import { MATCH_ATTRIBUTE, POSTINGS_ATTRIBUTE } from '../../src/highlight/highlighter';
import { adapter, cardHtml, makeCard, page } from './harness';

/** The harness's adapter, counting how many times a card is read (one `title` lookup per read). */
function countingAdapter(): { adapter: SiteAdapter; reads: () => number } {
  let reads = 0;
  const layouts = adapter.layouts.map(
    (layout) =>
      new Proxy(layout, {
        get(target, key, receiver) {
          if (key === 'title') reads += 1;
          return Reflect.get(target, key, receiver) as unknown;
        },
      }) as LayoutAdapter,
  );
  return { adapter: { ...adapter, layouts }, reads: () => reads };
}

const list = (count: number, from = 1) => Array.from({ length: count }, (_, i) => cardHtml(String(from + i), i % 3 === 0 ? 'Développeur' : 'Comptable', i % 3 === 0 ? 'beta.gouv.fr' : 'ACME')).join('');

/** What the page shows: each card's id with its mark and postings. */
function marksOf(document: Document): string[] {
  return Array.from(document.querySelectorAll('li[data-job]')).map(
    (card) => `${card.getAttribute('data-job')}:${card.getAttribute(MATCH_ATTRIBUTE) ?? '-'}:${card.getAttribute(POSTINGS_ATTRIBUTE) ?? ''}:${card.querySelectorAll('beta-radar-badge').length}`,
  );
}

describe('incremental highlighting', () => {
  it('reads only the cards added to a long list, and those whose text changed', async () => {
    const counting = countingAdapter();
    const p = page(list(1000), { adapter: counting.adapter });
    await p.settle();
    expect(counting.reads()).toBe(1000);
    expect(p.document.querySelectorAll(`[${MATCH_ATTRIBUTE}="same"]`)).toHaveLength(334);

    for (let i = 0; i < 25; i += 1) p.list.append(makeCard(p.document, `n${i}`, 'Développeur', 'beta.gouv.fr'));
    await p.settle();
    expect(counting.reads()).toBe(1025);
    expect(p.card('n24').getAttribute(MATCH_ATTRIBUTE)).toBe('same');

    // A slot rewritten in place with another offer: an id attribute and a text, one read.
    const slot = p.card('2');
    slot.setAttribute('data-job', 'r1');
    (slot.querySelector('.org')!.firstChild as Text).data = 'beta.gouv.fr';
    await p.settle();
    expect(counting.reads()).toBe(1026);
    expect(slot.getAttribute(MATCH_ATTRIBUTE)).toBe('same');

    // A change outside every card (a counter in the page's header) reads nothing.
    p.document.body.prepend(p.document.createElement('header'));
    p.document.querySelector('header')!.textContent = '3 new messages';
    await p.settle();
    expect(counting.reads()).toBe(1026);

    // rescan() (and a navigation) read everything again.
    p.highlighter.rescan();
    await p.settle();
    expect(counting.reads()).toBe(2051);
  });

  it('spreads the reading of a long page over frames within the budget, and marks every card', async () => {
    const counting = countingAdapter();
    const readsPerFrame: number[] = [];
    // Each look at the clock costs 1 ms: the budget of 8 ms allows about 8 reads per frame.
    let time = 0;
    const p = page(list(100), { adapter: counting.adapter, frameBudgetMs: 8, now: () => (time += 1) });
    let before = 0;
    for (let round = 0; round < 50; round += 1) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      const due = p.frames.splice(0);
      if (due.length === 0) break;
      for (const run of due) run();
      readsPerFrame.push(counting.reads() - before);
      before = counting.reads();
    }
    const reading = readsPerFrame.filter((n) => n > 0);
    expect(reading.reduce((a, b) => a + b, 0)).toBe(100);
    expect(Math.max(...reading)).toBeLessThanOrEqual(9);
    expect(reading.length).toBeGreaterThanOrEqual(100 / 9);
    expect(p.document.querySelectorAll(`[${MATCH_ATTRIBUTE}="same"]`)).toHaveLength(34);
    // Several messages, each one per frame's batch, never one per card.
    expect(p.batches.length).toBeGreaterThan(1);
    expect(p.batches.length).toBeLessThan(100 / 4);
  });

  it("keeps a card's marks until the frame that re-reads it (no flicker on rescan)", async () => {
    let time = 0;
    const p = page(list(30), { frameBudgetMs: 3, now: () => (time += 1) });
    await p.settle();
    const marked = p.document.querySelectorAll(`[${MATCH_ATTRIBUTE}]`).length;
    expect(marked).toBe(10);
    p.highlighter.rescan();
    while (p.frames.length > 0) {
      for (const run of p.frames.splice(0)) run();
      expect(p.document.querySelectorAll(`[${MATCH_ATTRIBUTE}]`)).toHaveLength(marked);
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
  });

  it('ends with the marks a fresh start on the final page sets, whatever the changes (seeded random walks)', async () => {
    let marked = 0;
    let unmarked = 0;
    for (let seed = 1; seed <= 12; seed += 1) {
      // mulberry32: small, and good enough for picking changes.
      let state = seed * 0x9e3779b9;
      const random = (n: number) => {
        state = (state + 0x6d2b79f5) | 0;
        let t = Math.imul(state ^ (state >>> 15), 1 | state);
        t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
        return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
      };
      const p = page(list(12));
      await p.settle();
      let next = 100;
      for (let step = 0; step < 40; step += 1) {
        const cards = Array.from(p.document.querySelectorAll<HTMLElement>('li[data-job]'));
        const card = cards.length > 0 ? cards[random(cards.length)]! : null;
        const titles = ['Développeur', 'Designer', 'Comptable', ''];
        const orgs = ['beta.gouv.fr', 'ACME'];
        switch (random(8)) {
          case 0: // a card appended, or inserted before another
            if (card && random(2)) card.before(makeCard(p.document, String(next++), titles[random(3)]!, orgs[random(2)]!));
            else p.list.append(makeCard(p.document, String(next++), titles[random(3)]!, orgs[random(2)]!));
            break;
          case 1: // a card removed
            card?.remove();
            break;
          case 2: // a virtualised slot emptied
            card?.replaceChildren();
            break;
          case 3: // a slot refilled with another offer (id and texts)
            if (card) {
              const fresh = makeCard(p.document, String(next++), titles[random(3)]!, orgs[random(2)]!);
              card.setAttribute('data-job', fresh.getAttribute('data-job')!);
              card.replaceChildren(...Array.from(fresh.childNodes));
            }
            break;
          case 4: // another offer written into a slot: its id, and its title's text in place
            if (card?.querySelector('.title')?.firstChild) {
              card.setAttribute('data-job', String(next++));
              (card.querySelector('.title')!.firstChild as Text).data = titles[random(4)]!;
            }
            break;
          case 5: // the same, with the organisation
            if (card?.querySelector('.org')?.firstChild) {
              card.setAttribute('data-job', String(next++));
              (card.querySelector('.org')!.firstChild as Text).data = orgs[random(2)]!;
            }
            break;
          case 6: // the whole list replaced by a new render
            p.list.replaceChildren(...Array.from({ length: 1 + random(6) }, () => makeCard(p.document, String(next++), titles[random(3)]!, orgs[random(2)]!)));
            break;
          case 7: // an element becomes a card when the site sets its id
            {
              const item = p.document.createElement('li');
              item.innerHTML = cardHtml('x', titles[random(3)]!, orgs[random(2)]!).replace(/^<li data-job="x">|<\/li>$/g, '');
              p.list.append(item);
              await p.settle();
              item.setAttribute('data-job', String(next++));
            }
            break;
        }
        if (random(3) === 0) await p.settle();
      }
      await p.settle();
      const shown = marksOf(p.document);
      const html = p.list.innerHTML.replace(/<beta-radar-badge[^>]*><\/beta-radar-badge>/g, '').replace(/ data-betagouv-(match|postings)="[^"]*"/g, '');
      const fresh = page(html);
      await fresh.settle();
      expect(shown, `seed ${seed}`).toEqual(marksOf(fresh.document));
      marked += shown.filter((line) => !line.includes(':-:')).length;
      unmarked += shown.filter((line) => line.includes(':-:')).length;
    }
    // The walks end on pages with both marked and unmarked cards (the comparison means something).
    expect(marked).toBeGreaterThan(20);
    expect(unmarked).toBeGreaterThan(20);
  });
});
