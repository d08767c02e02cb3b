/**
 * What the address bar shows after the `bg` keyword: the popup's own search over the
 * stored index, a few offers at a time. Pure: the browser wiring is in `src/browser-ui.ts`.
 *
 * Chrome reads a suggestion's description as XML (`<match>`, `<dim>`, `<url>`), so posting
 * text, which is untrusted, is escaped there; Firefox shows it as plain text, where the same
 * escapes would show as `&amp;`. The caller says which one it talks to.
 */
import type { SearchIndex } from '../search/build';
import { DEFAULT_FILTERS, type SearchDoc } from '../search/types';
import { searchPostings } from '../search/query';

/** Chrome's descriptions are XML; Firefox's are plain text. */
export type DescriptionFormat = 'xml' | 'text';

export interface OmniboxSuggestion {
  /** What the address bar holds when the suggestion is selected, and what Enter hands back. */
  content: string;
  description: string;
}

/** The address bar's drop-down shows about this many extension rows. */
export const MAX_SUGGESTIONS = 6;
/** Longer descriptions are cut by the browser anyway; a hostile title stays small. */
const MAX_DESCRIPTION = 160;

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Text for Chrome's XML description: the five markup characters escaped. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => XML_ESCAPES[c]!);
}

/**
 * Posting text as one line: control characters (invalid in XML 1.0, and line breaks the
 * drop-down cannot show) become spaces, runs of spaces one, then capped.
 */
export function oneLine(text: string, max = MAX_DESCRIPTION): string {
  // Control characters and the two non-characters XML forbids go; the cut falls between code
  // points, never inside an emoji's surrogate pair.
  const flat = text.replace(/[\u0000-\u001f\u007f\ufffe\uffff]+/g, ' ').replace(/\s+/g, ' ').trim();
  const points = Array.from(flat);
  return points.length <= max ? flat : `${points.slice(0, max - 1).join('').trimEnd()}…`;
}

/**
 * A suggestion's content is readable (it shows in the address bar when selected) and ends
 * with the offer's key: ` #` and the key URI-encoded. A posting key is always
 * `<sourceId> <id>`, so its encoded form holds `%20`; a query ending in `#word` is not taken
 * for an offer.
 */
const OFFER_MARK = ' #';

export function suggestionContent(doc: Pick<SearchDoc, 'key' | 'title'> & Partial<Pick<SearchDoc, 'startupName' | 'startupRef'>>): string {
  return `${oneLine(describe(doc), 80)}${OFFER_MARK}${encodeURIComponent(doc.key)}`;
}

function describe(doc: Partial<Pick<SearchDoc, 'title' | 'startupName' | 'startupRef'>>): string {
  const startup = doc.startupName ?? doc.startupRef ?? '';
  return startup ? `${doc.title ?? ''} — ${startup}` : (doc.title ?? '');
}

/** What Enter in the address bar asks for: an offer (a suggestion was chosen), a search, or just the popup. */
export type OmniboxEntry = { kind: 'offer'; key: string } | { kind: 'query'; query: string } | { kind: 'none' };

export function readOmniboxEntry(text: string): OmniboxEntry {
  const mark = text.lastIndexOf(OFFER_MARK);
  if (mark >= 0) {
    const encoded = text.slice(mark + OFFER_MARK.length);
    let key: string | null = null;
    try {
      key = /^[^\s#]+$/.test(encoded) ? decodeURIComponent(encoded) : null;
    } catch {
      key = null;
    }
    if (key !== null && /^\S+ \S/.test(key)) return { kind: 'offer', key };
  }
  const query = text.trim();
  return query === '' ? { kind: 'none' } : { kind: 'query', query };
}

/** A doc's description: role, then its startup, dimmed where the browser knows markup. */
export function suggestionDescription(doc: Pick<SearchDoc, 'title' | 'startupName' | 'startupRef'>, format: DescriptionFormat): string {
  const role = oneLine(doc.title);
  const startup = oneLine(doc.startupName ?? doc.startupRef ?? '', 80);
  if (format === 'text') return startup ? `${role} — ${startup}` : role;
  return startup ? `${escapeXml(role)} <dim>— ${escapeXml(startup)}</dim>` : escapeXml(role);
}

/**
 * The first offers the popup would list for this text, with its default filters (open
 * offers only), in the popup's order. No words, no suggestions: the default suggestion
 * says what Enter does.
 */
export function buildSuggestions(
  index: SearchIndex,
  text: string,
  options: { now: Date; format: DescriptionFormat; limit?: number },
): OmniboxSuggestion[] {
  if (text.trim() === '') return [];
  // The popup's own search, with its default filters (open offers only).
  const outcome = searchPostings(index, text, { filters: DEFAULT_FILTERS, now: options.now });
  if (outcome.browsing) return [];
  return outcome.hits.slice(0, options.limit ?? MAX_SUGGESTIONS).map((hit) => {
    const doc = index.docs[hit.doc]!;
    return { content: suggestionContent(doc), description: suggestionDescription(doc, options.format) };
  });
}
