import { defaultSettings, readSettings, SETTINGS_KEY, type Settings } from '@/src/settings/settings';

// The build's feed is the default, as in the background: writing settings back must not swap it for another.
const defaults = () => defaultSettings(import.meta.env.WXT_FEED_URL);

/** The stored settings, repaired field by field. */
export async function loadSettings(): Promise<Settings> {
  return readSettings((await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY], defaults());
}

// One change at a time within the page: two sections saving at once would each write back the
// other's old values.
let queue: Promise<unknown> = Promise.resolve();

/**
 * Reads the stored settings, applies one section's change and writes the whole back, so a
 * section changes only its own fields. Resolves to what was written.
 */
export function updateSettings(change: (settings: Settings) => Settings): Promise<Settings> {
  const next = queue.then(async () => {
    const updated = readSettings(change(await loadSettings()), defaults());
    await browser.storage.local.set({ [SETTINGS_KEY]: updated });
    return updated;
  });
  queue = next.catch(() => undefined);
  return next;
}

/** Calls `listener` with the settings each time they change (from this page or elsewhere); returns the unsubscribe. */
export function watchSettings(listener: (settings: Settings) => void): () => void {
  const handler = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && SETTINGS_KEY in changes) listener(readSettings(changes[SETTINGS_KEY]?.newValue, defaults()));
  };
  browser.storage.onChanged.addListener(handler);
  return () => browser.storage.onChanged.removeListener(handler);
}
