/**
 * French-aware text normalisation shared by the index (at build time) and the
 * query (at each keystroke), so that both sides always agree on what a word is.
 *
 * A word goes through three steps:
 * 1. folding: accents and ligatures removed, lower case (`Œuvre` → `oeuvre`);
 * 2. inclusive writing reduced to its base (`Développeur·se`, `développeur.euse`,
 *    `Développeur(euse)`, `Chargé.e.s` → `developpeur`, `charge`);
 * 3. a light stem that maps feminine and plural forms onto one term
 *    (`développeuses` → `developpeur`, `cheffe` → `chef`, `directrice` → `directeur`).
 * The stem is deliberately crude and only needs to be consistent: it is applied
 * to the text and to the query alike, and the user never sees it.
 */
import { foldAccents } from '../postings/text';

/** One word of a text: where it is in the original, and the index terms it yields. */
export interface WordSpan {
  start: number;
  end: number;
  /** Canonical terms; a hyphenated word also yields its joined form (`front-end` → front, end, frontend). */
  terms: string[];
  /** The word folded but not stemmed, for prefix matching while typing. */
  folded: string;
}

/**
 * A run of letters and digits, possibly joined by the separators French uses
 * inside words: hyphens, dots and slashes (`front-end`, `beta.gouv.fr`, `UX/UI`),
 * middle dots (`Développeur·se`) and parentheses (`Chargé(e)s`).
 */
const WORD_GROUP = /[\p{L}\p{M}\p{N}]+(?:(?:[·‧•⋅∙.\-/]|\()?[\p{L}\p{M}\p{N}]+\)?)*/gu;

/** Marks of inclusive writing: a separator then a feminine (or plural) ending. */
const INCLUSIVE_ENDING =
  /([a-z0-9]{2,})(?:[·‧•⋅∙./-]|\()(?:e|es|s|se|ses|euse|euses|rice|rices|trice|trices|ice|ices|ne|nes|le|les|ere|eres|fe|fes|te|tes|ve|ves)\)?(?:[·‧•⋅∙.]?e?s)?(?![a-z0-9])/g;

/**
 * French and English function words: never indexed, dropped from queries (except
 * for the word being typed, which may be the start of a longer word: `des` → `designer`).
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a au aux avec ce ces cet cette dans de des du elle en et il ils je la le les leur leurs lui ma mais me mes moi mon ne ni nos notre nous on ou par pas pour qu que qui sa se ses si son sur ta te tes toi ton tu un une vos votre vous y ' +
    'est sont ete etre avoir a ont fait plus tres tout tous toute toutes comme aussi bien ainsi donc car ' +
    'an and are as at be by for from in into is it its of on or that the their this to was were will with you your'
  ).split(' '),
);

/** Folds accents and ligatures and lowers the case; keeps every other character. */
export function foldText(text: string): string {
  return foldAccents(text).toLowerCase();
}

/**
 * Maps a folded word onto its canonical term: plural, then feminine, endings
 * removed. Short words and numbers are left alone (`ux`, `api`, `2024`).
 */
export function stem(word: string): string {
  if (word.length <= 3 || !/^[a-z]/.test(word)) return word;
  let w = word;
  if (w.endsWith('eaux')) w = w.slice(0, -1);
  else if (w.length > 4 && w.endsWith('s') && !w.endsWith('ss')) w = w.slice(0, -1);
  if (w.endsWith('euse')) return `${w.slice(0, -4)}eur`;
  if (w.endsWith('trice')) return `${w.slice(0, -5)}teur`;
  if (w.endsWith('effe')) return w.slice(0, -2);
  if (w.endsWith('ienne')) return w.slice(0, -2);
  if (w.endsWith('ee')) return w.slice(0, -1);
  if (w.length > 5 && w.endsWith('ere')) return `${w.slice(0, -3)}er`;
  if (w.length > 5 && w.endsWith('ive')) return `${w.slice(0, -2)}f`;
  return w;
}

/** Removes inclusive-writing endings from a folded word group: `developpeur·se` → `developpeur`. */
export function dropInclusiveEndings(folded: string): string {
  return folded.replace(INCLUSIVE_ENDING, '$1');
}

/**
 * The parts of a folded word group, stop words and single letters removed
 * (`l'equipe` → `equipe`; `qu'il` → nothing), each stemmed.
 */
function termsOfGroup(group: string): { terms: string[]; folded: string } {
  const base = dropInclusiveEndings(group);
  const parts = base.split(/[^a-z0-9]+/).filter((part) => part !== '');
  const kept = parts.filter((part) => part.length > 1 && !STOP_WORDS.has(part));
  const terms = kept.map(stem);
  // `front-end`, `open-source`, `e-mail`: the joined form lets `frontend` find it and the reverse.
  if (parts.length > 1 && /[-./]/.test(base)) {
    const joined = parts.join('');
    if (joined.length > 2) terms.push(stem(joined));
  }
  return { terms: [...new Set(terms)], folded: parts.join('') };
}

/** The words of a text with their positions and canonical terms, in order. Words that yield no term are skipped. */
export function wordSpans(text: string): WordSpan[] {
  const spans: WordSpan[] = [];
  for (const match of text.matchAll(WORD_GROUP)) {
    const { terms, folded } = termsOfGroup(foldText(match[0]));
    if (terms.length === 0) continue;
    spans.push({ start: match.index, end: match.index + match[0].length, terms, folded });
  }
  return spans;
}

/** The canonical terms of a text, in order, repeated where the text repeats them. */
export function termsOf(text: string): string[] {
  const terms: string[] = [];
  // Folding the whole text once is several times faster than word by word on long bodies.
  for (const match of foldText(text).matchAll(WORD_GROUP)) terms.push(...termsOfGroup(match[0]).terms);
  return terms;
}

/** One word of a query, as typed and as a term. */
export interface QueryWord {
  /** Folded, inclusive endings removed, separators removed: the prefix to look up. */
  folded: string;
  /** The canonical term (stemmed). */
  term: string;
  /** The folded parts of a hyphenated word (`front-end` → front, end); a single word has one part. */
  parts: string[];
  /** A function word (`de`, `the`) or a lone letter (`l'`); ignored unless it is the word being typed. */
  stopWord: boolean;
}

/** Splits a query phrase into words, keeping stop words (marked) so phrases and the word being typed keep their shape. */
export function queryWords(text: string): QueryWord[] {
  const words: QueryWord[] = [];
  for (const match of text.matchAll(WORD_GROUP)) {
    const base = dropInclusiveEndings(foldText(match[0]));
    const parts = base.split(/[^a-z0-9]+/).filter((part) => part !== '');
    if (parts.length === 0) continue;
    // Inside a word, single letters are elisions or initials (`l'`, `h/f`); alone, it may be the first letter typed.
    const meaningful = parts.length === 1 ? parts : parts.filter((part) => part.length > 1 || /\d/.test(part));
    if (meaningful.length === 0) continue;
    const folded = meaningful.join('');
    words.push({
      folded,
      term: stem(folded),
      parts: meaningful,
      stopWord: meaningful.length === 1 && (STOP_WORDS.has(folded) || /^[a-z]$/.test(folded)),
    });
  }
  return words;
}
