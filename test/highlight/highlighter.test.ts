import { describe, expect, it, vi } from 'vitest';
import type { CardMatch, CardQuery } from '../../src/match/types';
import { BADGE_TAG, CARDS_PER_MESSAGE, MATCH_ATTRIBUTE, POSTINGS_ATTRIBUTE, STYLE_MARKER, matchSignature } from '../../src/highlight/highlighter';
import { badgeOf, cardHtml, defaultAnswer, makeCard, page, posting } from './harness';

const fields = { title: 'Développeur', organisation: 'beta.gouv.fr', location: null, jobId: null, url: null, links: [] };

describe('matchSignature', () => {
  it('prefers the site id, else title and organisation, ignoring case and spacing', () => {
    expect(matchSignature({ ...fields, jobId: ' 42 ' })).toBe('id:42');
    expect(matchSignature({ ...fields, title: '  Développeur \n  Web ' })).toBe(matchSignature({ ...fields, title: 'développeur web' }));
    expect(matchSignature(fields)).not.toBe(matchSignature({ ...fields, organisation: 'Autre' }));
    expect(matchSignature({ ...fields, organisation: null })).toBe(matchSignature({ ...fields, organisation: '' }));
  });

  it('is empty for a card without a title (an emptied virtualised slot), even with an id', () => {
    expect(matchSignature({ ...fields, title: '  ', jobId: '42' })).toBe('');
  });
});

describe('startHighlighter', () => {
  it('splits a long page into messages under the background\'s cap, and marks every card', async () => {
    const count = 2 * CARDS_PER_MESSAGE + 50;
    const p = page(Array.from({ length: count }, (_, i) => cardHtml(String(i + 1), 'Développeur', 'beta.gouv.fr')).join(''));
    await p.settle();
    expect(p.batches.map((b) => b.length)).toEqual([CARDS_PER_MESSAGE, CARDS_PER_MESSAGE, 50]);
    expect(p.document.querySelectorAll(`[${MATCH_ATTRIBUTE}="same"]`)).toHaveLength(count);
  });

  it('takes a missing answer (a refused message) for a failure to retry, not for "no match"', async () => {
    let refused = true;
    const p = page(cardHtml('1', 'Développeur', 'beta.gouv.fr'), {
      answer: (cards) => (refused ? (undefined as unknown as CardMatch[]) : defaultAnswer(cards)),
    });
    await p.settle();
    expect(p.card('1').hasAttribute(MATCH_ATTRIBUTE)).toBe(false);
    refused = false;
    // The first retry comes after 1 s.
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    await p.settle();
    expect(p.card('1').getAttribute(MATCH_ATTRIBUTE)).toBe('same');
  });

  it('asks about all the cards of a scan in one batch and marks the matching ones', async () => {
    const p = page(cardHtml('1', 'Développeur', 'beta.gouv.fr') + cardHtml('2', 'Designer produit', 'ACME') + cardHtml('3', 'Comptable', 'ACME'));
    await p.settle();
    expect(p.batches).toHaveLength(1);
    expect(p.batches[0]!.map((q) => q.fields.jobId)).toEqual(['1', '2', '3']);
    expect(new Set(p.batches[0]!.map((q) => q.ref)).size).toBe(3);

    expect(p.card('1').getAttribute(MATCH_ATTRIBUTE)).toBe('same');
    expect(p.card('1').getAttribute(POSTINGS_ATTRIBUTE)).toBe('p-1');
    expect(p.card('2').getAttribute(MATCH_ATTRIBUTE)).toBe('similar');
    expect(p.card('2').getAttribute(POSTINGS_ATTRIBUTE)).toBe('d-1 d-2');
    expect(p.card('3').hasAttribute(MATCH_ATTRIBUTE)).toBe(false);
    expect(badgeOf(p.card('1'))).not.toBeNull();
    expect(badgeOf(p.card('3'))).toBeNull();
    // No inline style on the site's nodes: the outline comes from one stylesheet.
    expect(p.document.querySelectorAll('[style]')).toHaveLength(0);
    expect(p.document.querySelectorAll(`style[${STYLE_MARKER}]`)).toHaveLength(1);
    expect(p.stats.at(-1)).toEqual({ cardsRead: 3, candidates: 3, marked: 2 });
  });

  it('asks once for cards that share a signature, and never again for a known card', async () => {
    const p = page(cardHtml('1', 'Développeur', 'beta.gouv.fr') + cardHtml('1', 'Développeur', 'beta.gouv.fr'));
    await p.settle();
    expect(p.batches).toHaveLength(1);
    expect(p.batches[0]).toHaveLength(1);
    expect(p.document.querySelectorAll(`[${MATCH_ATTRIBUTE}="same"]`)).toHaveLength(2);

    p.highlighter.scanNow();
    p.highlighter.scanNow();
    await p.settle();
    expect(p.batches).toHaveLength(1);
  });

  it('sends only the new cards when the list grows', async () => {
    const p = page(cardHtml('1', 'Développeur', 'beta.gouv.fr'));
    await p.settle();
    p.list.append(makeCard(p.document, '2', 'Designer', 'ACME'), makeCard(p.document, '3', 'Juriste', 'ACME'));
    await p.settle();
    expect(p.batches.map((batch) => batch.map((q) => q.fields.jobId))).toEqual([['1'], ['2', '3']]);
    expect(p.card('2').getAttribute(MATCH_ATTRIBUTE)).toBe('similar');
  });

  it('follows a virtualised card emptied and refilled: cached answers, marks updated or removed', async () => {
    const p = page(cardHtml('1', 'Développeur', 'beta.gouv.fr') + cardHtml('2', 'Comptable', 'ACME'));
    await p.settle();
    const slot = p.card('1');
    const firstBadge = badgeOf(slot);
    expect(firstBadge).not.toBeNull();

    // Emptied (out of view): the card has no title, it loses its marks and badge.
    slot.replaceChildren();
    await p.settle();
    expect(slot.hasAttribute(MATCH_ATTRIBUTE)).toBe(false);
    expect(slot.hasAttribute(POSTINGS_ATTRIBUTE)).toBe(false);
    expect(badgeOf(slot)).toBeNull();
    expect(firstBadge!.isConnected).toBe(false);

    // Refilled with the same job: marked again from the cache.
    slot.append(...Array.from(makeCard(p.document, '1', 'Développeur', 'beta.gouv.fr').childNodes));
    await p.settle();
    expect(slot.getAttribute(MATCH_ATTRIBUTE)).toBe('same');
    expect(p.batches).toHaveLength(1);

    // Refilled in place with another job that matches something else: marks updated.
    slot.setAttribute('data-job', '7');
    slot.querySelector('.title')!.textContent = 'Designer de services';
    slot.querySelector('.org')!.textContent = 'ACME';
    await p.settle();
    expect(p.batches).toHaveLength(2);
    expect(p.batches[1]!.map((q) => q.fields.jobId)).toEqual(['7']);
    expect(slot.getAttribute(MATCH_ATTRIBUTE)).toBe('similar');
    expect(slot.getAttribute(POSTINGS_ATTRIBUTE)).toBe('d-1 d-2');
    expect(slot.querySelectorAll(BADGE_TAG)).toHaveLength(1);

    // …then with a job that matches nothing: marks removed.
    slot.setAttribute('data-job', '8');
    slot.querySelector('.title')!.textContent = 'Boulanger';
    await p.settle();
    expect(slot.hasAttribute(MATCH_ATTRIBUTE)).toBe(false);
    expect(slot.querySelectorAll(BADGE_TAG)).toHaveLength(0);
    expect(p.stats.at(-1)!.marked).toBe(0);
  });

  it('picks up a text rewritten in place at the next frame', async () => {
    const p = page(cardHtml('', 'Comptable', 'ACME'));
    await p.settle();
    expect(p.card('').hasAttribute(MATCH_ATTRIBUTE)).toBe(false);
    (p.card('').querySelector('.org')!.firstChild as Text).data = 'beta.gouv.fr';
    await p.settle();
    expect(p.batches).toHaveLength(2);
    expect(p.card('').getAttribute(MATCH_ATTRIBUTE)).toBe('same');
  });

  it('observes with one observer whose callback only queues, and skips records of its own writes', async () => {
    const observers: FakeObserver[] = [];
    class FakeObserver {
      options: MutationObserverInit | undefined;
      target: Node | undefined;
      disconnected = false;
      constructor(public callback: MutationCallback) {
        observers.push(this);
      }
      observe(target: Node, options: MutationObserverInit) {
        this.target = target;
        this.options = options;
      }
      disconnect() {
        this.disconnected = true;
      }
      takeRecords() {
        return [];
      }
    }
    const p = page(cardHtml('1', 'Développeur', 'beta.gouv.fr'), { MutationObserver: FakeObserver as unknown as typeof MutationObserver });
    await p.settle();
    expect(observers).toHaveLength(1);
    const [observer] = observers;
    expect(observer!.target).toBe(p.document);
    expect(observer!.options).toMatchObject({ childList: true, subtree: true, characterData: true, attributes: true });
    expect(observer!.options!.attributeFilter).toEqual(expect.arrayContaining(['href', 'data-job']));
    expect(observer!.options!.attributeFilter).not.toContain('class');

    const host = badgeOf(p.card('1'))!;
    const record = (added: Node[], removed: Node[] = []) =>
      ({ type: 'childList', target: p.card('1'), addedNodes: added, removedNodes: removed }) as unknown as MutationRecord;
    observer!.callback([record([host])], observer as unknown as MutationObserver);
    expect(p.frames).toHaveLength(0); // our badge going in
    const title = p.document.querySelector('title')!;
    observer!.callback([{ type: 'childList', target: title, addedNodes: [p.document.createTextNode('(3) Jobs')], removedNodes: [] } as unknown as MutationRecord], observer as unknown as MutationObserver);
    expect(p.frames).toHaveLength(0); // the site's title counting notifications
    observer!.callback([record([host]), record([p.document.createElement('div')])], observer as unknown as MutationObserver);
    expect(p.frames).toHaveLength(1); // a site change among them: one scan queued
    observer!.callback([record([p.document.createElement('div')])], observer as unknown as MutationObserver);
    expect(p.frames).toHaveLength(1); // still one: queued work is not queued twice
    await p.settle();
    expect(p.batches).toHaveLength(1);

    // A card rewritten in place (its id emptied, its organisation changed) but reported
    // only through a text elsewhere: no re-read, so nothing asked.
    const card = p.card('1');
    card.setAttribute('data-job', '');
    (card.querySelector('.org')!.firstChild as Text).data = 'ACME';
    const elsewhere = p.document.createTextNode('3 notifications');
    p.document.body.append(elsewhere);
    const textRecord = (target: Node) => ({ type: 'characterData', target, addedNodes: [], removedNodes: [] }) as unknown as MutationRecord;
    observer!.callback([textRecord(elsewhere)], observer as unknown as MutationObserver);
    expect(p.frames).toHaveLength(1);
    await p.settle();
    expect(p.batches).toHaveLength(1);
    expect(card.getAttribute(MATCH_ATTRIBUTE)).toBe('same');

    // The same kind of record from inside the card: re-read, asked, unmarked.
    observer!.callback([textRecord(card.querySelector('.org')!.firstChild!)], observer as unknown as MutationObserver);
    await p.settle();
    expect(p.batches).toHaveLength(2);
    expect(card.hasAttribute(MATCH_ATTRIBUTE)).toBe(false);

    p.controller.abort();
    expect(observer!.disconnected).toBe(true);
  });

  it('removes the badge of a card that leaves the page (nothing kept)', async () => {
    const p = page(cardHtml('1', 'Développeur', 'beta.gouv.fr') + cardHtml('2', 'Développeur', 'beta.gouv.fr'));
    await p.settle();
    const card = p.card('1');
    const host = badgeOf(card)!;
    card.remove();
    await p.settle();
    expect(p.stats.at(-1)).toEqual({ cardsRead: 1, candidates: 1, marked: 1 });
    expect(host.parentNode).toBeNull();
    expect(card.hasAttribute(MATCH_ATTRIBUTE)).toBe(false);
  });

  it('puts back a badge the site threw out, but gives up after a few times', async () => {
    const p = page(cardHtml('1', 'Développeur', 'beta.gouv.fr'));
    await p.settle();
    for (let round = 0; round < 3; round += 1) {
      badgeOf(p.card('1'))!.remove();
      await p.settle();
      expect(badgeOf(p.card('1'))).not.toBeNull();
    }
    badgeOf(p.card('1'))!.remove();
    await p.settle();
    expect(badgeOf(p.card('1'))).toBeNull();
    expect(p.card('1').getAttribute(MATCH_ATTRIBUTE)).toBe('same'); // the outline stays
  });

  it('does not rescan because of its own writes', async () => {
    const p = page(cardHtml('1', 'Développeur', 'beta.gouv.fr'));
    await p.settle(); // throws if scans keep queueing each other
    const statsBefore = p.stats.length;
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(p.frames).toHaveLength(0);
    expect(p.stats.length).toBe(statsBefore);
  });

  it('shows no similar offers when showSimilar is false', async () => {
    const p = page(cardHtml('1', 'Développeur', 'beta.gouv.fr') + cardHtml('2', 'Designer', 'ACME'), { showSimilar: false });
    await p.settle();
    expect(p.card('1').getAttribute(MATCH_ATTRIBUTE)).toBe('same');
    expect(p.card('2').hasAttribute(MATCH_ATTRIBUTE)).toBe(false);
    expect(badgeOf(p.card('2'))).toBeNull();
    expect(p.stats.at(-1)!.marked).toBe(1);
  });

  it('ignores an answer with no postings, an unknown kind or a foreign ref', async () => {
    const p = page(cardHtml('1', 'Développeur', 'beta.gouv.fr') + cardHtml('2', 'Juriste', 'beta.gouv.fr') + cardHtml('3', 'Chef', 'beta.gouv.fr'), {
      answer: (cards) => [
        { ref: cards[0]!.ref, kind: 'same', postings: [] },
        { ref: cards[1]!.ref, kind: 'other' as 'same', postings: [posting('x')] },
        { ref: 'nope', kind: 'same', postings: [posting('y')] },
        { ref: cards[2]!.ref, kind: 'same', postings: [posting('z'), { key: 1, id: null } as never] },
      ],
    });
    await p.settle();
    expect(p.document.querySelectorAll(`[${MATCH_ATTRIBUTE}]`)).toHaveLength(1);
    expect(p.card('3').getAttribute(POSTINGS_ATTRIBUTE)).toBe('z');
  });

  it('rescans after an SPA navigation (popstate) and reads with the new address', async () => {
    const answer = vi.fn(defaultAnswer);
    const p = page(cardHtml('1', 'Développeur', 'beta.gouv.fr'), { answer });
    await p.settle();
    p.state.url = 'https://jobs.example/search?q=design';
    p.window.dispatchEvent(new p.window.Event('popstate'));
    expect(p.frames).toHaveLength(1);
    await p.settle();
    expect(answer).toHaveBeenCalledTimes(1); // same cards: nothing new to ask
  });

  it('tears everything down on abort, and ignores answers that come later', async () => {
    let release!: (matches: CardMatch[]) => void;
    const late = new Promise<CardMatch[]>((resolve) => (release = resolve));
    let calls = 0;
    const p = page(cardHtml('1', 'Développeur', 'beta.gouv.fr') + cardHtml('2', 'Designer', 'ACME'), {
      answer: (cards: CardQuery[]) => (++calls === 1 ? defaultAnswer(cards) : late),
    });
    await p.settle();
    expect(p.document.querySelectorAll(BADGE_TAG)).toHaveLength(2);

    p.list.append(makeCard(p.document, '3', 'Développeur', 'beta.gouv.fr'));
    await p.settle(); // the second batch is in flight
    p.list.append(makeCard(p.document, '4', 'Développeur', 'beta.gouv.fr'));
    await new Promise((resolve) => setTimeout(resolve, 0)); // a frame is queued, not run
    expect(p.frames.length).toBe(1);
    const statsBefore = p.stats.length;

    p.controller.abort();
    const clean = () => {
      expect(p.document.querySelectorAll(BADGE_TAG)).toHaveLength(0);
      expect(p.document.querySelectorAll(`[${MATCH_ATTRIBUTE}]`)).toHaveLength(0);
      expect(p.document.querySelectorAll(`[${POSTINGS_ATTRIBUTE}]`)).toHaveLength(0);
      expect(p.document.querySelectorAll(`style[${STYLE_MARKER}]`)).toHaveLength(0);
    };
    clean();

    for (const run of p.frames.splice(0)) run(); // the frame queued before the abort
    release(defaultAnswer([{ ref: '0', fields: { title: 'Développeur', organisation: 'beta.gouv.fr', location: null, jobId: '3', url: null, links: [] } }]));
    p.list.append(makeCard(p.document, '5', 'Développeur', 'beta.gouv.fr'));
    await p.settle();
    p.highlighter.scanNow();
    p.highlighter.rescan();
    clean();
    expect(p.frames).toHaveLength(0);
    expect(p.batches).toHaveLength(2);
    expect(p.stats.length).toBe(statsBefore);
  });

  it('does nothing at all when started with an aborted signal', async () => {
    const controller = new AbortController();
    controller.abort();
    const p = page(cardHtml('1', 'Développeur', 'beta.gouv.fr'), { signal: controller.signal });
    await p.settle();
    expect(p.batches).toHaveLength(0);
    expect(p.document.querySelectorAll(`style[${STYLE_MARKER}]`)).toHaveLength(0);
  });

  it('survives a match that rejects or throws, backs off, then asks again', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      let mode: 'reject' | 'throw' | 'ok' = 'reject';
      const p = page(cardHtml('1', 'Développeur', 'beta.gouv.fr'), {
        match: (cards) => {
          p.batches.push(cards);
          if (mode === 'throw') throw new Error('Extension context invalidated.');
          return mode === 'reject' ? Promise.reject(new Error('Could not establish connection')) : Promise.resolve(defaultAnswer(cards));
        },
      });
      await p.settle();
      expect(p.batches).toHaveLength(1);

      // Within the back-off, mutations do not ask again.
      p.highlighter.scanNow();
      await p.settle();
      expect(p.batches).toHaveLength(1);

      vi.advanceTimersByTime(1_001);
      mode = 'throw';
      p.highlighter.scanNow();
      await p.settle();
      expect(p.batches).toHaveLength(2);

      vi.advanceTimersByTime(2_001);
      mode = 'ok';
      p.highlighter.scanNow();
      await p.settle();
      expect(p.batches).toHaveLength(3);
      expect(p.card('1').getAttribute(MATCH_ATTRIBUTE)).toBe('same');
      p.controller.abort();
    } finally {
      vi.useRealTimers();
    }
  });

  it('survives selectors the page makes throw, and callbacks that throw', async () => {
    const p = page(cardHtml('1', 'Développeur', 'beta.gouv.fr'), {
      adapter: { id: 'bad', name: 'Bad', matches: [], examples: [], layouts: [{ name: 'broken', card: ['li[data-job'], title: ['::bogus('], organisation: [], location: [] }] },
      onStats: () => {
        throw new Error('self-check bug');
      },
    });
    await expect(p.settle()).resolves.toBeUndefined();
    expect(p.batches).toHaveLength(0);
    expect(p.highlighter.stats()).toEqual({ cardsRead: 0, candidates: 0, marked: 0 });
  });

  it('asks again for a batch that never got an answer', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      let first = true;
      const p = page(cardHtml('1', 'Développeur', 'beta.gouv.fr'), {
        answer: (cards) => {
          if (first) {
            first = false;
            return new Promise<never>(() => {});
          }
          return defaultAnswer(cards);
        },
      });
      await p.settle();
      p.highlighter.scanNow();
      expect(p.batches).toHaveLength(1);
      vi.advanceTimersByTime(30_001);
      p.highlighter.scanNow();
      await p.settle();
      expect(p.batches).toHaveLength(2);
      expect(p.card('1').getAttribute(MATCH_ATTRIBUTE)).toBe('same');
    } finally {
      vi.useRealTimers();
    }
  });
});
