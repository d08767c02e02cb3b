/**
 * Builds the search index: an inverted index from canonical terms to postings,
 * made once (by the background, after a sync) so that each keystroke in the
 * popup only looks terms up instead of scanning texts.
 *
 * Two sections:
 * - `head`: role line, startup, pitch and details (domaines, techno, contract),
 *   with a field mask per posting so ranking knows where a word was found;
 * - `body`: the Markdown text, postings only (a body match always ranks last).
 * Postings are numbered newest first, so "newer before older" is the index order.
 * Everything is plain arrays and typed arrays: it is stored in IndexedDB as is.
 */
import { termsOf } from './normalize';
import type { SearchDoc, SearchInput } from './types';
import { groupTokensIn, VOCABULARY, type Vocabulary } from './vocabulary';

/** Field bits of the head section. */
export const FIELD = { role: 1, startup: 2, pitch: 4, details: 8 } as const;

/** Bump when the index layout or the normalisation changes: stored indexes are then rebuilt. */
export const INDEX_LAYOUT = 6;

export interface TermSection {
  /** Sorted (code unit order), unique. */
  terms: string[];
  /** `docs[starts[i] .. starts[i+1]]` are the postings of `terms[i]`, ascending. */
  starts: Uint32Array;
  /** 16 bits while there are fewer than 65,536 postings: half the bytes the popup reads. */
  docs: Uint16Array | Uint32Array;
}

export interface HeadSection extends TermSection {
  /** Field bits per entry of `docs`. */
  masks: Uint8Array;
}

export interface BodySection extends TermSection {
  /** How often the term occurs in the body, per entry of `docs`, capped at 255. */
  counts: Uint8Array;
}

export interface SearchIndex {
  format: 'beta-radar-search';
  /** Layout and vocabulary: an index whose version differs from {@link searchIndexVersion} is stale. */
  version: string;
  /** Newest first. */
  docs: SearchDoc[];
  head: HeadSection;
  body: BodySection;
}

export function searchIndexVersion(vocabulary: Vocabulary = VOCABULARY): string {
  return `${INDEX_LAYOUT}.${vocabulary.fingerprint}`;
}

/** Newest first; undated postings last; ties by id so the order is stable. */
function newestFirst(a: SearchInput, b: SearchInput): number {
  const byDate = (b.date ?? '').localeCompare(a.date ?? '');
  return byDate !== 0 ? byDate : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Links carry no words a candidate searches for, and their path segments would flood the index. */
const URL_PATTERN = /\bhttps?:\/\/\S+|\bwww\.\S+|[\w.+-]+@[\w-]+\.[\w.-]+/g;

function fieldTerms(text: string | null | undefined, vocabulary: Vocabulary, roles = true): string[] {
  if (!text) return [];
  const terms = termsOf(text);
  const groups = groupTokensIn(vocabulary, terms).filter((token) => roles || !vocabulary.byToken.get(token)!.role);
  return [...terms, ...groups];
}

/**
 * A short field's terms plus each pair of neighbours written joined, so that
 * `frontend` finds "Dev front end" (the reverse, `front end` finding "frontend",
 * is the query's job). Only for short fields: on bodies it would double the index.
 */
function shortFieldTerms(text: string | null | undefined, vocabulary: Vocabulary): string[] {
  const terms = fieldTerms(text, vocabulary);
  const words = terms.filter((term) => !term.startsWith('~'));
  for (let i = 0; i + 1 < words.length; i += 1) terms.push(`${words[i]}${words[i + 1]}`);
  return terms;
}

export function buildSearchIndex(inputs: readonly SearchInput[], vocabulary: Vocabulary = VOCABULARY): SearchIndex {
  const ordered = [...inputs].sort(newestFirst);
  const head = new Map<string, number[]>(); // term → [doc << 4 | mask, …]
  const body = new Map<string, number[]>(); // term → [doc << 8 | count, …]
  const docs: SearchDoc[] = [];

  ordered.forEach((input, doc) => {
    const { body: text, startupPitch: _pitch, ...summary } = input;
    docs.push(summary);

    const masks = new Map<string, number>();
    const mark = (terms: string[], bit: number) => {
      for (const term of terms) masks.set(term, (masks.get(term) ?? 0) | bit);
    };
    mark(shortFieldTerms(input.title, vocabulary), FIELD.role);
    mark(shortFieldTerms([input.startupName, input.startupRef, input.startupId].filter(Boolean).join(' , '), vocabulary), FIELD.startup);
    mark(fieldTerms(input.startupPitch, vocabulary), FIELD.pitch);
    mark(fieldTerms([...input.domaines, ...input.techno, input.contract ?? ''].join(' , '), vocabulary), FIELD.details);
    for (const [term, mask] of masks) {
      let list = head.get(term);
      if (!list) head.set(term, (list = []));
      list.push(doc * 16 + mask);
    }

    // Role names are only looked up in role lines, so the body needs no role tokens.
    const counts = new Map<string, number>();
    for (const term of fieldTerms(text.replace(URL_PATTERN, ' '), vocabulary, false)) counts.set(term, (counts.get(term) ?? 0) + 1);
    for (const [term, count] of counts) {
      let list = body.get(term);
      if (!list) body.set(term, (list = []));
      list.push(doc * 256 + Math.min(count, 255));
    }
  });

  return {
    format: 'beta-radar-search',
    version: searchIndexVersion(vocabulary),
    docs,
    head: packHead(head, docs.length),
    body: packBody(body, docs.length),
  };
}

function sortedTerms(map: Map<string, unknown>): string[] {
  return [...map.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Sorted terms, their start offsets, and their entries concatenated, each entry split by `decode` into a doc and a byte. */
function pack(map: Map<string, number[]>, docCount: number, decode: (entry: number) => [number, number]): TermSection & { bytes: Uint8Array } {
  const terms = sortedTerms(map);
  const starts = new Uint32Array(terms.length + 1);
  let total = 0;
  terms.forEach((term, i) => {
    starts[i] = total;
    total += map.get(term)!.length;
  });
  starts[terms.length] = total;
  const docs = docCount <= 0xffff ? new Uint16Array(total) : new Uint32Array(total);
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const term of terms) {
    for (const entry of map.get(term)!) {
      const [doc, byte] = decode(entry);
      docs[at] = doc;
      bytes[at] = byte;
      at += 1;
    }
  }
  return { terms, starts, docs, bytes };
}

function packBody(map: Map<string, number[]>, docCount: number): BodySection {
  const { bytes, ...section } = pack(map, docCount, (entry) => [Math.floor(entry / 256), entry & 255]);
  return { ...section, counts: bytes };
}

function packHead(map: Map<string, number[]>, docCount: number): HeadSection {
  const { bytes, ...section } = pack(map, docCount, (entry) => [entry >>> 4, entry & 15]);
  return { ...section, masks: bytes };
}

/** Whether a value read from storage is an index this code can use (right shape and version). */
export function isCurrentSearchIndex(value: unknown, vocabulary: Vocabulary = VOCABULARY): value is SearchIndex {
  if (typeof value !== 'object' || value === null) return false;
  const index = value as Partial<SearchIndex>;
  return (
    index.format === 'beta-radar-search' &&
    index.version === searchIndexVersion(vocabulary) &&
    Array.isArray(index.docs) &&
    isSection(index.head) &&
    index.head.masks instanceof Uint8Array &&
    isSection(index.body) &&
    (index.body as Partial<BodySection>).counts instanceof Uint8Array
  );
}

function isSection(section: unknown): section is TermSection {
  if (typeof section !== 'object' || section === null) return false;
  const s = section as Partial<TermSection>;
  return (
    Array.isArray(s.terms) &&
    s.starts instanceof Uint32Array &&
    (s.docs instanceof Uint16Array || s.docs instanceof Uint32Array) &&
    s.starts.length === s.terms.length + 1
  );
}
