import { openDatabase } from '@/src/store/db';
import { createSyncRunner } from '@/src/sync/runner';
import { defaultSettings, readSettings, SETTINGS_KEY } from '@/src/settings/settings';
import { isFromExtensionPage, isPopupEnvelope } from '@/src/messages';

const SYNC_ALARM = 'sync';

// Listeners are registered synchronously inside main(): MV3 only wakes a worker
// for events whose listeners existed when it last started.
export default defineBackground(() => {
  const defaults = defaultSettings(import.meta.env.WXT_FEED_URL);
  const getSettings = async () => readSettings((await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY], defaults);
  const runner = createSyncRunner({ getSettings, openDb: openDatabase });

  async function scheduleSync(): Promise<void> {
    const { syncIntervalMinutes } = await getSettings();
    // Jitter spreads the feed host's load across installs.
    const delayInMinutes = 1 + Math.random() * Math.min(10, syncIntervalMinutes / 6);
    await browser.alarms.create(SYNC_ALARM, { delayInMinutes, periodInMinutes: syncIntervalMinutes });
  }

  browser.runtime.onInstalled.addListener(() => {
    void scheduleSync();
    void runner.run('install');
  });
  browser.runtime.onStartup.addListener(() => {
    void browser.alarms.get(SYNC_ALARM).then((alarm) => (alarm ? undefined : scheduleSync()));
    void runner.run('startup');
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SYNC_ALARM) void runner.run('alarm');
  });
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && SETTINGS_KEY in changes) void runner.run('settings');
  });
  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    if (!isPopupEnvelope(message) || !isFromExtensionPage(sender, browser.runtime.id)) return undefined;
    return runner.run('user');
  });
});
