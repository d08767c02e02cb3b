import type { GeneralSources, GeneralValues } from '@/src/ui/options/GeneralSection';
import type { Settings } from '@/src/settings/settings';
import { uiLanguage, useLanguage } from '@/src/ui/i18n';
import { loadSettings, updateSettings, watchSettings } from './settings-store';

const generalValues = ({ syncIntervalMinutes, language }: Settings): GeneralValues => ({ syncIntervalMinutes, language });

/** The general section's link to the browser. */
export const generalSources: GeneralSources = {
  load: async () => generalValues(await loadSettings()),
  watch: (listener) => watchSettings((settings) => listener(generalValues(settings))),
  // The background reschedules its sync alarm when the interval changes.
  setSyncInterval: async (minutes) => void (await updateSettings((settings) => ({ ...settings, syncIntervalMinutes: minutes }))),
  setLanguage: async (language) => void (await updateSettings((settings) => ({ ...settings, language }))),
};

/**
 * Makes the page speak the stored language whenever it changes (chosen here, or in another
 * options tab): loads its catalogue, then `rerender` paints every section again in place, so
 * what the user was doing (focus, fields being typed) stays. Returns the unsubscribe.
 */
export function followLanguage(current: Settings['language'], rerender: () => void): () => void {
  let shown = current;
  // One switch at a time, in order: a quick French → English → French must end in French.
  let switching = Promise.resolve();
  return watchSettings((settings) => {
    if (settings.language === shown) return;
    shown = settings.language;
    switching = switching
      .then(async () => {
        await useLanguage(settings.language);
        document.documentElement.lang = uiLanguage();
        rerender();
      })
      // One failed switch must not stop the next ones.
      .catch((error: unknown) => console.warn('Beta Radar: could not switch the language', error));
  });
}
