/**
 * Beta Radar around the browser: the `bg` keyword in the address bar and the "search
 * beta.gouv offers for the selection" context menu. Both open the popup page in a tab
 * (`popup.html?q=…` or `?offer=…`). The background hands in the browser (as the small slice
 * below, so tests hand in fakes) and its own reads; the decisions live in `src/omnibox`.
 */
import { t } from './ui/i18n';
import { SETTINGS_KEY } from './settings/settings';
import type { SearchIndex } from './search/build';
import { buildSuggestions, readOmniboxEntry, escapeXml, oneLine, type DescriptionFormat, type OmniboxSuggestion } from './omnibox/suggestions';
import { openWithDisposition, popupPath, queryFromSelection, type TabOpener } from './omnibox/popup-links';

/** The one context-menu entry's id (menus are kept by the browser under it). */
export const SEARCH_SELECTION_MENU = 'search-selection';

interface BrowserEvent<Listener> {
  addListener(listener: Listener): void;
}

export interface BrowserUiApi {
  omnibox: {
    setDefaultSuggestion(suggestion: { description: string }): unknown;
    onInputStarted: BrowserEvent<() => void>;
    onInputChanged: BrowserEvent<(text: string, suggest: (suggestions: OmniboxSuggestion[]) => void) => void>;
    onInputEntered: BrowserEvent<(text: string, disposition: string) => void>;
  };
  contextMenus: {
    create(properties: { id: string; title: string; contexts: ['selection'] }, done?: () => void): unknown;
    update(id: string, properties: { title: string }): Promise<unknown>;
    remove(id: string): Promise<unknown>;
    onClicked: BrowserEvent<(info: { menuItemId: string | number; selectionText?: string }) => void>;
  };
  tabs: TabOpener;
  runtime: {
    getURL(path: string): string;
    readonly lastError?: { message?: string } | null | undefined;
    onInstalled: BrowserEvent<() => void>;
  };
  storage: { onChanged: BrowserEvent<(changes: Record<string, { oldValue?: unknown; newValue?: unknown }>, area: string) => void> };
}

export interface BrowserUiOptions {
  /** The stored search index, or null when there is none yet (see `createIndexCache`). */
  currentIndex(): Promise<SearchIndex | null>;
  /** Loads the language chosen in the options, so menu and suggestions speak it. */
  prepareLanguage(): Promise<void>;
  /** Chrome reads suggestions as XML, Firefox as text. */
  format: DescriptionFormat;
  /** True where the browser forgets menus when the background page unloads (Firefox MV2). */
  menuAtEveryStart: boolean;
  now?: () => Date;
  /** Where failures are told (a missing menu is no reason to stop the worker). */
  warn?: (message: string, error?: unknown) => void;
}

/** Registers the listeners. Call synchronously at the worker's start (MV3 wakes it only for listeners present then). */
export function registerBrowserUi(api: BrowserUiApi, options: BrowserUiOptions): { omnibox: OmniboxHandlers; ensureMenu(): Promise<void> } {
  const warn = warner(options);
  const omnibox = createOmniboxHandlers(api, options);
  api.omnibox.onInputStarted.addListener(omnibox.started);
  api.omnibox.onInputChanged.addListener(omnibox.changed);
  api.omnibox.onInputEntered.addListener(omnibox.entered);

  // One at a time: two replacements interleaved would create the same id twice.
  let menuQueue: Promise<void> = Promise.resolve();
  const ensureMenu = () =>
    (menuQueue = menuQueue
      .then(() => options.prepareLanguage())
      .catch(() => undefined)
      .then(() => createSelectionMenu(api))
      .catch((error: unknown) => warn('no context menu', error)));
  // Chrome keeps menus across restarts (and an update may leave the old one): the entry is made
  // at install and update, replacing any it finds, never at each worker start. Firefox keeps
  // none for a persistent background page, which loads once per session: made at each load.
  api.runtime.onInstalled.addListener(() => void ensureMenu());
  if (options.menuAtEveryStart) void ensureMenu();
  api.contextMenus.onClicked.addListener((info) => {
    if (info.menuItemId !== SEARCH_SELECTION_MENU) return;
    const query = queryFromSelection(info.selectionText);
    if (query === null) return;
    api.tabs.create({ url: api.runtime.getURL(popupPath({ kind: 'query', query })), active: true }).catch((error: unknown) => warn('could not open the search', error));
  });
  // The menu's title follows the language chosen in the options.
  api.storage.onChanged.addListener((changes, area) => {
    if (area !== 'local' || !(SETTINGS_KEY in changes)) return;
    const language = (value: unknown) => (typeof value === 'object' && value !== null ? (value as { language?: unknown }).language : undefined);
    if (language(changes[SETTINGS_KEY]?.oldValue) === language(changes[SETTINGS_KEY]?.newValue)) return;
    void options
      .prepareLanguage()
      .then(() => api.contextMenus.update(SEARCH_SELECTION_MENU, { title: t('browserUiMenuSearch') }))
      .catch((error: unknown) => warn('could not rename the context menu', error));
  });
  return { omnibox, ensureMenu };
}

/** Replaces the context-menu entry (if any) with a fresh one; rejects with the browser's error. */
export async function createSelectionMenu(api: Pick<BrowserUiApi, 'contextMenus' | 'runtime'>): Promise<void> {
  await api.contextMenus.remove(SEARCH_SELECTION_MENU).catch(() => undefined);
  await new Promise<void>((resolve, reject) => {
    // `create` reports through runtime.lastError in its callback, in both browsers.
    api.contextMenus.create({ id: SEARCH_SELECTION_MENU, title: t('browserUiMenuSearch'), contexts: ['selection'] }, () => {
      const error = api.runtime.lastError;
      if (error) reject(new Error(error.message ?? 'contextMenus.create failed'));
      else resolve();
    });
  });
}

function warner(options: BrowserUiOptions): (message: string, error?: unknown) => void {
  return options.warn ?? ((message, error) => console.warn(`Beta Radar: ${message}`, error));
}

export interface OmniboxHandlers {
  started(): void;
  /** Resolves once the suggestions were handed to the browser (tests await it). */
  changed(text: string, suggest: (suggestions: OmniboxSuggestion[]) => void): Promise<void>;
  entered(text: string, disposition: string): Promise<void>;
}

/** The address bar's three events, as functions of the browser slice and the stored index. */
export function createOmniboxHandlers(api: Pick<BrowserUiApi, 'omnibox' | 'tabs' | 'runtime'>, options: BrowserUiOptions): OmniboxHandlers {
  const now = options.now ?? (() => new Date());
  const warn = warner(options);
  const format = (text: string) => (options.format === 'xml' ? escapeXml(text) : text);
  const setDefault = (text: string) => {
    const typed = oneLine(text, 80);
    const description = typed === '' ? format(t('browserUiOmniboxHint')) : format(t('browserUiOmniboxSearchFor', [typed]));
    return Promise.resolve(api.omnibox.setDefaultSuggestion({ description })).catch(() => undefined);
  };
  // Only the latest keystroke's suggestions are shown: an older search finishing late is dropped.
  let latest = 0;
  return {
    started() {
      void options.prepareLanguage().then(() => setDefault(''), () => undefined);
    },
    async changed(text, suggest) {
      const asked = ++latest;
      void setDefault(text);
      let suggestions: OmniboxSuggestion[] = [];
      try {
        const index = await options.currentIndex();
        suggestions = index ? buildSuggestions(index, text, { now: now(), format: options.format }) : [];
      } catch (error) {
        warn('omnibox search failed', error);
      }
      if (asked === latest) suggest(suggestions);
    },
    async entered(text, disposition) {
      const url = api.runtime.getURL(popupPath(readOmniboxEntry(text)));
      await openWithDisposition(api.tabs, url, disposition);
    },
  };
}
