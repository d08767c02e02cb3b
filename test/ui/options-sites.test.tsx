import { JSDOM } from 'jsdom';
import { options, render, type VNode } from 'preact';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { SITE_ADAPTERS } from '../../src/sites/registry';
import { readSiteInput } from '../../src/ui/options/site-input';
import { JobSitesSection, type JobSitesSources } from '../../src/ui/options/JobSitesSection';
import { GeneralSection, syncIntervalText, type GeneralSources } from '../../src/ui/options/GeneralSection';
import { enableJobPostingSite } from '../../src/sites/job-posting-choice';
import { DEFAULT_SITE_SETTINGS, type SiteSettings } from '../../src/settings/sites';
import { installMessages } from '../helpers/i18n';

describe('reading a site typed into "add a site"', () => {
  it('keeps the origin of a full address, and takes a bare host name as https', () => {
    expect(readSiteInput('  https://Jobs.Example-Employer.fr/offres/7?x=1#top ', SITE_ADAPTERS)).toEqual({ ok: true, origin: 'https://jobs.example-employer.fr' });
    expect(readSiteInput('jobs.example-employer.fr/offres', SITE_ADAPTERS)).toEqual({ ok: true, origin: 'https://jobs.example-employer.fr' });
    expect(readSiteInput('jobs.example-employer.fr:8443', SITE_ADAPTERS)).toEqual({ ok: true, origin: 'https://jobs.example-employer.fr:8443' });
    expect(readSiteInput('http://emplois.mairie.example', SITE_ADAPTERS)).toEqual({ ok: true, origin: 'http://emplois.mairie.example' });
  });

  it('refuses what is not a web site', () => {
    for (const text of ['', '   ', 'not a site', 'ftp://files.example.fr', 'javascript:alert(1)', 'https://user:pw@jobs.example.fr', 'localhost', 'file:///etc/passwd']) {
      expect(readSiteInput(text, SITE_ADAPTERS), text).toEqual({ ok: false, error: 'invalid' });
    }
  });

  it('refuses a site an adapter supports, on any of its pages, naming it', () => {
    expect(readSiteInput('https://www.linkedin.com/', SITE_ADAPTERS)).toEqual({ ok: false, error: 'listed', siteName: 'LinkedIn' });
    expect(readSiteInput('fr.linkedin.com', SITE_ADAPTERS)).toEqual({ ok: false, error: 'listed', siteName: 'LinkedIn' });
    expect(readSiteInput('https://fr.indeed.com/entreprises', SITE_ADAPTERS)).toEqual({ ok: false, error: 'listed', siteName: 'Indeed' });
    // A look-alike host is not the site.
    expect(readSiteInput('https://notlinkedin.com', SITE_ADAPTERS)).toEqual({ ok: true, origin: 'https://notlinkedin.com' });
  });
});

describe('turning the JobPosting detector on from a click', () => {
  it('sends the choice before asking for the permission, both at once', async () => {
    const calls: string[] = [];
    const api = {
      runtime: { sendMessage: vi.fn(async (message: unknown) => void calls.push(`send ${JSON.stringify(message)}`)) },
      permissions: { request: vi.fn(async (p: { origins: string[] }) => (calls.push(`request ${p.origins.join()}`), true)) },
    };
    const granted = enableJobPostingSite(api, 'https://jobs.example.fr:8443');
    // Both left synchronously: the permission request must stay inside the user's gesture.
    expect(calls).toEqual([`send {"type":"popup/job-posting-site","payload":{"origin":"https://jobs.example.fr:8443","enabled":true}}`, 'request https://jobs.example.fr/*']);
    expect(await granted).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------

// Form controls need a DOM that keeps `checked` and `value` as properties: jsdom. Preact runs
// effects after the next frame, which Node does not have; a timer stands in for it.
(options as { requestAnimationFrame?: (callback: () => void) => void }).requestAnimationFrame = (callback) => setTimeout(callback, 0);
let window: JSDOM['window'];
function mount(vnode: VNode): HTMLElement {
  window = new JSDOM('<!doctype html><html><body><div id="root"></div></body></html>').window;
  const root = window.document.getElementById('root')!;
  render(vnode, root);
  return root as unknown as HTMLElement;
}
// Preact re-renders a microtask after a state change; a timer comes after every microtask.
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
/** Waits for what the component shows once its promises settled (no fixed delay: the machine may be busy). */
const eventually = (check: () => void) => vi.waitFor(check, { timeout: 3_000, interval: 5 });
function fire(element: Element | null, type: string): void {
  expect(element, type).not.toBeNull();
  element!.dispatchEvent(new window.Event(type, { bubbles: true, cancelable: true }));
}

function siteSources(initial: SiteSettings, grantedOrigins: string[] = []) {
  let listener: ((settings: SiteSettings) => void) | null = null;
  let permissionListener: (() => void) | null = null;
  const granted = new Set(grantedOrigins);
  const sources = {
    sites: SITE_ADAPTERS.map(({ id, name, matches }) => ({ id, name, matches })),
    loadSiteSettings: async () => initial,
    watchSiteSettings: (next: (settings: SiteSettings) => void) => ((listener = next), () => (listener = null)),
    setSiteEnabled: vi.fn(async () => undefined),
    setShowSimilar: vi.fn(async () => undefined),
    isGranted: async (origin: string) => granted.has(origin),
    watchPermissions: (next: () => void) => ((permissionListener = next), () => (permissionListener = null)),
    addJobPostingSite: vi.fn(async (_origin: string) => true),
    grantJobPostingSite: vi.fn(async (_origin: string) => true),
    removeJobPostingSite: vi.fn(async () => undefined),
  } satisfies JobSitesSources;
  return {
    sources,
    storageChanged: (settings: SiteSettings) => listener?.(settings),
    permissionChanged: (origin: string, has: boolean) => {
      if (has) granted.add(origin);
      else granted.delete(origin);
      permissionListener?.();
    },
  };
}

describe('the Job sites section', () => {
  beforeEach(() => {
    installMessages('en');
  });

  it('shows one switch per supported site, off where the user turned it off, and saves a change', async () => {
    const { sources } = siteSources({ ...DEFAULT_SITE_SETTINGS, disabled: ['indeed'] });
    const root = mount(<JobSitesSection sources={sources} />);
    await eventually(() => expect(root.querySelector('[data-site-switch="indeed"]')?.hasAttribute('disabled')).toBe(false));
    const switches = Array.from(root.querySelectorAll<HTMLInputElement>('[data-site-switch]'));
    expect(switches.map((s) => s.getAttribute('data-site-switch'))).toEqual(SITE_ADAPTERS.map((a) => a.id));
    expect(switches.filter((s) => !s.checked).map((s) => s.getAttribute('data-site-switch'))).toEqual(['indeed']);
    // Each switch is labelled by the site's name.
    expect(switches.map((s) => s.closest('label')?.textContent)).toEqual(SITE_ADAPTERS.map((a) => a.name));

    const linkedin = root.querySelector<HTMLInputElement>('[data-site-switch="linkedin"]')!;
    linkedin.checked = false;
    fire(linkedin, 'change');
    expect(sources.setSiteEnabled).toHaveBeenCalledWith('linkedin', false);
  });

  it('lists the detector sites with their permission, and follows storage and permission changes', async () => {
    const { sources, storageChanged, permissionChanged } = siteSources({ ...DEFAULT_SITE_SETTINGS, jobPostingSites: ['https://jobs.example.fr'] }, ['https://jobs.example.fr']);
    const root = mount(<JobSitesSection sources={sources} />);
    const row = (origin: string) => root.querySelector(`[data-origin="${origin}"]`);
    await eventually(() => expect(row('https://jobs.example.fr')?.getAttribute('data-permission')).toBe('granted'));
    expect(row('https://jobs.example.fr')?.textContent).toContain('access granted');

    storageChanged({ ...DEFAULT_SITE_SETTINGS, jobPostingSites: ['https://jobs.example.fr', 'https://emplois.mairie.example'] });
    await eventually(() => expect(row('https://emplois.mairie.example')?.getAttribute('data-permission')).toBe('missing'));
    expect(row('https://emplois.mairie.example')?.querySelector('[data-action="grant-site"]')?.getAttribute('aria-label')).toBe('Allow access to emplois.mairie.example');

    permissionChanged('https://jobs.example.fr', false);
    await eventually(() => expect(row('https://jobs.example.fr')?.getAttribute('data-permission')).toBe('missing'));

    fire(row('https://jobs.example.fr')!.querySelector('[data-action="remove-site"]'), 'click');
    expect(sources.removeJobPostingSite).toHaveBeenCalledWith('https://jobs.example.fr');
  });

  it('adds a typed site from the submit, and refuses a supported site with an alert naming it', async () => {
    const { sources } = siteSources(DEFAULT_SITE_SETTINGS);
    const root = mount(<JobSitesSection sources={sources} />);
    await eventually(() => expect(root.querySelector('[data-action="add-site"]')?.hasAttribute('disabled')).toBe(false));
    const input = root.querySelector<HTMLInputElement>('#options-sites-address')!;
    expect(root.querySelector('label[for="options-sites-address"]')?.textContent).toBe('Add a site:');

    input.value = 'www.welcometothejungle.com/fr';
    fire(input, 'input');
    await settle();
    fire(root.querySelector('form'), 'submit');
    expect(sources.addJobPostingSite).not.toHaveBeenCalled();
    await eventually(() => expect(root.querySelector('[role="alert"]')?.textContent).toBe('Welcome to the Jungle is already supported: use its box in the list above.'));

    input.value = 'https://jobs.example-employer.fr/offres/7';
    fire(input, 'input');
    await settle();
    fire(root.querySelector('form'), 'submit');
    // Called during the submit itself, not after a later tick.
    expect(sources.addJobPostingSite).toHaveBeenCalledWith('https://jobs.example-employer.fr');
    await eventually(() => expect(root.querySelector('[role="status"]')?.textContent).toBe('jobs.example-employer.fr added: Beta Radar will look for offers there.'));
    expect(root.querySelector('[role="alert"]')).toBeNull();
  });

  it('says so when the permission is refused, and when the background fails', async () => {
    const { sources } = siteSources(DEFAULT_SITE_SETTINGS);
    sources.addJobPostingSite.mockResolvedValueOnce(false);
    sources.setShowSimilar.mockRejectedValueOnce(new Error('quota'));
    const root = mount(<JobSitesSection sources={sources} />);
    await eventually(() => expect(root.querySelector('[data-action="add-site"]')?.hasAttribute('disabled')).toBe(false));
    const input = root.querySelector<HTMLInputElement>('#options-sites-address')!;
    input.value = 'jobs.example.fr';
    fire(input, 'input');
    await settle();
    fire(root.querySelector('form'), 'submit');
    await eventually(() => expect(root.querySelector('[role="status"]')?.textContent).toMatch(/^Access refused: jobs\.example\.fr stays in the list/));

    const similar = root.querySelector<HTMLInputElement>('[data-setting="show-similar"]')!;
    expect(similar.checked).toBe(true);
    similar.checked = false;
    fire(similar, 'change');
    expect(sources.setShowSimilar).toHaveBeenCalledWith(false);
    await eventually(() => expect(root.querySelector('[role="alert"]')?.textContent).toBe('That did not work: Error: quota'));
  });
});

describe('the Sync and language section', () => {
  beforeEach(() => {
    installMessages('en');
  });

  it('names each interval step in words', () => {
    expect([30, 60, 120, 1440, 45].map(syncIntervalText)).toEqual(['every 30 minutes', 'every hour', 'every 2 hours', 'once a day', 'every 45 minutes']);
  });

  it('shows the stored values, keeps an interval outside the steps, and saves changes', async () => {
    let listener: ((values: { syncIntervalMinutes: number; language: 'browser' | 'fr' | 'en' }) => void) | null = null;
    const sources = {
      load: async () => ({ syncIntervalMinutes: 90, language: 'fr' as const }),
      watch: (next: NonNullable<typeof listener>) => ((listener = next), () => (listener = null)),
      setSyncInterval: vi.fn(async () => undefined),
      setLanguage: vi.fn(async () => undefined),
    } satisfies GeneralSources;
    const root = mount(<GeneralSection sources={sources} />);
    await eventually(() => expect(root.querySelector('[data-setting="language"]')?.hasAttribute('disabled')).toBe(false));
    const interval = root.querySelector<HTMLSelectElement>('[data-setting="sync-interval"]')!;
    const language = root.querySelector<HTMLSelectElement>('[data-setting="language"]')!;
    expect(Array.from(interval.querySelectorAll('option')).map((o) => o.getAttribute('value'))).toEqual(['30', '60', '90', '120', '360', '720', '1440']);
    expect(interval.value).toBe('90');
    expect(language.value).toBe('fr');

    interval.value = '360';
    fire(interval, 'change');
    expect(sources.setSyncInterval).toHaveBeenCalledWith(360);
    await eventually(() => expect(root.querySelector('[role="status"]')?.textContent).toBe('Saved.'));

    language.value = 'en';
    fire(language, 'change');
    expect(sources.setLanguage).toHaveBeenCalledWith('en');

    listener!({ syncIntervalMinutes: 720, language: 'browser' });
    await eventually(() => expect(interval.value).toBe('720'));
    expect(language.value).toBe('browser');
  });
});
