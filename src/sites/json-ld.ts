/**
 * schema.org `JobPosting` data in a page's JSON-LD scripts: what job boards, ATSs and
 * employers' career pages publish for search engines, and the most stable thing a page
 * says about its offer. Page data is untrusted: parsed with `JSON.parse` only, walked
 * with limits, and every value read back as a plain string.
 */
import type { CardFields } from './types';
import { MAX_ID_LENGTH, readLinks, textOf, withoutHash } from './read';
import { httpUrl } from '../postings/fields';
import { collapseWhitespace, foldAccents } from '../postings/text';
import { decodeEntities } from '../ui/markdown/entities';

export interface JobPostingData {
  title: string;
  organisation: string | null;
  location: string | null;
  identifier: string | null;
  /** http(s) only. */
  url: string | null;
}

/** A page's scripts beyond this size are not job data worth the parse. */
const MAX_SCRIPT_LENGTH = 1_000_000;
const MAX_POSTINGS = 50;
const MAX_DEPTH = 8;
const MAX_TEXT = 300;

/** Every JobPosting found in `document`'s JSON-LD, in document order. Broken scripts are skipped. */
export function jobPostingsInJsonLd(document: Document): JobPostingData[] {
  return walkJobPostings(document, readPosting);
}

/** The JobPosting nodes of `document`'s JSON-LD, each read by `read` (null: skipped), within the limits. */
function walkJobPostings<T>(document: Document, read: (node: Record<string, unknown>) => T | null): T[] {
  const found: T[] = [];
  for (const script of Array.from(document.querySelectorAll('script[type="application/ld+json"]'))) {
    const text = script.textContent ?? '';
    if (text.length > MAX_SCRIPT_LENGTH || !/JobPosting/.test(text)) continue;
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      continue; // a site's broken JSON is not our error
    }
    collect(data, 0, found, read);
    if (found.length >= MAX_POSTINGS) break;
  }
  return found.slice(0, MAX_POSTINGS);
}

function collect<T>(value: unknown, depth: number, into: T[], read: (node: Record<string, unknown>) => T | null): void {
  if (depth > MAX_DEPTH || into.length >= MAX_POSTINGS || typeof value !== 'object' || value === null) return;
  if (Array.isArray(value)) {
    for (const item of value) collect(item, depth + 1, into, read);
    return;
  }
  const node = value as Record<string, unknown>;
  if (isJobPosting(node['@type'])) {
    const posting = read(node);
    if (posting) into.push(posting);
    return;
  }
  // `@graph` holds a page's entities; `mainEntity` and `itemListElement`/`item` wrap one.
  for (const key of ['@graph', 'mainEntity', 'itemListElement', 'item']) collect(node[key], depth + 1, into, read);
}

function isJobPosting(type: unknown): boolean {
  const types = Array.isArray(type) ? type : [type];
  return types.some((t) => typeof t === 'string' && /(^|[/:])JobPosting$/.test(t.trim()));
}

function readPosting(node: Record<string, unknown>): JobPostingData | null {
  const title = text(node.title) ?? text(node.name);
  if (!title) return null;
  return {
    title,
    organisation: nameOf(node.hiringOrganization),
    location: locationOf(node.jobLocation),
    identifier: identifierOf(node.identifier),
    url: webUrl(node.url),
  };
}

/** A string (or number) value, whitespace collapsed, tags and entities of sloppy exports undone, capped. */
function text(value: unknown): string | null {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') return null;
  const cleaned = collapseWhitespace(decodeEntities(value.replace(/<[^>]*>/g, ' ')));
  if (!cleaned) return null;
  return cleaned.length > MAX_TEXT ? `${cleaned.slice(0, MAX_TEXT - 1)}…` : cleaned;
}

function first(value: unknown): unknown {
  return Array.isArray(value) ? value[0] : value;
}

function nameOf(value: unknown): string | null {
  const organisation = first(value);
  if (typeof organisation === 'string') return text(organisation);
  if (typeof organisation !== 'object' || organisation === null) return null;
  return text((organisation as Record<string, unknown>).name) ?? text((organisation as Record<string, unknown>).legalName);
}

function locationOf(value: unknown): string | null {
  const place = first(value);
  if (typeof place === 'string') return text(place);
  if (typeof place !== 'object' || place === null) return null;
  const { address, name } = place as Record<string, unknown>;
  const postal = first(address);
  if (typeof postal === 'string') return text(postal);
  if (typeof postal === 'object' && postal !== null) {
    const { addressLocality, addressRegion } = postal as Record<string, unknown>;
    const locality = text(addressLocality) ?? text(addressRegion);
    if (locality) return locality;
  }
  return text(name);
}

function identifierOf(value: unknown): string | null {
  const id = first(value);
  if (typeof id === 'object' && id !== null) return text((id as Record<string, unknown>).value);
  return text(id);
}

function webUrl(value: unknown): string | null {
  return typeof value === 'string' ? httpUrl(value.trim()) : null;
}

/**
 * A heading's offer from the page's JSON-LD: the JobPosting whose title the heading shows.
 * None when the heading shows no posting's title (a listing page's "Our offers"), or when
 * it sits inside microdata for a JobPosting (read from that, not twice).
 */
export function readJsonLdHeading(heading: Element, pageUrl: string): CardFields | null {
  if (heading.closest('[itemtype*="JobPosting"]')) return null;
  const shown = foldTitle(textOf(heading));
  if (!shown) return null;
  const posting = jobPostingsInJsonLd(heading.ownerDocument).find((candidate) => {
    const title = foldTitle(candidate.title);
    return title.length > 0 && (shown.includes(title) || title.includes(shown));
  });
  if (!posting) return null;
  const url = posting.url ?? withoutHash(pageUrl);
  return {
    title: posting.title,
    organisation: posting.organisation,
    location: posting.location,
    jobId: posting.identifier ? posting.identifier.slice(0, MAX_ID_LENGTH) : null,
    url,
    links: readLinks(heading, url, pageUrl),
  };
}

/** Case, accents, punctuation and spacing aside. */
function foldTitle(text: string): string {
  return foldAccents(text).toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

// ---------------------------------------------------------------------------------------------
// The whole offer (live sources read an offer's page for its text, dates and contract)

/** A JobPosting with what an offer's page gives beyond its card. Every value a plain string, as written. */
export interface JobPostingDetails extends JobPostingData {
  /**
   * The description as the page wrote it: HTML in schema.org's sense, already un-escaped once
   * when a non-strict exporter HTML-escaped it whole (`&lt;p&gt;…`). Untrusted markup: to be
   * read as text or converted, never inserted. Capped at 200,000 characters.
   */
  descriptionHtml: string | null;
  /** `datePosted` and `validThrough` as written (ISO 8601, or `dd/mm/yyyy` on non-strict pages). */
  datePosted: string | null;
  validThrough: string | null;
  /** `employmentType` values (`FULL_TIME`, `CONTRACTOR`…). */
  employmentTypes: string[];
  /** `occupationalCategory` and `industry`, when given. */
  categories: string[];
}

const MAX_DESCRIPTION = 200_000;

/**
 * Every JobPosting of `document`'s JSON-LD with its description, dates and employment types,
 * read leniently: non-strict exporters write `Description` with a capital D (and HTML-escape
 * it), `hiringOrganization` as a plain string, dates as `dd/mm/yyyy`. Same walk and limits as
 * {@link jobPostingsInJsonLd}.
 */
export function jobPostingDetailsInJsonLd(document: Document): JobPostingDetails[] {
  return walkJobPostings(document, readDetails);
}

function readDetails(node: Record<string, unknown>): JobPostingDetails | null {
  const posting = readPosting(node);
  if (!posting) return null;
  const field = (name: string): unknown => node[name] ?? node[name.charAt(0).toUpperCase() + name.slice(1)];
  return {
    ...posting,
    descriptionHtml: descriptionOf(field('description')),
    datePosted: text(first(field('datePosted'))),
    validThrough: text(first(field('validThrough'))),
    employmentTypes: texts(field('employmentType')),
    categories: [...texts(field('occupationalCategory')), ...texts(field('industry'))],
  };
}

function texts(value: unknown): string[] {
  const values = Array.isArray(value) ? value.slice(0, 10) : [value];
  return values.map((item) => text(item)).filter((item): item is string => item !== null);
}

/** HTML as written; escaped whole (`&lt;p&gt;`, no tag) means one more decoding. */
function descriptionOf(value: unknown): string | null {
  const raw = first(value);
  if (typeof raw !== 'string') return null;
  const capped = raw.length > MAX_DESCRIPTION ? raw.slice(0, MAX_DESCRIPTION) : raw;
  const html = !/<[a-z!/]/i.test(capped) && /&lt;\/?[a-z]/i.test(capped) ? decodeEntities(capped) : capped;
  return html.trim() === '' ? null : html;
}
