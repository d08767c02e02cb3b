import { describe, expect, it } from 'vitest';
import type { CardMatch } from '../../src/match/types';
import { BADGE_TAG, MATCH_ATTRIBUTE } from '../../src/highlight/highlighter';
import { badgeOf, cardHtml, page, posting } from './harness';

const HOSTILE = '<img src=x onerror=alert(1)>';

/** What the badge is allowed to be made of. */
const ELEMENTS = new Set(['style', 'button', 'div', 'p', 'ul', 'li', 'a']);
// `style`: the open card's position (left and top in px), set by the badge itself.
const ATTRIBUTES = new Set(['class', 'id', 'type', 'hidden', 'role', 'href', 'target', 'rel', 'style', 'aria-expanded', 'aria-controls', 'aria-labelledby', 'aria-describedby']);

async function badgePage(matches: (ref: string) => CardMatch, options: Parameters<typeof page>[1] = {}) {
  const p = page(cardHtml('1', 'Développeur', 'beta.gouv.fr') + cardHtml('2', 'Développeur', 'beta.gouv.fr'), {
    answer: (cards) => cards.map((card) => matches(card.ref)),
    ...options,
  });
  await p.settle();
  const host = badgeOf(p.card('1'))!;
  const shadow = host.shadowRoot!;
  const q = <T extends Element>(selector: string) => shadow.querySelector(selector) as unknown as T;
  const fire = (target: EventTarget, type: string, init: Record<string, unknown> = {}) => {
    const event = new p.window.Event(type, { bubbles: true, cancelable: true });
    Object.assign(event, init);
    target.dispatchEvent(event);
    return event;
  };
  // The card's list is built the first time it opens: open and close it once.
  fire(host, 'mouseenter');
  fire(host, 'mouseleave');
  return { ...p, host, shadow, q, fire };
}

describe('badge', () => {
  it('builds its list of offers only when first opened (a long page carries many badges)', async () => {
    const p = page(cardHtml('1', 'Développeur', 'beta.gouv.fr'), { answer: (cards) => cards.map((card) => ({ ref: card.ref, kind: 'same', postings: [posting('a'), posting('b')] })) });
    await p.settle();
    const host = badgeOf(p.card('1'))!;
    expect(host.shadowRoot!.querySelectorAll('li')).toHaveLength(0);
    host.dispatchEvent(new p.window.Event('mouseenter'));
    expect(host.shadowRoot!.querySelectorAll('li')).toHaveLength(2);
    expect(host.shadowRoot!.querySelector('.card')!.hasAttribute('hidden')).toBe(false);
  });

  it('is our host as the card root’s last child, with a button named after the kind of match', async () => {
    const p = await badgePage((ref) => ({ ref, kind: ref === '0' ? 'same' : 'similar', postings: [posting('a')] }));
    expect(p.card('1').lastElementChild).toBe(p.host);
    expect(p.host.tagName.toLowerCase()).toBe(BADGE_TAG);
    expect(p.q<HTMLButtonElement>('button.badge').textContent).toBe('Offre beta.gouv.fr');
    expect(badgeOf(p.card('2'))!.shadowRoot!.querySelector('button.badge')!.textContent).toBe('Offres similaires');
    expect(p.host.attributes.length).toBe(0); // nothing on the host for the page to style or read
  });

  it('lists the matching offers: role, startup, open since, a safe link and a Beta Radar button', async () => {
    const p = await badgePage((ref) => ({
      ref,
      kind: 'same',
      postings: [posting('a', { title: 'Développeur·euse', startup: 'Radar', date: '2026-09-30' }), posting('b', { startup: null, date: 'hier', url: null })],
    }));
    const items = Array.from(p.shadow.querySelectorAll('li'));
    expect(items).toHaveLength(2);
    expect(items[0]!.querySelector('.role')!.textContent).toBe('Développeur·euse');
    expect(items[0]!.querySelector('.meta')!.textContent).toBe('Radar · ouverte depuis le 2026-09-30');
    const link = items[0]!.querySelector('a')!;
    expect(link.getAttribute('href')).toBe('https://beta.gouv.fr/recrutement/a');
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
    expect(link.textContent).toBe("Voir l'offre");
    // No startup, a date that is not a day, no address: only what is known is shown.
    expect(items[1]!.querySelector('.meta')).toBeNull();
    expect(items[1]!.querySelector('a')).toBeNull();

    p.fire(items[1]!.querySelector('button')!, 'click');
    expect(p.opened).toEqual(['feed b']);
  });

  it('builds hostile offer text as text, and links only to http(s)', async () => {
    const p = await badgePage((ref) => ({
      ref,
      kind: 'same',
      postings: [
        posting('a', { title: HOSTILE, startup: `<script>alert(1)</script>`, url: 'javascript:alert(1)' }),
        posting('b', { url: 'data:text/html,<script>alert(1)</script>' }),
        posting('c', { url: '//evil.example/x' }),
        posting('d', { url: ' https://ok.example/a b ' }),
      ],
    }));
    expect(p.shadow.querySelector('.role')!.textContent).toBe(HOSTILE);
    expect(p.shadow.querySelector('.meta')!.textContent).toContain('<script>alert(1)</script>');
    const links = Array.from(p.shadow.querySelectorAll('a'));
    expect(links.map((a) => a.getAttribute('href'))).toEqual(['https://ok.example/a%20b']);
    for (const element of Array.from(p.shadow.querySelectorAll('*'))) {
      expect(ELEMENTS.has(element.tagName.toLowerCase()), element.tagName).toBe(true);
      for (const { name } of Array.from(element.attributes)) expect(ATTRIBUTES.has(name), `${name} on ${element.tagName}`).toBe(true);
    }
    expect(p.shadow.querySelectorAll('style')).toHaveLength(1);
    expect(p.document.querySelectorAll('img, script')).toHaveLength(0);
  });

  it('shows its card on hover and on focus, and Escape closes it', async () => {
    const p = await badgePage((ref) => ({ ref, kind: 'same', postings: [posting('a')] }));
    const card = p.q<HTMLElement>('.card');
    const button = p.q<HTMLButtonElement>('button.badge');
    expect(card.hidden).toBe(true);
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(button.getAttribute('aria-controls')).toBe(card.id);

    p.fire(p.host, 'mouseenter');
    expect(card.hidden).toBe(false);
    expect(button.getAttribute('aria-expanded')).toBe('true');
    p.fire(p.host, 'mouseleave');
    expect(card.hidden).toBe(true);

    p.fire(button, 'focusin');
    expect(card.hidden).toBe(false);
    p.fire(button, 'keydown', { key: 'Escape' });
    expect(card.hidden).toBe(true);
    // Still focused: moving inside the badge does not bring the card back…
    p.fire(button, 'focusin');
    expect(card.hidden).toBe(true);
    // …a click does, and so does the focus coming back from outside.
    p.fire(button, 'click');
    expect(card.hidden).toBe(false);
    p.fire(button, 'focusout', { relatedTarget: null });
    expect(card.hidden).toBe(true);
    p.fire(button, 'focusin');
    expect(card.hidden).toBe(false);

    // Escape pressed elsewhere on the page closes it too.
    p.fire(p.document.body, 'keydown', { key: 'Escape' });
    expect(card.hidden).toBe(true);
  });

  it('keeps one card open at a time, and a scroll closes it', async () => {
    const p = await badgePage((ref) => ({ ref, kind: 'same', postings: [posting('a')] }));
    const other = badgeOf(p.card('2'))!;
    p.fire(p.host, 'mouseenter');
    p.fire(other, 'mouseenter');
    expect(p.q<HTMLElement>('.card').hidden).toBe(true);
    expect((other.shadowRoot!.querySelector('.card') as HTMLElement).hidden).toBe(false);
    p.fire(p.document, 'scroll');
    expect((other.shadowRoot!.querySelector('.card') as HTMLElement).hidden).toBe(true);
  });

  it('keeps its clicks and keys from the site’s handlers, and only our links navigate', async () => {
    const p = await badgePage((ref) => ({ ref, kind: 'same', postings: [posting('a')] }));
    const button = p.q<HTMLButtonElement>('button.badge');
    const click = p.fire(button, 'click');
    expect(click.defaultPrevented).toBe(true); // a card that is itself a link must not follow it
    const linkClick = p.fire(p.q<HTMLAnchorElement>('a'), 'click');
    expect(linkClick.defaultPrevented).toBe(false);
    // The site's listeners on the card and the document never hear what happens in the badge.
    const heard: string[] = [];
    for (const type of ['click', 'mousedown', 'keydown']) {
      p.card('1').addEventListener(type, () => heard.push(`card ${type}`));
      p.document.addEventListener(type, () => heard.push(`document ${type}`));
      p.fire(button, type, { key: 'Enter' });
    }
    expect(heard).toEqual([]);
    p.fire(p.card('1'), 'click');
    expect(heard).toEqual(['card click', 'document click']); // they are listening
  });

  it('calls nothing after teardown', async () => {
    const p = await badgePage((ref) => ({ ref, kind: 'same', postings: [posting('a')] }));
    const open = p.shadow.querySelector('li button')!;
    p.controller.abort();
    p.fire(open, 'click');
    expect(p.opened).toEqual([]);
    expect(p.document.querySelectorAll(`[${MATCH_ATTRIBUTE}]`)).toHaveLength(0);
  });

  it('survives an openOffer and an openSince that throw', async () => {
    const p = await badgePage((ref) => ({ ref, kind: 'same', postings: [posting('a')] }), {
      openOffer: () => {
        throw new Error('Extension context invalidated.');
      },
      texts: {
        badgeSame: 'Offre beta.gouv.fr',
        badgeSimilar: 'Offres similaires',
        listTitle: 'Sur beta.gouv.fr',
        openSince: () => {
          throw new Error('bad locale');
        },
        openOriginal: "Voir l'offre",
        openInBetaRadar: 'Ouvrir dans Beta Radar',
      },
    });
    expect(p.shadow.querySelector('.meta')!.textContent).toBe('Startup X');
    expect(() => p.fire(p.shadow.querySelector('li button')!, 'click')).not.toThrow();
  });
});
