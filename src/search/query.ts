/**
 * Runs a query against a {@link SearchIndex}: each keystroke looks terms up in
 * the sorted term lists (exact, prefix, synonym group) and lets fuse.js find
 * the typos among the few thousand head terms; postings are never scanned.
 *
 * A query is a list of clauses that must all match (AND). A clause is one word,
 * or several words the vocabulary knows as one phrase (`chef de produit`), or two
 * words that are also written joined (`front end` / `frontend`). Per posting and
 * clause the best match is kept as a small score: where it was found (role or
 * startup > details > body) and whether it needed typo tolerance. A posting's
 * score is its weakest clause's.
 *
 * Syntax: `"exact phrase"`, `-excluded`.
 */
import Fuse from 'fuse.js';
import { isOpenAt } from '../postings/status';
import { parisDay } from '../postings/dates';
import { queryWords, stem, termsOf, type QueryWord } from './normalize';
import { FIELD, type SearchIndex, type TermSection } from './build';
import type { MatchTier, SearchFilters, SearchHit, SearchOutcome } from './types';
import { phraseAt, VOCABULARY, type Vocabulary, type VocabularyGroup } from './vocabulary';

export interface SearchOptions {
  filters: SearchFilters;
  now: Date;
  vocabulary?: Vocabulary;
}

/**
 * Where a word was found, best first. A role noun found in the role line means
 * the posting *is* that role (`designer` in "Designer UX"), which beats the same
 * letters elsewhere in it ("développeur front, sensible au design").
 */
const LEVEL = { roleNoun: 6, head: 5, details: 4, bodyStrong: 3, bodyWeak: 2 } as const;
const TIER_OF_LEVEL: MatchTier[] = ['body', 'body', 'body', 'body', 'details', 'role', 'role'];
/** A body that names the word more than once is about it; once is usually in passing. */
const BODY_STRONG_COUNT = 2;
/** A clause's score for one posting: level, then whether no typo tolerance was needed. 0 = no match. */
const score = (level: number, exact: boolean) => level * 2 + (exact ? 1 : 0);
const MAX_SCORE = score(LEVEL.roleNoun, true);

/** Words shorter than this match bodies only as whole words: `de` must not range over every body word starting with "de". */
const BODY_PREFIX_MIN = 3;
/** Typo tolerance starts at this length; shorter words have too many neighbours. */
const FUZZY_MIN = 5;

/** A query word, and whether it is the word being typed (matched as a prefix) or a finished one (matched whole). */
interface TypedWord extends QueryWord {
  prefix: boolean;
}

interface Clause {
  words: TypedWord[];
  group: VocabularyGroup | null;
  /** The words written joined, when the index knows that form (`front end` → `frontend`). */
  joined: string | null;
  /** A role phrase: its words only count in role lines. */
  roleOnly: boolean;
}

export interface ParsedQuery {
  clauses: Clause[];
  phrases: QueryWord[][];
  exclusions: QueryWord[][];
}

const PIECE = /(-?)"([^"]*)"?|(\S+)/g;

/** Splits the raw text into plain words, quoted phrases and exclusions. */
export function parseQuery(raw: string, index: SearchIndex, vocabulary: Vocabulary = VOCABULARY): ParsedQuery {
  const phrases: QueryWord[][] = [];
  const exclusions: QueryWord[][] = [];
  const plain: string[] = [];
  let lastIsPlain = false;
  for (const match of raw.matchAll(PIECE)) {
    const [, minus, quoted, bare] = match;
    lastIsPlain = false;
    if (quoted !== undefined) {
      const words = queryWords(quoted).filter((w) => !w.stopWord);
      if (words.length > 0) (minus ? exclusions : phrases).push(words);
    } else if (bare !== undefined && bare.startsWith('-') && bare.length > 1) {
      const words = queryWords(bare.slice(1)).filter((w) => !w.stopWord);
      if (words.length > 0) exclusions.push(words);
    } else if (bare !== undefined) {
      plain.push(bare);
      lastIsPlain = true;
    }
  }
  // The word being typed (no space after it yet) may be the start of a longer word: keep it even if it looks like `de`.
  const typing = lastIsPlain && !/\s$/.test(raw);
  const all = queryWords(plain.join(' '));
  const words = all
    .map((w, i): TypedWord => ({ ...w, prefix: typing && i === all.length - 1 }))
    .filter((w) => !w.stopWord || w.prefix);
  return { clauses: clausesOf(words, index, vocabulary), phrases, exclusions };
}

function clausesOf(words: TypedWord[], index: SearchIndex, vocabulary: Vocabulary): Clause[] {
  const clauses: Clause[] = [];
  const terms = words.map((w) => w.term);
  for (let i = 0; i < words.length; ) {
    const phrase = phraseAt(vocabulary, terms, i);
    if (phrase && phrase.length > 1) {
      clauses.push({ words: words.slice(i, i + phrase.length), group: phrase.group, joined: null, roleOnly: phrase.group.role });
      i += phrase.length;
      continue;
    }
    const next = words[i + 1];
    if (next) {
      const joined = stem(words[i]!.folded + next.folded);
      if (findTerm(index.head, joined) >= 0 || findTerm(index.body, joined) >= 0) {
        clauses.push({ words: [words[i]!, next], group: null, joined, roleOnly: false });
        i += 2;
        continue;
      }
    }
    clauses.push({ words: [words[i]!], group: phrase?.group ?? null, joined: null, roleOnly: false });
    i += 1;
  }
  return clauses;
}

/** Binary search: the first position whose term is ≥ `term`. */
function lowerBound(terms: readonly string[], term: string): number {
  let lo = 0;
  let hi = terms.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (terms[mid]! < term) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function findTerm(section: TermSection, term: string): number {
  const at = lowerBound(section.terms, term);
  return section.terms[at] === term ? at : -1;
}

/** The position of `term` as a range (empty when absent). */
function exactRange(section: TermSection, term: string): [number, number] {
  const at = findTerm(section, term);
  return at < 0 ? [0, 0] : [at, at + 1];
}

/** The positions of the terms starting with `prefix`. */
function prefixRange(section: TermSection, prefix: string): [number, number] {
  return [lowerBound(section.terms, prefix), lowerBound(section.terms, `${prefix}\uffff`)];
}

/** Everything one search evaluation shares: the index, the score arrays and what matched. */
class Evaluation {
  readonly size: number;
  readonly matchedTerms = new Set<string>();
  readonly matchedPhrases = new Map<string, string[]>();
  constructor(
    readonly index: SearchIndex,
    readonly vocabulary: Vocabulary,
  ) {
    this.size = index.docs.length;
  }

  private isRoleTerm(term: string): boolean {
    return this.vocabulary.roleTerms.has(term) || (term.startsWith('~') && this.vocabulary.byToken.get(term)?.role === true);
  }

  /** Adds the postings of head term `at` to `out`. */
  private head(at: number, exact: boolean, roleOnly: boolean, out: Uint8Array): void {
    const { head } = this.index;
    const term = head.terms[at]!;
    const roleNoun = this.isRoleTerm(term);
    const onlyRole = roleOnly || roleNoun;
    let found = false;
    for (let i = head.starts[at]!, end = head.starts[at + 1]!; i < end; i += 1) {
      let mask = head.masks[i]!;
      if (onlyRole) mask &= FIELD.role;
      if (mask === 0) continue;
      const level = roleNoun ? LEVEL.roleNoun : mask & (FIELD.role | FIELD.startup) ? LEVEL.head : LEVEL.details;
      const s = score(level, exact);
      const doc = head.docs[i]!;
      if (out[doc]! < s) out[doc] = s;
      found = true;
    }
    if (found) this.noteMatched(term);
  }

  private noteMatched(term: string): void {
    const group = term.startsWith('~') ? this.vocabulary.byToken.get(term) : undefined;
    if (!group) this.matchedTerms.add(term);
    else {
      for (const phrase of group.phrases) {
        if (phrase.length === 1) this.matchedTerms.add(phrase[0]!);
        else this.matchedPhrases.set(phrase.join(' '), phrase);
      }
    }
  }

  /** Adds the postings of body term `at` to `out`. */
  private body(at: number, roleOnly: boolean, out: Uint8Array): void {
    const { body } = this.index;
    if (roleOnly || this.isRoleTerm(body.terms[at]!)) return;
    const strong = score(LEVEL.bodyStrong, true);
    const weak = score(LEVEL.bodyWeak, true);
    for (let i = body.starts[at]!, end = body.starts[at + 1]!; i < end; i += 1) {
      const doc = body.docs[i]!;
      const s = body.counts[i]! >= BODY_STRONG_COUNT ? strong : weak;
      if (out[doc]! < s) out[doc] = s;
    }
  }

  /** One exact term in both sections (a group token, a joined form, a quoted word). */
  term(term: string, roleOnly: boolean, out: Uint8Array, exact = true): void {
    const h = findTerm(this.index.head, term);
    if (h >= 0) this.head(h, exact, roleOnly, out);
    const b = findTerm(this.index.body, term);
    if (b >= 0) this.body(b, roleOnly, out);
  }

  /**
   * A plain word: the terms it is (or, while typed, starts), its synonym group,
   * and its near misses. A finished word is matched whole: `pilote ` must not
   * find `pilotage` once the user has moved on to the next word.
   */
  word(word: TypedWord, roleOnly: boolean, fuzzy: boolean): Uint8Array {
    const out = new Uint8Array(this.size);
    const { head, body } = this.index;
    const headSeen = new Set<number>();
    for (const form of new Set([word.folded, word.term])) {
      const [from, to] = word.prefix ? prefixRange(head, form) : exactRange(head, form);
      for (let at = from; at < to; at += 1) {
        if (headSeen.has(at)) continue;
        headSeen.add(at);
        this.head(at, true, roleOnly, out);
      }
      const [bFrom, bTo] = word.prefix && form.length >= BODY_PREFIX_MIN ? prefixRange(body, form) : exactRange(body, form);
      for (let at = bFrom; at < bTo; at += 1) this.body(at, roleOnly, out);
    }
    const single = this.vocabulary.byFirstTerm.get(word.term)?.find((p) => p.terms.length === 1);
    if (single) this.term(single.group.token, roleOnly, out);
    if (fuzzy && word.folded.length >= FUZZY_MIN) {
      for (const at of nearTerms(this.index, word.folded)) {
        if (headSeen.has(at)) continue;
        this.head(at, false, roleOnly, out);
        // A misspelt role still finds its other names (`devlopeur` → "Dev front").
        const group = this.vocabulary.byFirstTerm.get(this.index.head.terms[at]!)?.find((p) => p.terms.length === 1);
        if (group) this.term(group.group.token, roleOnly, out, false);
      }
    }
    if (word.parts.length > 1) {
      // `front-end` typed: also the parts, all required (the joined form was looked up above).
      const parts = word.parts.map((part, i) =>
        this.word({ folded: part, term: stem(part), parts: [part], stopWord: false, prefix: word.prefix && i === word.parts.length - 1 }, roleOnly, fuzzy),
      );
      maxInto(out, minOf(parts, this.size));
    }
    return out;
  }

  clause(clause: Clause): Uint8Array {
    const each = clause.words.map((w) => this.word(w, clause.roleOnly, true));
    const out = minOf(each, this.size);
    if (clause.group) this.term(clause.group.token, clause.roleOnly, out);
    if (clause.joined) this.term(clause.joined, false, out);
    return out;
  }

  /** A quoted phrase: its words exactly (no prefix, synonym or typo), in that order where the text is at hand. */
  phrase(words: readonly QueryWord[]): Uint8Array {
    const each = words.map((w) => {
      const out = new Uint8Array(this.size);
      this.term(w.term, false, out);
      return out;
    });
    const out = minOf(each, this.size);
    if (words.length < 2) return out;
    const wanted = words.map((w) => w.term);
    for (let doc = 0; doc < this.size; doc += 1) {
      if (out[doc]! < score(LEVEL.details, true)) continue;
      // Head fields are short and at hand: check the order. Bodies are not in the index's memory, so a body match stays unverified.
      const d = this.index.docs[doc]!;
      const fields = [d.title, d.startupName ?? '', [...d.domaines, ...d.techno, d.contract ?? ''].join(' , ')];
      if (!fields.some((text) => containsSequence(termsOf(text), wanted))) {
        out[doc] = bodyHasAll(this.index, wanted, doc) ? score(LEVEL.bodyWeak, true) : 0;
      }
    }
    return out;
  }
}

function bodyHasAll(index: SearchIndex, terms: string[], doc: number): boolean {
  return terms.every((term) => {
    const at = findTerm(index.body, term);
    if (at < 0) return false;
    const { starts, docs } = index.body;
    for (let i = starts[at]!; i < starts[at + 1]!; i += 1) if (docs[i] === doc) return true;
    return false;
  });
}

function containsSequence(terms: string[], wanted: string[]): boolean {
  outer: for (let i = 0; i + wanted.length <= terms.length; i += 1) {
    for (let k = 0; k < wanted.length; k += 1) if (terms[i + k] !== wanted[k]) continue outer;
    return true;
  }
  return false;
}

function minOf(arrays: Uint8Array[], size: number): Uint8Array {
  if (arrays.length === 1) return arrays[0]!;
  const out = new Uint8Array(size);
  for (let doc = 0; doc < size; doc += 1) {
    let m = 255;
    for (const a of arrays) if (a[doc]! < m) m = a[doc]!;
    out[doc] = m;
  }
  return out;
}

function maxInto(out: Uint8Array, other: Uint8Array): void {
  for (let doc = 0; doc < out.length; doc += 1) if (other[doc]! > out[doc]!) out[doc] = other[doc]!;
}

// ---------------------------------------------------------------------------
// Typos: fuse.js proposes head terms, a bounded edit distance keeps the close ones.

interface FuzzyState {
  fuse: Fuse<string>;
  positions: number[];
  cache: Map<string, number[]>;
}
const fuzzyStates = new WeakMap<SearchIndex, FuzzyState>();

function fuzzyState(index: SearchIndex): FuzzyState {
  let state = fuzzyStates.get(index);
  if (!state) {
    const positions: number[] = [];
    const words: string[] = [];
    index.head.terms.forEach((term, at) => {
      if (!term.startsWith('~') && term.length >= 3) {
        positions.push(at);
        words.push(term);
      }
    });
    const fuse = new Fuse(words, { threshold: 0.4, ignoreLocation: true, isCaseSensitive: true, shouldSort: false, includeScore: false });
    state = { fuse, positions, cache: new Map() };
    fuzzyStates.set(index, state);
  }
  return state;
}

/** Allowed edits for a word of this length. */
function maxEdits(length: number): number {
  return length >= 8 ? 2 : 1;
}

/** Head terms that `typed` misspells, or starts with a typo (`devlop` → `developpeur`). */
export function nearTerms(index: SearchIndex, typed: string): number[] {
  const state = fuzzyState(index);
  const cached = state.cache.get(typed);
  if (cached) return cached;
  const limit = maxEdits(typed.length);
  const found: number[] = [];
  for (const result of state.fuse.search(typed.slice(0, 32))) {
    const term = result.item;
    let best = limit + 1;
    for (let length = Math.max(1, typed.length - limit); length <= Math.min(term.length, typed.length + limit); length += 1) {
      best = Math.min(best, editDistance(typed, term.slice(0, length), limit));
      if (best === 0) break;
    }
    // A typo in the first letter is rare and matching on it floods short queries with noise.
    if (best <= limit && term[0] === typed[0]) found.push(state.positions[result.refIndex]!);
  }
  if (state.cache.size > 1000) state.cache.clear();
  state.cache.set(typed, found);
  return found;
}

/** Optimal string alignment distance (edits and adjacent swaps), giving up above `limit`. */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous2: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, previous2[j - 2]! + 1);
      current.push(value);
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > limit) return limit + 1;
    previous2 = previous;
    previous = current;
  }
  return previous[b.length]!;
}

// ---------------------------------------------------------------------------

interface OpenState {
  day: string | null;
  open: Uint8Array;
}
const openStates = new WeakMap<SearchIndex, OpenState>();

/** Which postings are open today (computed once per index and Paris day). */
function openToday(index: SearchIndex, now: Date): Uint8Array {
  const day = parisDay(now);
  const cached = openStates.get(index);
  if (cached && cached.day === day) return cached.open;
  const open = new Uint8Array(index.docs.length);
  index.docs.forEach((doc, i) => {
    open[i] = isOpenAt(doc, now) ? 1 : 0;
  });
  openStates.set(index, { day, open });
  return open;
}

function daysBefore(day: string, days: number): string {
  const date = new Date(`${day}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() - days);
  return date.toISOString().slice(0, 10);
}

/** Search (or, with no words, browse) the index: ranked hits after filters. */
export function searchPostings(index: SearchIndex, query: string, options: SearchOptions): SearchOutcome {
  const vocabulary = options.vocabulary ?? VOCABULARY;
  const parsed = parseQuery(query, index, vocabulary);
  const evaluation = new Evaluation(index, vocabulary);
  const positive = [...parsed.clauses.map((c) => evaluation.clause(c)), ...parsed.phrases.map((p) => evaluation.phrase(p))];
  const browsing = positive.length === 0;
  const scores = browsing ? null : minOf(positive, index.docs.length);
  if (scores && positive.length > 1) {
    // Several words all found only in a long body is usually coincidence (`pilote` … `en ligne`):
    // with more than one word, at least one must be in the role, startup or details.
    for (let doc = 0; doc < scores.length; doc += 1) {
      if (scores[doc]! > 0 && positive.every((clause) => clause[doc]! < score(LEVEL.details, false))) scores[doc] = 0;
    }
  }
  const matchedTerms = new Set(evaluation.matchedTerms);

  const excluded = new Uint8Array(index.docs.length);
  if (parsed.exclusions.length > 0) {
    const side = new Evaluation(index, vocabulary);
    for (const words of parsed.exclusions) maxInto(excluded, side.phrase(words));
  }

  const { filters } = options;
  const open = openToday(index, options.now);
  const today = parisDay(options.now);
  const since = filters.withinDays !== null && today !== null ? daysBefore(today, filters.withinDays) : null;

  // Buckets by score then openness; inside a bucket the index order is already newest first.
  const buckets: SearchHit[][] = Array.from({ length: (MAX_SCORE + 1) * 2 }, () => []);
  index.docs.forEach((doc, i) => {
    const s = scores ? scores[i]! : MAX_SCORE;
    if (s === 0 || excluded[i]) return;
    const isOpen = open[i] === 1;
    if (filters.openOnly && !isOpen) return;
    if (filters.juniorOnly && !doc.junior) return;
    if (filters.domaine !== null && !doc.domaines.includes(filters.domaine)) return;
    if (filters.startup !== null && (doc.startupId ?? doc.startupRef) !== filters.startup) return;
    if (since !== null && (doc.date === null || doc.date < since)) return;
    buckets[(MAX_SCORE - s) * 2 + (isOpen ? 0 : 1)]!.push({ doc: i, tier: TIER_OF_LEVEL[s >> 1]!, exact: (s & 1) === 1, open: isOpen });
  });
  return { hits: buckets.flat(), matchedTerms, matchedPhrases: [...evaluation.matchedPhrases.values()], browsing };
}
