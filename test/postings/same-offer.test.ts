import { describe, expect, it } from 'vitest';
import {
  createSameOfferLookup,
  groupSameOffers,
  mergeSameOffer,
  openMemberOf,
  organisationKey,
  roleKey,
  SAME_OFFER_DAYS,
} from '../../src/postings/same-offer';
import type { StoredPosting } from '../../src/store/db';

// Synthetic postings only: titles, startups and texts are written for these tests.
const GITHUB = 'github:exemple/offres/main/jobs';
const WTTJ = 'wttj:communaute-exemple';
const CSP = 'csp:organisme/1234';

let clock = 0;
/** A stored posting; each call is seen one minute after the previous one unless `firstSeenAt` is given. */
function posting(sourceId: string, id: string, fields: Partial<StoredPosting> = {}): StoredPosting {
  clock += 1;
  return {
    id,
    fileName: sourceId.startsWith('github:') ? `${id}.md` : id,
    title: 'Développeur·se front-end',
    startupRef: 'radar-des-aides',
    openFlag: true,
    closedReason: null,
    date: '2024-03-01',
    dateSource: 'front-matter',
    depublicationDate: null,
    applicationDeadline: null,
    domaines: [],
    techno: [],
    contract: null,
    junior: false,
    externalUrl: null,
    applyEmails: [],
    excerpt: '',
    body: 'Une mission inventée pour les tests.',
    warnings: [],
    key: `${sourceId} ${id}`,
    sourceId,
    version: '1',
    startupId: null,
    storedAt: '2024-03-01T08:00:00.000Z',
    firstSeenAt: new Date(Date.UTC(2024, 2, 1, 8, clock)).toISOString(),
    removedAt: null,
    openAtLastSync: true,
    ...fields,
  };
}

const keysOf = (groups: ReturnType<typeof groupSameOffers<StoredPosting>>) => groups.map((g) => g.members.map((m) => m.key));
const day = (offset: number) => new Date(Date.UTC(2024, 2, 1 + offset)).toISOString().slice(0, 10);

describe('organisationKey', () => {
  it('is the resolved startup, else the reference as a compact key; a posting naming no one has none', () => {
    expect(organisationKey({ sourceId: GITHUB, startupId: 'radar-des-aides', startupRef: 'Radar des Aides !' })).toBe('radardesaides');
    expect(organisationKey({ sourceId: GITHUB, startupId: null, startupRef: 'Radar des Aides' })).toBe('radardesaides');
    // A live offer naming no startup may be any employer's: never merged on its site's name alone.
    expect(organisationKey({ sourceId: WTTJ, startupId: null, startupRef: null })).toBeNull();
    expect(organisationKey({ sourceId: CSP, startupId: null, startupRef: '' })).toBeNull();
    expect(organisationKey({ sourceId: GITHUB, startupId: null, startupRef: 'beta.gouv.fr' })).toBe('betagouvfr');
    // A feed posting that names no one is nobody's: never merged.
    expect(organisationKey({ sourceId: GITHUB, startupId: null, startupRef: null })).toBeNull();
  });
});

describe('roleKey', () => {
  const key = (title: string, startupRef: string | null = null) => roleKey({ title, startupRef, startupId: null });

  it('folds accents, case, inclusive writing, (H/F), F/H and punctuation', () => {
    const expected = key('Développeur front-end');
    expect(expected).not.toBeNull();
    for (const title of [
      'Développeur·se front-end',
      'DÉVELOPPEUSE FRONT-END (H/F)',
      'Développeur.euse Front-End F/H',
      'Développeuse / Développeur frontend',
      'Développeur(se) front-end (F/H/X)',
      'Front-end developer',
    ]) {
      expect(key(title), title).toBe(expected);
    }
  });

  it('sets aside the startup d’État, its own name, beta.gouv and the incubator', () => {
    const expected = key('Chargé·e de déploiement');
    expect(key("Chargée de déploiement de la startup d'État Radar des aides", 'radar-des-aides')).toBe(expected);
    expect(key('Chargé de déploiement RadarDesAides', 'radar-des-aides')).toBe(expected);
    expect(key('Chargé de déploiement – beta.gouv.fr')).toBe(expected);
    expect(key('Chargé de déploiement, incubateur beta.gouv')).toBe(expected);
    expect(roleKey({ title: 'Chargé de déploiement Radar des aides', startupRef: null, startupId: 'x' }, { startupNames: new Map([['x', 'Radar des aides']]) })).toBe(
      expected,
    );
  });

  it('keeps every word that changes the role (under-merging rather than over-merging)', () => {
    expect(key('Développeur·se front-end')).not.toBe(key('Développeur·se back-end'));
    expect(key('Designer')).not.toBe(key('Designer senior'));
    expect(key('Développeur·se')).not.toBe(key('Développeur·se front-end'));
    expect(key('Product Owner')).not.toBe(key('Product Designer'));
  });

  it('is null when the line names nothing but filler', () => {
    expect(key('(H/F)')).toBeNull();
    expect(key('Startup d’État beta.gouv.fr')).toBeNull();
  });
});

describe('groupSameOffers', () => {
  it('merges the feed posting and its copies on the live sites, the first seen as primary', () => {
    const feed = posting(GITHUB, '2024-03-01-dev-front', { title: 'Développeur·se front-end' });
    const wttj = posting(WTTJ, 'dev-front-radar', { title: 'Développeuse / Développeur Front-End (H/F)', date: day(3) });
    const csp = posting(CSP, 'offre-42', { title: 'DEVELOPPEUR FRONTEND F/H - Radar des aides', date: day(10) });
    const groups = groupSameOffers([csp, wttj, feed]);
    expect(keysOf(groups)).toEqual([[feed.key, wttj.key, csp.key]]);
    expect(groups[0]!.primary).toBe(feed);
  });

  it('never merges two postings of one source, and keeps one member per source in a group', () => {
    const a = posting(WTTJ, 'dev-front-1');
    const b = posting(WTTJ, 'dev-front-2');
    expect(keysOf(groupSameOffers([a, b]))).toEqual([[a.key], [b.key]]);

    const feed = posting(GITHUB, 'dev-front');
    const groups = groupSameOffers([a, b, feed]);
    expect(keysOf(groups)).toEqual([[a.key, feed.key], [b.key]]);
  });

  it('keeps different organisations apart, and never merges a live offer naming no startup', () => {
    const radar = posting(GITHUB, 'dev-radar', { startupRef: 'radar-des-aides' });
    const other = posting(WTTJ, 'dev-other', { startupRef: 'autre-service' });
    expect(groupSameOffers([radar, other])).toHaveLength(2);

    const community = posting(GITHUB, 'coach', { title: 'Coach agile', startupRef: 'beta.gouv.fr' });
    const listed = posting(WTTJ, 'coach-agile', { title: 'Coach Agile (H/F)', startupRef: null });
    expect(groupSameOffers([community, listed])).toHaveLength(2);
    // Two live offers of one role naming no startup may be two ministries' (under-merging is safer).
    const wttjPo = posting(WTTJ, 'po-wttj', { title: 'Product Owner', startupRef: null });
    const cspPo = posting(CSP, 'po-csp', { title: 'Product Owner (H/F)', startupRef: null });
    expect(groupSameOffers([wttjPo, cspPo])).toHaveLength(2);
    // Named as beta.gouv.fr on both sides, they are one.
    const cspCommunity = posting(CSP, 'coach-community', { title: 'Coach agile (H/F)', startupRef: 'beta.gouv.fr' });
    expect(keysOf(groupSameOffers([community, cspCommunity]))).toEqual([[community.key, cspCommunity.key]]);

    // A feed posting naming no startup is never taken for beta.gouv.fr's.
    const anonymous = posting(GITHUB, 'coach-2', { title: 'Coach agile', startupRef: null });
    const listed2 = posting(CSP, 'coach-csp', { title: 'Coach agile', startupRef: null });
    expect(groupSameOffers([anonymous, listed2])).toHaveLength(2);
  });

  it('matches a resolved startup id with the same startup written as a reference', () => {
    const resolved = posting(GITHUB, 'po', { title: 'Product Owner', startupId: 'radar-des-aides', startupRef: 'Radar des aides' });
    const written = posting(CSP, 'po-csp', { title: 'PO', startupId: null, startupRef: 'Radar-des-Aides' });
    expect(groupSameOffers([resolved, written])).toHaveLength(1);
  });

  it('keeps front-end and back-end of one startup as two offers', () => {
    const front = posting(GITHUB, 'front', { title: 'Développeur·se front-end' });
    const back = posting(WTTJ, 'back', { title: 'Développeur·se back-end' });
    expect(groupSameOffers([front, back])).toHaveLength(2);
  });

  it(`merges publication days at most ${SAME_OFFER_DAYS} days apart, from every member`, () => {
    const feed = posting(GITHUB, 'a', { date: day(0) });
    expect(groupSameOffers([feed, posting(WTTJ, 'b', { date: day(SAME_OFFER_DAYS) })])).toHaveLength(1);
    expect(groupSameOffers([feed, posting(WTTJ, 'c', { date: day(SAME_OFFER_DAYS + 1) })])).toHaveLength(2);
    // 31 days from the second member but 45 from the first: not the same offer.
    const second = posting(WTTJ, 'd', { date: day(14) });
    const third = posting(CSP, 'e', { date: day(45) });
    expect(keysOf(groupSameOffers([feed, second, third]))).toEqual([[feed.key, second.key], [third.key]]);
  });

  it('never merges a posting without a publication day', () => {
    const undated = posting(GITHUB, 'undated', { date: null });
    const copy = posting(WTTJ, 'copy', { date: null });
    const dated = posting(CSP, 'dated');
    expect(groupSameOffers([undated, copy, dated])).toHaveLength(3);
  });

  it('keeps its primary and first members when a third copy appears, whatever the input order', () => {
    const feed = posting(GITHUB, 'dev', { date: day(0) });
    const wttj = posting(WTTJ, 'dev', { date: day(5) });
    const before = groupSameOffers([wttj, feed]);
    expect(before[0]!.primary.key).toBe(feed.key);
    const csp = posting(CSP, 'dev', { date: day(2) });
    const after = groupSameOffers([csp, wttj, feed]);
    expect(after).toHaveLength(1);
    expect(after[0]!.primary.key).toBe(feed.key);
    expect(after[0]!.members.map((m) => m.key)).toEqual([feed.key, wttj.key, csp.key]);
  });

  it('orders by first seen, then by key, when first seen times tie', () => {
    const at = '2024-03-02T00:00:00.000Z';
    const b = posting(WTTJ, 'b', { firstSeenAt: at });
    const a = posting(CSP, 'a', { firstSeenAt: at });
    expect(groupSameOffers([b, a])[0]!.primary.key).toBe(a.key);
  });

  it('joins the group whose primary is nearest in time when two could take it', () => {
    const early = posting(GITHUB, 'early', { date: day(0) });
    const lateFeed = posting(GITHUB, 'late', { date: day(25) });
    const copy = posting(WTTJ, 'copy', { date: day(20) });
    expect(keysOf(groupSameOffers([early, lateFeed, copy]))).toEqual([[early.key], [lateFeed.key, copy.key]]);
  });
});

describe('createSameOfferLookup', () => {
  const now = new Date('2024-03-20T12:00:00+01:00');

  it('says a copy on another site of an open posting is already known', () => {
    const feed = posting(GITHUB, 'dev');
    const known = createSameOfferLookup([feed], now);
    expect(known(posting(WTTJ, 'dev-front', { title: 'Développeuse Front-End (H/F)', date: day(4) }))).toBe(true);
    // Not of the same source, nor another role, organisation or month.
    expect(known(posting(GITHUB, 'dev-again'))).toBe(false);
    expect(known(posting(WTTJ, 'back', { title: 'Développeur·se back-end' }))).toBe(false);
    expect(known(posting(WTTJ, 'other', { startupRef: 'autre-service' }))).toBe(false);
    expect(known(posting(WTTJ, 'later', { date: day(40) }))).toBe(false);
    expect(known(posting(WTTJ, 'undated', { date: null }))).toBe(false);
  });

  it('counts only open postings: closed by flag or date, or no longer listed, they do not hide a new copy', () => {
    const copy = posting(CSP, 'copy');
    expect(createSameOfferLookup([posting(GITHUB, 'a', { openFlag: false })], now)(copy)).toBe(false);
    expect(createSameOfferLookup([posting(GITHUB, 'b', { depublicationDate: '2024-03-15' })], now)(copy)).toBe(false);
    expect(createSameOfferLookup([posting(GITHUB, 'c', { applicationDeadline: '2024-03-19' })], now)(copy)).toBe(false);
    expect(createSameOfferLookup([posting(GITHUB, 'd', { removedAt: '2024-03-10T00:00:00.000Z' })], now)(copy)).toBe(false);
    expect(createSameOfferLookup([posting(GITHUB, 'e', { applicationDeadline: '2024-03-20' })], now)(copy)).toBe(true);
  });

  it('answers as the grouping does: a site’s second post joins no group that already has that site', () => {
    const feed = posting(GITHUB, 'dev');
    const first = posting(WTTJ, 'dev-1');
    const known = createSameOfferLookup([feed, first], now);
    expect(known(posting(WTTJ, 'dev-2'))).toBe(false);
    expect(known(posting(CSP, 'dev-3'))).toBe(true);
    // A posting already stored is answered from its own group.
    expect(known(first)).toBe(true);
  });
});

describe('mergeSameOffer', () => {
  it('keeps the primary’s identity, the richest description and the open member’s openness', () => {
    const feed = posting(GITHUB, 'dev', { openFlag: false, closedReason: 'filled', body: 'Court.' });
    const wttj = posting(WTTJ, 'dev', {
      body: 'Une description bien plus longue, avec la mission et le profil.',
      techno: ['TypeScript'],
      contract: 'CDI',
      depublicationDate: '2024-04-01',
    });
    const csp = posting(CSP, 'dev', { body: 'Moyenne, sans plus.', applicationDeadline: '2024-05-01', startupRef: null });
    const merged = mergeSameOffer([feed, wttj, csp]);
    expect(merged.key).toBe(feed.key);
    expect(merged.title).toBe(feed.title);
    expect(merged.body).toBe(wttj.body);
    expect(merged.techno).toEqual(['TypeScript']);
    expect(merged.contract).toBe('CDI');
    // CSP's offer stays open longer (to 1 May) than WTTJ's (to 1 April).
    expect(merged.openFlag).toBe(true);
    expect(merged.closedReason).toBeNull();
    expect(merged.applicationDeadline).toBe('2024-05-01');
    expect(merged.depublicationDate).toBeNull();
  });

  it('prefers a member without closing date, and takes the primary’s openness when none is open', () => {
    const a = posting(GITHUB, 'a', { depublicationDate: '2024-06-01' });
    const b = posting(WTTJ, 'b');
    expect(openMemberOf([a, b])).toBe(b);
    const closed = [posting(GITHUB, 'c', { openFlag: false, closedReason: 'filled' }), posting(WTTJ, 'd', { removedAt: '2024-03-02T00:00:00.000Z' })];
    expect(openMemberOf(closed)).toBeNull();
    expect(mergeSameOffer(closed).openFlag).toBe(false);
    expect(mergeSameOffer(closed).closedReason).toBe('filled');
  });

  it('names the startup of the first member that names one', () => {
    const listed = posting(WTTJ, 'a', { startupRef: null, title: 'Coach agile' });
    const feed = posting(GITHUB, 'b', { startupRef: 'beta.gouv.fr', title: 'Coach agile' });
    expect(mergeSameOffer([listed, feed]).startupRef).toBe('beta.gouv.fr');
  });
});
