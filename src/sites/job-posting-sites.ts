/**
 * Where the schema.org JobPosting detector runs: the origins the user enabled
 * (`siteSettings.jobPostingSites`) whose optional host permission is granted, no more.
 * The background keeps one registered content script covering exactly those origins,
 * and injects it into tabs already open on an origin that was just enabled (a registered
 * script only reaches pages loaded afterwards).
 *
 * The browser APIs come in as parameters, so this runs in Node tests with fakes.
 */
import { originPattern } from '../settings/sites';

export const JOB_POSTING_SCRIPT_ID = 'beta-radar-job-posting';
export const JOB_POSTING_SCRIPT_FILE = '/content-scripts/job-posting.js';

export interface JobPostingBrowser {
  permissions: { contains(permissions: { origins: string[] }): Promise<boolean> };
  scripting: {
    getRegisteredContentScripts(filter: { ids: string[] }): Promise<Array<{ id: string; matches?: string[] }>>;
    registerContentScripts(scripts: RegisteredScript[]): Promise<unknown>;
    updateContentScripts(scripts: RegisteredScript[]): Promise<unknown>;
    unregisterContentScripts(filter: { ids: string[] }): Promise<unknown>;
    executeScript(injection: { target: { tabId: number }; files: string[] }): Promise<unknown>;
  };
  tabs: { query(query: { url: string[] }): Promise<Array<{ id?: number }>> };
}

interface RegisteredScript {
  id: string;
  matches: string[];
  js: string[];
  runAt: 'document_idle';
}

/** The match patterns the detector may run on: enabled origins whose permission is granted. */
export async function grantedPatterns(origins: readonly string[], api: Pick<JobPostingBrowser, 'permissions'>): Promise<string[]> {
  const patterns: string[] = [];
  for (const origin of origins) {
    let pattern: string;
    try {
      pattern = originPattern(origin);
    } catch {
      continue;
    }
    const granted = await api.permissions.contains({ origins: [pattern] }).catch(() => false);
    if (granted && !patterns.includes(pattern)) patterns.push(pattern);
  }
  return patterns;
}

/**
 * Makes the registered detector cover exactly the enabled and granted origins (none:
 * unregistered). Returns the patterns it now covers, and those it did not cover before.
 */
export async function syncJobPostingScript(origins: readonly string[], api: JobPostingBrowser): Promise<{ patterns: string[]; added: string[] }> {
  const patterns = await grantedPatterns(origins, api);
  const [registered] = await api.scripting.getRegisteredContentScripts({ ids: [JOB_POSTING_SCRIPT_ID] }).catch(() => []);
  const before = registered?.matches ?? [];
  const added = patterns.filter((pattern) => !before.includes(pattern));
  if (patterns.length === 0) {
    if (registered) await api.scripting.unregisterContentScripts({ ids: [JOB_POSTING_SCRIPT_ID] });
    return { patterns, added };
  }
  const script: RegisteredScript = { id: JOB_POSTING_SCRIPT_ID, matches: patterns, js: [JOB_POSTING_SCRIPT_FILE], runAt: 'document_idle' };
  if (!registered) await api.scripting.registerContentScripts([script]);
  else if (added.length > 0 || before.length !== patterns.length) await api.scripting.updateContentScripts([script]);
  return { patterns, added };
}

/** Injects the detector into the open tabs of `patterns` (newly enabled origins). Tabs that refuse are skipped. */
export async function injectIntoOpenTabs(patterns: readonly string[], api: JobPostingBrowser): Promise<number> {
  if (patterns.length === 0) return 0;
  const tabs = await api.tabs.query({ url: [...patterns] }).catch(() => []);
  let injected = 0;
  for (const tab of tabs) {
    if (typeof tab.id !== 'number') continue;
    try {
      await api.scripting.executeScript({ target: { tabId: tab.id }, files: [JOB_POSTING_SCRIPT_FILE] });
      injected += 1;
    } catch {
      // A tab that navigated away or an error page: the registration covers its next load.
    }
  }
  return injected;
}
