import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadSettings, updateSettings, watchSettings } from '../../entrypoints/options/settings-store';
import { defaultSettings, SETTINGS_KEY, type Settings } from '../../src/settings/settings';

const stored = async () => (await fakeBrowser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY] as Settings;

describe("the options page's settings store", () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('changes one field and keeps every other stored one', async () => {
    const mine = { ...defaultSettings(), feeds: ['https://feed.example/jobs.json'], language: 'en' as const };
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: mine });
    const written = await updateSettings((settings) => ({ ...settings, syncIntervalMinutes: 360 }));
    expect(written).toEqual({ ...mine, syncIntervalMinutes: 360 });
    expect(await stored()).toEqual({ ...mine, syncIntervalMinutes: 360 });
  });

  it('lets two sections save at once without either losing its change', async () => {
    await Promise.all([
      updateSettings((settings) => ({ ...settings, language: 'fr' })),
      updateSettings((settings) => ({ ...settings, notifications: { ...settings.notifications, enabled: false } })),
      updateSettings((settings) => ({ ...settings, syncIntervalMinutes: 120 })),
    ]);
    const settings = await stored();
    expect([settings.language, settings.notifications.enabled, settings.syncIntervalMinutes]).toEqual(['fr', false, 120]);
  });

  it('repairs what a change would store out of range, and goes on after a change that throws', async () => {
    await expect(updateSettings(() => { throw new Error('broken section'); })).rejects.toThrow('broken section');
    await updateSettings((settings) => ({ ...settings, syncIntervalMinutes: 5 }));
    expect((await loadSettings()).syncIntervalMinutes).toBe(30);
  });

  it('tells watchers the repaired settings after each change, until unsubscribed', async () => {
    const seen: number[] = [];
    const stop = watchSettings((settings) => seen.push(settings.syncIntervalMinutes));
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { version: 2, syncIntervalMinutes: 720 } });
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { version: 2, syncIntervalMinutes: 'soon' } });
    await fakeBrowser.storage.local.set({ other: 1 });
    stop();
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { version: 2, syncIntervalMinutes: 1440 } });
    expect(seen).toEqual([720, defaultSettings().syncIntervalMinutes]);
  });
});
