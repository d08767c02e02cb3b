import { describe, expect, it } from 'vitest';
import { DEFAULT_SITE_SETTINGS, readSiteSettings, withSite } from '../../src/settings/sites';
import { DEFAULT_FEED_URL } from '../../src/feed/source';
import { defaultSettings, readSettings } from '../../src/settings/settings';

describe('settings', () => {
  const defaults = defaultSettings();

  it('defaults to the beta.gouv.fr GitHub feed, or the build-time override', () => {
    expect(defaults.feeds).toEqual([DEFAULT_FEED_URL]);
    expect(defaultSettings('http://127.0.0.1:8080/index.json').feeds).toEqual(['http://127.0.0.1:8080/index.json']);
  });

  it('reads nothing stored as the defaults', () => {
    expect(readSettings(undefined, defaults)).toEqual(defaults);
    expect(readSettings('garbage', defaults)).toEqual(defaults);
  });

  it('repairs field by field, keeping what is valid', () => {
    const repaired = readSettings(
      { feeds: ['https://a.example/index.json', 'javascript:alert(1)', 42, 'https://a.example/index.json'], syncIntervalMinutes: 5 },
      defaults,
    );
    expect(repaired.feeds).toEqual(['https://a.example/index.json']);
    expect(repaired.syncIntervalMinutes).toBe(30);
    expect(readSettings({ syncIntervalMinutes: 1e9 }, defaults).syncIntervalMinutes).toBe(1440);
    expect(readSettings({ syncIntervalMinutes: 'often' }, defaults).syncIntervalMinutes).toBe(60);
  });

  it('migrates version 1 (one notifications flag) to version 2', () => {
    const migrated = readSettings({ feeds: ['https://a.example/index.json'], syncIntervalMinutes: 120, notificationsEnabled: false }, defaults);
    expect(migrated.version).toBe(2);
    expect(migrated.notifications).toEqual({ ...defaults.notifications, enabled: false });
    expect(migrated.syncIntervalMinutes).toBe(120);
    expect('notificationsEnabled' in migrated).toBe(false);
  });

  it('repairs the notification settings one field at a time', () => {
    const repaired = readSettings(
      {
        version: 2,
        notifications: {
          enabled: false,
          mode: 'sometimes',
          digest: { every: 'weekly', time: '25:00', weekday: 9 },
          quietHours: { enabled: true, start: '23:30', end: 'dawn' },
          maxPerBatch: 0,
          closingSoon: { enabled: 'yes', daysBefore: 400 },
        },
        language: 'de',
      },
      defaults,
    );
    expect(repaired.notifications).toEqual({
      enabled: false,
      mode: 'immediate',
      digest: { every: 'weekly', time: '09:00', weekday: 6 },
      quietHours: { enabled: true, start: '23:30', end: '08:00' },
      maxPerBatch: 1,
      closingSoon: { enabled: true, daysBefore: 30 },
    });
    expect(repaired.language).toBe('browser');
    expect(readSettings({ language: 'en' }, defaults).language).toBe('en');
  });

  it('never shares the defaults object with what it returns', () => {
    const read = readSettings(undefined, defaults);
    read.notifications.digest.time = '10:00';
    expect(defaults.notifications.digest.time).toBe('09:00');
    expect(defaultSettings().notifications.digest.time).toBe('09:00');
  });

  it('keeps an explicitly empty feed list (the user removed every feed)', () => {
    expect(readSettings({ feeds: [] }, defaults).feeds).toEqual([]);
  });
});

describe('job-site settings', () => {
  it('repair field by field', () => {
    expect(readSiteSettings(undefined)).toEqual(DEFAULT_SITE_SETTINGS);
    expect(readSiteSettings({ disabled: ['linkedin', 3, 'linkedin', '<script>'], showSimilar: 'no' })).toEqual({ disabled: ['linkedin'], showSimilar: true, jobPostingSites: [] });
    expect(readSiteSettings({ disabled: [], showSimilar: false })).toEqual({ disabled: [], showSimilar: false, jobPostingSites: [] });
  });

  it('turn one site on and off', () => {
    const off = withSite(DEFAULT_SITE_SETTINGS, 'indeed', false);
    expect(off.disabled).toEqual(['indeed']);
    expect(withSite(off, 'indeed', true).disabled).toEqual([]);
  });
});
