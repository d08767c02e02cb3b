// The parser (gray-matter behind parsePosting) inside the real MV3 service worker: the extension,
// freshly installed with its default configuration, syncs the real beta.gouv.fr feed from
// "GitHub" (a local HTTPS server under the real host names) and stores what it parsed. The stored
// postings must equal what the same parser gives in Node, file for file.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, readAllFromStore, startHttpsServer, waitForSyncRun, type ExtensionBrowser, type FixtureServer } from './harness.ts';
import { createGitHubFeed, realPostingFiles, type GitHubFeed } from './github-feed.ts';
import { parsePosting } from '../../src/postings/parse.ts';
import { isOpenAt } from '../../src/postings/status.ts';
import { DB_NAME, type StoredPosting, type StoredReject } from '../../src/store/db.ts';

let browser: ExtensionBrowser;
let server: FixtureServer;
let feed: GitHubFeed;
const files = realPostingFiles();

describe('the real service worker parses the real feed', () => {
  beforeAll(async () => {
    feed = createGitHubFeed(files);
    server = await startHttpsServer(feed.router);
    browser = await launchBrowser({ hosts: { 'api.github.com': server.port, 'raw.githubusercontent.com': server.port } });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('syncs the default feed on install and stores every posting as parsePosting reads it in Node', async () => {
    const [state] = await waitForSyncRun(browser.serviceWorker);
    expect(state?.lastError).toBeNull();
    expect(files).toHaveLength(543);

    const stored = await readAllFromStore<StoredPosting>(browser.serviceWorker, DB_NAME, 'postings');
    const rejects = await readAllFromStore<StoredReject>(browser.serviceWorker, DB_NAME, 'rejects');
    const expected = files.map((f) => parsePosting(f.name, f.text));
    const expectedOk = expected.flatMap((r) => (r.ok ? [r.posting] : []));
    const expectedRejected = expected.flatMap((r) => (r.ok ? [] : [r.error]));
    console.log(
      `[e2e] service worker stored ${stored.length} postings and ${rejects.length} rejects; ` +
        `${feed.counts.tree} tree request(s), ${feed.counts.raw} raw file(s)`,
    );

    expect(stored.length + rejects.length).toBe(files.length);
    expect(stored).toHaveLength(expectedOk.length);
    expect(rejects.map((r) => r.error).sort((a, b) => a.fileName.localeCompare(b.fileName))).toEqual(
      expectedRejected.sort((a, b) => a.fileName.localeCompare(b.fileName)),
    );
    const byId = new Map(stored.map((p) => [p.id, p]));
    for (const posting of expectedOk) {
      const inWorker = byId.get(posting.id);
      expect(inWorker, posting.id).toBeDefined();
      // Everything the parser produced, field for field (the stored record adds source metadata).
      for (const [field, value] of Object.entries(posting)) {
        expect((inWorker as unknown as Record<string, unknown>)[field], `${posting.id}.${field}`).toEqual(value);
      }
    }
    // A few quirks that only a working gray-matter + YAML engine gets right in the worker.
    expect(byId.get('2022-07-28-UX-mon-entreprise')?.title).toBeTruthy();
    expect([...byId.keys()].some((id) => id.includes('·'))).toBe(true);
    expect(browser.errors.filter((e) => e.source === 'worker')).toEqual([]);
  });

  it('lists the open offers in the popup by default, and all of them with closed offers included', async () => {
    const popup = await browser.openPopup();
    await popup.waitForSelector('[data-posting-id], [data-empty-state]');
    const stored = await readAllFromStore<StoredPosting>(browser.serviceWorker, DB_NAME, 'postings');
    // The feed is frozen since 2024: by now few of its offers, perhaps none, are still open.
    const open = stored.filter((p) => isOpenAt(p, new Date()));
    expect(await popup.locator('[data-empty-state]').count()).toBe(open.length === 0 ? 1 : 0);
    const ids = () => popup.locator('[data-posting-id]').evaluateAll((items) => items.map((li) => li.getAttribute('data-posting-id')));
    expect((await ids()).sort()).toEqual(open.map((p) => p.id).sort());
    await popup.getByRole('checkbox', { name: /fermées|closed/i }).check();
    await expect.poll(async () => (await ids()).length).toBe(Math.min(50, stored.length));
    const classes = await popup.locator('[data-posting-id]').evaluateAll((items) => items.map((li) => li.className));
    expect(classes.slice(0, open.length).every((c) => c.includes('is-open'))).toBe(true);
    expect(classes.slice(open.length).every((c) => c.includes('is-closed'))).toBe(true);
    await popup.close();
  });
});
