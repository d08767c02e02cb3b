import type { DataSources } from '@/src/ui/options/DataSection';
import type { Envelope, PopupMessageType, PopupToBackground } from '@/src/messages';
import { buildBackup } from '@/src/settings/backup';
import { defaultSettings, readSettings, SETTINGS_KEY } from '@/src/settings/settings';
import { readSiteSettings, SITE_SETTINGS_KEY } from '@/src/settings/sites';
import { ALERTS_KEY, readAlerts } from '@/src/notify/alerts';
import { openDatabase, readUserStates } from '@/src/store/db';

const send = <T extends PopupMessageType>(type: T, payload: PopupToBackground[T]['request']) =>
  browser.runtime.sendMessage({ type, payload } satisfies Envelope<T>) as Promise<PopupToBackground[T]['response']>;

const defaults = defaultSettings(import.meta.env.WXT_FEED_URL);

/** The data section's link to the browser. */
export const dataSources: DataSources = {
  defaults,
  async collectBackup(now) {
    const stored = await browser.storage.local.get([SETTINGS_KEY, SITE_SETTINGS_KEY, ALERTS_KEY]);
    // A connection of its own each time: "erase everything" deletes the database under any open one.
    const db = await openDatabase();
    try {
      return buildBackup(
        {
          settings: readSettings(stored[SETTINGS_KEY], defaults),
          siteSettings: readSiteSettings(stored[SITE_SETTINGS_KEY]),
          alerts: readAlerts(stored[ALERTS_KEY]),
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
    mergeMarks: (marks) => send('options/import-marks', marks),
    replaceStored: ({ settings, siteSettings, alerts }) =>
      browser.storage.local.set({ [SETTINGS_KEY]: settings, [SITE_SETTINGS_KEY]: siteSettings, [ALERTS_KEY]: alerts }),
  },
  async eraseAll() {
    await send('options/erase-all', {});
    // The popup keeps its last query and filters in this origin's localStorage.
    localStorage.clear();
  },
};
