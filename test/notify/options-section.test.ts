import { beforeEach, describe, expect, it } from 'vitest';
import { describeAlert } from '../../src/ui/options/NotificationsSection';
import { installMessages } from '../helpers/i18n';

describe('describeAlert', () => {
  beforeEach(() => void installMessages('fr'));
  const choices = { domaines: ['Design'], startups: [{ value: 'radar-des-aides', label: 'Radar des aides' }] };

  it('says an alert in words: the search, then each filter', () => {
    expect(describeAlert({ id: '1', query: ' designer ', filters: { domaine: 'Design', junior: true }, createdAt: '' }, choices)).toBe(
      '« designer » · domaine : Design · junior bienvenu·e',
    );
  });

  it('names the startup as the offers do, and an empty search as all offers', () => {
    expect(describeAlert({ id: '1', query: '', filters: { startup: 'radar-des-aides' }, createdAt: '' }, choices)).toBe('Toutes les offres · startup : Radar des aides');
    // A startup the stored offers no longer carry keeps its id.
    expect(describeAlert({ id: '1', query: '', filters: { startup: 'partie' }, createdAt: '' }, choices)).toBe('Toutes les offres · startup : partie');
  });
});
