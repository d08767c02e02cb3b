import type { DataSources } from '@/src/ui/options/DataSection';
import { sendToBackground } from '@/src/ui/messaging';
import { buildBackup } from '@/src/settings/backup';
import { openDatabase, readUserStates } from '@/src/store/db';
import { defaultSettings } from '@/src/settings/settings';
import { alertsRecord, settingsRecord, siteSettingsRecord } from './settings-store';

const defaults = defaultSettings(import.meta.env.WXT_FEED_URL);

/** The data section's link to the browser. */
export const dataSources: DataSources = {
  defaults,
  async collectBackup(now) {
    const [settings, siteSettings, alerts] = await Promise.all([settingsRecord.load(), siteSettingsRecord.load(), alertsRecord.load()]);
    // A connection of its own each time: "erase everything" deletes the database under any open one.
    const db = await openDatabase();
    try {
      return buildBackup(
        {
          settings,
          siteSettings,
          alerts,
          userStates: await readUserStates(db),
        },
        now,
      );
    } finally {
      db.close();
    }
  },
  saveFile(fileName, text) {
    // A Blob link downloads without the `downloads` permission.
    const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
    const link = Object.assign(document.createElement('a'), { href: url, download: fileName });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  },
  writer: {
    // IndexedDB has one writer, the background: the marks go there.
    mergeMarks: (marks) => sendToBackground('options/import-marks', marks),
    // Through the page's records, after any section's save still on its way (it would write back old values).
    replaceStored: async ({ settings, siteSettings, alerts }) => {
      await Promise.all([settingsRecord.update(() => settings), siteSettingsRecord.update(() => siteSettings), alertsRecord.update(() => alerts)]);
    },
  },
  async eraseAll() {
    await sendToBackground('options/erase-all', {});
    // The popup keeps its last query and filters in this origin's localStorage.
    localStorage.clear();
  },
};
