// Proves the e2e harness itself on the current build: the extension loads headless, its service
// worker and popup run, real job-site host names reach local fixture servers over HTTPS, and the
// data helpers read the extension's storage.

import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  byHost,
  byPath,
  clearStorageLocal,
  fixtureFile,
  getStorageLocal,
  json,
  launchBrowser,
  listDatabases,
  readAllFromStore,
  setStorageLocal,
  startHttpsServer,
  type ExtensionBrowser,
  type FixtureServer,
} from './harness.ts';

const WTTJ_SEARCH = 'https://www.welcometothejungle.com/fr/jobs?query=developpeur';
const LINKEDIN_SEARCH = 'https://www.linkedin.com/jobs/search/?keywords=developpeur';

let browser: ExtensionBrowser;
let server: FixtureServer;

beforeAll(async () => {
  // One HTTPS server plays every mapped host; it dispatches on the Host header.
  server = await startHttpsServer(
    byHost({
      'www.welcometothejungle.com': byPath({ '/fr/jobs': () => fixtureFile('job-sites/wttj-search.html') }),
      'www.linkedin.com': byPath({ '/jobs/search/': () => fixtureFile('job-sites/linkedin-search.html') }),
      'api.github.com': byPath({ '/e2e-probe': (request) => json({ reachedHost: request.host, path: request.url.pathname }) }),
    }),
  );
  browser = await launchBrowser({
    hosts: {
      'www.welcometothejungle.com': server.port,
      'www.linkedin.com': server.port,
      'api.github.com': server.port,
    },
  });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('extension loading', () => {
  test('the service worker starts from background.js under the extension id', () => {
    expect(browser.extensionId).toMatch(/^[a-p]{32}$/);
    expect(browser.serviceWorker.url()).toBe(`chrome-extension://${browser.extensionId}/background.js`);
  });

  test('the popup page opens and renders', async () => {
    const popup = await browser.openPopup();
    try {
      expect(popup.url()).toBe(`chrome-extension://${browser.extensionId}/popup.html`);
      await expect.poll(() => popup.locator('#app').innerText()).toContain('Beta Radar');
    } finally {
      await popup.close();
    }
  });
});

describe('job-site host names served locally', () => {
  test('Welcome to the Jungle search URL loads our fixture over HTTPS', async () => {
    const page = await browser.newTab(WTTJ_SEARCH);
    try {
      expect(page.url()).toBe(WTTJ_SEARCH);
      expect(await page.locator('meta[name="beta-radar-fixture"]').getAttribute('content')).toBe('wttj-search');
      expect(await page.locator('[data-testid="search-results-list-item-wrapper"]').count()).toBe(3);
      const request = server.requests.find((r) => r.url.pathname === '/fr/jobs');
      expect(request?.host).toBe('www.welcometothejungle.com');
      expect(request?.url.searchParams.get('query')).toBe('developpeur');
    } finally {
      await page.close();
    }
  });

  test('LinkedIn search URL loads our fixture over HTTPS', async () => {
    const page = await browser.newTab(LINKEDIN_SEARCH);
    try {
      expect(await page.locator('meta[name="beta-radar-fixture"]').getAttribute('content')).toBe('linkedin-search');
      expect(await page.locator('[data-occludable-job-id]').count()).toBe(6);
    } finally {
      await page.close();
    }
  });

  test('the service worker fetch reaches a mapped HTTPS API host under its real URL', async () => {
    const body = await browser.serviceWorker.evaluate(async () => {
      const response = await fetch('https://api.github.com/e2e-probe');
      return response.json();
    });
    expect(body).toEqual({ reachedHost: 'api.github.com', path: '/e2e-probe' });
  });

  test('unmapped hosts do not resolve, so tests never reach the internet', async () => {
    const outcome = await browser.serviceWorker.evaluate(async () => {
      try {
        await fetch('https://example.org/');
        return 'reached';
      } catch (error) {
        return String(error);
      }
    });
    expect(outcome).toMatch(/TypeError/);
  });

  test('pages and the service worker logged no errors so far', () => {
    expect(browser.errors).toEqual([]);
  });
});

describe('data helpers', () => {
  test('chrome.storage.local can be written and read back', async () => {
    await setStorageLocal(browser.serviceWorker, { probe: { version: 1, words: ['radar', 'beta'] } });
    expect(await getStorageLocal(browser.serviceWorker, 'probe')).toEqual({ probe: { version: 1, words: ['radar', 'beta'] } });
    await clearStorageLocal(browser.serviceWorker);
    expect(await getStorageLocal(browser.serviceWorker)).toEqual({});
  });

  test('readAllFromStore reads an IndexedDB store of the extension', async () => {
    // A throw-away database made here; the real one belongs to src/store.
    await browser.serviceWorker.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('e2e-harness-probe', 1);
          open.onupgradeneeded = () => open.result.createObjectStore('items', { keyPath: 'id' });
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const db = open.result;
            const tx = db.transaction('items', 'readwrite');
            tx.objectStore('items').put({ id: 'a', title: 'Développeur·euse' });
            tx.objectStore('items').put({ id: 'b', title: 'Designer' });
            tx.oncomplete = () => {
              db.close();
              resolve();
            };
            tx.onerror = () => reject(tx.error);
          };
        }),
    );
    expect(await readAllFromStore(browser.serviceWorker, 'e2e-harness-probe', 'items')).toEqual([
      { id: 'a', title: 'Développeur·euse' },
      { id: 'b', title: 'Designer' },
    ]);
    await expect(readAllFromStore(browser.serviceWorker, 'e2e-harness-probe', 'nope')).rejects.toThrow(/no object store "nope"/);
  });

  test('readAllFromStore fails on a missing database without creating it', async () => {
    await expect(readAllFromStore(browser.serviceWorker, 'e2e-absent-db', 'items')).rejects.toThrow(/does not exist/);
    const names = (await listDatabases(browser.serviceWorker)).map((db) => db.name);
    expect(names).toContain('e2e-harness-probe');
    expect(names).not.toContain('e2e-absent-db');
  });

  test('console errors of the service worker are collected', async () => {
    const before = browser.errors.length;
    await browser.serviceWorker.evaluate(() => console.error('e2e console probe'));
    await expect.poll(() => browser.errors.slice(before)).toEqual([
      expect.objectContaining({ source: 'worker', type: 'error', text: 'e2e console probe' }),
    ]);
    browser.errors.length = before;
  });
});
