/**
 * A live source: a job site's listing of one organisation's offers (Welcome to the Jungle
 * company, choisirleservicepublic.gouv.fr organisation) read as a feed. `list()` reads the
 * listing page by page with conditional requests; each offer's version is a hash of what its
 * card shows, so an unchanged card never costs a request; `readPosting()` reads a new or
 * changed offer's page. Other people's web sites, not feeds: an hour at least between
 * listings, at most 25 pages a listing, each page once.
 */
import type { LiveSourceUrl } from '../feed-url';
import { sha256Hex } from '../hash';
import { conditionalHeaders, FeedError, fetchText } from '../http';
import { isRecord } from './initial-data';
import type { FeedEntry, FeedSource, ListOptions, ListResult } from '../source';
import type { ParseResult } from '../../postings/types';
import { cspReader } from './csp';
import { listingKeyOf, offerUrl, readListingPage, safeOfferId } from './listing';
import { readOfferPage } from './offer-page';
import { postingFromOffer } from './posting';
import type { ListedOffer, LiveReader } from './types';
import { wttjReader } from './wttj';

export const MAX_LISTING_PAGES = 25;
export const LIVE_MIN_INTERVAL_MINUTES = 60;
/** Offers kept per stored page (a listing page shows about 20). */
const MAX_OFFERS_PER_PAGE = 200;

export interface LiveSourceOptions {
  /** The startup d'État a text names, as a registry id (see `recogniseStartupIn`); absent: no startup reference. */
  recogniseStartup?: (text: string) => string | null;
  /** Tests and benches only: another reader than the kind's own. */
  reader?: LiveReader;
}

/** What a live source keeps of its last listing between syncs (`ListResult.sourceState`). */
export interface LiveSourceState {
  pages: StoredPage[];
}

export interface StoredPage {
  url: string;
  etag: string | null;
  lastModified: string | null;
  /** The page's next page as last read (a page that answers 304 sends no body to find it in). */
  next: string | null;
  offers: ListedOffer[];
}

export function readerFor(kind: LiveSourceUrl['kind']): LiveReader {
  return kind === 'wttj-company' ? wttjReader : cspReader;
}

export function createLiveSource(parsed: LiveSourceUrl, options: LiveSourceOptions = {}): FeedSource {
  const reader = options.reader ?? readerFor(parsed.kind);
  /** The offers of the last listing, by id: `readPosting` builds on what the card showed. */
  const listed = new Map<string, ListedOffer>();

  return {
    kind: parsed.kind,
    id: parsed.id,
    url: parsed.listingUrl,
    minIntervalMinutes: LIVE_MIN_INTERVAL_MINUTES,

    async list({ sourceState, firstPageOnly, signal }: ListOptions = {}): Promise<ListResult> {
      const stored = new Map(readSourceState(sourceState, reader, parsed.listingUrl)?.pages.map((page) => [page.url, page]) ?? []);
      const listingKey = listingKeyOf(reader.listing.scheme, parsed.listingUrl);
      const pages: StoredPage[] = [];
      const requested = new Set<string>();
      let allNotModified = true;
      let url: string | null = parsed.listingUrl;
      while (url !== null && pages.length < MAX_LISTING_PAGES && !requested.has(url)) {
        requested.add(url);
        const previous = stored.get(url);
        const response = await fetchText(url, {
          signal,
          followRedirects: false,
          headers: conditionalHeaders(previous?.etag, { Accept: 'text/html' }, previous?.lastModified),
        });
        let page: StoredPage;
        if (response.status === 304 && previous) {
          page = previous;
        } else {
          if (response.status === 304) {
            // A 304 to a request that carried no validator of ours: nothing to stand on.
            throw new FeedError('invalid-body', `${url} answered "not modified" to a request without validators.`, url, 304);
          }
          allNotModified = false;
          const read = readListingPage(reader, response.text, url);
          page = {
            url,
            etag: response.headers.get('etag'),
            lastModified: response.headers.get('last-modified'),
            next: read.nextPageUrl,
            offers: read.offers.slice(0, MAX_OFFERS_PER_PAGE),
          };
        }
        pages.push(page);
        if (firstPageOnly) break;
        url = nextOfListing(page.next, listingKey, reader, requested);
      }
      // Pages left unread (the listing is longer than a sync reads): their offers are not gone.
      const partial = !firstPageOnly && url !== null && !requested.has(url);
      // The same pages as last time, each unchanged: nothing to do.
      if (allNotModified && !firstPageOnly && pages.length === stored.size && pages.length > 0) return { notModified: true };

      listed.clear();
      const entries: FeedEntry[] = [];
      for (const page of pages) {
        for (const offer of page.offers) {
          if (listed.has(offer.id)) continue;
          listed.set(offer.id, offer);
          entries.push({ fileName: offer.id, url: offer.url, version: await versionOf(reader, offer) });
        }
      }
      const state: LiveSourceState = { pages };
      return { notModified: false, entries, etag: pages[0]?.etag ?? null, sourceState: state, ...(partial ? { partial: true } : {}) };
    },

    async fetchFile(entry: FeedEntry): Promise<string> {
      throw new FeedError('invalid-body', `${entry.fileName} is an offer of ${reader.site}, read from its page with readPosting; there is no file to fetch.`, entry.url);
    },

    async readPosting(entry: FeedEntry, signal?: AbortSignal): Promise<ParseResult> {
      const offer = listed.get(entry.fileName) ?? null;
      const pageUrl = offerUrl(entry.url, reader.host);
      const postingOptions = { recogniseStartup: options.recogniseStartup, site: reader.site };
      // A page that did not answer is asked again at the next sync; one that answered but did
      // not read is not (asking again each hour would not change it: the card's next change will).
      const listingOnly = (why: string, retry = true): ParseResult => {
        if (!offer) {
          return { ok: false, error: { code: 'invalid-item', fileName: entry.fileName, message: `${entry.fileName}: its offer page could not be read (${why}), and no listing of ${reader.site} names it in this session.` } };
        }
        const posting = postingFromOffer(offer, null, { ...postingOptions, unreadPage: why });
        return retry ? { ok: true, posting, recovered: false, retry: true } : { ok: true, posting, recovered: true };
      };
      if (pageUrl === null) return listingOnly(`${entry.url} is not a page of ${reader.host}`);
      let html: string;
      try {
        const response = await fetchText(pageUrl, { signal, headers: { Accept: 'text/html' }, followRedirects: false });
        html = response.text;
      } catch (error) {
        if (signal?.aborted) throw error;
        // A 4xx is the site's answer (gone, refused): asking again each hour would not change it.
        const answered = error instanceof FeedError && error.kind === 'http' && error.status !== undefined && error.status >= 400 && error.status < 500;
        return listingOnly(error instanceof Error ? error.message : String(error), !answered);
      }
      try {
        const details = readOfferPage(reader, html, pageUrl);
        const base: ListedOffer = offer ?? {
          id: safeOfferId(entry.fileName) ?? entry.fileName,
          url: pageUrl,
          title: details.title ?? '',
          organisation: details.organisation,
          location: details.location,
          contract: details.contract,
          date: details.datePosted,
        };
        if (!details.title && !details.description) {
          if (offer) return listingOnly(`${pageUrl} showed neither the offer's title nor its description`, false);
        }
        const posting = postingFromOffer(base, details, postingOptions);
        if (posting.title === '') {
          return { ok: false, error: { code: 'no-title', fileName: entry.fileName, message: `${entry.fileName}: the offer page ${pageUrl} shows no title.` } };
        }
        return { ok: true, posting, recovered: false };
      } catch (error) {
        if (signal?.aborted) throw error;
        return listingOnly(error instanceof Error ? error.message : String(error));
      }
    },
  };
}

/** A next page worth requesting: http(s), on the listing's host and path, not requested yet in this call. */
function nextOfListing(next: string | null, listingKey: string | null, reader: LiveReader, requested: ReadonlySet<string>): string | null {
  if (next === null || listingKey === null) return null;
  let url: URL;
  try {
    url = new URL(next);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' || url.hostname.toLowerCase() !== reader.host || url.username || url.password) return null;
  url.hash = '';
  if (listingKeyOf(reader.listing.scheme, url.href) !== listingKey) return null;
  return requested.has(url.href) ? null : url.href;
}

/** The version of a listed offer: what the card shows, under the reader's version. */
async function versionOf(reader: LiveReader, offer: ListedOffer): Promise<string> {
  const fields = [reader.version, offer.id, offer.url, offer.title, offer.organisation, offer.location, offer.contract, offer.date];
  return sha256Hex(JSON.stringify(fields));
}

// ---------------------------------------------------------------------------------------------
// Stored state (untrusted: read back from storage)

function optionalString(value: unknown, max = 2_000): string | null | undefined {
  if (value === null || value === undefined) return null;
  return typeof value === 'string' && value.length <= max ? value : undefined;
}

/**
 * The stored state if it is one this reader wrote for this listing, else null (the listing
 * is then read afresh, without validators). Pages off the listing, or offers off the host,
 * invalidate the whole state rather than being trusted in part.
 */
export function readSourceState(value: unknown, reader: LiveReader, listingUrl: string): LiveSourceState | null {
  if (!isRecord(value) || !Array.isArray(value.pages) || value.pages.length > MAX_LISTING_PAGES) return null;
  const listingKey = listingKeyOf(reader.listing.scheme, listingUrl);
  const pages: StoredPage[] = [];
  for (const raw of value.pages) {
    if (!isRecord(raw) || typeof raw.url !== 'string' || !Array.isArray(raw.offers) || raw.offers.length > MAX_OFFERS_PER_PAGE) return null;
    if (listingKeyOf(reader.listing.scheme, raw.url) !== listingKey || offerUrlHost(raw.url) !== reader.host) return null;
    const etag = optionalString(raw.etag, 500);
    const lastModified = optionalString(raw.lastModified, 100);
    const next = optionalString(raw.next);
    if (etag === undefined || lastModified === undefined || next === undefined) return null;
    const offers: ListedOffer[] = [];
    for (const item of raw.offers) {
      const offer = readStoredOffer(item, reader);
      if (!offer) return null;
      offers.push(offer);
    }
    pages.push({ url: raw.url, etag, lastModified, next, offers });
  }
  return { pages };
}

function offerUrlHost(url: string): string | null {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return null;
  }
}

function readStoredOffer(value: unknown, reader: LiveReader): ListedOffer | null {
  if (!isRecord(value) || typeof value.id !== 'string' || typeof value.url !== 'string' || typeof value.title !== 'string') return null;
  if (safeOfferId(value.id) !== value.id || offerUrl(value.url, reader.host) !== value.url || value.title.trim() === '' || value.title.length > 300) return null;
  const organisation = optionalString(value.organisation, 300);
  const location = optionalString(value.location, 300);
  const contract = optionalString(value.contract, 300);
  const date = optionalString(value.date, 10);
  if (organisation === undefined || location === undefined || contract === undefined || date === undefined) return null;
  if (date !== null && !/^\d{4}-\d{2}-\d{2}$/.test(date)) return null;
  return { id: value.id, url: value.url, title: value.title, organisation, location, contract, date };
}
