/**
 * The typed protocol between contexts. Each message is named by its direction;
 * the background checks the sender of each before acting.
 */
import type { FeedRunReport } from './sync/runner';

export interface PopupToBackground {
  /** Sync every feed now (backoff does not apply; a host's rate limit does). */
  'popup/sync-now': { request: Record<string, never>; response: FeedRunReport[] };
  /** The popup opened: the badge's count is acknowledged (the offers stay marked new until seen). */
  'popup/opened': { request: Record<string, never>; response: { unseen: number } };
  /** The user saw these offers (opened them, or marked them seen): clear their "new" mark. */
  'popup/mark-seen': { request: { keys: string[] }; response: { unseen: number } };
  /** Star or unstar an offer. */
  'popup/set-favourite': { request: { key: string; favourite: boolean }; response: { ok: true } };
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
 * scripts always come with one). The popup page opened in a tab (notification
 * click) has a tab but an extension URL: accept that too.
 */
export function isFromExtensionPage(sender: SenderInfo, extensionId: string, extensionOrigin: string): boolean {
  if (sender.id !== extensionId) return false;
  return sender.tab === undefined || (typeof sender.url === 'string' && sender.url.startsWith(extensionOrigin));
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.length <= 10_000 && value.every((v) => typeof v === 'string');
}

/** Validates an incoming message's shape (messages are untrusted input). */
export function readPopupEnvelope(message: unknown): Envelope | null {
  if (typeof message !== 'object' || message === null) return null;
  const { type, payload } = message as { type?: unknown; payload?: unknown };
  if (typeof payload !== 'object' || payload === null) return null;
  if (type === 'popup/sync-now' || type === 'popup/opened') return { type, payload: {} };
  if (type === 'popup/set-favourite') {
    const { key, favourite } = payload as { key?: unknown; favourite?: unknown };
    if (typeof key === 'string' && key.length <= 2_000 && typeof favourite === 'boolean') return { type, payload: { key, favourite } };
    return null;
  }
  if (type === 'popup/mark-seen' && isStringArray((payload as { keys?: unknown }).keys)) {
    return { type, payload: { keys: (payload as { keys: string[] }).keys } };
  }
  return null;
}
