import { describe, expect, it } from 'vitest';
import { postingFromOffer } from '../../../src/feed/live/posting';
import { readOfferPage } from '../../../src/feed/live/offer-page';
import { cspReader } from '../../../src/feed/live/csp';
import type { ListedOffer } from '../../../src/feed/live/types';
import { buildStartupIndex, readStartupsRegistry, recogniseStartupIn } from '../../../src/postings/startups';
import { liveFixture } from './fixtures';

const registry = buildStartupIndex(
  readStartupsRegistry({
    data: [
      { id: 'trackdechets', attributes: { name: 'Trackdéchets' } },
      { id: 'dossierfacile', attributes: { name: 'DossierFacile' } },
      { id: 'aides-jeunes', attributes: { name: 'Aides Jeunes' } },
      { id: 'aides', attributes: { name: 'Aides' } },
      { id: 'zen', attributes: { name: 'Zen' } },
    ],
  }),
);
const recogniseStartup = (text: string) => recogniseStartupIn(registry, text);

const listed: ListedOffer = {
  id: '2026-9910001',
  url: 'https://choisirleservicepublic.gouv.fr/offre-emploi/developpeur-se-full-stack---trackdechets-hf-reference-2026-9910001/',
  title: 'Développeur·se full-stack - Trackdéchets (H/F)',
  organisation: 'Direction interministérielle du numérique (DINUM)',
  location: 'Paris (75)',
  contract: null,
  date: '2026-11-01',
};

describe('postingFromOffer', () => {
  it('builds an open posting from the listing and the offer page', () => {
    const { html, url } = liveFixture('csp-offer-json-ld');
    const posting = postingFromOffer(listed, readOfferPage(cspReader, html, url), { recogniseStartup, site: cspReader.site });
    expect(posting).toMatchObject({
      id: '2026-9910001',
      fileName: '2026-9910001',
      title: 'Développeur·se full-stack - Trackdéchets (H/F)',
      startupRef: 'trackdechets',
      openFlag: true,
      closedReason: null,
      date: '2026-11-02',
      dateSource: 'front-matter',
      applicationDeadline: '2026-12-02',
      depublicationDate: null,
      contract: 'Emploi ouvert aux titulaires et aux contractuels',
      domaines: ['Numérique'],
      location: 'Paris (75)',
      pageUrl: listed.url,
      externalUrl: listed.url,
      applyEmails: ['recrutement-trackdechets@beta.example'],
      warnings: [],
    });
    expect(posting.body).toMatch(/^Au sein de l'incubateur de la DINUM, la startup d'État \*\*Trackdéchets\*\*/);
    expect(posting.excerpt).toBe("Au sein de l'incubateur de la DINUM, la startup d'État Trackdéchets aide les entreprises à tracer leurs déchets dangereux.");
  });

  it('skips a heading-only first paragraph for the excerpt, and keeps escaped page text as written', () => {
    const details = { ...emptyDetails(), description: '**Description du poste**\n\nMoins de 5 \\<b\\> \\& \\*\\*rien\\*\\*' };
    expect(postingFromOffer(listed, details).excerpt).toBe('Moins de 5 <b> & **rien**');
  });

  it('recognises the startup in the description when the title names none', () => {
    const posting = postingFromOffer(
      { ...listed, title: 'Développeur·se (H/F)' },
      { ...emptyDetails(), description: 'Rejoignez **DossierFacile**, une startup d’État.' },
      { recogniseStartup },
    );
    expect(posting.startupRef).toBe('dossierfacile');
    expect(postingFromOffer({ ...listed, title: 'Développeur·se (H/F)' }, null, { recogniseStartup }).startupRef).toBeNull();
    expect(postingFromOffer(listed, null).startupRef).toBeNull();
  });

  it('builds a posting from the listing alone, saying the description is on the site', () => {
    const posting = postingFromOffer(listed, null, { site: cspReader.site, unreadPage: 'the page answered HTTP 503' });
    expect(posting.body).toBe(`La description de l'offre est sur [choisirleservicepublic.gouv.fr](${listed.url}).`);
    expect(posting).toMatchObject({ date: '2026-11-01', applicationDeadline: null, contract: null, domaines: [], location: 'Paris (75)' });
    expect(posting.warnings).toEqual([expect.objectContaining({ code: 'listing-only', message: expect.stringContaining('HTTP 503') })]);
  });

  it('warns when no date is known', () => {
    expect(postingFromOffer({ ...listed, date: null }, null).warnings.map((warning) => warning.code)).toEqual(['no-date']);
  });
});

describe('recogniseStartupIn', () => {
  it.each([
    ['Développeur·se full-stack – Trackdéchets', 'trackdechets'],
    ['DEV TRACKDECHETS (H/F)', 'trackdechets'],
    ['Chargé de déploiement DossierFacile', 'dossierfacile'],
    // The longest name wins.
    ['Product Owner – Aides Jeunes', 'aides-jeunes'],
    ['Product Owner – Aides', 'aides'],
  ])('%s → %s', (text, id) => {
    expect(recogniseStartupIn(registry, text)).toBe(id);
  });

  it.each([
    'Développeur·se full-stack',
    // Whole words only.
    'Trackdéchetsplus',
    'AidesJeunes',
    // Names of fewer than 4 letters are never recognised.
    'Un poste zen',
    '',
  ])('%j names no startup', (text) => {
    expect(recogniseStartupIn(registry, text)).toBeNull();
  });
});

function emptyDetails() {
  return {
    title: null,
    organisation: null,
    location: null,
    contract: null,
    datePosted: null,
    validThrough: null,
    reference: null,
    description: null,
    domaines: [],
    emails: [],
    signal: null,
    fieldSignals: {},
  };
}
