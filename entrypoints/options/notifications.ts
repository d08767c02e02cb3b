import type { NotificationsSources } from '@/src/ui/options/NotificationsSection';
import { defaultSettings, readSettings, SETTINGS_KEY, type Settings } from '@/src/settings/settings';
import { ALERTS_KEY, readAlerts, type Alert } from '@/src/notify/alerts';
import { openDatabase, readSearchDocs } from '@/src/store/db';
import { filterChoices } from '@/src/ui/popup/search-state';

const defaults = () => defaultSettings(import.meta.env.WXT_FEED_URL);
const readStoredSettings = async () => readSettings((await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY], defaults());

// Several sections write the same `settings` record: each write reads the stored value
// first and changes only its own fields, one write at a time on this page.
// (A private twin of settings-store.ts's updateSettings, until the two are merged.)
let settingsQueue: Promise<unknown> = Promise.resolve();
function updateSettings(change: (s: Settings) => Settings): Promise<void> {
  const write = settingsQueue.then(async () => {
    await browser.storage.local.set({ [SETTINGS_KEY]: change(await readStoredSettings()) });
  });
  settingsQueue = write.catch(() => undefined);
  return write;
}

let alertsQueue: Promise<unknown> = Promise.resolve();
function updateStoredAlerts(change: (alerts: Alert[]) => Alert[]): Promise<void> {
  const write = alertsQueue.then(async () => {
    const alerts = readAlerts((await browser.storage.local.get(ALERTS_KEY))[ALERTS_KEY]);
    await browser.storage.local.set({ [ALERTS_KEY]: change(alerts) });
  });
  alertsQueue = write.catch(() => undefined);
  return write;
}

function watchKey<T>(key: string, read: (raw: unknown) => T, listener: (value: T) => void): () => void {
  const handler = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && key in changes) listener(read(changes[key]?.newValue));
  };
  browser.storage.onChanged.addListener(handler);
  return () => browser.storage.onChanged.removeListener(handler);
}

/** The notifications section's link to the browser. */
export const notificationsSources: NotificationsSources = {
  readNotifications: async () => (await readStoredSettings()).notifications,
  watchNotifications: (listener) => watchKey(SETTINGS_KEY, (raw) => readSettings(raw, defaults()).notifications, listener),
  updateNotifications: (change) => updateSettings((s) => ({ ...s, notifications: change(s.notifications) })),
  readAlerts: async () => readAlerts((await browser.storage.local.get(ALERTS_KEY))[ALERTS_KEY]),
  watchAlerts: (listener) => watchKey(ALERTS_KEY, readAlerts, listener),
  updateAlerts: updateStoredAlerts,
  // The page reads the extension's IndexedDB itself, as the popup does (same origin).
  filterChoices: async () => filterChoices((await readSearchDocs(await openDatabase()))?.docs ?? []),
};
