import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { act } from 'preact/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { FeedCheckResult } from '../../src/feed/check';
import type { SourceStatus } from '../../src/sync/status';
import { FeedsSection, type FeedsSources } from '../../src/ui/options/FeedsSection';
import { mount } from '../helpers/dom';
import { installMessages, readMessages } from '../helpers/i18n';

const GITHUB = 'https://github.com/exemple/offres/tree/main/_jobs';
const MIRROR = 'https://miroir.example.org/offres/index.json';
const NEW_FEED = 'https://flux.example.org/jobs.json';

function status(url: string, fields: Partial<SourceStatus>): SourceStatus {
  return { sourceId: `id:${url}`, url, lastRunAt: null, lastSuccessAt: null, lastError: null, failures: 0, nextRetryAt: null, counts: null, ...fields };
}

/** Sources kept in memory, recording the order of what the section asks for. */
function fakeSources(options: { feeds?: string[]; statuses?: SourceStatus[]; access?: boolean; check?: FeedCheckResult; granted?: string[] } = {}) {
  let feeds = options.feeds ?? [GITHUB, MIRROR];
  const granted = new Set(options.granted ?? [GITHUB, MIRROR]);
  const calls: string[] = [];
  const sources = {
    loadFeeds: vi.fn(async () => feeds),
    loadStatus: vi.fn(async () => options.statuses ?? []),
    onChange: vi.fn(() => () => undefined),
    hasAccess: vi.fn(async (url: string) => granted.has(url)),
    onAccessChange: vi.fn(() => () => undefined),
    requestAccess: vi.fn((url: string) => {
      calls.push(`requestAccess ${url}`);
      if (options.access ?? true) granted.add(url);
      return Promise.resolve(options.access ?? true);
    }),
    checkFeed: vi.fn(async (url: string) => {
      calls.push(`checkFeed ${url}`);
      return options.check ?? { ok: true as const, kind: 'jobs-json' as const, offers: 4 };
    }),
    saveFeeds: vi.fn(async (change: (current: string[]) => string[]) => {
      feeds = change(feeds);
      calls.push(`saveFeeds ${feeds.join(' ')}`);
      return feeds;
    }),
    releaseAccess: vi.fn(async (url: string, remaining: string[]) => void calls.push(`releaseAccess ${url} | ${remaining.join(' ')}`)),
    syncNow: vi.fn(async () => {
      calls.push('syncNow');
      return { failed: 0 };
    }),
  } satisfies FeedsSources;
  return { sources, calls, feeds: () => feeds };
}

const { Event } = parseHTML('');

async function render(sources: FeedsSources): Promise<HTMLElement> {
  let root!: HTMLElement;
  await act(async () => {
    root = mount(<FeedsSection sources={sources} />);
  });
  await settle();
  return root;
}

/** Lets the section's pending promises settle and Preact re-render. */
async function settle(): Promise<void> {
  await act(async () => {
    for (let i = 0; i < 5; i++) await new Promise((resolve) => setTimeout(resolve, 0));
  });
}

function typeAddress(root: HTMLElement, value: string): void {
  const input = root.querySelector<HTMLInputElement>('#options-feed-url')!;
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

function submit(root: HTMLElement): void {
  root.querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
}

const rows = (root: HTMLElement) => Array.from(root.querySelectorAll('[data-feed]')).map((li) => li.getAttribute('data-feed'));
const alertText = (root: HTMLElement) => root.querySelector('[role="alert"]')?.textContent ?? '';

describe('FeedsSection', () => {
  beforeEach(() => {
    installMessages('fr');
  });

  it('lists each feed with its kind and the last result of its sync, in plain words', async () => {
    const { sources } = fakeSources({
      statuses: [
        status(GITHUB, { lastSuccessAt: '2026-03-04T10:00:00Z', counts: { listed: 12, stored: 12, open: 5, rejected: 1 } }),
        status(MIRROR, { lastError: { kind: 'offline', message: 'https://miroir.example.org/offres/index.json could not be reached', at: '2026-03-04T10:00:00Z' }, nextRetryAt: '2026-03-04T10:05:00Z' }),
      ],
    });
    const root = await render(sources);
    expect(rows(root)).toEqual([GITHUB, MIRROR]);
    const [github, mirror] = Array.from(root.querySelectorAll('[data-feed]'));
    expect(github!.textContent).toContain('Dossier GitHub');
    expect(github!.textContent).toContain('12 offres, dont 5 ouvertes');
    expect(github!.textContent).toContain('1 fichiers illisibles');
    expect(mirror!.textContent).toContain('Index statique');
    const error = mirror!.querySelector('[data-feed-error]')!;
    expect(error.textContent).toContain('Le serveur est injoignable');
    expect(error.textContent).toContain('Nouvel essai');
    // The technical sentence stays in the details, out of the plain line.
    expect(error.textContent).not.toContain('could not be reached');
    expect(mirror!.querySelector('details')!.textContent).toContain('could not be reached');
  });

  it('says when a feed has not synced yet, and when there is no feed at all', async () => {
    const root = await render(fakeSources({ feeds: [GITHUB] }).sources);
    expect(root.querySelector('[data-feed]')!.textContent).toContain('Pas encore synchronisé');
    const empty = await render(fakeSources({ feeds: [] }).sources);
    expect(empty.querySelector('[data-feeds-empty]')).not.toBeNull();
    expect(empty.querySelector<HTMLButtonElement>('[data-action="sync-now"]')!.disabled).toBe(true);
  });

  it('asks for the permission within the click, then checks, then saves', async () => {
    const { sources, calls, feeds } = fakeSources();
    const root = await render(sources);
    typeAddress(root, `  ${NEW_FEED} `);
    await settle();
    submit(root);
    // Synchronously, inside the submit event: the browser's prompt needs the user's gesture.
    expect(sources.requestAccess).toHaveBeenCalledWith(NEW_FEED);
    expect(sources.checkFeed).not.toHaveBeenCalled();
    await settle();
    expect(calls).toEqual([`requestAccess ${NEW_FEED}`, `checkFeed ${NEW_FEED}`, `saveFeeds ${GITHUB} ${MIRROR} ${NEW_FEED}`]);
    expect(feeds()).toEqual([GITHUB, MIRROR, NEW_FEED]);
    expect(rows(root)).toEqual([GITHUB, MIRROR, NEW_FEED]);
    expect(root.querySelector('[data-feeds-notice]')!.textContent).toContain('Flux ajouté (Liste jobs.json, 4 offres)');
    expect(root.querySelector<HTMLInputElement>('#options-feed-url')!.value).toBe('');
    expect(root.querySelector('[role="alert"]')).toBeNull();
  });

  it('saves nothing when the feed fails its check, says why, and gives the permission back', async () => {
    const { sources, calls, feeds } = fakeSources({ check: { ok: false, reason: 'http', status: 404, error: `${NEW_FEED} answered HTTP 404.` } });
    const root = await render(sources);
    typeAddress(root, NEW_FEED);
    await settle();
    submit(root);
    await settle();
    expect(sources.saveFeeds).not.toHaveBeenCalled();
    expect(feeds()).toEqual([GITHUB, MIRROR]);
    expect(calls).toContain(`releaseAccess ${NEW_FEED} | ${GITHUB} ${MIRROR}`);
    expect(alertText(root)).toContain('Flux non ajouté. Il n\'y a rien à cette adresse (erreur 404).');
    expect(alertText(root)).toContain('answered HTTP 404');
    const input = root.querySelector('#options-feed-url')!;
    expect(input.getAttribute('aria-invalid')).toBe('true');
    // The field points at the message that says what is wrong with it.
    expect(input.getAttribute('aria-describedby')!.split(' ')).toContain(root.querySelector('[role="alert"]')!.id);
  });

  it('neither checks nor saves when the permission is refused', async () => {
    const { sources } = fakeSources({ access: false });
    const root = await render(sources);
    typeAddress(root, NEW_FEED);
    await settle();
    submit(root);
    await settle();
    expect(sources.checkFeed).not.toHaveBeenCalled();
    expect(sources.saveFeeds).not.toHaveBeenCalled();
    expect(alertText(root)).toContain('flux.example.org');
  });

  it.each([
    ['', 'Collez d\'abord'],
    ['flux.example.org/jobs.json', 'pas une adresse web'],
    ['https://flux.example.org/offres.html', 'pas un flux reconnu'],
    [MIRROR, 'déjà dans la liste'],
  ])('refuses %j before asking anything', async (address, words) => {
    const { sources } = fakeSources();
    const root = await render(sources);
    typeAddress(root, address);
    await settle();
    submit(root);
    await settle();
    expect(sources.requestAccess).not.toHaveBeenCalled();
    expect(sources.checkFeed).not.toHaveBeenCalled();
    expect(alertText(root)).toContain(words);
  });

  it('removes a feed and gives back what it alone used', async () => {
    const { sources, calls } = fakeSources();
    const root = await render(sources);
    const mirrorRow = root.querySelector(`[data-feed="${MIRROR}"]`)!;
    mirrorRow.querySelector('[data-action="remove-feed"]')!.dispatchEvent(new Event('click', { bubbles: true }));
    await settle();
    expect(rows(root)).toEqual([GITHUB]);
    expect(calls).toEqual([`saveFeeds ${GITHUB}`, `releaseAccess ${MIRROR} | ${GITHUB}`]);
  });

  it('offers to allow a feed kept without its host access (as an import leaves it), asking from the click', async () => {
    const { sources, calls } = fakeSources({ granted: [GITHUB] });
    const root = await render(sources);
    expect(root.querySelector(`[data-feed="${GITHUB}"] [data-feed-access]`)).toBeNull();
    const missing = root.querySelector(`[data-feed="${MIRROR}"] [data-feed-access="missing"]`)!;
    expect(missing.textContent).toContain(new URL(MIRROR).hostname);
    missing.querySelector('[data-action="allow-feed"]')!.dispatchEvent(new Event('click', { bubbles: true }));
    // Asked for in the click itself, before anything is awaited.
    expect(calls[0]).toBe(`requestAccess ${MIRROR}`);
    await settle();
    expect(calls).toContain('syncNow');
    expect(root.querySelector('[data-feed-access]')).toBeNull();
  });

  it('syncs now on request and says when it is done', async () => {
    const { sources } = fakeSources();
    const root = await render(sources);
    root.querySelector('[data-action="sync-now"]')!.dispatchEvent(new Event('click', { bubbles: true }));
    await settle();
    expect(sources.syncNow).toHaveBeenCalledTimes(1);
    expect(root.querySelector('[data-feeds-sync-notice]')!.textContent).toBe('Synchronisation terminée.');
  });

  it('says so when a feed failed during the sync (a failure is a report, not an error)', async () => {
    const { sources } = fakeSources();
    sources.syncNow = vi.fn(async () => ({ failed: 2 }));
    const root = await render(sources);
    root.querySelector('[data-action="sync-now"]')!.dispatchEvent(new Event('click', { bubbles: true }));
    await settle();
    const notice = root.querySelector('[data-feeds-sync-notice]')!;
    expect(notice.textContent).toBe('Synchronisation terminée, mais 2 flux n’ont pas pu être lus : voir ci-dessous.');
    expect(notice.classList.contains('error')).toBe(true);
  });

  it('gives every control a visible label', async () => {
    const root = await render(fakeSources().sources);
    const input = root.querySelector('#options-feed-url')!;
    expect(root.querySelector('label[for="options-feed-url"]')!.textContent).toBe('Adresse du flux');
    expect(input.getAttribute('aria-describedby')).toBe('options-feed-url-hint');
    for (const button of Array.from(root.querySelectorAll('button'))) expect(button.textContent!.trim()).not.toBe('');
  });
});

describe('feeds section strings', () => {
  it('exist in French and in English for every key the section uses', () => {
    const source = readFileSync(new URL('../../src/ui/options/FeedsSection.tsx', import.meta.url), 'utf8');
    const keys = [...new Set(source.match(/'optionsFeeds\w+'/g)!.map((quoted) => quoted.slice(1, -1)))];
    expect(keys.length).toBeGreaterThan(20);
    const fr = readMessages('fr');
    const en = readMessages('en');
    for (const key of keys) {
      expect(fr[key]?.message, `fr ${key}`).toBeTruthy();
      expect(en[key]?.message, `en ${key}`).toBeTruthy();
    }
    const ours = (messages: Record<string, unknown>) => Object.keys(messages).filter((key) => key.startsWith('optionsFeeds')).sort();
    expect(ours(en)).toEqual(ours(fr));
  });

  describe('live sources', () => {
    const WTTJ = 'https://www.welcometothejungle.com/fr/companies/communaute-beta-gouv/jobs';
    const CSP = 'https://choisirleservicepublic.gouv.fr/nos-offres/filtres/organisme/10668/';
    const suggestions = (root: HTMLElement) => Array.from(root.querySelectorAll('[data-suggested-source]')).map((li) => li.getAttribute('data-suggested-source'));

    it('offers the two live sources that are not configured yet, and says when both are on', async () => {
      const root = await render(fakeSources({ feeds: [GITHUB] }).sources);
      expect(suggestions(root)).toEqual([WTTJ, CSP]);
      expect(root.querySelector('[data-suggested-source]')!.textContent).toContain('Welcome to the Jungle');
      const onlyCsp = await render(fakeSources({ feeds: [GITHUB, WTTJ] }).sources);
      expect(suggestions(onlyCsp)).toEqual([CSP]);
      const both = await render(fakeSources({ feeds: [WTTJ, CSP] }).sources);
      expect(suggestions(both)).toEqual([]);
      expect(both.querySelector('[data-live-sources="all-on"]')).not.toBeNull();
    });

    it('enables one in the click: its site is asked for first, then it is listed once, then saved', async () => {
      const { sources, calls, feeds } = fakeSources({ feeds: [GITHUB], granted: [GITHUB], check: { ok: true, kind: 'csp-organisation', offers: 7 } });
      const root = await render(sources);
      const button = root.querySelector<HTMLButtonElement>(`[data-suggested-source="${CSP}"] [data-action="add-live-source"]`)!;
      button.click();
      // Within the click, before any await: the browser's prompt needs the user's gesture.
      expect(calls).toEqual([`requestAccess ${CSP}`]);
      await settle();
      expect(calls).toEqual([`requestAccess ${CSP}`, `checkFeed ${CSP}`, `saveFeeds ${GITHUB} ${CSP}`]);
      expect(feeds()).toEqual([GITHUB, CSP]);
      expect(suggestions(root)).toEqual([WTTJ]);
      expect(root.querySelector('[data-feeds-notice]')!.textContent).toContain('7');
    });

    it('keeps a pasted live source under its one address, so two spellings cannot make two feeds', async () => {
      const { sources, calls, feeds } = fakeSources({ feeds: [GITHUB, WTTJ], check: { ok: true, kind: 'wttj-company', offers: 3 } });
      const root = await render(sources);
      typeAddress(root, 'https://www.welcometothejungle.com/en/companies/communaute-beta-gouv/jobs?page=2');
      submit(root);
      await settle();
      expect(calls).toEqual([]);
      expect(feeds()).toEqual([GITHUB, WTTJ]);
      expect(alertText(root)).not.toBe('');
      typeAddress(root, 'https://choisirleservicepublic.gouv.fr/nos-offres/filtres/organisme/10668/page/4/');
      await settle();
      submit(root);
      await settle();
      expect(calls).toEqual([`requestAccess ${CSP}`, `checkFeed ${CSP}`, `saveFeeds ${GITHUB} ${WTTJ} ${CSP}`]);
      expect(feeds()).toEqual([GITHUB, WTTJ, CSP]);
    });

    it('saves nothing when the site is refused', async () => {
      const { sources, calls, feeds } = fakeSources({ feeds: [GITHUB], access: false });
      const root = await render(sources);
      root.querySelector<HTMLButtonElement>(`[data-suggested-source="${WTTJ}"] [data-action="add-live-source"]`)!.click();
      await settle();
      expect(calls).toEqual([`requestAccess ${WTTJ}`]);
      expect(feeds()).toEqual([GITHUB]);
      expect(alertText(root)).toContain('www.welcometothejungle.com');
    });

    it('says plainly that a source\'s reader may be out of date, and that its offers are kept', async () => {
      const { sources } = fakeSources({
        feeds: [CSP],
        granted: [CSP],
        statuses: [status(CSP, { lastSuccessAt: '2026-11-20T10:00:00Z', counts: { listed: 9, stored: 9, open: 9, rejected: 0 }, lastError: { kind: 'reader-outdated', message: 'choisirleservicepublic.gouv.fr: no offer card found on page 1.', at: '2026-11-21T10:00:00Z' } })],
      });
      const root = await render(sources);
      const error = root.querySelector('[data-feed-error]')!;
      expect(error.getAttribute('data-feed-error')).toBe('reader-outdated');
      expect(error.textContent).toContain('n’est peut-être plus à jour');
      expect(error.textContent).toContain('gardées');
    });
  });
});
