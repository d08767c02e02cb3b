/**
 * One offer seen on several sources (the GitHub feed, Welcome to the Jungle,
 * choisirleservicepublic.gouv.fr) is one offer with several links. Pure: which
 * postings are the same offer, which of them stands for the group, and what the
 * group shows.
 *
 * Two postings are the same offer when all of these hold:
 * - they come from different sources (two posts of one role on one site are two offers);
 *   a group holds at most one posting per source;
 * - same organisation key ({@link organisationKey});
 * - same role key ({@link roleKey});
 * - both have a publication day, within {@link SAME_OFFER_DAYS} days of every other
 *   member's (no date: never merged).
 *
 * Postings are placed in the order they were first seen (`firstSeenAt`, then key): each
 * joins the compatible group of its bucket whose primary's day is nearest (the first
 * formed on a tie), or starts one. A copy seen later never changes the groups formed
 * before it, so a group's primary (its first member) stays the same as copies appear and
 * the user's marks, kept by posting key, stay on it. Cost: one sort, then each posting
 * is compared only with the groups of its own organisation + role bucket.
 */
import { nextDay } from './dates';
import { compactKey, slugify } from './text';
import type { Posting } from './types';
import { isOpenAt } from './status';
import { STOP_WORDS, stem, termsOf } from '../search/normalize';
import { phraseAt, VOCABULARY, type Vocabulary } from '../search/vocabulary';

/** Publication days at most this far apart can be one offer. */
export const SAME_OFFER_DAYS = 31;

/** What the grouping reads of a posting (a `StoredPosting` and a `SearchInput` have it all). */
export interface SameOfferCandidate {
  key: string;
  sourceId: string;
  title: string;
  startupId: string | null;
  startupRef: string | null;
  /** Publication day, `YYYY-MM-DD`. */
  date: string | null;
  /** When the posting was first stored (ISO 8601); absent sorts first, then by key. */
  firstSeenAt?: string;
}

export interface SameOfferOptions {
  /** Startup id → display name (the registry's): the name is set aside from role lines too. */
  startupNames?: ReadonlyMap<string, string>;
  vocabulary?: Vocabulary;
}

export interface SameOfferGroup<T> {
  /** The member first seen: the group's key, where the user's marks live. */
  primary: T;
  /** Primary first, then in the order they were first seen; one per source. */
  members: T[];
}

/** beta.gouv.fr itself, however a posting writes it. */
const COMMUNITY_KEY = 'betagouvfr';
const COMMUNITY_NAMES = new Set(['betagouv', 'betagouvfr', 'communautebetagouv', 'communautebetagouvfr', 'dinum']);

/**
 * Who publishes the offer: the resolved startup id, else the startup reference (compact
 * key: accents, case and punctuation ignored), else, for a live source's posting that
 * names no startup, beta.gouv.fr itself (those listings are its community's). Null: a
 * feed posting with no startup, never merged.
 */
export function organisationKey(posting: Pick<SameOfferCandidate, 'sourceId' | 'startupId' | 'startupRef'>): string | null {
  for (const name of [posting.startupId, posting.startupRef]) {
    const key = name ? compactKey(name) : '';
    if (key !== '') return COMMUNITY_NAMES.has(key) ? COMMUNITY_KEY : key;
  }
  // A live offer naming no startup is merged with nothing: its site's listing is beta.gouv's
  // community's, but two such offers of one role may be two employers' (under-merging is safer).
  return null;
}

/**
 * Words of a role line that say who hires, not what the role is: "startup d'État",
 * "beta.gouv(.fr)", "incubateur", "DINUM", "(H/F)", "F/H/X", "au sein de", "chez".
 * (Single letters and function words are already dropped by the search's normalisation.)
 */
const FILLER = new Set(['startup', 'start', 'up', 'etat', 'beta', 'gouv', 'fr', 'betagouv', 'betagouvfr', 'incubateur', 'dinum', 'hfx', 'fhx', 'sein', 'chez']);

type NameForms = { words: string[]; joined: string } | null;

/** A few hundred startup names, each met on many postings: their forms are worked out once. */
const nameFormsCache = new Map<string, NameForms>();

/** The name's words as the search's terms (`Mon Suivi Social` → mon, suivi, social), and the name written joined. */
function nameForms(name: string): NameForms {
  let forms = nameFormsCache.get(name);
  if (forms === undefined) {
    if (nameFormsCache.size >= 10_000) nameFormsCache.clear();
    forms = computeNameForms(name);
    nameFormsCache.set(name, forms);
  }
  return forms;
}

function computeNameForms(name: string): NameForms {
  const words = slugify(name)
    .split('-')
    .filter((word) => word.length > 1 && !STOP_WORDS.has(word))
    .map(stem);
  const joined = compactKey(name);
  return joined === '' ? null : { words, joined: stem(joined) };
}

/** Removes every run of `words` from `terms`. */
function withoutRuns(terms: string[], words: readonly string[]): string[] {
  const kept: string[] = [];
  for (let i = 0; i < terms.length; ) {
    if (words.length > 0 && i + words.length <= terms.length && words.every((word, k) => terms[i + k] === word)) {
      i += words.length;
    } else {
      kept.push(terms[i]!);
      i += 1;
    }
  }
  return kept;
}

/**
 * The role a role line names, as a comparison key: the search's own terms (accents, case,
 * inclusive writing, feminine and plural endings, punctuation folded), the startup's own
 * name and filler set aside, each phrase of the search vocabulary replaced by its group
 * (`Developer` = `Développeur·se`, `PO` = `Product Owner`), a word written both split and
 * joined kept once (`front-end` = `frontend`), then the distinct words sorted. Every other
 * word counts: "Développeur·se front-end" and "Développeur·se back-end" are two roles, and
 * so are "Designer" and "Designer senior". Null when nothing is left.
 */
export function roleKey(
  posting: Pick<SameOfferCandidate, 'title' | 'startupId' | 'startupRef'>,
  options: SameOfferOptions = {},
): string | null {
  const vocabulary = options.vocabulary ?? VOCABULARY;
  let terms = termsOf(posting.title);
  const names = [posting.startupRef, posting.startupId, posting.startupId ? options.startupNames?.get(posting.startupId) : null];
  for (const name of names) {
    const forms = name ? nameForms(name) : null;
    if (!forms) continue;
    terms = withoutRuns(terms, forms.words).filter((term) => term !== forms.joined);
  }
  terms = terms.filter((term) => !FILLER.has(term));

  const words: string[] = [];
  for (let i = 0; i < terms.length; ) {
    const phrase = phraseAt(vocabulary, terms, i);
    if (phrase) {
      words.push(phrase.group.token);
      i += phrase.length;
      continue;
    }
    // `front-end` gives front, end, frontend: keep the joined form only, as `frontend` alone gives.
    const [a, b, joined] = [terms[i]!, terms[i + 1], terms[i + 2]];
    if (b !== undefined && joined === stem(a + b)) {
      words.push(joined);
      i += 3;
      continue;
    }
    words.push(terms[i]!);
    i += 1;
  }
  const distinct = [...new Set(words)].sort();
  return distinct.length === 0 ? null : distinct.join(' ');
}

const DAY_MS = 86_400_000;

/** Days since the epoch of a `YYYY-MM-DD` day, or null. */
function dayNumber(day: string | null): number | null {
  const match = day === null ? null : /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return null;
  return Math.round(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / DAY_MS);
}

function firstSeenOrder(a: SameOfferCandidate, b: SameOfferCandidate): number {
  const seenA = a.firstSeenAt ?? '';
  const seenB = b.firstSeenAt ?? '';
  if (seenA !== seenB) return seenA < seenB ? -1 : 1;
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

interface Forming<T> {
  members: T[];
  sources: Set<string>;
  primaryDay: number;
  minDay: number;
  maxDay: number;
}

/** Where a posting is compared: its bucket (organisation + role) and its day; null when it is never merged. */
function placeOf(posting: SameOfferCandidate, options: SameOfferOptions): { bucket: string; day: number } | null {
  const day = dayNumber(posting.date);
  if (day === null) return null;
  const organisation = organisationKey(posting);
  if (organisation === null) return null;
  const role = roleKey(posting, options);
  if (role === null) return null;
  return { bucket: `${organisation}\n${role}`, day };
}

/** The group of `bucket` a posting on `day` from `sourceId` would join, or null. */
function compatibleGroup<T>(groups: readonly Forming<T>[] | undefined, sourceId: string, day: number): Forming<T> | null {
  let best: Forming<T> | null = null;
  for (const group of groups ?? []) {
    if (group.sources.has(sourceId)) continue;
    if (Math.max(group.maxDay, day) - Math.min(group.minDay, day) > SAME_OFFER_DAYS) continue;
    if (best === null || Math.abs(group.primaryDay - day) < Math.abs(best.primaryDay - day)) best = group;
  }
  return best;
}

interface Grouping<T> {
  groups: Forming<T>[];
  buckets: Map<string, Forming<T>[]>;
  groupOf: Map<string, Forming<T>>;
}

function formGroups<T extends SameOfferCandidate>(postings: readonly T[], options: SameOfferOptions): Grouping<T> {
  const groups: Forming<T>[] = [];
  const buckets = new Map<string, Forming<T>[]>();
  const groupOf = new Map<string, Forming<T>>();
  for (const posting of [...postings].sort(firstSeenOrder)) {
    const place = placeOf(posting, options);
    let group = place ? compatibleGroup(buckets.get(place.bucket), posting.sourceId, place.day) : null;
    if (group) {
      group.members.push(posting);
      group.sources.add(posting.sourceId);
      group.minDay = Math.min(group.minDay, place!.day);
      group.maxDay = Math.max(group.maxDay, place!.day);
    } else {
      const day = place?.day ?? 0;
      group = { members: [posting], sources: new Set([posting.sourceId]), primaryDay: day, minDay: day, maxDay: day };
      groups.push(group);
      if (place) {
        const list = buckets.get(place.bucket);
        if (list) list.push(group);
        else buckets.set(place.bucket, [group]);
      }
    }
    groupOf.set(posting.key, group);
  }
  return { groups, buckets, groupOf };
}

/**
 * The postings grouped into offers, in the order their primaries were first seen. Every
 * posting is in exactly one group; most groups have one member.
 */
export function groupSameOffers<T extends SameOfferCandidate>(postings: readonly T[], options: SameOfferOptions = {}): SameOfferGroup<T>[] {
  return formGroups(postings, options).groups.map((group) => ({ primary: group.members[0]!, members: group.members }));
}

/** What the lookup reads of a stored posting: the grouping's fields and its openness. */
export interface SameOfferStored extends SameOfferCandidate, Pick<Posting, 'openFlag' | 'depublicationDate' | 'applicationDeadline'> {
  /** Set when its feed stopped listing it: then it is not open, whatever its flag. */
  removedAt?: string | null;
}

/**
 * "Is an open posting of another source already the same offer?", for the sync: a copy
 * of an open offer appearing on a second site is not a new offer. A posting already
 * stored is answered from its own group; a posting not stored yet from the group it
 * would join (it is seen after every stored one). Open: listed (`removedAt` unset) and
 * {@link isOpenAt} `now`.
 */
export function createSameOfferLookup(
  stored: readonly SameOfferStored[],
  now: Date,
  options: SameOfferOptions = {},
): (posting: SameOfferCandidate) => boolean {
  const { buckets, groupOf } = formGroups(stored, options);
  const open = (p: SameOfferStored) => !p.removedAt && isOpenAt(p, now);
  return (posting) => {
    let group = groupOf.get(posting.key) ?? null;
    if (group === null) {
      const place = placeOf(posting, options);
      group = place ? compatibleGroup(buckets.get(place.bucket), posting.sourceId, place.day) : null;
    }
    return group !== null && group.members.some((member) => member.sourceId !== posting.sourceId && open(member));
  };
}

/** What {@link mergeSameOffer} reads and writes: a posting with its source (a `StoredPosting`, a `SearchablePosting`). */
export type MergeablePosting = Posting & SameOfferCandidate & { removedAt?: string | null };

/** The first day a posting is closed by its own dates, or null when its dates never close it. */
function closingDay(posting: Pick<Posting, 'depublicationDate' | 'applicationDeadline'>): string | null {
  const days = [posting.depublicationDate, posting.applicationDeadline === null ? null : nextDay(posting.applicationDeadline)].filter(
    (day): day is string => day !== null,
  );
  return days.length === 0 ? null : days.sort()[0]!;
}

/**
 * The member whose openness the group takes: among the listed members with an open flag,
 * the one that stays open longest (no closing date beats any date; the earlier member on
 * a tie). Chosen without a clock, so the stored index stays right as days pass. Null when
 * no member is open by its flag.
 */
export function openMemberOf<T extends MergeablePosting>(members: readonly T[]): T | null {
  let best: T | null = null;
  let bestClosing: string | null = null;
  for (const member of members) {
    if (!member.openFlag || member.removedAt) continue;
    const closing = closingDay(member);
    if (best === null || (bestClosing !== null && (closing === null || closing > bestClosing))) {
      best = member;
      bestClosing = closing;
    }
  }
  return best;
}

/** The member with the longest description (the earlier member on a tie). */
export function richestMemberOf<T extends Pick<Posting, 'body'>>(members: readonly T[]): T {
  let best = members[0]!;
  for (const member of members) if (member.body.trim().length > best.body.trim().length) best = member;
  return best;
}

/**
 * One group as one posting: the primary's identity (key, id, source, title, day, first
 * seen), its startup or else the first member's that names one, the description and
 * details of the richest member, and the openness of the open member ({@link openMemberOf};
 * the primary's when none is open).
 */
export function mergeSameOffer<T extends MergeablePosting>(members: readonly T[]): T {
  const primary = members[0];
  if (primary === undefined) throw new Error('mergeSameOffer: a group has at least one member');
  if (members.length === 1) return primary;
  const named = members.find((m) => m.startupId !== null) ?? members.find((m) => m.startupRef !== null) ?? primary;
  const richest = richestMemberOf(members);
  const open = openMemberOf(members) ?? primary;
  const merged: T = {
    ...primary,
    startupId: named.startupId,
    startupRef: named.startupRef,
    body: richest.body,
    excerpt: richest.excerpt,
    domaines: richest.domaines,
    techno: richest.techno,
    contract: richest.contract,
    junior: richest.junior,
    applyEmails: richest.applyEmails,
    externalUrl: richest.externalUrl,
    openFlag: open.openFlag,
    closedReason: open.closedReason,
    depublicationDate: open.depublicationDate,
    applicationDeadline: open.applicationDeadline,
  };
  if ('location' in richest || 'location' in primary) merged.location = richest.location ?? primary.location ?? null;
  if ('removedAt' in primary) merged.removedAt = open.removedAt ?? null;
  return merged;
}
