/**
 * An offer's page → what a posting needs: title, organisation, place, contract, dates, the
 * description as Markdown, domains. Three signals, most stable first, field by field:
 * schema.org JobPosting JSON-LD (written for search engines, outlives redesigns), the data
 * the page embeds for its scripts, then the DOM through the reader's selectors. A site may
 * rank them otherwise for a field (`precedence`). Odd markup never throws: a field no signal
 * gives is null.
 */
import { jobPostingDetailsInJsonLd, type JobPostingDetails } from '../../sites/json-ld';
import { firstText, textOf } from '../../sites/read';
import { collapseWhitespace, foldAccents } from '../../postings/text';
import { extractEmails } from '../../postings/parse';
import { parseHtmlFragment, parseHtmlPage } from './html';
import { dayFromParts, dayFromText } from './dates';
import { nodeToMarkdown } from './markdown';
import { findObjects, isRecord, queryData, readInitialData, stringAt, type JsonRecord } from './initial-data';
import { citiesOf, contractOf, dateOf, safeOfferId } from './listing';
import type { InitialDataLayout, LiveReader, OfferDetails, OfferField, OfferPageLayout, OfferSignal, Selectors } from './types';

/** What one signal gives (each field possibly absent). */
type SignalFields = { [K in OfferField]?: K extends 'domaines' ? string[] : string | null } & {
  emails?: string[];
  /** JSON-LD's `employmentType` codes, for when no signal names the contract. */
  employmentTypes?: string[];
};

const DEFAULT_ORDER: readonly OfferSignal[] = ['json-ld', 'initial-data', 'dom'];
const MAX_DOMAINES = 10;
const MAX_FIELD = 300;

/**
 * Reads an offer page. Throws only a FeedError `invalid-body` for a page too large to parse;
 * anything else the page holds gives fields or nulls.
 */
export function readOfferPage(reader: LiveReader, html: string, pageUrl: string): OfferDetails {
  const document = parseHtmlPage(html, pageUrl);
  const layout = reader.offer;
  const pageId = offerIdOfUrl(reader, pageUrl);
  for (const selector of layout.exclude) {
    for (const element of safeAll(document, selector)) element.remove();
  }
  const signals: Record<OfferSignal, SignalFields> = {
    'json-ld': attempt(() => fromJsonLd(layout, document, pageUrl, pageId)),
    'initial-data': reader.initialData ? attempt(() => fromInitialData(reader.initialData!, document, pageUrl, pageId)) : {},
    dom: attempt(() => fromDom(layout, document, pageUrl)),
  };

  const fieldSignals: OfferDetails['fieldSignals'] = {};
  const pick = (field: Exclude<OfferField, 'domaines'>): string | null => {
    for (const signal of layout.precedence?.[field] ?? DEFAULT_ORDER) {
      const value = signals[signal][field];
      if (typeof value === 'string' && value !== '') {
        fieldSignals[field] = signal;
        return value;
      }
    }
    return null;
  };
  const title = pick('title');
  const description = pick('description');
  // Schema.org's employment type is coarse (`FULL_TIME`): any other signal's contract first.
  const contract = pick('contract') ?? employmentContract(layout, signals['json-ld'].employmentTypes ?? []);
  let domaines: string[] = [];
  for (const signal of layout.precedence?.domaines ?? DEFAULT_ORDER) {
    const values = signals[signal].domaines ?? [];
    if (values.length > 0) {
      domaines = values;
      fieldSignals.domaines = signal;
      break;
    }
  }
  const emails = fieldSignals.description ? (signals[fieldSignals.description].emails ?? []) : [];
  return {
    title,
    organisation: pick('organisation'),
    location: pick('location'),
    contract,
    datePosted: pick('datePosted'),
    validThrough: pick('validThrough'),
    reference: pick('reference'),
    description,
    domaines,
    emails: [...new Set(emails)],
    signal: fieldSignals.description ?? fieldSignals.title ?? null,
    fieldSignals,
  };
}

function attempt(read: () => SignalFields): SignalFields {
  try {
    return read();
  } catch {
    return {}; // a signal that trips on odd data gives nothing; the others still count
  }
}

function safeAll(root: ParentNode, selector: string): Element[] {
  try {
    return Array.from(root.querySelectorAll(selector));
  } catch {
    return [];
  }
}

/** The offer's id in its page URL, by the adapter's own pattern (CSP reference, WTTJ slug). */
function offerIdOfUrl(reader: LiveReader, pageUrl: string): string | null {
  for (const layout of reader.listing.adapter.layouts) {
    const id = layout.id?.href?.exec(pageUrl)?.[1];
    if (id) return safeOfferId(id);
  }
  return null;
}

/** Case, accents, punctuation and spacing aside. */
function fold(text: string): string {
  return foldAccents(text).toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

function clip(text: string | null): string | null {
  if (text === null) return null;
  const clean = collapseWhitespace(text);
  if (clean === '') return null;
  return clean.length > MAX_FIELD ? `${clean.slice(0, MAX_FIELD - 1)}…` : clean;
}

/** A description's HTML as Markdown, with the addresses of its `mailto:` links. */
function describe(html: string, pageUrl: string): { description: string | null; emails: string[] } {
  const root = parseHtmlFragment(html);
  return { description: nodeToMarkdown(root, { baseUrl: pageUrl }) || null, emails: mailtoAddresses(root) };
}

function mailtoAddresses(root: ParentNode): string[] {
  return Array.from(root.querySelectorAll('a[href]'))
    .map((anchor) => anchor.getAttribute('href') ?? '')
    .filter((href) => /^\s*mailto:/i.test(href))
    .flatMap((href) => {
      let decoded = href;
      try {
        decoded = decodeURIComponent(href);
      } catch {
        // as written
      }
      return extractEmails(decoded.replace(/^\s*mailto:/i, '').split('?')[0] ?? '');
    });
}

// ---------------------------------------------------------------------------------------------
// JSON-LD

function fromJsonLd(layout: OfferPageLayout, document: Document, pageUrl: string, pageId: string | null): SignalFields {
  const postings = jobPostingDetailsInJsonLd(document);
  const posting = postingOfPage(postings, document, layout, pageUrl, pageId);
  if (!posting) return {};
  const { description, emails } = posting.descriptionHtml ? describe(posting.descriptionHtml, pageUrl) : { description: null, emails: [] };
  return {
    title: clip(posting.title),
    organisation: clip(posting.organisation),
    location: clip(posting.location),
    datePosted: dayFromText(posting.datePosted),
    validThrough: dayFromText(posting.validThrough),
    reference: safeOfferId(posting.identifier),
    description,
    emails,
    employmentTypes: posting.employmentTypes,
  };
}

/** The page's own posting when the JSON-LD has several: same reference, same address, or the title the page shows. */
function postingOfPage(postings: JobPostingDetails[], document: Document, layout: OfferPageLayout, pageUrl: string, pageId: string | null): JobPostingDetails | null {
  if (postings.length <= 1) return postings[0] ?? null;
  const path = new URL(pageUrl).pathname.replace(/\/+$/, '');
  const shown = fold(firstText(document.documentElement, layout.title, layout.skip) ?? '');
  return (
    postings.find((posting) => pageId !== null && safeOfferId(posting.identifier) === pageId) ??
    postings.find((posting) => posting.url !== null && new URL(posting.url).pathname.replace(/\/+$/, '') === path) ??
    postings.find((posting) => shown !== '' && fold(posting.title) === shown) ??
    postings[0]!
  );
}

function employmentContract(layout: OfferPageLayout, codes: readonly string[]): string | null {
  for (const code of codes) {
    const key = code.trim().toUpperCase().replace(/[\s-]+/g, '_');
    if (Object.hasOwn(layout.employmentTypes, key)) return layout.employmentTypes[key]!;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Embedded initial data

function fromInitialData(layout: InitialDataLayout, document: Document, pageUrl: string, pageId: string | null): SignalFields {
  const data = readInitialData(document, layout.variable);
  if (data === null || data === undefined) return {};
  const job = jobOfPage(layout, data, pageId);
  if (!job) return {};
  const parts: string[] = [];
  const emails: string[] = [];
  for (const section of layout.hit.sections) {
    const html = job[section.key];
    if (typeof html !== 'string' || html.trim() === '') continue;
    const read = describe(html, pageUrl);
    if (!read.description) continue;
    parts.push(section.heading ? `## ${section.heading}\n\n${read.description}` : read.description);
    emails.push(...read.emails);
  }
  return {
    title: clip(stringAt(job, layout.hit.title)),
    organisation: clip(stringAt(job, layout.hit.organisationName)),
    location: citiesOf(layout, job),
    contract: contractOf(layout, job),
    datePosted: dateOf(job, layout.hit.date),
    reference: safeOfferId(stringAt(job, layout.hit.slug)),
    description: parts.length > 0 ? parts.join('\n\n') : null,
    emails,
  };
}

/** The job the page is about: the one whose slug is the page's, else the only one with a description. */
function jobOfPage(layout: InitialDataLayout, data: unknown, pageId: string | null): JsonRecord | null {
  const sectionKeys = layout.hit.sections.map((section) => section.key);
  const candidates: JsonRecord[] = [];
  for (const place of queryData(data)) {
    candidates.push(
      ...findObjects(place, (node) => stringAt(node, layout.hit.title) !== null && stringAt(node, layout.hit.slug) !== null && sectionKeys.some((key) => typeof node[key] === 'string')),
    );
  }
  const own = pageId ? candidates.find((job) => safeOfferId(stringAt(job, layout.hit.slug)) === pageId) : undefined;
  if (own) return own;
  return candidates.length === 1 && isRecord(candidates[0]) ? candidates[0] : null;
}

// ---------------------------------------------------------------------------------------------
// DOM

function fromDom(layout: OfferPageLayout, document: Document, pageUrl: string): SignalFields {
  const root = document.documentElement;
  const text = (selectors: Selectors) => clip(firstText(root, selectors, layout.skip));
  const facts = factsOf(layout, root);
  const parts = layout.datePostedParts;
  const datePosted =
    dayFromText(text(layout.datePosted)) ??
    (parts ? dayFromParts(text(parts.year), text(parts.month), text(parts.day)) : null);
  const reference = text(layout.reference);
  const described = descriptionOf(layout, document, pageUrl);
  return {
    title: text(layout.title),
    organisation: text(layout.organisation),
    location: text(layout.location) ?? facts.location ?? null,
    contract: text(layout.contract) ?? facts.contract ?? null,
    datePosted,
    validThrough: dayFromText(text(layout.validThrough)) ?? dayFromText(facts.validThrough ?? null),
    // "Réf. 2026-2401234": the last word is the reference.
    reference: reference ? safeOfferId(reference.split(/\s+/).pop() ?? null) : null,
    description: described.description,
    emails: described.emails,
    domaines: domainesOf(layout, root),
  };
}

/** Label → value rows (CSP's `ul.table`), for the fields the reader names. */
function factsOf(layout: OfferPageLayout, root: Element): { contract?: string; validThrough?: string; location?: string } {
  const facts: { contract?: string; validThrough?: string; location?: string } = {};
  const spec = layout.facts;
  if (!spec) return facts;
  for (const selector of spec.rows) {
    const rows = safeAll(root, selector).slice(0, 100);
    if (rows.length === 0) continue;
    for (const row of rows) {
      const label = clip(firstText(row, spec.label, layout.skip));
      const value = clip(firstText(row, spec.value, layout.skip));
      if (!label || !value || fold(label) === fold(value)) continue;
      for (const field of ['contract', 'validThrough', 'location'] as const) {
        const pattern = spec.fields[field];
        if (pattern && facts[field] === undefined && pattern.test(foldAccents(label))) facts[field] = value;
      }
    }
    break;
  }
  return facts;
}

function descriptionOf(layout: OfferPageLayout, document: Document, pageUrl: string): { description: string | null; emails: string[] } {
  for (const selector of layout.description) {
    const found = safeAll(document, selector);
    if (found.length === 0) continue;
    const set = new Set(found);
    const outermost = found.filter((element) => {
      for (let parent = element.parentElement; parent; parent = parent.parentElement) if (set.has(parent)) return false;
      return true;
    });
    const parts = outermost.map((element) => nodeToMarkdown(element, { baseUrl: pageUrl })).filter((part) => part !== '');
    if (parts.length === 0) continue;
    return { description: parts.join('\n\n'), emails: outermost.flatMap(mailtoAddresses) };
  }
  return { description: null, emails: [] };
}

function domainesOf(layout: OfferPageLayout, root: Element): string[] {
  const found = new Map<string, string>();
  for (const selector of layout.domaines) {
    const attribute = /@([A-Za-z][\w-]*)$/.exec(selector)?.[1] ?? null;
    const css = attribute ? selector.slice(0, -attribute.length - 1) : selector;
    for (const element of safeAll(root, css).slice(0, 50)) {
      const value = clip(attribute ? element.getAttribute(attribute) : textOf(element, layout.skip));
      if (value && !found.has(fold(value))) found.set(fold(value), value);
      if (found.size >= MAX_DOMAINES) break;
    }
  }
  return [...found.values()];
}

