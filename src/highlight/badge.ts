/**
 * The badge appended to a matching job card: a host element whose shadow root holds
 * a button and the small card listing the matching offers. The shadow root keeps
 * the site's CSS out of our nodes and our CSS out of the site's. Every node is made
 * with createElement and filled with textContent: offer titles, startups and the
 * page's own text never go through an HTML parser.
 */
import type { MatchedPosting } from '../match/types';
import { safeWebUrl } from '../ui/markdown/url';

/** Our host element's tag: a valid custom-element name, so it may carry a shadow root without being defined (content scripts have no `customElements` in Chrome). */
export const BADGE_TAG = 'beta-radar-badge';

export interface BadgeTexts {
  /** The badge of a card that is a beta.gouv.fr offer (its accessible name too). */
  badgeSame: string;
  /** The badge of a card that resembles beta.gouv.fr offers. */
  badgeSimilar: string;
  /** Heading of the hover card. */
  listTitle: string;
  /** "Open since <day>", given the `YYYY-MM-DD` publication day. */
  openSince: (day: string) => string;
  /** The link to the offer's original page. */
  openOriginal: string;
  /** The button that opens the offer in Beta Radar. */
  openInBetaRadar: string;
}

export interface BadgeContext {
  texts: BadgeTexts;
  openOffer(key: string): void;
  /** This badge's card became visible (the highlighter keeps one open at a time). */
  opened(badge: Badge): void;
  /** This badge's card was hidden. */
  closed(badge: Badge): void;
}

export interface Badge {
  host: HTMLElement;
  /** Hides the card until the pointer or the focus comes back. */
  dismiss(): void;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

// Stopped at our shadow root so a click or key press on the badge does not also
// reach the site's handlers on the card (which would open the job, select it, or
// follow the card's own link).
const CONTAINED_EVENTS = ['click', 'auxclick', 'dblclick', 'mousedown', 'mouseup', 'pointerdown', 'pointerup', 'touchstart', 'touchend', 'keydown', 'keyup'];

const SHADOW_CSS = `
:host{all:initial}
.badge{font:600 11px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#fff;background:#1f4fbf;border:1px solid #1f4fbf;border-radius:10px;padding:0 8px;margin:0;cursor:pointer;white-space:nowrap}
.badge.similar{color:#1f4fbf;background:#eef2fc;border-style:dashed}
button:focus-visible,a:focus-visible{outline:2px solid #1f4fbf;outline-offset:2px}
.card{position:fixed;top:0;left:0;z-index:2147483647;box-sizing:border-box;width:max-content;max-width:min(22rem,calc(100vw - 16px));max-height:min(24rem,70vh);overflow:auto;margin:0;padding:10px 12px;background:#fff;color:#1b1b1f;border:1px solid #d9d9e0;border-radius:6px;box-shadow:0 6px 18px rgba(0,0,0,.18);font:13px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;text-align:start;white-space:normal}
.card[hidden]{display:none}
.heading{margin:0 0 6px;font-weight:700}
ul{list-style:none;margin:0;padding:0}
li+li{border-top:1px solid #eee;margin-top:8px;padding-top:8px}
p{margin:0}
.role{font-weight:600}
.meta{color:#555;font-size:12px}
.actions{display:flex;flex-wrap:wrap;gap:10px;align-items:center;margin-top:4px;font-size:12px}
.actions a{color:#1f4fbf}
.actions button{font:inherit;color:#1f4fbf;background:#fff;border:1px solid #1f4fbf;border-radius:4px;padding:1px 6px;cursor:pointer}
`;

function element<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function guarded(run: () => string): string {
  try {
    return String(run());
  } catch {
    return '';
  }
}

/**
 * Builds a badge for `postings`, not yet attached. Returns null when the document
 * cannot give us a shadow root (then the card keeps its outline, without a badge).
 */
export function buildBadge(doc: Document, kind: 'same' | 'similar', postings: readonly MatchedPosting[], context: BadgeContext): Badge | null {
  const host = doc.createElement(BADGE_TAG);
  let shadow: ShadowRoot;
  try {
    shadow = host.attachShadow({ mode: 'open' });
  } catch {
    return null;
  }
  const { texts } = context;

  const style = element(doc, 'style');
  style.textContent = SHADOW_CSS;

  const button = element(doc, 'button', `badge ${kind}`, kind === 'same' ? texts.badgeSame : texts.badgeSimilar);
  button.type = 'button';
  button.setAttribute('aria-expanded', 'false');
  button.setAttribute('aria-controls', 'card');

  const card = element(doc, 'div', 'card');
  card.id = 'card';
  card.hidden = true;
  card.setAttribute('role', 'group');
  card.setAttribute('aria-labelledby', 'heading');
  // The list is built the first time the card opens: a page may carry hundreds of badges,
  // and the browser's style and layout work for each one is what costs on a long list.
  let filled = false;
  const fill = (): void => {
    if (filled) return;
    filled = true;
    const heading = element(doc, 'p', 'heading', texts.listTitle);
    heading.id = 'heading';
    const list = element(doc, 'ul');
    postings.forEach((posting, index) => {
      const item = element(doc, 'li');
      const role = element(doc, 'p', 'role', posting.title);
      role.id = `role-${index}`;
      item.append(role);
      const meta: string[] = [];
      if (posting.startup) meta.push(posting.startup);
      if (posting.date && DAY.test(posting.date)) meta.push(guarded(() => texts.openSince(posting.date as string)));
      if (meta.some(Boolean)) item.append(element(doc, 'p', 'meta', meta.filter(Boolean).join(' · ')));
      const actions = element(doc, 'p', 'actions');
      const href = safeWebUrl(posting.url);
      if (href) {
        const link = element(doc, 'a', undefined, texts.openOriginal);
        link.setAttribute('href', href); // exactly the string the gate returned
        link.target = '_blank';
        link.rel = 'noopener noreferrer';
        link.setAttribute('aria-describedby', role.id);
        actions.append(link);
      }
      const open = element(doc, 'button', undefined, texts.openInBetaRadar);
      open.type = 'button';
      open.setAttribute('aria-describedby', role.id);
      open.addEventListener('click', () => {
        try {
          context.openOffer(posting.key);
        } catch {
          // The caller's messaging failed (extension reloaded…): nothing the page should see.
        }
      });
      actions.append(open);
      item.append(actions);
      list.append(item);
    });
    card.append(heading, list);
  };
  shadow.append(style, button, card);

  // Shown while hovered or focused, unless dismissed (Escape, another badge opening,
  // a scroll); a new hover or a focus coming from outside shows it again.
  let hovered = false;
  let focused = false;
  let dismissed = false;
  let shown = false;

  const badge: Badge = {
    host,
    dismiss() {
      dismissed = true;
      sync();
    },
  };

  function place(): void {
    // Fixed positioning escapes the card's `overflow: hidden` ancestors; the
    // layout reads happen only here, when the user asks for the card.
    try {
      const view = doc.defaultView;
      const anchor = button.getBoundingClientRect();
      const box = card.getBoundingClientRect();
      const width = view?.innerWidth ?? 0;
      const height = view?.innerHeight ?? 0;
      const left = Math.max(8, Math.min(anchor.left, width - box.width - 8));
      const below = anchor.bottom + 4;
      const top = below + box.height > height - 8 && anchor.top - box.height - 4 >= 8 ? anchor.top - box.height - 4 : below;
      card.style.setProperty('left', `${Math.round(left)}px`);
      card.style.setProperty('top', `${Math.round(top)}px`);
    } catch {
      // No layout (tests, detached host): the card stays where CSS puts it.
    }
  }

  function sync(): void {
    const want = (hovered || focused) && !dismissed;
    if (want === shown) return;
    shown = want;
    card.hidden = !want;
    button.setAttribute('aria-expanded', String(want));
    if (want) {
      fill();
      place();
      context.opened(badge);
    } else {
      context.closed(badge);
    }
  }

  host.addEventListener('mouseenter', () => {
    hovered = true;
    dismissed = false;
    sync();
  });
  host.addEventListener('mouseleave', () => {
    hovered = false;
    sync();
  });
  shadow.addEventListener('focusin', () => {
    if (!focused) dismissed = false;
    focused = true;
    sync();
  });
  shadow.addEventListener('focusout', (event) => {
    const next = (event as FocusEvent).relatedTarget as Node | null;
    if (next && shadow.contains(next)) return;
    focused = false;
    sync();
  });
  // A click opens (a tap on a touch screen is hover + focus + click: it must not close again).
  button.addEventListener('click', () => {
    dismissed = false;
    sync();
  });
  shadow.addEventListener('keydown', (event) => {
    if ((event as KeyboardEvent).key !== 'Escape' || !shown) return;
    dismissed = true;
    sync();
    const active = shadow.activeElement;
    if (active && card.contains(active)) button.focus();
  });
  for (const type of CONTAINED_EVENTS) {
    shadow.addEventListener(type, (event) => {
      event.stopPropagation();
      // Inside a card that is itself a link, only our own link may navigate.
      if (type === 'click' && !(event.target as Element | null)?.closest?.('a')) event.preventDefault();
    });
  }
  return badge;
}
