import { browser } from 'wxt/browser';
import type { Envelope, PopupMessageType, PopupToBackground } from '../messages';

/** Sends one typed message from an extension page (popup, options) to the background, and types its answer. */
export function sendToBackground<T extends PopupMessageType>(type: T, payload: PopupToBackground[T]['request']): Promise<PopupToBackground[T]['response']> {
  return browser.runtime.sendMessage({ type, payload } satisfies Envelope<T>) as Promise<PopupToBackground[T]['response']>;
}
