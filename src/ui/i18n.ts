import { browser } from 'wxt/browser';

/** Message names, checked at compile time against public/_locales (WXT generates the type). */
export type MessageKey = Parameters<typeof browser.i18n.getMessage>[0];

/** Every user-facing string goes through the browser's i18n (French by default, English). */
export function t(key: MessageKey, substitutions?: string | string[]): string {
  return browser.i18n.getMessage(key, substitutions) || key;
}
