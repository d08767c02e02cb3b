import { describe, expect, it } from 'vitest';
import { planClosingReminders, planNotifications, postingKeyOfNotification, type NotificationTexts } from '../../src/notify/plan';
import { dueClosingReminders } from '../../src/notify/closing';
import { matchesAlert, readAlerts, type Alert } from '../../src/notify/alerts';
import type { PendingAnnouncement, StoredPosting } from '../../src/store/db';

function stored(id: string, title: string, extra: Partial<StoredPosting> = {}): StoredPosting {
  return {
    id,
    fileName: `${id}.md`,
    title,
    startupRef: 'demo',
    openFlag: true,
    closedReason: null,
    date: '2024-01-01',
    dateSource: 'file-name',
    depublicationDate: null,
    applicationDeadline: null,
    domaines: [],
    techno: [],
    contract: null,
    junior: false,
    externalUrl: null,
    applyEmails: [],
    excerpt: '',
    body: '',
    warnings: [],
    key: `feed ${id}`,
    sourceId: 'feed',
    version: 'v1',
    startupId: null,
    storedAt: '2024-01-01T00:00:00Z',
    firstSeenAt: '2024-01-01T00:00:00Z',
    removedAt: null,
    openAtLastSync: true,
    ...extra,
  } as StoredPosting;
}

const texts: NotificationTexts = {
  offer: (p) => ({ title: p.title, message: p.startupRef ?? '' }),
  more: (count, postings) => ({ title: `${count} more`, message: postings.map((p) => p.title).join(', ') }),
  summary: (count) => ({ title: 'ready', message: `${count} open` }),
  closing: (r) => ({ title: `closing: ${r.posting.title}`, message: `until ${r.lastDay}` }),
  moreClosing: (count) => ({ title: `${count} more closing`, message: '' }),
};

const offers = (...keys: string[]): PendingAnnouncement => ({ createdAt: '2024-01-02T00:00:00Z', sourceId: 'feed', kind: 'offers', postingKeys: keys });

describe('planNotifications', () => {
  const postings = new Map(
    [stored('a', 'Développeur·se'), stored('b', 'Designer', { domaines: ['Design'] }), stored('c', 'Chargé(e) de déploiement'), stored('d', 'Data analyst')].map((p) => [p.key, p]),
  );

  it('shows one notification per new offer, up to three, each opening its offer', () => {
    const plans = planNotifications([offers('feed a', 'feed b')], postings, { enabled: true, alerts: [] }, texts);
    expect(plans.map((p) => [p.title, p.postingKey])).toEqual([
      ['Développeur·se', 'feed a'],
      ['Designer', 'feed b'],
    ]);
    expect(postingKeyOfNotification(plans[0]!.id)).toBe('feed a');
  });

  it('shows at most three by default, then one notification for the rest', () => {
    const plans = planNotifications([offers('feed a', 'feed b'), offers('feed c', 'feed d')], postings, { enabled: true, alerts: [] }, texts);
    expect(plans.map((p) => [p.title, p.postingKey])).toEqual([
      ['Développeur·se', 'feed a'],
      ['Designer', 'feed b'],
      ['Chargé(e) de déploiement', 'feed c'],
      ['1 more', null],
    ]);
    expect(postingKeyOfNotification(plans[3]!.id)).toBeNull();
  });

  it('follows the chosen limit: N separate notifications, then one summing up the others', () => {
    const all = [offers('feed a', 'feed b', 'feed c', 'feed d')];
    const one = planNotifications(all, postings, { enabled: true, alerts: [], maxPerBatch: 1 }, texts);
    expect(one.map((p) => p.title)).toEqual(['Développeur·se', '3 more']);
    expect(one[1]!.message).toBe('Designer, Chargé(e) de déploiement, Data analyst');
    // Exactly N offers: no summary.
    expect(planNotifications(all, postings, { enabled: true, alerts: [], maxPerBatch: 4 }, texts).map((p) => p.postingKey)).toEqual(['feed a', 'feed b', 'feed c', 'feed d']);
    // The first-sync line is not an offer: it does not count against the limit.
    const summary: PendingAnnouncement = { createdAt: 'x', sourceId: 'feed', kind: 'summary', postingKeys: [], openCount: 7 };
    expect(planNotifications([summary, offers('feed a', 'feed b')], postings, { enabled: true, alerts: [], maxPerBatch: 2 }, texts).map((p) => p.title)).toEqual([
      'ready',
      'Développeur·se',
      'Designer',
    ]);
  });

  it('counts the same offer once when two runs announced it', () => {
    expect(planNotifications([offers('feed a'), offers('feed a')], postings, { enabled: true, alerts: [] }, texts)).toHaveLength(1);
  });

  it('sums up a first sync in one line', () => {
    const summary = (openCount: number): PendingAnnouncement => ({ createdAt: 'x', sourceId: 'feed', kind: 'summary', postingKeys: [], openCount });
    expect(planNotifications([summary(11)], postings, { enabled: true, alerts: [] }, texts).map((p) => p.message)).toEqual(['11 open']);
    // Two feeds synced for the first time in one run: one line for both.
    expect(planNotifications([summary(11), summary(4)], postings, { enabled: true, alerts: [] }, texts).map((p) => p.message)).toEqual(['15 open']);
    // A first sync with nothing open says nothing.
    expect(planNotifications([summary(0)], postings, { enabled: true, alerts: [] }, texts)).toEqual([]);
  });

  it('shows nothing when notifications are off', () => {
    expect(planNotifications([offers('feed a')], postings, { enabled: false, alerts: [] }, texts)).toEqual([]);
  });

  it('with alerts saved, shows only the offers one of them matches', () => {
    const alerts = readAlerts([{ id: '1', query: 'developpeuse', filters: {}, createdAt: '' }, { id: '2', query: '', filters: { domaine: 'design' }, createdAt: '' }]);
    const plans = planNotifications([offers('feed a', 'feed b', 'feed c')], postings, { enabled: true, alerts }, texts);
    // Alerts search like the popup: "developpeuse" finds "Développeur·se"; a domaine is read in any case.
    expect(plans.map((p) => p.postingKey)).toEqual(['feed a', 'feed b']);
    const dev: Alert[] = [{ id: '3', query: 'développeur', filters: {}, createdAt: '' }];
    expect(planNotifications([offers('feed a', 'feed b')], postings, { enabled: true, alerts: dev }, texts).map((p) => p.postingKey)).toEqual(['feed a']);
  });
});

describe('planClosingReminders', () => {
  const now = new Date('2026-11-23T10:00:00Z');
  const closing = ['a', 'b', 'c'].map((id, i) => stored(id, `Offre ${id}`, { depublicationDate: `2026-11-2${5 + i}` }));

  it('one notification per favourite that closes soon, opening the offer; beyond the limit one for the rest', () => {
    const due = dueClosingReminders(closing, {}, now, 5);
    const plans = planClosingReminders(due, 2, texts);
    expect(plans.map((p) => [p.title, p.message, p.postingKey])).toEqual([
      ['closing: Offre a', 'until 2026-11-24', 'feed a'],
      ['closing: Offre b', 'until 2026-11-25', 'feed b'],
      ['1 more closing', '', null],
    ]);
    expect(postingKeyOfNotification(plans[0]!.id)).toBe('feed a');
  });
});

describe('alerts', () => {
  it('match like the popup search: every word, synonyms, and every filter', () => {
    const p = stored('x', 'Développeur·se full-stack', { domaines: ['Développement'], junior: true, body: 'TypeScript et PostgreSQL' });
    expect(matchesAlert(p, { id: '1', query: 'dev typescript', filters: {}, createdAt: '' })).toBe(true);
    expect(matchesAlert(p, { id: '1', query: 'dev java', filters: {}, createdAt: '' })).toBe(false);
    expect(matchesAlert(p, { id: '1', query: 'developer', filters: {}, createdAt: '' })).toBe(true);
    expect(matchesAlert(p, { id: '1', query: '', filters: { domaine: 'Développement', junior: true }, createdAt: '' })).toBe(true);
    expect(matchesAlert(p, { id: '1', query: '', filters: { startup: 'autre' }, createdAt: '' })).toBe(false);
  });

  it('read stored alerts defensively', () => {
    expect(readAlerts('nope')).toEqual([]);
    expect(readAlerts([{ id: 'a', query: 'dev', filters: { junior: true, domaine: 3 } }, { query: 'no id' }])).toEqual([
      { id: 'a', query: 'dev', filters: { junior: true }, createdAt: '' },
    ]);
  });
});
