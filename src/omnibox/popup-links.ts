/**
 * The popup page opened in a tab from around the browser (the address bar, the context
 * menu): which address, and in which tab. Pure: the tabs API is handed in.
 */
import type { OmniboxEntry } from './suggestions';

/** As long as the popup keeps a query (its view state caps stored queries the same way). */
export const MAX_QUERY_LENGTH = 200;

/** The popup page's path (for `runtime.getURL`) for what was asked. */
export function popupPath(entry: OmniboxEntry): string {
  if (entry.kind === 'offer') return `/popup.html?offer=${encodeURIComponent(entry.key)}`;
  if (entry.kind === 'query') return `/popup.html?q=${encodeURIComponent(capQuery(entry.query))}`;
  return '/popup.html';
}

/** A selection from any page as a query: one line, trimmed, capped. Null when nothing is left. */
export function queryFromSelection(selection: string | undefined): string | null {
  if (typeof selection !== 'string') return null;
  const query = capQuery(selection.replace(/\s+/g, ' ').trim());
  return query === '' ? null : query;
}

/** The query a popup page was opened with (`popup.html?q=…`), capped; null when there is none. */
export function queryFromPopupSearch(search: string): string | null {
  const q = new URLSearchParams(search).get('q');
  if (q === null) return null;
  const query = capQuery(q.trim());
  return query === '' ? null : query;
}

function capQuery(text: string): string {
  // Cut by code points, so a cap never splits an emoji or an accented pair in two.
  const points = Array.from(text);
  return points.length <= MAX_QUERY_LENGTH ? text : points.slice(0, MAX_QUERY_LENGTH).join('').trimEnd();
}

/** Where the address bar asked a choice to open (Chrome and Firefox name them alike). */
export type Disposition = 'currentTab' | 'newForegroundTab' | 'newBackgroundTab';

export interface TabOpener {
  create(properties: { url: string; active: boolean }): Promise<unknown>;
  update(properties: { url: string }): Promise<unknown>;
}

/** Opens `url` where the address bar said; an unknown disposition opens a new tab in front. */
export function openWithDisposition(tabs: TabOpener, url: string, disposition: string): Promise<unknown> {
  if (disposition === 'currentTab') return tabs.update({ url });
  return tabs.create({ url, active: disposition !== 'newBackgroundTab' });
}
