import { beforeEach, describe, expect, it, vi } from 'vitest';
import { registerBrowserUi, SEARCH_SELECTION_MENU, type BrowserUiApi, type BrowserUiOptions } from '../../src/browser-ui';
import { buildSearchIndex } from '../../src/search/build';
import type { OmniboxSuggestion } from '../../src/omnibox/suggestions';
import { SETTINGS_KEY } from '../../src/settings/settings';
import { installMessages } from '../helpers/i18n';
import { input, NOW } from './postings';

const index = buildSearchIndex([
  input({ title: 'Développeuse <back> & "front"', startupName: 'Radar', key: 'test a', date: '2024-05-03' }),
  input({ title: 'Développeur data', key: 'test b', date: '2024-05-02' }),
  input({ title: 'Designer', key: 'test c', date: '2024-05-01' }),
]);

/** An event that keeps its listeners, so the test can fire it. */
function event<L extends (...args: never[]) => unknown>() {
  const listeners: L[] = [];
  return { addListener: (l: L) => void listeners.push(l), fire: (...args: Parameters<L>) => listeners.map((l) => l(...args)) };
}

function fakeBrowser(options: { createError?: string } = {}) {
  const log: string[] = [];
  let lastError: { message: string } | undefined;
  const api = {
    omnibox: {
      setDefaultSuggestion: (s: { description: string }) => void log.push(`default ${s.description}`),
      onInputStarted: event<() => void>(),
      onInputChanged: event<(text: string, suggest: (s: OmniboxSuggestion[]) => void) => void>(),
      onInputEntered: event<(text: string, disposition: string) => void>(),
    },
    contextMenus: {
      create(properties: { id: string; title: string; contexts: string[] }, done?: () => void) {
        log.push(`create ${properties.id} ${properties.contexts.join()} ${properties.title}`);
        // The browsers report through runtime.lastError, set only during the callback.
        setTimeout(() => {
          lastError = options.createError ? { message: options.createError } : undefined;
          done?.();
          lastError = undefined;
        }, 0);
      },
      update: async (id: string, p: { title: string }) => void log.push(`update ${id} ${p.title}`),
      remove: async (id: string) => {
        log.push(`remove ${id}`);
        throw new Error('no such menu');
      },
      onClicked: event<(info: { menuItemId: string | number; selectionText?: string }) => void>(),
    },
    tabs: {
      create: async (p: { url: string; active: boolean }) => void log.push(`open ${p.url} active=${p.active}`),
      update: async (p: { url: string }) => void log.push(`here ${p.url}`),
    },
    runtime: {
      getURL: (path: string) => `chrome-extension://id${path}`,
      get lastError() {
        return lastError;
      },
      onInstalled: event<() => void>(),
    },
    storage: { onChanged: event<(changes: Record<string, { oldValue?: unknown; newValue?: unknown }>, area: string) => void>() },
  };
  return { api, log };
}

function setUp(format: BrowserUiOptions['format'], createError?: string, menuAtEveryStart = false) {
  const { api, log } = fakeBrowser({ createError });
  const warnings: string[] = [];
  let languageLoads = 0;
  const registered = registerBrowserUi(api as unknown as BrowserUiApi, {
    currentIndex: async () => index,
    prepareLanguage: async () => void (languageLoads += 1),
    format,
    menuAtEveryStart,
    now: () => NOW,
    warn: (message, error) => void warnings.push(`${message}: ${(error as Error | undefined)?.message}`),
  });
  return { api, log, warnings, registered, languageLoads: () => languageLoads };
}

beforeEach(() => {
  installMessages('fr');
});

describe('the context menu', () => {
  it('is made at install (Chrome keeps it), replacing any it finds, for selections only', async () => {
    const { api, log, warnings } = setUp('xml');
    expect(log).toEqual([]);
    api.runtime.onInstalled.fire();
    await vi.waitFor(() => expect(log).toHaveLength(2));
    expect(log).toEqual([`remove ${SEARCH_SELECTION_MENU}`, `create ${SEARCH_SELECTION_MENU} selection Rechercher « %s » dans les offres beta.gouv`]);
    expect(warnings).toEqual([]);
  });

  it('is made at every background start where the browser forgets it, one replacement at a time', async () => {
    const { api, log, warnings } = setUp('xml', undefined, true);
    api.runtime.onInstalled.fire();
    await vi.waitFor(() => expect(log).toHaveLength(4));
    expect(log.map((l) => l.split(' ')[0])).toEqual(['remove', 'create', 'remove', 'create']);
    expect(warnings).toEqual([]);
  });

  it('tells when the browser refuses it', async () => {
    const { registered, warnings } = setUp('xml', 'Cannot create item with duplicate id');
    await registered.ensureMenu();
    expect(warnings).toEqual(['no context menu: Cannot create item with duplicate id']);
  });

  it('opens the search for the trimmed selection in a new tab', () => {
    const { api, log } = setUp('xml');
    api.contextMenus.onClicked.fire({ menuItemId: SEARCH_SELECTION_MENU, selectionText: '  Développeuse\n back-end  ' });
    api.contextMenus.onClicked.fire({ menuItemId: SEARCH_SELECTION_MENU, selectionText: '   ' });
    api.contextMenus.onClicked.fire({ menuItemId: 'someone-else', selectionText: 'x' });
    expect(log).toEqual(['open chrome-extension://id/popup.html?q=D%C3%A9veloppeuse%20back-end active=true']);
  });

  it('is renamed when the language chosen in the options changes', async () => {
    const { api, log, languageLoads } = setUp('xml');
    api.storage.onChanged.fire({ [SETTINGS_KEY]: { oldValue: { language: 'fr' }, newValue: { language: 'fr', syncIntervalMinutes: 30 } } }, 'local');
    api.storage.onChanged.fire({ other: { newValue: 1 } }, 'local');
    expect(languageLoads()).toBe(0);
    api.storage.onChanged.fire({ [SETTINGS_KEY]: { oldValue: { language: 'fr' }, newValue: { language: 'en' } } }, 'local');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(languageLoads()).toBe(1);
    expect(log).toEqual([`update ${SEARCH_SELECTION_MENU} Rechercher « %s » dans les offres beta.gouv`]);
  });
});

describe('the address bar', () => {
  it('suggests the popup search’s offers, escaped for Chrome, and says what Enter does', async () => {
    const { log, registered } = setUp('xml');
    let shown: OmniboxSuggestion[] = [];
    await registered.omnibox.changed('dév <x>', (s) => (shown = s));
    expect(shown).toEqual([]);
    await registered.omnibox.changed('développeur', (s) => (shown = s));
    expect(shown.map((s) => s.description)).toEqual([
      'Développeuse &lt;back&gt; &amp; &quot;front&quot; <dim>— Radar</dim>',
      'Développeur data',
    ]);
    expect(log).toEqual([
      'default Voir toutes les offres pour « dév &lt;x&gt; » (Entrée)',
      'default Voir toutes les offres pour « développeur » (Entrée)',
    ]);
  });

  it('sends Firefox plain text', async () => {
    const { log, registered } = setUp('text');
    let shown: OmniboxSuggestion[] = [];
    await registered.omnibox.changed('développeur <x>', (s) => (shown = s));
    await registered.omnibox.changed('développeur', (s) => (shown = s));
    expect(shown[0]!.description).toBe('Développeuse <back> & "front" — Radar');
    expect(log[0]).toBe('default Voir toutes les offres pour « développeur <x> » (Entrée)');
  });

  it('shows only the latest keystroke’s suggestions', async () => {
    const { registered } = setUp('text');
    const shown: string[][] = [];
    const first = registered.omnibox.changed('designer', (s) => shown.push(s.map((x) => x.description)));
    const second = registered.omnibox.changed('développeur data', (s) => shown.push(s.map((x) => x.description)));
    await Promise.all([first, second]);
    expect(shown).toEqual([['Développeur data']]);
  });

  it('starts with a hint in the chosen language', async () => {
    const { log, registered, languageLoads } = setUp('xml');
    registered.omnibox.started();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(languageLoads()).toBe(1);
    expect(log).toEqual(['default Tapez des mots pour chercher dans les offres beta.gouv (Entrée ouvre la recherche)']);
  });

  it('opens the chosen offer, or the search, where the browser asked', async () => {
    const { log, registered } = setUp('xml');
    let shown: OmniboxSuggestion[] = [];
    await registered.omnibox.changed('designer', (s) => (shown = s));
    log.length = 0;
    await registered.omnibox.entered(shown[0]!.content, 'newForegroundTab');
    await registered.omnibox.entered('data & co', 'currentTab');
    await registered.omnibox.entered('designer', 'newBackgroundTab');
    expect(log).toEqual([
      'open chrome-extension://id/popup.html?offer=test%20c active=true',
      'here chrome-extension://id/popup.html?q=data%20%26%20co',
      'open chrome-extension://id/popup.html?q=designer active=false',
    ]);
  });
});
