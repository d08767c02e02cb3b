/**
 * The typed protocol between contexts. Each message is named by its direction;
 * the background checks the sender of each before acting.
 */
import type { FeedRunReport } from './sync/runner';
import type { FeedCheckResult } from './feed/check-result';
import type { CardMatch, CardQuery } from './match/types';
import type { CardFields } from './sites/types';
import { webOrigin } from './settings/sites';
import { checkUserMarks, type UserMarks } from './settings/marks';

export interface PopupToBackground {
  /** Sync every feed now (backoff does not apply; a host's rate limit does). */
  'popup/sync-now': { request: Record<string, never>; response: FeedRunReport[] };
  /** The popup opened: the badge's count is acknowledged (the offers stay marked new until seen). */
  'popup/opened': { request: Record<string, never>; response: { unseen: number } };
  /** The user saw these offers (opened them, or marked them seen): clear their "new" mark. */
  'popup/mark-seen': { request: { keys: string[] }; response: { unseen: number } };
  /** Star or unstar an offer. */
  'popup/set-favourite': { request: { key: string; favourite: boolean }; response: { ok: true } };
  /**
   * Turn the JobPosting detector on or off for a site outside the list. On: the choice is
   * kept, and the detector runs once the site's host permission is granted (the popup asks
   * for it right after sending this). Off: the permission is given back.
   */
  'popup/job-posting-site': { request: { origin: string; enabled: boolean }; response: { ok: true } };
  /**
   * Options page: check a feed URL before it is saved. The kind is recognised from the
   * URL and the feed fetched once; `reason` says why it is not a feed (the page words it).
   */
  'options/check-feed': { request: { url: string }; response: FeedCheckResult };
  /** Options page: erase every posting, setting, alert, favourite and seen mark, then start afresh. */
  'options/erase-all': { request: Record<string, never>; response: { ok: true } };
  /** Options page: merge an imported file's favourites and seen marks into the user's own (one transaction). */
  'options/import-marks': { request: UserMarks; response: { favourites: number; seen: number } };
}

export type PopupMessageType = keyof PopupToBackground;

export interface Envelope<T extends PopupMessageType = PopupMessageType> {
  type: T;
  payload: PopupToBackground[T]['request'];
}

/** Minimal view of `runtime.MessageSender` that the checks need. */
export interface SenderInfo {
  id?: string;
  tab?: unknown;
  url?: string;
}

/**
 * A popup message must come from this extension and from no tab (content
 * scripts always come with one). The popup page opened in a tab (notification
 * click) has a tab but an extension URL: accept that too.
 */
export function isFromExtensionPage(sender: SenderInfo, extensionId: string, extensionOrigin: string): boolean {
  if (sender.id !== extensionId) return false;
  return sender.tab === undefined || (typeof sender.url === 'string' && sender.url.startsWith(extensionOrigin));
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.length <= 10_000 && value.every((v) => typeof v === 'string');
}

/** Validates an incoming message's shape (messages are untrusted input). */
export function readPopupEnvelope(message: unknown): Envelope | null {
  if (typeof message !== 'object' || message === null) return null;
  const { type, payload } = message as { type?: unknown; payload?: unknown };
  if (typeof payload !== 'object' || payload === null) return null;
  if (type === 'popup/sync-now' || type === 'popup/opened' || type === 'options/erase-all') return { type, payload: {} };
  if (type === 'options/check-feed') {
    const { url } = payload as { url?: unknown };
    return typeof url === 'string' && url.length <= 2_000 ? { type, payload: { url } } : null;
  }
  if (type === 'options/import-marks') {
    const checked = checkUserMarks(payload);
    return checked.ok ? { type, payload: checked.marks } : null;
  }
  if (type === 'popup/set-favourite') {
    const { key, favourite } = payload as { key?: unknown; favourite?: unknown };
    if (typeof key === 'string' && key.length <= 2_000 && typeof favourite === 'boolean') return { type, payload: { key, favourite } };
    return null;
  }
  if (type === 'popup/job-posting-site') {
    const { origin, enabled } = payload as { origin?: unknown; enabled?: unknown };
    const site = webOrigin(origin);
    if (site !== null && site === origin && typeof enabled === 'boolean') return { type, payload: { origin: site, enabled } };
    return null;
  }
  if (type === 'popup/mark-seen' && isStringArray((payload as { keys?: unknown }).keys)) {
    return { type, payload: { keys: (payload as { keys: string[] }).keys } };
  }
  return null;
}

export interface ContentToBackground {
  /** The cards a job page shows, in one batch: which are beta.gouv.fr offers, which resemble open ones. */
  'content/match-cards': { request: { cards: CardQuery[] }; response: CardMatch[] };
  /** Open Beta Radar's view of an offer (from a badge's hover card). */
  'content/open-offer': { request: { key: string }; response: { ok: true } };
}

export type ContentMessageType = keyof ContentToBackground;

export interface ContentEnvelope<T extends ContentMessageType = ContentMessageType> {
  type: T;
  payload: ContentToBackground[T]['request'];
}

/** A content script's message comes from this extension and from a tab that is not one of our pages. */
export function isFromContentScript(sender: SenderInfo, extensionId: string, extensionOrigin: string): boolean {
  return sender.id === extensionId && sender.tab !== undefined && !(typeof sender.url === 'string' && sender.url.startsWith(extensionOrigin));
}

/** Batches are capped: a page cannot make the background match without end. */
export const MAX_CARDS_PER_BATCH = 500;
const MAX_TEXT = 500;

function readText(value: unknown, max = MAX_TEXT): string | null {
  return typeof value === 'string' ? value.slice(0, max) : null;
}

function readCardFields(value: unknown): CardFields | null {
  if (typeof value !== 'object' || value === null) return null;
  const f = value as Record<string, unknown>;
  const title = readText(f.title);
  if (title === null) return null;
  const links = Array.isArray(f.links) ? f.links.filter((l): l is string => typeof l === 'string').slice(0, 20).map((l) => l.slice(0, 2_000)) : [];
  return {
    title,
    organisation: readText(f.organisation),
    location: readText(f.location),
    jobId: readText(f.jobId, 100),
    url: readText(f.url, 2_000),
    links,
  };
}

/** Validates a content script's message (page-derived, so untrusted twice over). */
export function readContentEnvelope(message: unknown): ContentEnvelope | null {
  if (typeof message !== 'object' || message === null) return null;
  const { type, payload } = message as { type?: unknown; payload?: unknown };
  if (typeof payload !== 'object' || payload === null) return null;
  if (type === 'content/match-cards') {
    const cards = (payload as { cards?: unknown }).cards;
    if (!Array.isArray(cards) || cards.length > MAX_CARDS_PER_BATCH) return null;
    const read: CardQuery[] = [];
    for (const card of cards) {
      const ref = readText((card as { ref?: unknown } | null)?.ref, 100);
      const fields = readCardFields((card as { fields?: unknown } | null)?.fields);
      if (ref === null || fields === null) return null;
      read.push({ ref, fields });
    }
    return { type, payload: { cards: read } };
  }
  if (type === 'content/open-offer') {
    const key = readText((payload as { key?: unknown }).key, 2_000);
    return key === null ? null : { type, payload: { key } };
  }
  return null;
}

/** What a job page's content script says about itself, asked by the popup for the active tab. */
export interface PageStatus {
  siteId: string;
  siteName: string;
  /** Highlighting is on for this site. */
  enabled: boolean;
  showSimilar: boolean;
  /** Cards the adapter read on the page, and how many got each mark. */
  cardsRead: number;
  same: number;
  similar: number;
  /** Distinct offers the page links to, found without the adapter's card selectors. */
  jobLinks: number;
  /** The page carries schema.org JobPosting data. */
  jobPostingData: boolean;
  /** A sanitised skeleton of the page (tags, classes, attribute names; no text, no URL), when asked for. */
  skeleton?: string;
}

export interface PopupToContent {
  'popup/page-status': { request: { skeleton: boolean }; response: PageStatus };
}

export function readPageStatusRequest(message: unknown): { skeleton: boolean } | null {
  if (typeof message !== 'object' || message === null) return null;
  const { type, payload } = message as { type?: unknown; payload?: unknown };
  if (type !== 'popup/page-status' || typeof payload !== 'object' || payload === null) return null;
  return { skeleton: (payload as { skeleton?: unknown }).skeleton === true };
}

/** Below this many offer links a page is not a list (a job page links to a few others). */
const MIN_LIST_LINKS = 3;

/**
 * The adapter may be out of date: the page links to several offers but the adapter
 * read fewer than half as many cards, or it carries JobPosting data and no card was read.
 */
export function adapterLooksBroken(status: Pick<PageStatus, 'cardsRead' | 'jobLinks' | 'jobPostingData'>): boolean {
  if (status.jobLinks >= MIN_LIST_LINKS && status.cardsRead * 2 < status.jobLinks) return true;
  return status.jobPostingData && status.cardsRead === 0;
}
