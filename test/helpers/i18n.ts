import { readFileSync } from 'node:fs';
import { fakeBrowser } from 'wxt/testing/fake-browser';

type Messages = Record<string, { message: string }>;

export function readMessages(locale: 'fr' | 'en'): Messages {
  return JSON.parse(readFileSync(new URL(`../../public/_locales/${locale}/messages.json`, import.meta.url), 'utf8')) as Messages;
}

/**
 * Gives WXT's fake browser (which leaves i18n unimplemented) a `getMessage` reading the
 * project's own messages.json, with the browsers' `$1`…`$9` substitution. A name missing
 * from the file throws, where a browser would answer '' and the UI would show the key.
 */
export function installMessages(locale: 'fr' | 'en' = 'en'): Messages {
  const messages = readMessages(locale);
  const getMessage = (name: string, substitutions?: string | string[]): string => {
    const entry = messages[name];
    if (!entry) throw new Error(`No message "${name}" in the ${locale} locale.`);
    const values = substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
    return entry.message.replace(/\$(\$|[1-9])/g, (_, which: string) => (which === '$' ? '$' : (values[Number(which) - 1] ?? '')));
  };
  fakeBrowser.i18n.getMessage = getMessage as typeof fakeBrowser.i18n.getMessage;
  return messages;
}
