import { defaultSettings, readSettings, SETTINGS_KEY, type Settings } from '@/src/settings/settings';
import { readSiteSettings, SITE_SETTINGS_KEY, type SiteSettings } from '@/src/settings/sites';
import { ALERTS_KEY, readAlerts, type Alert } from '@/src/notify/alerts';

/** One record of `storage.local` as the options page uses it: read repaired, changed in place, watched. */
export interface StoredRecord<T> {
  load(): Promise<T>;
  /** Reads the stored value, applies `change`, repairs and writes the result back; resolves to what was written. */
  update(change: (value: T) => T): Promise<T>;
  /** Calls `listener` with each new value (from this page or elsewhere); returns the unsubscribe. */
  watch(listener: (value: T) => void): () => void;
}

/**
 * Several sections write the same record (`settings` holds feeds, notifications, interval and
 * language): each change reads the stored value first and alters only its own fields, and the
 * changes to one record run one at a time within the page, so two sections saving at once never
 * write back each other's old values.
 */
export function storedRecord<T>(key: string, read: (raw: unknown) => T): StoredRecord<T> {
  let queue: Promise<unknown> = Promise.resolve();
  const load = async () => read((await browser.storage.local.get(key))[key]);
  return {
    load,
    update(change) {
      const next = queue.then(async () => {
        const updated = read(change(await load()));
        await browser.storage.local.set({ [key]: updated });
        return updated;
      });
      queue = next.catch(() => undefined);
      return next;
    },
    watch(listener) {
      const handler = (changes: Record<string, { newValue?: unknown }>, area: string) => {
        if (area === 'local' && key in changes) listener(read(changes[key]?.newValue));
      };
      browser.storage.onChanged.addListener(handler);
      return () => browser.storage.onChanged.removeListener(handler);
    },
  };
}

// The build's feed is the default, as in the background: writing settings back must not swap it for another.
export const settingsRecord = storedRecord<Settings>(SETTINGS_KEY, (raw) => readSettings(raw, defaultSettings(import.meta.env.WXT_FEED_URL)));
export const siteSettingsRecord = storedRecord<SiteSettings>(SITE_SETTINGS_KEY, readSiteSettings);
export const alertsRecord = storedRecord<Alert[]>(ALERTS_KEY, readAlerts);

export const loadSettings = settingsRecord.load;
export const updateSettings = settingsRecord.update;
export const watchSettings = settingsRecord.watch;
