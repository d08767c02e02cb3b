import { browser } from 'wxt/browser';
import type { Language } from '../settings/settings';
import { setDefaultLocale } from './format';

/** Message names, checked at compile time against public/_locales (WXT generates the type). */
export type MessageKey = Parameters<typeof browser.i18n.getMessage>[0];

type Catalogue = Record<string, { message?: unknown } | undefined>;

/** The catalogue of a language the user chose over the browser's (null: the browser's own i18n). */
let chosen: { language: 'fr' | 'en'; messages: Catalogue } | null = null;

/** `$1`…`$9` as the browser substitutes them in our catalogues (none uses named placeholders); `$$` is a dollar. */
export function substitute(message: string, substitutions: readonly string[]): string {
  return message.replace(/\$(\$|[1-9])/g, (_all, what: string) => (what === '$' ? '$' : (substitutions[Number(what) - 1] ?? '')));
}

/**
 * Every user-facing string goes through here: the browser's i18n (French by default,
 * English), unless the user chose a language in the options, whose catalogue
 * {@link useLanguage} loaded.
 */
export function t(key: MessageKey, substitutions?: string | string[]): string {
  const subs = substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
  const entry = chosen?.messages[key];
  if (entry && typeof entry.message === 'string') return substitute(entry.message, subs);
  return browser.i18n.getMessage(key, subs) || key;
}

/**
 * Switches the language of {@link t}. The browser's i18n cannot be told which locale
 * to use, so a chosen language's `messages.json` is read from the extension's own
 * files (not the network). A file that cannot be read leaves the browser's language.
 */
export async function useLanguage(language: Language, read: (path: string) => Promise<unknown> = readPackagedJson): Promise<void> {
  // Loaded aside and switched in one step: whatever renders meanwhile keeps the language it had.
  let next: typeof chosen = null;
  if (language !== 'browser') {
    try {
      const messages = await read(`/_locales/${language}/messages.json`);
      if (typeof messages === 'object' && messages !== null) next = { language, messages: messages as Catalogue };
    } catch {
      // Stays in the browser's language.
    }
  }
  chosen = next;
  setDefaultLocale(chosen ? (chosen.language === 'fr' ? 'fr-FR' : 'en-GB') : undefined);
}

async function readPackagedJson(path: string): Promise<unknown> {
  const response = await fetch(browser.runtime.getURL(path as '/'));
  return response.json();
}

/** The language the interface speaks now (`fr` or `en`), for `<html lang>` and date formats. */
export function uiLanguage(): 'fr' | 'en' {
  if (chosen) return chosen.language;
  // The browser speaks English where its language is English, and French (the default locale) elsewhere.
  return browser.i18n.getUILanguage().toLowerCase().startsWith('en') ? 'en' : 'fr';
}
