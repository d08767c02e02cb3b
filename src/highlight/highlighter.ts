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
 * The page is watched by one MutationObserver whose callback only notes what changed;
 * the work runs at most once per frame. It remembers every card it has read, so a
 * frame looks for new cards in added subtrees only and reads again only the cards
 * whose nodes changed; and it reads within a time budget, leaving the rest to the
 * next frames. A whole-page read happens on the first scan, after a navigation and
 * on `rescan()`.
 */
import type { CardMatch, CardQuery, MatchedPosting } from '../match/types';
import type { CardFields, LayoutAdapter, SiteAdapter } from '../sites/types';
import { findCardRoots, readFields } from '../sites/read';
import { layoutsForUrl } from '../sites/layouts';
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
  /** The clock the frame budget is measured with; defaults to `performance.now`. */
  now?(): number;
  /** Reading time per frame before the rest waits for the next one; defaults to `FRAME_BUDGET_MS`. */
  frameBudgetMs?: number;
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
/** Past this many changes recorded for one frame, finding every card again is cheaper than following each. */
const MAX_RECORDED = 2_000;
/**
 * Reading time per frame: cards past it wait for the next frame. Well under the 50 ms that
 * makes a long task, and leaves the page most of a 60 Hz frame.
 */
export const FRAME_BUDGET_MS = 8;

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

/** A card root found on the page, and what was last read from it. */
interface CardState {
  /** The layouts that found it, in the adapter's order; the first that gives a title reads it. */
  layouts: LayoutAdapter[];
  fields: CardFields | null;
  /** `matchSignature` of the fields; empty when unread or without a title. */
  signature: string;
}

interface Mark {
  signature: string;
  answer: Answer;
  kind: CardMatch['kind'];
  ids: string;
  badge: Badge | null;
  repairs: number;
}

function matchesSelector(element: Element, selector: string): boolean {
  try {
    return element.matches(selector);
  } catch {
    return false;
  }
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
  const clock = options.now ?? (() => (typeof performance !== 'undefined' ? performance.now() : Date.now()));
  const frameBudget = options.frameBudgetMs ?? FRAME_BUDGET_MS;
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
  let layouts: LayoutAdapter[] = [];
  let lastStats = '';
  let current: HighlightStats = { cardsRead: 0, candidates: 0, marked: 0 };

  // What the page is known to hold, kept between frames so that a frame only reads the
  // cards that changed (a list of 1,000 that grows by 25 costs 25 reads, not 1,025).
  /** Every card root found, with what was last read from it. */
  let cards = new Map<Element, CardState>();
  /** Per layout, the card selector the whole page answered to (the one new subtrees are searched with). */
  let winners = new Map<string, string | null>();
  /** Cards to read (new, changed, or read before a navigation), in the order they were found. */
  const toRead = new Set<Element>();
  /** Signature → cards showing it, while its answer is on its way. */
  const waiting = new Map<string, Set<Element>>();
  // What the queued work has to look at, gathered by the observer's callback:
  /** Every card is to be found and read again (first scan, navigation, `rescan()`, too many records). */
  let rediscover = true;
  /** Subtrees added, and elements whose id or link attribute changed: maybe new cards. */
  let added: Node[] = [];
  /** Where texts, children or attributes changed: the cards around them are read again. */
  let touched: Node[] = [];
  /** Nodes were removed: cards may have left the page. */
  let removed = false;

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

  function queue(): void {
    if (queued || signal.aborted) return;
    queued = true;
    try {
      schedule(() => {
        queued = false;
        frame = null;
        scanNow(false);
      });
    } catch {
      queued = false;
    }
  }

  /** Finds and reads every card again at the next frame (marks stay until each card is re-read). */
  function rescan(): void {
    rediscover = true;
    queue();
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
        const known: Answer = match ? { kind: match.kind, postings: readPostings(match.postings) } : null;
        remember(signature, { state: 'done', answer: known });
        // Applied to the cards that show this offer now; a card read again meanwhile
        // with another offer is not one of them.
        const showing = waiting.get(signature);
        waiting.delete(signature);
        for (const element of showing ?? []) {
          if (element.isConnected && cards.get(element)?.signature === signature) apply(element, signature, known);
        }
      }
      report();
    };
    const onFailure = (): void => {
      if (signal.aborted) return;
      for (const signature of refs.values()) {
        if (cache.get(signature)?.state === 'pending') cache.delete(signature);
      }
      // Back off: a background that cannot answer (extension reloaded, worker
      // failing) must not be asked again at every frame of a busy page. The cards stay
      // waiting, and the next scan after the delay asks for them again.
      failures += 1;
      const delay = Math.min(RETRY_MAX_MS, RETRY_FIRST_MS * 2 ** (failures - 1));
      retryAt = Date.now() + delay;
      if (retryTimer !== null) clearTimeout(retryTimer);
      retryTimer = setTimeout(() => {
        retryTimer = null;
        scanNow(true);
      }, delay);
    };
    answer
      .then(onAnswer)
      .catch(onFailure)
      .catch(() => {
        // A bug of ours in the handlers above must not become an unhandled rejection.
      });
  }

  function report(): void {
    let cardsRead = 0;
    let candidates = 0;
    for (const state of cards.values()) {
      if (state.fields) cardsRead += 1;
      if (state.signature) candidates += 1;
    }
    current = { cardsRead, candidates, marked: marks.size };
    const key = `${cardsRead} ${candidates} ${marks.size}`;
    if (key === lastStats || !options.onStats) return;
    lastStats = key;
    try {
      options.onStats({ ...current });
    } catch {
      // The self-check's problem, not the page's.
    }
  }

  function forget(element: Element): void {
    cards.delete(element);
    toRead.delete(element);
    const mark = marks.get(element);
    if (mark) unmark(element, mark);
  }

  function addCard(into: Map<Element, CardState>, element: Element, layout: LayoutAdapter): void {
    const state = into.get(element);
    if (!state) into.set(element, { layouts: [layout], fields: null, signature: '' });
    else if (!state.layouts.includes(layout)) state.layouts.push(layout);
  }

  /** The whole page: every layout's cards, as `readCards` finds them. What was read before stays until re-read. */
  function discoverAll(): void {
    const found = new Map<Element, CardState>();
    winners = new Map();
    for (const layout of layouts) {
      const { selector, elements } = findCardRoots(doc, layout.card);
      winners.set(layout.name, selector);
      for (const element of elements) addCard(found, element, layout);
    }
    for (const [element, state] of found) {
      const before = cards.get(element);
      if (before) {
        state.fields = before.fields;
        state.signature = before.signature;
      }
    }
    for (const element of cards.keys()) if (!found.has(element)) forget(element);
    cards = found;
    toRead.clear();
    for (const element of cards.keys()) toRead.add(element);
  }

  /** New cards inside added subtrees, with the selector the page answered to, as a whole-page read would find them. */
  function discoverIn(nodes: readonly Node[]): void {
    for (const node of nodes) {
      if (node.nodeType !== 1 || !node.isConnected) continue;
      for (const layout of layouts) {
        const winner = winners.get(layout.name);
        const { selector, elements } = findCardRoots(node as Element, winner ? [winner] : layout.card);
        if (!winner && selector) winners.set(layout.name, selector);
        for (const element of elements) {
          if (cards.get(element)?.layouts.includes(layout) || insideCardOf(element, layout)) continue;
          addCard(cards, element, layout);
          toRead.add(element);
        }
      }
    }
  }

  function insideCardOf(element: Element, layout: LayoutAdapter): boolean {
    for (let parent = element.parentElement; parent; parent = parent.parentElement) {
      if (cards.get(parent)?.layouts.includes(layout)) return true;
    }
    return false;
  }

  /** The cards around changed nodes are read again (all of them: a view may hold a list). */
  function markChanged(nodes: readonly Node[]): void {
    for (const node of nodes) {
      for (let element = node.nodeType === 1 ? (node as Element) : node.parentElement; element; element = element.parentElement) {
        if (cards.has(element)) toRead.add(element);
      }
    }
  }

  /** Reads one card with the first of its layouts that still finds it and gives a title. */
  function readCard(element: Element, state: CardState): void {
    state.layouts = state.layouts.filter((layout) => {
      const winner = winners.get(layout.name);
      return !winner || matchesSelector(element, winner);
    });
    state.fields = null;
    for (const layout of state.layouts) {
      try {
        state.fields = readFields(element, layout, lastUrl);
      } catch {
        state.fields = null; // a card our selectors trip on reads as empty; the stats tell the self-check
      }
      if (state.fields) break;
    }
    state.signature = state.fields ? matchSignature(state.fields) : '';
  }

  /** After a read: the card keeps, loses or waits for its marks, and joins the batch when its offer is unknown. */
  function settle(element: Element, state: CardState, ask: Asking): void {
    const { signature } = state;
    const mark = marks.get(element);
    if (mark && mark.signature !== signature) unmark(element, mark);
    if (!signature) return;
    const entry = cache.get(signature);
    if (entry?.state === 'done') {
      apply(element, signature, entry.answer);
      return;
    }
    let showing = waiting.get(signature);
    if (!showing) waiting.set(signature, (showing = new Set()));
    showing.add(element);
    ask(signature, state.fields!, entry);
  }

  type Asking = (signature: string, fields: CardFields, entry: Entry | undefined) => void;

  function scan(force: boolean): void {
    const url = getUrl();
    if (url !== lastUrl) {
      // SPA navigation: the layouts for the new path find the cards again; a background
      // that failed on the previous page gets another chance.
      lastUrl = url;
      layouts = layoutsForUrl(adapter, url);
      retryAt = 0;
      rediscover = true;
    }
    const newNodes = added;
    const changedNodes = touched;
    const anyRemoved = removed;
    added = [];
    touched = [];
    removed = false;
    if (!force && !rediscover && newNodes.length === 0 && changedNodes.length === 0 && !anyRemoved && toRead.size === 0) return;

    ensureStyle();
    if (rediscover) {
      rediscover = false;
      discoverAll();
    } else {
      // Marks live on known cards only, so forgetting the cards that left takes their marks too.
      if (anyRemoved) for (const element of [...cards.keys()]) if (!element.isConnected) forget(element);
      discoverIn(newNodes);
      markChanged(changedNodes);
    }

    const now = Date.now();
    const mayAsk = now >= retryAt;
    const batch: CardQuery[] = [];
    const refs = new Map<string, string>();
    const asked = new Set<string>();
    const ask: Asking = (signature, fields, entry) => {
      const unknown = !entry || (entry.state === 'pending' && now - entry.since > PENDING_TIMEOUT_MS);
      if (!unknown || !mayAsk || asked.has(signature)) return;
      asked.add(signature);
      const ref = String(batch.length);
      refs.set(ref, signature);
      const { title, organisation, location, jobId, url: link, links } = fields;
      batch.push({ ref, fields: { title, organisation, location, jobId, url: link, links: [...links] } });
    };

    // Reading is what costs: a frame reads until its budget is spent and leaves the rest
    // to the next frames, so a page of 1,000 cards never holds the main thread long.
    const deadline = clock() + frameBudget;
    let reads = 0;
    for (const element of toRead) {
      if (reads > 0 && clock() >= deadline) break;
      toRead.delete(element);
      const state = cards.get(element);
      if (!state) continue;
      if (!element.isConnected) {
        forget(element);
        continue;
      }
      reads += 1;
      readCard(element, state);
      if (state.layouts.length === 0) forget(element);
      else settle(element, state, ask);
    }

    // Offers still waiting whose question was lost (a failure, a batch never answered).
    if (mayAsk) {
      for (const [signature, showing] of waiting) {
        for (const element of showing) if (!element.isConnected || cards.get(element)?.signature !== signature) showing.delete(element);
        const [first] = showing;
        if (!first) {
          waiting.delete(signature);
          continue;
        }
        ask(signature, cards.get(first)!.fields!, cache.get(signature));
      }
    }

    if (batch.length > 0) {
      for (const signature of refs.values()) remember(signature, { state: 'pending', since: now });
      // A long page goes in several messages, each under the background's cap on a batch.
      for (let from = 0; from < batch.length; from += CARDS_PER_MESSAGE) {
        const chunk = batch.slice(from, from + CARDS_PER_MESSAGE);
        send(chunk, new Map(chunk.map((query) => [query.ref, refs.get(query.ref)!])));
      }
    }
    report();
    if (toRead.size > 0) queue();
  }

  function scanNow(force = true): void {
    if (signal.aborted) return;
    try {
      scan(force);
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

  const api: Highlighter = { rescan, scanNow: () => scanNow(true), stats: () => ({ ...current }) };
  if (signal.aborted) return api;

  const Observer = options.MutationObserver === undefined ? view?.MutationObserver : options.MutationObserver;
  let observer: MutationObserver | null = null;
  if (Observer) {
    observer = new Observer((records) => {
      // Only gathers what changed; the reading happens once per frame.
      let wanted = false;
      for (const record of records) {
        if (needsNoScan(record)) continue;
        wanted = true;
        if (rediscover) continue;
        if (touched.length + added.length >= MAX_RECORDED) {
          rediscover = true; // a page rebuilt wholesale: finding the cards again is cheaper than following each change
          added = [];
          touched = [];
          continue;
        }
        touched.push(record.target);
        if (record.type === 'attributes') added.push(record.target); // an id or link set on an element may make it a card
        else if (record.type === 'childList') {
          for (const node of Array.from(record.addedNodes)) if (node.nodeType === 1) added.push(node);
          if (record.removedNodes.length > 0) removed = true;
        }
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
      cards.clear();
      toRead.clear();
      waiting.clear();
      openBadge = null;
    },
    { once: true },
  );

  rescan();
  return api;
}
