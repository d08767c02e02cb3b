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
