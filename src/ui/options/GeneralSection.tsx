import { useEffect, useState } from 'preact/hooks';
import { t } from '../i18n';
import { LANGUAGES, type Language } from '../../settings/settings';

/** The fields of the settings this section shows. */
export interface GeneralValues {
  syncIntervalMinutes: number;
  language: Language;
}

/** What the general section reads and does outside itself. */
export interface GeneralSources {
  load(): Promise<GeneralValues>;
  /** Calls back when the stored settings change (here or in another window); returns the unsubscribe. */
  watch(listener: (values: GeneralValues) => void): () => void;
  setSyncInterval(minutes: number): Promise<void>;
  /** Saves the language; the page then speaks it (the frame re-renders). */
  setLanguage(language: Language): Promise<void>;
}

/** The steps offered, from the shortest interval the settings allow to one day. */
export const SYNC_STEPS: readonly number[] = [30, 60, 120, 360, 720, 1440];

export function syncIntervalText(minutes: number): string {
  if (minutes === 24 * 60) return t('optionsGeneralEveryDay');
  if (minutes === 60) return t('optionsGeneralEveryHour');
  if (minutes % 60 === 0) return t('optionsGeneralEveryHours', String(minutes / 60));
  return t('optionsGeneralEveryMinutes', String(minutes));
}

const LANGUAGE_OPTIONS: ReadonlyArray<{ value: Language; label: () => string; lang?: string }> = [
  { value: 'browser', label: () => t('optionsGeneralLanguageBrowser') },
  // Each language is named in itself, so a reader finds theirs whatever the page speaks.
  { value: 'fr', label: () => t('optionsGeneralLanguageFrench'), lang: 'fr' },
  { value: 'en', label: () => t('optionsGeneralLanguageEnglish'), lang: 'en' },
];

export function GeneralSection({ sources }: { sources: GeneralSources }) {
  const [values, setValues] = useState<GeneralValues | null>(null);
  // Kept as what happened, not as text: the language may change before the next render.
  const [status, setStatus] = useState<{ saved: true } | { error: string } | null>(null);

  useEffect(() => {
    let live = true;
    void sources.load().then(
      (loaded) => live && setValues(loaded),
      (error: unknown) => live && setStatus({ error: String(error) }),
    );
    const stop = sources.watch(setValues);
    return () => {
      live = false;
      stop();
    };
  }, [sources]);

  const save = (write: Promise<void>) => {
    setStatus(null);
    write.then(
      () => setStatus({ saved: true }),
      (error: unknown) => setStatus({ error: String(error) }),
    );
  };

  const steps = values && !SYNC_STEPS.includes(values.syncIntervalMinutes) ? [...SYNC_STEPS, values.syncIntervalMinutes].sort((a, b) => a - b) : SYNC_STEPS;

  return (
    <section class="options__section" aria-labelledby="options-general" data-section="general">
      <h2 id="options-general">{t('optionsGeneralTitle')}</h2>
      <div class="options__row">
        <label for="options-sync-interval">{t('optionsGeneralSyncLabel')}</label>
        <select
          id="options-sync-interval"
          data-setting="sync-interval"
          disabled={!values}
          value={values ? String(values.syncIntervalMinutes) : undefined}
          onChange={(event) => save(sources.setSyncInterval(Number(event.currentTarget.value)))}
        >
          {steps.map((minutes) => (
            <option key={minutes} value={String(minutes)}>
              {syncIntervalText(minutes)}
            </option>
          ))}
        </select>
      </div>
      <p class="options__hint">{t('optionsGeneralSyncHint')}</p>
      <div class="options__row">
        <label for="options-language">{t('optionsGeneralLanguageLabel')}</label>
        <select
          id="options-language"
          data-setting="language"
          disabled={!values}
          value={values?.language}
          onChange={(event) => {
            const language = LANGUAGES.find((known) => known === event.currentTarget.value);
            if (language) save(sources.setLanguage(language));
          }}
        >
          {LANGUAGE_OPTIONS.map((option) => (
            <option key={option.value} value={option.value} lang={option.lang}>
              {option.label()}
            </option>
          ))}
        </select>
      </div>
      <p class="options__hint">{t('optionsGeneralLanguageHint')}</p>
      <p class="options__hint" role="status">
        {status && 'saved' in status ? t('optionsGeneralSaved') : ''}
      </p>
      {status && 'error' in status && (
        <p class="error" role="alert">
          {t('optionsGeneralFailed', status.error)}
        </p>
      )}
    </section>
  );
}
