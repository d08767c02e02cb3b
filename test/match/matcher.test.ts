import { describe, expect, it } from 'vitest';
import { createMatcher, rolesOf, type MatchablePosting } from '../../src/match/matcher';
import type { Startup } from '../../src/postings/startups';
import type { CardFields } from '../../src/sites/types';

const startup = (id: string, name: string): Startup => ({ id, name, pitch: '', link: null, contact: null, phases: [], thematiques: [], technos: [], incubatorId: null });
const STARTUPS = [startup('trackdechets', 'Trackdéchets'), startup('dossierfacile', 'DossierFacile'), startup('api', 'API'), startup('dora', 'DORA')];
const posting = (id: string, title: string, startupId: string | null): MatchablePosting => ({
  key: `s ${id}`,
  id,
  title,
  startupId,
  startupRef: startupId,
  startupName: STARTUPS.find((s) => s.id === startupId)?.name ?? null,
  date: '2026-11-01',
  url: null,
});
const POSTINGS = [
  posting('dev-td', 'Développeur·se full-stack', 'trackdechets'),
  posting('deploy-df', 'Chargé·e de déploiement', 'dossierfacile'),
  posting('po', 'Product Owner', null),
  posting('po-beta', 'Product Owner', 'beta.gouv.fr'),
];
const matcher = createMatcher(POSTINGS, STARTUPS);
const card = (title: string, organisation: string | null, links: string[] = []): CardFields => ({ title, organisation, location: null, jobId: null, url: null, links });
const verdict = (fields: CardFields) => {
  const [answer] = matcher.match([{ ref: 'c', fields }]);
  return answer ? [answer.kind, answer.postings.map((p) => p.id)] : null;
};

describe('matching job cards to open postings', () => {
  it('reads roles through the search vocabulary', () => {
    expect(rolesOf('Développeuse / Développeur Python')).toEqual(['~developpeur']);
    expect(rolesOf('Ingénieur·e logiciel')).toEqual(['~developpeur']);
    expect(rolesOf('Ingénieur commercial')).toEqual(['~ingenieur']);
    expect(rolesOf('Comptable')).toEqual(['~comptable']);
  });

  it('calls a card the same offer when the organisation is the startup (any spelling) and the role matches', () => {
    expect(verdict(card('Développeuse / Développeur Python', 'TRACKDECHETS'))).toEqual(['same', ['dev-td']]);
    expect(verdict(card('Fullstack developer', 'Trackdéchets – Ministère de la Transition écologique'))).toEqual(['same', ['dev-td']]);
    expect(verdict(card('Bizdev', 'Dossier Facile'))).toEqual(['same', ['deploy-df']]);
  });

  it('takes beta.gouv.fr, DINUM and incubators for the whole family', () => {
    expect(verdict(card('Cheffe de produit', 'DINUM'))).toEqual(['same', ['po', 'po-beta']]);
    // A posting naming "beta.gouv.fr" as its startup does not make beta.gouv.fr one startup among others.
    expect(verdict(card('Product manager', 'beta.gouv.fr'))).toEqual(['same', ['po', 'po-beta']]);
    expect(verdict(card('Développeur·se full-stack – Trackdéchets', 'beta.gouv.fr'))).toEqual(['same', ['dev-td']]);
    expect(verdict(card('Développeur full stack', 'Incubateur des Territoires'))).toEqual(['same', ['dev-td']]);
  });

  it('takes a link to a posting for a beta.gouv.fr card', () => {
    expect(verdict(card('Développeur full stack', 'Recrutement', ['https://beta.gouv.fr/recrutement/2026/11/01/dev.html']))).toEqual(['same', ['dev-td']]);
  });

  it('never calls a role match alone the same offer', () => {
    expect(verdict(card('Développeur full stack', 'Société Générale'))).toEqual(['similar', ['dev-td']]);
    expect(verdict(card('Développeur full stack', null))).toEqual(['similar', ['dev-td']]);
    // The startup is known but has no open offer for this role: the card only resembles others.
    expect(verdict(card('Product Owner', 'Trackdéchets'))).toEqual(['similar', ['po', 'po-beta']]);
  });

  it('finds a startup inside a longer organisation name on whole words only', () => {
    expect(verdict(card('Product Owner', 'Dorado SA'))).toEqual(['similar', ['po', 'po-beta']]);
    expect(verdict(card('Développeur', 'Équipe API et données'))).toEqual(['similar', ['dev-td']]);
  });

  it('marks nothing else', () => {
    expect(verdict(card('Comptable', 'Boulangerie Martin'))).toBeNull();
    expect(verdict(card('Ingénieur commercial', 'Banque'))).toBeNull();
    expect(verdict(card('', 'DINUM'))).toBeNull();
  });

  it('answers a batch in one call, one answer per matching card', () => {
    const answers = matcher.match([
      { ref: 'a', fields: card('Développeur', 'DINUM') },
      { ref: 'b', fields: card('Boulanger', null) },
      { ref: 'c', fields: card('Chargée de déploiement', null) },
    ]);
    expect(answers.map((a) => [a.ref, a.kind])).toEqual([
      ['a', 'same'],
      ['c', 'similar'],
    ]);
  });
});
