import { describe, expect, it } from 'vitest';
import { queryWords, stem, termsOf } from '../../src/search/normalize';
import { highlightSegments } from '../../src/search/highlight';

describe('French-aware normalisation', () => {
  it.each([
    'Développeur·se',
    'développeur.euse',
    'Développeur‧se',
    'Développeur(euse)',
    'DÉVELOPPEUSE',
    'developpeur',
    'Développeurs.euses',
    'développeur/euse',
  ])('%s is the term developpeur', (text) => {
    expect(termsOf(text)).toEqual(['developpeur']);
  });

  it('reads "une développeuse ou un développeur" as one role, twice', () => {
    expect(termsOf('une développeuse ou un développeur')).toEqual(['developpeur', 'developpeur']);
  });

  it.each([
    ['Chargé.e', 'charge'],
    ['Chargé(e)', 'charge'],
    ['chargée', 'charge'],
    ['Chargé·e·s', 'charge'],
    ['Cheffe', 'chef'],
    ['Chef·fe', 'chef'],
    ['Chef(fe)', 'chef'],
    ['directrice', 'directeur'],
    ['Conseillère', 'conseiller'],
    ['technicienne', 'technicien'],
    ['créative', 'creatif'],
  ])('%s → %s', (text, term) => {
    expect(termsOf(text)).toEqual([term]);
  });

  it('folds accents, case and ligatures, and splits elisions', () => {
    expect(termsOf("L'ŒUVRE d’Éloïse")).toEqual(['oeuvre', 'eloise']);
  });

  it('keeps hyphenated words as parts and joined', () => {
    expect(termsOf('front-end')).toEqual(['front', 'end', 'frontend']);
    expect(termsOf('Front End')).toEqual(['front', 'end']);
  });

  it('does not take domain names or H/F for inclusive writing', () => {
    expect(termsOf('beta.gouv.fr')).toEqual(['beta', 'gouv', 'fr', 'betagouvfr']);
    expect(termsOf('Designer H/F')).toEqual(['designer']);
  });

  it('leaves short words and numbers alone', () => {
    expect(stem('ux')).toBe('ux');
    expect(stem('2024')).toBe('2024');
    expect(stem('process')).toBe('process');
  });

  it('marks function words in queries but keeps them', () => {
    const words = queryWords("chef de produit l'");
    expect(words.map((w) => [w.term, w.stopWord])).toEqual([
      ['chef', false],
      ['de', true],
      ['produit', false],
      ['l', true],
    ]);
  });
});

describe('highlighting', () => {
  it('cuts the original text around matched words, keeping everything else verbatim', () => {
    const segments = highlightSegments('Développeur·se <b>Python</b> & co', new Set(['developpeur', 'python']));
    expect(segments).toEqual([
      { text: 'Développeur·se', match: true },
      { text: ' <b>', match: false },
      { text: 'Python', match: true },
      { text: '</b> & co', match: false },
    ]);
    expect(segments.map((s) => s.text).join('')).toBe('Développeur·se <b>Python</b> & co');
  });

  it('marks a synonym phrase only where its words follow each other', () => {
    const phrases = [['ingenieur', 'logiciel']];
    expect(highlightSegments('Ingénieur logiciel', new Set(), phrases).filter((s) => s.match).map((s) => s.text)).toEqual(['Ingénieur', 'logiciel']);
    expect(highlightSegments('Ingénieur données', new Set(), phrases).some((s) => s.match)).toBe(false);
  });

  it('returns the text whole when nothing matched', () => {
    expect(highlightSegments('Designer', new Set())).toEqual([{ text: 'Designer', match: false }]);
  });
});
