/**
 * The role and synonym table (vocabulary.json), compiled to canonical terms.
 *
 * Each group gets one token (`~developpeur`, `~product_owner`) that the index
 * adds wherever one of the group's phrases occurs, so a query naming any member
 * finds every other member with one lookup. `~` sorts after letters and digits,
 * so no prefix typed by a user ever ranges over these tokens.
 */
import table from './vocabulary.json';
import { termsOf } from './normalize';

export interface VocabularyGroup {
  /** The token the index stores for the group. */
  token: string;
  /** A role: found only in role lines. */
  role: boolean;
  /** Each member as a sequence of canonical terms. */
  phrases: string[][];
}

export interface Vocabulary {
  groups: VocabularyGroup[];
  /** Phrases by their first term, longest first. */
  byFirstTerm: Map<string, Array<{ terms: string[]; group: VocabularyGroup }>>;
  /** Canonical terms that name a role on their own (`juriste`, `developpeur`, `dev`). */
  roleTerms: Set<string>;
  /** Group token → group. */
  byToken: Map<string, VocabularyGroup>;
  /** Changes whenever the table does: an index built with another table is rebuilt. */
  fingerprint: string;
}

export interface VocabularyTable {
  roles: string[][];
  professions?: string[];
  synonyms: string[][];
}

export function compileVocabulary(source: VocabularyTable): Vocabulary {
  const groups: VocabularyGroup[] = [];
  const byFirstTerm: Vocabulary['byFirstTerm'] = new Map();
  const roleTerms = new Set<string>();
  const byToken = new Map<string, VocabularyGroup>();
  const add = (members: string[], role: boolean) => {
    const phrases = members.map((member) => termsOf(member)).filter((terms) => terms.length > 0);
    if (phrases.length === 0) return;
    const group: VocabularyGroup = { token: `~${phrases[0]!.join('_')}`, role, phrases };
    if (byToken.has(group.token)) throw new Error(`vocabulary.json: two groups start with "${members[0]}".`);
    groups.push(group);
    byToken.set(group.token, group);
    for (const terms of phrases) {
      const list = byFirstTerm.get(terms[0]!) ?? [];
      list.push({ terms, group });
      list.sort((a, b) => b.terms.length - a.terms.length);
      byFirstTerm.set(terms[0]!, list);
      if (role && terms.length === 1) roleTerms.add(terms[0]!);
    }
  };
  for (const members of source.roles) add(members, true);
  for (const title of source.professions ?? []) add([title], true);
  for (const members of source.synonyms) add(members, false);
  const fingerprint = hash(JSON.stringify(groups.map((g) => [g.token, g.role, g.phrases])));
  return { groups, byFirstTerm, roleTerms, byToken, fingerprint };
}

/** The phrase of the vocabulary that starts at `terms[at]`, longest first, or null. */
export function phraseAt(
  vocabulary: Vocabulary,
  terms: readonly string[],
  at: number,
): { length: number; group: VocabularyGroup } | null {
  const candidates = vocabulary.byFirstTerm.get(terms[at]!);
  if (!candidates) return null;
  for (const { terms: phrase, group } of candidates) {
    if (at + phrase.length > terms.length) continue;
    if (phrase.every((term, i) => terms[at + i] === term)) return { length: phrase.length, group };
  }
  return null;
}

/** The group tokens a sequence of terms contains (for the index). */
export function groupTokensIn(vocabulary: Vocabulary, terms: readonly string[]): string[] {
  const tokens = new Set<string>();
  for (let i = 0; i < terms.length; i += 1) {
    const candidates = vocabulary.byFirstTerm.get(terms[i]!);
    if (!candidates) continue;
    for (const { terms: phrase, group } of candidates) {
      if (i + phrase.length <= terms.length && phrase.every((term, k) => terms[i + k] === term)) tokens.add(group.token);
    }
  }
  return [...tokens];
}

/** A short stable hash (FNV-1a) for fingerprints. */
export function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}

export const VOCABULARY: Vocabulary = compileVocabulary(table as VocabularyTable);
