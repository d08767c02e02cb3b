/**
 * The job sites Beta Radar runs on, as data (one adapter per site in `./adapters/`). Each
 * adapter's patterns are its content script's manifest `matches` (`entrypoints/<site>.content.ts`),
 * so a site is added in one place (an adapter, its entry point and a line here), and a page is
 * claimed by the adapter whose patterns match it, exactly as the browser decides where to inject.
 * A build test checks the manifest against this list.
 */
import { apec } from './adapters/apec';
import { csp } from './adapters/csp';
import { franceTravail } from './adapters/france-travail';
import { hellowork } from './adapters/hellowork';
import { indeed } from './adapters/indeed';
import { linkedin } from './adapters/linkedin';
import { wttj } from './adapters/wttj';
import { matchesPattern, parseMatchPattern, type ParsedMatchPattern } from './match-pattern';
import type { SiteAdapter } from './types';

// Lives apart so a content script, which bundles one adapter, does not bundle them all.
export { layoutsForUrl } from './layouts';

export const SITE_ADAPTERS: readonly SiteAdapter[] = [linkedin, wttj, indeed, csp, franceTravail, hellowork, apec];

// Parsed once: `adapterForUrl` runs at each SPA navigation of a job-site tab.
const PARSED: ReadonlyArray<{ adapter: SiteAdapter; patterns: ParsedMatchPattern[] }> = SITE_ADAPTERS.map((adapter) => ({
  adapter,
  patterns: adapter.matches.map(parseMatchPattern),
}));

/** The adapter whose match patterns claim `url`, or null (not a job page we read). */
export function adapterForUrl(url: string): SiteAdapter | null {
  return PARSED.find(({ patterns }) => patterns.some((pattern) => matchesPattern(pattern, url)))?.adapter ?? null;
}


