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
  const found: JobPostingData[] = [];
  for (const script of Array.from(document.querySelectorAll('script[type="application/ld+json"]'))) {
    const text = script.textContent ?? '';
    if (text.length > MAX_SCRIPT_LENGTH || !/JobPosting/.test(text)) continue;
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      continue; // a site's broken JSON is not our error
    }
    collect(data, 0, found);
    if (found.length >= MAX_POSTINGS) break;
  }
  return found.slice(0, MAX_POSTINGS);
}

function collect(value: unknown, depth: number, into: JobPostingData[]): void {
  if (depth > MAX_DEPTH || into.length >= MAX_POSTINGS || typeof value !== 'object' || value === null) return;
  if (Array.isArray(value)) {
    for (const item of value) collect(item, depth + 1, into);
    return;
  }
  const node = value as Record<string, unknown>;
  if (isJobPosting(node['@type'])) {
    const posting = readPosting(node);
    if (posting) into.push(posting);
    return;
  }
  // `@graph` holds a page's entities; `mainEntity` and `itemListElement`/`item` wrap one.
  for (const key of ['@graph', 'mainEntity', 'itemListElement', 'item']) collect(node[key], depth + 1, into);
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
