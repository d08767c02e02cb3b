import type { NotificationsSources } from '@/src/ui/options/NotificationsSection';
import { alertsRecord, settingsRecord } from './settings-store';
import { openDatabase, readSearchDocs } from '@/src/store/db';
import { filterChoices } from '@/src/ui/popup/search-state';

/** The notifications section's link to the browser. */
export const notificationsSources: NotificationsSources = {
  readNotifications: async () => (await settingsRecord.load()).notifications,
  watchNotifications: (listener) => settingsRecord.watch((settings) => listener(settings.notifications)),
  updateNotifications: async (change) => void (await settingsRecord.update((s) => ({ ...s, notifications: change(s.notifications) }))),
  readAlerts: alertsRecord.load,
  watchAlerts: alertsRecord.watch,
  updateAlerts: async (change) => void (await alertsRecord.update(change)),
  // The page reads the extension's IndexedDB itself, as the popup does (same origin).
  filterChoices: async () => filterChoices((await readSearchDocs(await openDatabase()))?.docs ?? []),
};
