/**
 * The in-page highlighter: watches a job site's page, reads its job cards through
 * the site's adapter, asks the background (one message per batch) which cards are
 * beta.gouv.fr offers or resemble them, and marks those cards.
 *
 * What it may do to the site's nodes is deliberately narrow: set or remove our two
 * data attributes on a card root, append or remove our badge host as its last
 * child, and add one stylesheet whose attribute selectors draw the outline. It never
 * moves, restyles inline or rewrites the site's nodes, so the site's own scripts
 * (React, Ember…) keep the tree they expect.
 *
 * The page is watched by one MutationObserver whose callback only queues work; the
 * work runs at most once per frame and re-reads the cards when something may have
 * changed them.
 */
import type { CardMatch, CardQuery, MatchedPosting } from '../match/types';
import type { CardFields, SiteAdapter } from '../sites/types';
import { readCards } from '../sites/read';
import { layoutsForUrl } from '../sites/registry';
import { BADGE_TAG, buildBadge, type Badge, type BadgeTexts } from './badge';

export { BADGE_TAG, type BadgeTexts } from './badge';

export const MATCH_ATTRIBUTE = 'data-betagouv-match';
export const POSTINGS_ATTRIBUTE = 'data-betagouv-postings';
/** Marks our one stylesheet in the page's head. */
export const STYLE_MARKER = 'data-beta-radar-highlight';

/** The page-wide rules: outlines only (they never change the layout), plus a reset of our host against the site's CSS. */
export const PAGE_CSS = `
[${MATCH_ATTRIBUTE}="same"]{outline:2px solid #1f4fbf !important;outline-offset:-2px !important}
[${MATCH_ATTRIBUTE}="similar"]{outline:2px dashed #7a5fc0 !important;outline-offset:-2px !important}
${BADGE_TAG}{all:initial !important;display:inline-block !important;vertical-align:middle !important;margin:4px !important}
`;

export interface HighlightStats {
  /** Cards the adapter read on the page. */
  cardsRead: number;
  /** Of those, cards with something to match on (a title). */
  candidates: number;
  /** Cards currently marked. */
  marked: number;
}

export interface HighlighterOptions {
  adapter: SiteAdapter;
  /** Injected so tests can pass a linkedom document. */
  document: Document;
  /** Asks the background about a batch of cards: one call per batch, never one per card. */
  match(cards: CardQuery[]): Promise<CardMatch[]>;
  /** Opens Beta Radar's view of a posting. */
  openOffer(key: string): void;
  /** Whether `similar` answers are shown (`same` always are). */
  showSimilar: boolean;
  texts: BadgeTexts;
  /** Aborting tears everything down. */
  signal: AbortSignal;
  /** Counts for the self-check, reported after a scan when they changed. */
  onStats?(stats: HighlightStats): void;
  /** Runs queued work; defaults to requestAnimationFrame. */
  schedule?(run: () => void): void;
  /** The page's address; defaults to `document.location.href`. */
  getUrl?(): string;
  /** Defaults to the document's window's MutationObserver (tests may pass none and call rescans themselves). */
  MutationObserver?: typeof MutationObserver | null;
}

export interface Highlighter {
  /** Queues a scan (as a mutation would). */
  rescan(): void;
  /** Runs a scan now; for tests and the self-check. */
  scanNow(): void;
  stats(): HighlightStats;
}

/** A batch whose answer has not come after this long is asked again (the background may have been stopped mid-way). */
const PENDING_TIMEOUT_MS = 30_000;
const RETRY_FIRST_MS = 1_000;
const RETRY_MAX_MS = 60_000;
/** Cards per message: well under the background's cap (`MAX_CARDS_PER_BATCH`, 500). */
export const CARDS_PER_MESSAGE = 200;
/** Answers kept per page; a long infinite scroll stays bounded. */
const CACHE_LIMIT = 3_000;
/** A site that keeps throwing our badge out gets the outline only, not a tug of war. */
const MAX_REPAIRS = 3;
/** Past this many rewritten texts and attributes in one frame, re-reading is cheaper than checking each. */
const MAX_TOUCHED = 200;

function clean(text: string | null | undefined): string {
  return typeof text === 'string' ? text.replace(/\s+/g, ' ').trim() : '';
}

/**
 * What identifies a card's offer across re-renders: the site's job id when read,
 * else title and organisation. Empty when the card has no title (an emptied,
 * virtualised slot): such a card is not asked about and loses its marks.
 */
export function matchSignature(fields: CardFields): string {
  const title = clean(fields.title).toLowerCase();
  if (!title) return '';
  const id = clean(fields.jobId);
  if (id) return `id:${id}`;
  return `t:${title}\u0000${clean(fields.organisation).toLowerCase()}`;
}

type Answer = { kind: CardMatch['kind']; postings: MatchedPosting[] } | null;
type Entry = { state: 'pending'; since: number } | { state: 'done'; answer: Answer };

interface Mark {
  signature: string;
  answer: Answer;
  kind: CardMatch['kind'];
  ids: string;
  badge: Badge | null;
  repairs: number;
}

function isString(value: unknown): value is string {
  return typeof value === 'string';
}

/** Keeps the well-formed postings of an answer (messages cross a context boundary). */
function readPostings(value: unknown): MatchedPosting[] {
  if (!Array.isArray(value)) return [];
  return value.filter((p): p is MatchedPosting => {
    if (typeof p !== 'object' || p === null) return false;
    const { key, id, title, startup, date, url } = p as Record<string, unknown>;
    return isString(key) && isString(id) && isString(title) && (startup == null || isString(startup)) && (date == null || isString(date)) && (url == null || isString(url));
  });
}

export function startHighlighter(options: HighlighterOptions): Highlighter {
  const { adapter, document: doc, signal, texts } = options;
  // The content script's own globals when it works on its own page (in Firefox the
  // window reached through the document is an Xray of the page's); the document's
  // window otherwise (tests pass a linkedom document).
  const view = (doc === (globalThis as { document?: unknown }).document ? globalThis : doc.defaultView) as (Window & typeof globalThis) | null;
  const cache = new Map<string, Entry>();
  const marks = new Map<Element, Mark>();
  // Hosts we placed and have not removed: a removal we did not make is the site's,
  // and worth a scan to put the badge back.
  const liveHosts = new WeakSet<Node>();
  let styleElement: HTMLStyleElement | null = null;
  let openBadge: Badge | null = null;
  let queued = false;
  let frame: number | null = null;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;
  let retryAt = 0;
  let failures = 0;
  let lastUrl = '';
  let lastStats = '';
  let current: HighlightStats = { cardsRead: 0, candidates: 0, marked: 0 };

  const getUrl = (): string => {
    try {
      return options.getUrl ? options.getUrl() : (doc.location?.href ?? doc.URL ?? '');
    } catch {
      return '';
    }
  };

  const defaultSchedule = (run: () => void): void => {
    if (view && typeof view.requestAnimationFrame === 'function') frame = view.requestAnimationFrame(run);
    else frame = setTimeout(run, 16) as unknown as number;
  };
  const schedule = options.schedule ?? defaultSchedule;

  // What the queued work has to look at: everything (a node added or removed, a
  // navigation, an answer), or only whether these rewritten texts and attributes sit
  // inside a card (a clock or a counter ticking elsewhere costs no re-read).
  let full = false;
  let touched: Node[] = [];

  function queue(): void {
    if (queued || signal.aborted) return;
    queued = true;
    try {
      schedule(() => {
        queued = false;
        frame = null;
        if (signal.aborted) return;
        let whole = true;
        try {
          whole = full || getUrl() !== lastUrl || touchesCard(touched);
        } catch {
          // when in doubt, read everything
        }
        full = false;
        touched = [];
        if (whole) scanNow();
      });
    } catch {
      queued = false;
    }
  }

  function rescan(): void {
    full = true;
    queue();
  }

  function touchesCard(nodes: readonly Node[]): boolean {
    if (nodes.length === 0) return false;
    const selectors = layoutsForUrl(adapter, lastUrl).flatMap((layout) => layout.card);
    for (const node of nodes) {
      const element = node.nodeType === 1 ? (node as Element) : node.parentElement;
      if (!element?.isConnected) continue;
      for (const selector of selectors) {
        try {
          if (element.closest(selector)) return true;
        } catch {
          return true; // a selector this browser cannot test: read everything rather than miss a card
        }
      }
    }
    return false;
  }

  const badgeContext = {
    texts,
    openOffer(key: string) {
      if (!signal.aborted) options.openOffer(key);
    },
    opened(badge: Badge) {
      if (openBadge && openBadge !== badge) openBadge.dismiss();
      openBadge = badge;
    },
    closed(badge: Badge) {
      if (openBadge === badge) openBadge = null;
    },
  };

  function ensureStyle(): void {
    if (styleElement?.isConnected) return;
    styleElement = doc.createElement('style');
    styleElement.setAttribute(STYLE_MARKER, '');
    styleElement.textContent = PAGE_CSS;
    (doc.head ?? doc.documentElement)?.append(styleElement);
  }

  function unmark(element: Element, mark: Mark): void {
    marks.delete(element);
    if (element.getAttribute(MATCH_ATTRIBUTE) !== null) element.removeAttribute(MATCH_ATTRIBUTE);
    if (element.getAttribute(POSTINGS_ATTRIBUTE) !== null) element.removeAttribute(POSTINGS_ATTRIBUTE);
    if (mark.badge) {
      if (openBadge === mark.badge) openBadge = null;
      liveHosts.delete(mark.badge.host);
      mark.badge.host.remove();
    }
  }

  function apply(element: Element, signature: string, answer: Answer): void {
    const kind = answer && answer.postings.length > 0 && (answer.kind === 'same' || (answer.kind === 'similar' && options.showSimilar)) ? answer.kind : null;
    let mark = marks.get(element);
    if (mark && (!kind || mark.signature !== signature || mark.answer !== answer)) {
      unmark(element, mark);
      mark = undefined;
    }
    if (!kind || !answer) return;
    const ids = answer.postings.map((posting) => posting.id).join(' ');
    if (!mark) {
      const badge = buildBadge(doc, kind, answer.postings, badgeContext);
      mark = { signature, answer, kind, ids, badge, repairs: 0 };
      marks.set(element, mark);
    } else {
      const badgeInPlace = !mark.badge || mark.badge.host.parentNode === element;
      // Already in place: the common case of a scan that changes nothing.
      if (badgeInPlace && element.getAttribute(MATCH_ATTRIBUTE) === kind && element.getAttribute(POSTINGS_ATTRIBUTE) === ids) return;
      if (!badgeInPlace && mark.badge && ++mark.repairs > MAX_REPAIRS) {
        liveHosts.delete(mark.badge.host);
        mark.badge.host.remove();
        mark.badge = null;
      }
    }
    if (element.getAttribute(MATCH_ATTRIBUTE) !== kind) element.setAttribute(MATCH_ATTRIBUTE, kind);
    if (element.getAttribute(POSTINGS_ATTRIBUTE) !== ids) element.setAttribute(POSTINGS_ATTRIBUTE, ids);
    if (mark.badge && mark.badge.host.parentNode !== element) {
      liveHosts.add(mark.badge.host);
      element.append(mark.badge.host);
    }
  }

  function remember(signature: string, entry: Entry): void {
    cache.delete(signature); // re-inserted last: the Map's order is then oldest first
    cache.set(signature, entry);
    if (cache.size <= CACHE_LIMIT) return;
    for (const [key, value] of cache) {
      if (cache.size <= CACHE_LIMIT * 0.9) break;
      if (value.state === 'done') cache.delete(key);
    }
  }

  function send(batch: CardQuery[], refs: Map<string, string>): void {
    let answer: Promise<CardMatch[]>;
    try {
      answer = Promise.resolve(options.match(batch));
    } catch (error) {
      answer = Promise.reject(error);
    }
    const onAnswer = (matches: unknown): void => {
      // No answer at all (a refused or unheard message) is a failure to retry, not "nothing matches".
      if (!Array.isArray(matches)) throw new Error('no answer from the background');
      if (signal.aborted) return;
      failures = 0;
      retryAt = 0;
      const byRef = new Map<string, CardMatch>();
      for (const match of matches as CardMatch[]) {
        if (match && typeof match === 'object' && refs.has(match.ref) && (match.kind === 'same' || match.kind === 'similar')) byRef.set(match.ref, match);
      }
      for (const [ref, signature] of refs) {
        const match = byRef.get(ref);
        remember(signature, { state: 'done', answer: match ? { kind: match.kind, postings: readPostings(match.postings) } : null });
      }
      rescan(); // the cards may have changed meanwhile: apply to what the page shows now
    };
    const onFailure = (): void => {
      if (signal.aborted) return;
      for (const signature of refs.values()) {
        if (cache.get(signature)?.state === 'pending') cache.delete(signature);
      }
      // Back off: a background that cannot answer (extension reloaded, worker
      // failing) must not be asked again at every frame of a busy page.
      failures += 1;
      const delay = Math.min(RETRY_MAX_MS, RETRY_FIRST_MS * 2 ** (failures - 1));
      retryAt = Date.now() + delay;
      if (retryTimer !== null) clearTimeout(retryTimer);
      retryTimer = setTimeout(() => {
        retryTimer = null;
        rescan();
      }, delay);
    };
    answer
      .then(onAnswer)
      .catch(onFailure)
      .catch(() => {
        // A bug of ours in the handlers above must not become an unhandled rejection.
      });
  }

  function report(stats: HighlightStats): void {
    current = stats;
    const key = `${stats.cardsRead} ${stats.candidates} ${stats.marked}`;
    if (key === lastStats || !options.onStats) return;
    lastStats = key;
    try {
      options.onStats({ ...stats });
    } catch {
      // The self-check's problem, not the page's.
    }
  }

  function scan(): void {
    const url = getUrl();
    if (url !== lastUrl) {
      // SPA navigation: the re-read below picks the layout for the new path; a
      // background that failed on the previous page gets another chance.
      lastUrl = url;
      retryAt = 0;
    }
    ensureStyle();
    let cards: ReturnType<typeof readCards> = [];
    try {
      cards = readCards(doc, adapter, url);
    } catch {
      cards = []; // a page our selectors trip on reads as no cards; the stats tell the self-check
    }
    const now = Date.now();
    const mayAsk = now >= retryAt;
    const seen = new Map<Element, string>();
    const batch: CardQuery[] = [];
    const refs = new Map<string, string>();
    const asked = new Set<string>();
    for (const card of cards) {
      const signature = matchSignature(card.fields);
      if (!signature || seen.has(card.element)) continue;
      seen.set(card.element, signature);
      const entry = cache.get(signature);
      const unknown = !entry || (entry.state === 'pending' && now - entry.since > PENDING_TIMEOUT_MS);
      if (unknown && mayAsk && !asked.has(signature)) {
        asked.add(signature);
        const ref = String(batch.length);
        refs.set(ref, signature);
        const { title, organisation, location, jobId, url: link, links } = card.fields;
        batch.push({ ref, fields: { title, organisation, location, jobId, url: link, links: [...links] } });
      }
    }
    // Cards that left the page or now show another offer lose their marks first.
    for (const [element, mark] of marks) {
      if (seen.get(element) !== mark.signature || !element.isConnected) unmark(element, mark);
    }
    for (const [element, signature] of seen) {
      const entry = cache.get(signature);
      if (entry?.state === 'done') apply(element, signature, entry.answer);
    }
    if (batch.length > 0) {
      for (const signature of refs.values()) remember(signature, { state: 'pending', since: now });
      // A long page goes in several messages, each under the background's cap on a batch.
      for (let from = 0; from < batch.length; from += CARDS_PER_MESSAGE) {
        const chunk = batch.slice(from, from + CARDS_PER_MESSAGE);
        send(chunk, new Map(chunk.map((query) => [query.ref, refs.get(query.ref)!])));
      }
    }
    report({ cardsRead: cards.length, candidates: seen.size, marked: marks.size });
  }

  function scanNow(): void {
    if (signal.aborted) return;
    try {
      scan();
    } catch {
      // Never let our bug surface as the page's error; the next mutation tries again.
    }
  }

  // Our own writes come back as mutation records, and sites rewrite the document's
  // title for every notification: neither needs a scan.
  function needsNoScan(record: MutationRecord): boolean {
    if (record.target.nodeName === 'TITLE') return true;
    if (record.type !== 'childList') return false;
    for (const node of Array.from(record.addedNodes)) {
      if (node !== styleElement && node.nodeName.toLowerCase() !== BADGE_TAG) return false;
    }
    for (const node of Array.from(record.removedNodes)) {
      if (node !== styleElement && (node.nodeName.toLowerCase() !== BADGE_TAG || liveHosts.has(node))) return false;
    }
    return true;
  }

  const onKeydown = (event: Event): void => {
    // Captured at the document so a site that stops Escape cannot keep the card open;
    // a key pressed inside the badge is the badge's own to handle (it also moves the focus back).
    if ((event as KeyboardEvent).key === 'Escape' && openBadge && event.target !== openBadge.host) openBadge.dismiss();
  };
  const onScroll = (event: Event): void => {
    // The card is fixed-positioned: once the page scrolls it would float away from its badge.
    if (openBadge && event.target !== openBadge.host) openBadge.dismiss();
  };

  if (signal.aborted) return { rescan, scanNow, stats: () => ({ ...current }) };

  const Observer = options.MutationObserver === undefined ? view?.MutationObserver : options.MutationObserver;
  let observer: MutationObserver | null = null;
  if (Observer) {
    observer = new Observer((records) => {
      let wanted = false;
      for (const record of records) {
        if (needsNoScan(record)) continue;
        wanted = true;
        if (record.type === 'childList' || touched.length >= MAX_TOUCHED) full = true;
        else if (!full) touched.push(record.target);
      }
      if (wanted) queue();
    });
    // childList catches lists that add or empty their cards; characterData catches
    // virtualised rows whose text is rewritten in place; the attribute filter is
    // limited to where cards keep their ids and links, so class toggles on hover
    // and the like never queue a scan.
    const attributeFilter = [...new Set(['href', ...adapter.layouts.flatMap((layout) => layout.id?.attributes ?? [])])];
    observer.observe(doc, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter });
  }
  view?.addEventListener('popstate', rescan);
  doc.addEventListener('keydown', onKeydown, true);
  doc.addEventListener('scroll', onScroll, { capture: true, passive: true });
  view?.addEventListener('resize', onScroll);

  signal.addEventListener(
    'abort',
    () => {
      observer?.disconnect();
      if (frame !== null && !options.schedule) {
        if (view && typeof view.cancelAnimationFrame === 'function') view.cancelAnimationFrame(frame);
        else clearTimeout(frame);
      }
      if (retryTimer !== null) clearTimeout(retryTimer);
      view?.removeEventListener('popstate', rescan);
      doc.removeEventListener('keydown', onKeydown, true);
      doc.removeEventListener('scroll', onScroll, true);
      view?.removeEventListener('resize', onScroll);
      for (const [element, mark] of [...marks]) {
        try {
          unmark(element, mark);
        } catch {
          // keep removing the others
        }
      }
      styleElement?.remove();
      styleElement = null;
      cache.clear();
      openBadge = null;
    },
    { once: true },
  );

  rescan();
  return { rescan, scanNow, stats: () => ({ ...current }) };
}
