/**
 * A live source's listing page → the offers it shows, its next page, and whether it says it
 * has none. Applies a reader's data (`wttj.ts`, `csp.ts`): embedded initial data first (it
 * comes from the site's API), else the cards, read by the job-site adapter's list layout so
 * that the highlighter and the live source read a card the same way.
 *
 * A page that yields no offer without saying it has none is not "an empty listing": the site
 * changed its markup, and a `reader-outdated` FeedError says so (the offers already stored
 * are kept). The same goes for a page whose cards are there but none of them reads.
 */
import { FeedError } from '../http';
import { findCards, firstText, readFields, absoluteHttpUrl, textOf } from '../../sites/read';
import type { LayoutAdapter } from '../../sites/types';
import { collapseWhitespace, foldAccents } from '../../postings/text';
import { parseHtmlPage } from './html';
import { dayFromText } from './dates';
import { findObjects, isRecord, numberAt, queryData, readInitialData, stringAt, valueAtPath, type JsonRecord } from './initial-data';
import type { InitialDataLayout, ListedOffer, ListingPage, LiveReader, PageScheme, Selectors } from './types';

const MAX_TITLE = 300;
const MAX_ID = 100;
/** A page with more links than this is not searched link by link for its next page. */
const MAX_LINKS_SCANNED = 5_000;

/**
 * Reads one listing page. Throws a FeedError: `invalid-body` for a page too large to parse,
 * `reader-outdated` when the page yields no offer and does not declare itself empty, or when
 * it has offer cards of which none reads.
 */
export function readListingPage(reader: LiveReader, html: string, pageUrl: string): ListingPage {
  const document = parseHtmlPage(html, pageUrl);
  const fromData = reader.initialData ? offersFromInitialData(reader, reader.initialData, document, pageUrl) : null;
  const fromCards = offersFromCards(reader, document, pageUrl);
  const useData = fromData !== null && fromData.offers.length > 0;
  const offers = useData ? fromData.offers : fromCards.offers;
  const nextPageUrl = nextPageOf(reader, document, pageUrl, useData && fromData.hasMore);

  if (offers.length > 0) return { offers, nextPageUrl, declaredEmpty: false, signal: useData ? 'initial-data' : 'dom' };

  const where = `the listing page ${pageUrl}`;
  if (fromCards.unreadable > 0) {
    throw new FeedError(
      'reader-outdated',
      `${reader.site}: ${where} has ${fromCards.unreadable} offer card(s) but none gave a title, an offer id and a link on ${reader.host}; the site's markup has probably changed.`,
      pageUrl,
    );
  }
  const resultsPage = isResultsPage(reader, document);
  // Only the spontaneous-application item: the list is there and holds no offer.
  const declaredEmpty = saysEmpty(reader, document, resultsPage) || fromData?.declaredEmpty === true || fromCards.ignored > 0;
  if (!declaredEmpty) {
    const what = resultsPage
      ? `${where} shows no ${reader.listing.cardsDescription}`
      : `${where} does not look like a results page and shows no ${reader.listing.cardsDescription}`;
    throw new FeedError('reader-outdated', `${reader.site}: ${what}, and it does not say it has no offer; the site's markup has probably changed.`, pageUrl);
  }
  return { offers: [], nextPageUrl: null, declaredEmpty: true, signal: fromData?.declaredEmpty ? 'initial-data' : 'dom' };
}

// ---------------------------------------------------------------------------------------------
// Cards

interface CardsRead {
  offers: ListedOffer[];
  /** Card roots (outside ignored containers) that gave no offer. */
  unreadable: number;
  /** Cards deliberately left out (spontaneous application). */
  ignored: number;
}

function listLayout(reader: LiveReader): LayoutAdapter {
  const layout = reader.listing.adapter.layouts.find((candidate) => candidate.name === reader.listing.layout);
  if (!layout) throw new Error(`${reader.site}: the adapter ${reader.listing.adapter.id} has no layout "${reader.listing.layout}".`);
  return layout;
}

function offersFromCards(reader: LiveReader, document: Document, pageUrl: string): CardsRead {
  const layout = listLayout(reader);
  const listing = reader.listing;
  const skip = layout.skip ?? [];
  const read: CardsRead = { offers: [], unreadable: 0, ignored: 0 };
  const seen = new Set<string>();
  for (const card of findCards(document, layout)) {
    if (insideAny(card, listing.ignoreInside)) continue;
    const fields = readFields(card, layout, pageUrl);
    if (fields && listing.ignoreTitle?.test(fields.title)) {
      read.ignored++;
      continue;
    }
    const id = fields ? safeOfferId(fields.jobId) : null;
    const url = fields ? offerUrl(fields.url, reader.host) : null;
    if (!fields || !id || !url) {
      read.unreadable++;
      continue;
    }
    if (seen.has(id)) continue;
    seen.add(id);
    read.offers.push({
      id,
      url,
      title: capped(fields.title),
      organisation: fields.organisation,
      location: fields.location,
      contract: firstText(card, listing.contract, skip),
      date: dayFromText(firstText(card, listing.date, skip)),
    });
  }
  return read;
}

function insideAny(element: Element, selectors: Selectors): boolean {
  return selectors.some((selector) => {
    try {
      return element.closest(selector) !== null;
    } catch {
      return false;
    }
  });
}

/** An offer id usable as a file name: letters, digits, `._-` (accents folded, other characters `-`), at most 100. */
export function safeOfferId(raw: string | null | undefined): string | null {
  if (!raw) return null;
  let text = raw.trim();
  try {
    text = decodeURIComponent(text);
  } catch {
    // Keep it as written.
  }
  const id = foldAccents(text)
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[-._]+|[-._]+$/g, '')
    .slice(0, MAX_ID)
    .replace(/[-._]+$/g, '');
  return id === '' ? null : id;
}

/** The offer's page on `host`: http(s), same host, without query (tracking) or fragment; else null. */
export function offerUrl(url: string | null, host: string): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    if ((parsed.protocol !== 'https:' && parsed.protocol !== 'http:') || parsed.hostname.toLowerCase() !== host) return null;
    if (parsed.username || parsed.password) return null;
    return `${parsed.origin}${parsed.pathname}`;
  } catch {
    return null;
  }
}

function capped(text: string): string {
  const clean = collapseWhitespace(text);
  return clean.length > MAX_TITLE ? `${clean.slice(0, MAX_TITLE - 1)}…` : clean;
}

// ---------------------------------------------------------------------------------------------
// Embedded initial data

interface DataRead {
  offers: ListedOffer[];
  /** Paging counters say a later page exists. */
  hasMore: boolean;
  /** A list of hits was found empty beside a total of 0. */
  declaredEmpty: boolean;
}

function offersFromInitialData(reader: LiveReader, layout: InitialDataLayout, document: Document, pageUrl: string): DataRead | null {
  const data = readInitialData(document, layout.variable);
  if (data === null || data === undefined) return null;
  const organisation = layout.organisationInUrl.exec(new URL(pageUrl).pathname)?.[1]?.toLowerCase() ?? null;
  const read: DataRead = { offers: [], hasMore: false, declaredEmpty: false };
  const seen = new Set<string>();
  let lists = 0;
  let emptyLists = 0;
  for (const place of queryData(data)) {
    const holders = findObjects(place, (node) => Object.entries(node).some(([key, value]) => Array.isArray(value) && isHitList(layout, key, value)));
    for (const holder of holders) {
      for (const [key, value] of Object.entries(holder)) {
        if (!Array.isArray(value) || !isHitList(layout, key, value)) continue;
        lists++;
        if (value.length === 0) {
          if (numberAt(holder, layout.paging.total) === 0) emptyLists++;
          continue;
        }
        for (const hit of value) {
          const offer = offerFromHit(reader, layout, hit, organisation, pageUrl);
          if (!offer || seen.has(offer.id)) continue;
          seen.add(offer.id);
          read.offers.push(offer);
        }
        const page = numberAt(holder, layout.paging.page);
        const pages = numberAt(holder, layout.paging.pages);
        if (page !== null && pages !== null && page + 1 < pages) read.hasMore = true;
      }
    }
  }
  read.declaredEmpty = read.offers.length === 0 && lists > 0 && emptyLists === lists;
  return read;
}

function looksLikeHit(layout: InitialDataLayout, value: unknown): boolean {
  return isRecord(value) && stringAt(value, layout.hit.slug) !== null && stringAt(value, layout.hit.title) !== null;
}

/** A list under a hits key (possibly empty), or a list whose first items look like hits. */
function isHitList(layout: InitialDataLayout, key: string, value: unknown[]): boolean {
  if (layout.hitLists.includes(key) && (value.length === 0 || value.slice(0, 3).some((item) => looksLikeHit(layout, item)))) return true;
  return value.length > 0 && value.slice(0, 3).every((item) => looksLikeHit(layout, item));
}

function offerFromHit(reader: LiveReader, layout: InitialDataLayout, hit: unknown, organisation: string | null, pageUrl: string): ListedOffer | null {
  if (!isRecord(hit)) return null;
  const slug = stringAt(hit, layout.hit.slug);
  const title = stringAt(hit, layout.hit.title);
  if (!slug || !title) return null;
  const hitOrganisation = stringAt(hit, layout.hit.organisationSlug)?.toLowerCase() ?? null;
  // Other companies' jobs (suggestions) share the cache: only the listing's own.
  if (organisation && hitOrganisation && hitOrganisation !== organisation) return null;
  const owner = hitOrganisation ?? organisation;
  if (!owner || reader.listing.ignoreTitle?.test(title)) return null;
  const id = safeOfferId(slug);
  const path = layout.offerPath.replace('{organisation}', encodeURIComponent(owner)).replace('{slug}', encodeURIComponent(slug));
  const url = offerUrl(absoluteHttpUrl(path, pageUrl), reader.host);
  if (!id || !url) return null;
  return {
    id,
    url,
    title: capped(title),
    organisation: stringAt(hit, layout.hit.organisationName),
    location: citiesOf(layout, hit),
    contract: contractOf(layout, hit),
    date: dateOf(hit, layout.hit.date),
  };
}

export function citiesOf(layout: InitialDataLayout, hit: JsonRecord): string | null {
  const offices = valueAtPath(hit, layout.hit.offices);
  const list = Array.isArray(offices) ? offices.slice(0, 20) : [offices];
  const cities = [...new Set(list.map((office) => (isRecord(office) ? stringAt(office, layout.hit.city) : null)).filter((city): city is string => city !== null))];
  return cities.length > 0 ? capped(cities.slice(0, 3).join(', ')) : null;
}

export function contractOf(layout: InitialDataLayout, hit: JsonRecord): string | null {
  const code = stringAt(hit, layout.hit.contract);
  if (!code) return null;
  return Object.hasOwn(layout.contractLabels, code) ? layout.contractLabels[code]! : capped(code);
}

/** A date as an ISO string, a French one, or a Unix time (seconds or milliseconds). */
export function dateOf(value: unknown, paths: Selectors): string | null {
  for (const path of paths) {
    const found = valueAtPath(value, path);
    if (typeof found === 'number' && Number.isFinite(found) && found > 0) {
      const ms = found < 1e11 ? found * 1000 : found;
      const day = dayFromText(new Date(ms).toISOString());
      if (day) return day;
    }
    if (typeof found === 'string') {
      const day = dayFromText(found);
      if (day) return day;
    }
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Results page, empty state

function exists(document: Document, selectors: Selectors): boolean {
  return selectors.some((selector) => {
    try {
      return document.querySelector(selector) !== null;
    } catch {
      return false;
    }
  });
}

function isResultsPage(reader: LiveReader, document: Document): boolean {
  return exists(document, reader.listing.resultsPage);
}

/** An element made for "no result", or (on a results page) a text saying so. */
function saysEmpty(reader: LiveReader, document: Document, resultsPage: boolean): boolean {
  const empty = reader.listing.empty;
  if (exists(document, empty.selectors)) return true;
  if (!resultsPage) return false;
  for (const selector of empty.textIn) {
    let elements: Element[];
    try {
      elements = Array.from(document.querySelectorAll(selector)).slice(0, 200);
    } catch {
      continue;
    }
    for (const element of elements) {
      const text = collapseWhitespace(textOf(element, ['.sr-only', '.fr-sr-only']));
      if (text.length <= 300 && empty.text.some((pattern) => pattern.test(text))) return true;
    }
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// Pagination

/** The page number a listing URL shows (1 when it names none). */
export function pageNumberOf(scheme: PageScheme, url: string): number {
  try {
    const parsed = new URL(url);
    const raw = scheme.kind === 'query' ? parsed.searchParams.get(scheme.param) : new RegExp(`/${scheme.segment}/(\\d+)/?$`).exec(parsed.pathname)?.[1];
    const number = raw && /^\d{1,6}$/.test(raw) ? Number(raw) : 1;
    return number >= 1 ? number : 1;
  } catch {
    return 1;
  }
}

/**
 * What every page of one listing shares: host and path without the page part (`…/page/2/`),
 * trailing slash aside. Query parameters other than the page are part of it for a query scheme.
 */
export function listingKeyOf(scheme: PageScheme, url: string): string | null {
  try {
    const parsed = new URL(url);
    let path = parsed.pathname;
    let query = '';
    if (scheme.kind === 'path') {
      path = path.replace(new RegExp(`/${scheme.segment}/\\d+/?$`), '/');
    } else {
      parsed.searchParams.delete(scheme.param);
      parsed.searchParams.sort();
      query = parsed.searchParams.toString();
    }
    return `${parsed.protocol}//${parsed.hostname.toLowerCase()}${path.replace(/\/+$/, '')}?${query}`;
  } catch {
    return null;
  }
}

/** The URL of page `n` of the listing `url` belongs to. */
export function pageUrlFor(scheme: PageScheme, url: string, n: number): string {
  const parsed = new URL(url);
  parsed.hash = '';
  if (scheme.kind === 'query') {
    if (n <= 1) parsed.searchParams.delete(scheme.param);
    else parsed.searchParams.set(scheme.param, String(n));
    return parsed.href;
  }
  const base = parsed.pathname.replace(new RegExp(`/${scheme.segment}/\\d+/?$`), '/').replace(/\/?$/, '/');
  parsed.pathname = n <= 1 ? base : `${base}${scheme.segment}/${n}/`;
  return parsed.href;
}

/**
 * The next page: an explicit "next" link first (DSFR's `fr-pagination__link--next`,
 * `rel=next`…), else a link to page n+1 of the same listing, else (when the embedded data
 * says more pages exist) page n+1 itself. A disabled link, or one back to this page, is none.
 */
function nextPageOf(reader: LiveReader, document: Document, pageUrl: string, dataSaysMore: boolean): string | null {
  const scheme = reader.listing.scheme;
  const here = withoutFragment(pageUrl);
  for (const selector of reader.listing.nextPage) {
    let links: Element[];
    try {
      links = Array.from(document.querySelectorAll(selector));
    } catch {
      continue;
    }
    for (const link of links) {
      if (link.getAttribute('aria-disabled') === 'true' || link.hasAttribute('disabled')) continue;
      const url = absoluteHttpUrl(link.getAttribute('href'), pageUrl);
      if (url && withoutFragment(url) !== here) return withoutFragment(url);
    }
  }
  const key = listingKeyOf(scheme, pageUrl);
  const wanted = pageNumberOf(scheme, pageUrl) + 1;
  const anchors = Array.from(document.querySelectorAll('a[href]')).slice(0, MAX_LINKS_SCANNED);
  for (const anchor of anchors) {
    const url = absoluteHttpUrl(anchor.getAttribute('href'), pageUrl);
    if (url && listingKeyOf(scheme, url) === key && pageNumberOf(scheme, url) === wanted) return withoutFragment(url);
  }
  return dataSaysMore ? pageUrlFor(scheme, pageUrl, wanted) : null;
}

function withoutFragment(url: string): string {
  const hash = url.indexOf('#');
  return hash < 0 ? url : url.slice(0, hash);
}
