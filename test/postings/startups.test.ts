import { describe, expect, it } from 'vitest';
import { buildStartupIndex, readStartupsRegistry, resolveStartup } from '../../src/postings';
import { compactKey, foldAccents, slugify, splitList } from '../../src/postings/text';

// A synthetic registry in the JSON:API shape of startups.json.
const doc = {
  links: {},
  data: [
    { id: 'carnet-de-bord', type: 'startup', attributes: { name: 'Carnet de Bord', pitch: 'p', link: 'https://example.org', contact: 'a@example.org', phases: [{ name: 'construction', start: '2021-01-01', end: '' }], thematiques: ['Social '], technos: [] }, relationships: { incubator: { data: { type: 'incubator', id: 'dinum' } } } },
    { id: 'DossierFacile', attributes: { name: 'DossierFacile' } },
    { id: 'collectif_objets', attributes: { name: 'Collectif Objets' } },
    { id: 'demarches-simplifiees.fr', attributes: { name: 'Démarches Simplifiées' } },
    { id: 'la.communaute.de.linclusion', attributes: { name: "Communauté de l'inclusion" } },
    { id: 'locadocs', attributes: { name: 'Locadocs' } },
    { id: 'ma-cantine-egalim', attributes: { name: 'ma cantine' } },
    { id: 'cantine-bis', attributes: { name: 'Autre cantine' } },
    { id: 'bad-no-name', attributes: {} },
    { id: 42, attributes: { name: 'bad id' } },
    'garbage',
    { id: 'carnet-de-bord', attributes: { name: 'Duplicate id' } },
  ],
};

describe('readStartupsRegistry', () => {
  it('keeps valid entries, flattens them, skips bad ones and repeated ids', () => {
    const startups = readStartupsRegistry(doc);
    expect(startups.map((s) => s.id)).toEqual(['carnet-de-bord', 'DossierFacile', 'collectif_objets', 'demarches-simplifiees.fr', 'la.communaute.de.linclusion', 'locadocs', 'ma-cantine-egalim', 'cantine-bis']);
    expect(startups[0]).toEqual({ id: 'carnet-de-bord', name: 'Carnet de Bord', pitch: 'p', link: 'https://example.org', contact: 'a@example.org', phases: [{ name: 'construction', start: '2021-01-01', end: '' }], thematiques: ['Social'], technos: [], incubatorId: 'dinum' });
    expect(startups[1]).toMatchObject({ pitch: '', link: null, incubatorId: null, phases: [] });
  });
  it.each([null, 1, 'x', [], {}, { data: 'x' }, { data: [null] }])('returns [] for %j', (input) => {
    expect(readStartupsRegistry(input)).toEqual([]);
  });
});

describe('resolveStartup', () => {
  const index = buildStartupIndex(readStartupsRegistry(doc));
  it.each([
    ['carnet-de-bord', 'carnet-de-bord', 'id'],
    ['dossierfacile', 'DossierFacile', 'case'],
    ['carnet.de.bord', 'carnet-de-bord', 'slug'],
    ['Collectif objets', 'collectif_objets', 'slug'],
    ['  carnet-de-bord  ', 'carnet-de-bord', 'id'],
    ['Démarches Simplifiées', 'demarches-simplifiees.fr', 'name'],
    ['DEMARCHES simplifiees', 'demarches-simplifiees.fr', 'name'],
    ['la communaute de linclusion', 'la.communaute.de.linclusion', 'slug'],
    ['lacommunautedelinclusion', 'la.communaute.de.linclusion', 'loose'],
    ['locadocs.md', 'locadocs', 'loose'],
    ['Locadoc', 'locadocs', 'loose'],
    ['egalim', 'ma-cantine-egalim', 'loose'],
  ])('%j → %s by %s', (ref, id, how) => {
    expect(resolveStartup(index, ref)).toMatchObject({ startup: { id }, how });
  });
  it.each([null, '', '   ', 'inconnue', 'cantine', 'beta.gouv.fr', 'de la'])('%j resolves to nothing', (ref) => {
    expect(resolveStartup(index, ref)).toBeNull();
  });
});

describe('text helpers', () => {
  it('fold accents and ligatures, slugify, compact, split lists', () => {
    expect(foldAccents('Œuvre Éléphant cœur')).toBe('OEuvre Elephant coeur');
    expect(slugify("  L'Île-de-France · été ")).toBe('l-ile-de-france-ete');
    expect(slugify('carnet.de.bord')).toBe(slugify('Carnet de Bord'));
    expect(compactKey('la.communaute.de.linclusion')).toBe('lacommunautedelinclusion');
    expect(splitList('Python, JS (React, Node.js); PostgreSQL ,, ')).toEqual(['Python', 'JS (React, Node.js)', 'PostgreSQL']);
  });
});
