/**
 * The typed protocol between contexts. Each message is named by its direction;
 * the background checks who sent it before acting.
 */
import type { SyncReport } from './sync/run';

export interface PopupToBackground {
  'popup/sync-now': { request: Record<string, never>; response: SyncReport[] };
}

export type PopupMessageType = keyof PopupToBackground;

export interface Envelope<T extends PopupMessageType = PopupMessageType> {
  type: T;
  payload: PopupToBackground[T]['request'];
}

/** Minimal view of `runtime.MessageSender` that the checks need. */
export interface SenderInfo {
  id?: string;
  tab?: unknown;
  url?: string;
}

/**
 * A popup message must come from this extension and from no tab (content
 * scripts always come with one).
 */
export function isFromExtensionPage(sender: SenderInfo, extensionId: string): boolean {
  return sender.id === extensionId && sender.tab === undefined;
}

export function isPopupEnvelope(message: unknown): message is Envelope {
  if (typeof message !== 'object' || message === null) return false;
  const { type, payload } = message as { type?: unknown; payload?: unknown };
  return type === 'popup/sync-now' && typeof payload === 'object' && payload !== null;
}
