/**
 * Job-site card ↔ beta.gouv.fr postings. Pure: built once from the open postings
 * and the startups registry into lookup maps, then each card costs a few map
 * lookups (no fuzzy search per card: a page may show a thousand cards).
 *
 * - The card's organisation is recognised as beta.gouv.fr itself (beta.gouv.fr,
 *   DINUM, an incubator, "startup d'État") or as one startup d'État of the
 *   registry (by name or id, accents, case and punctuation ignored).
 * - The card's role is reduced to the roles it names, with the search's own
 *   vocabulary (inclusive writing, accents, FR/EN synonyms): "Développeuse /
 *   Développeur Python" and "Développeur·se full-stack" both name `~developpeur`.
 * - `same`: a recognised organisation (or a link to a posting) and a role shared
 *   with an open posting of that organisation. `similar`: a role shared with open
 *   postings, whoever posts the card. A role match alone is never `same`.
 */
import { compactKey, slugify } from '../postings/text';
import type { Startup } from '../postings/startups';
import { termsOf } from '../search/normalize';
import { groupTokensIn, VOCABULARY, type Vocabulary } from '../search/vocabulary';
import type { CardFields } from '../sites/types';
import type { CardMatch, CardQuery, MatchedPosting } from './types';

/** What the matcher needs of a posting (a stored search doc has it all). */
export interface MatchablePosting {
  key: string;
  id: string;
  title: string;
  startupId: string | null;
  startupRef: string | null;
  startupName: string | null;
  date: string | null;
  /** Where to read it, when known. */
  url: string | null;
}

/**
 * Organisation words that mean beta.gouv.fr itself or its incubators. Compared on
 * compact keys (accents, case, spaces and punctuation removed), as substrings.
 */
const BETA_FAMILY = ['betagouv', 'dinum', 'directioninterministerielledunumerique', 'incubateur', 'fabriquenumerique', 'startupdetat', 'startupsdetat'];

/** Links that point at a beta.gouv.fr posting (its site or the feed's repository). */
const POSTING_LINK = /^https?:\/\/(?:www\.)?(?:beta\.gouv\.fr\/recrutement|github\.com\/betagouv\/beta\.gouv\.fr\/)/i;

/** Registry names too generic to identify a startup inside an organisation name. */
const MIN_NAME_KEY = 4;

type Scope = { kind: 'family' } | { kind: 'startup'; id: string };

export interface Matcher {
  match(cards: readonly CardQuery[]): CardMatch[];
}

export function createMatcher(postings: readonly MatchablePosting[], startups: readonly Startup[], vocabulary: Vocabulary = VOCABULARY): Matcher {
  // Whole organisation names (compact keys) and, for names inside a longer one, their slugs (matched on word boundaries).
  const startupByKey = new Map<string, string>();
  const startupBySlug = new Map<string, string>();
  const addName = (name: string | null, id: string | null) => {
    if (!name || !id) return;
    const key = compactKey(name);
    if (key.length < MIN_NAME_KEY) return;
    if (!startupByKey.has(key)) startupByKey.set(key, id);
    const slug = slugify(name);
    if (!startupBySlug.has(slug)) startupBySlug.set(slug, id);
  };
  for (const s of startups) for (const name of [s.name, s.id]) addName(name, s.id);
  // Postings name startups the registry may not know (itou, locatio…): their own reference counts too.
  for (const p of postings) for (const name of [p.startupName, p.startupRef]) addName(name, p.startupId ?? p.startupRef);

  const byRole = new Map<string, MatchablePosting[]>();
  for (const p of postings) {
    for (const role of rolesOf(p.title, vocabulary)) {
      let list = byRole.get(role);
      if (!list) byRole.set(role, (list = []));
      list.push(p);
    }
  }

  function scopeOf(fields: CardFields): Scope | null {
    const org = fields.organisation ? compactKey(fields.organisation) : '';
    if (org !== '') {
      // beta.gouv.fr first: postings that name "beta.gouv.fr" as their startup must not make it one startup among others.
      if (BETA_FAMILY.some((word) => org.includes(word))) return { kind: 'family' };
      const exact = startupByKey.get(org);
      if (exact) return { kind: 'startup', id: exact };
      // "Trackdéchets - Ministère de la Transition écologique": a startup named inside a longer name, as whole words
      // ("DORA" is not in "Dorado SA").
      const words = `-${slugify(fields.organisation!)}-`;
      for (const [slug, id] of startupBySlug) if (words.includes(`-${slug}-`)) return { kind: 'startup', id };
    }
    if (fields.links.some((link) => POSTING_LINK.test(link))) return { kind: 'family' };
    return null;
  }

  function inScope(p: MatchablePosting, scope: Scope): boolean {
    return scope.kind === 'family' || p.startupId === scope.id || p.startupRef === scope.id;
  }

  return {
    match(cards) {
      const answers: CardMatch[] = [];
      for (const { ref, fields } of cards) {
        const candidates = new Map<string, MatchablePosting>();
        for (const role of rolesOf(fields.title, vocabulary)) for (const p of byRole.get(role) ?? []) candidates.set(p.key, p);
        if (candidates.size === 0) continue;
        const scope = scopeOf(fields);
        const same = scope ? [...candidates.values()].filter((p) => inScope(p, scope)) : [];
        const chosen = same.length > 0 ? same : [...candidates.values()];
        answers.push({ ref, kind: same.length > 0 ? 'same' : 'similar', postings: chosen.slice(0, 5).map(summary) });
      }
      return answers;
    },
  };
}

/** Roles too broad to make two offers alike on their own ("Ingénieur commercial" is not "Ingénieur·e données"). */
const BROAD_ROLES = new Set(['~ingenieur', '~analyste', '~stagiaire']);

/** The roles a role line names (the vocabulary's role groups), the broad ones only when nothing more precise is named. */
export function rolesOf(title: string, vocabulary: Vocabulary = VOCABULARY): string[] {
  const roles = groupTokensIn(vocabulary, termsOf(title)).filter((token) => vocabulary.byToken.get(token)?.role);
  const precise = roles.filter((role) => !BROAD_ROLES.has(role));
  return precise.length > 0 ? precise : roles;
}

function summary(p: MatchablePosting): MatchedPosting {
  return { key: p.key, id: p.id, title: p.title, startup: p.startupName ?? p.startupRef, date: p.date, url: p.url };
}
