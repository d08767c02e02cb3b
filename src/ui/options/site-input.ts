/**
 * What the options page makes of a site typed into "add a site" for the schema.org
 * JobPosting detector: an origin, or why not. Pure, so it runs in Node tests.
 */
import { webOrigin } from '../../settings/sites';
import { parseMatchPattern } from '../../sites/match-pattern';

/** The part of a site adapter this check needs: its name and its manifest patterns. */
export interface ListedSite {
  name: string;
  matches: readonly string[];
}

export type SiteInput = { ok: true; origin: string } | { ok: false; error: 'invalid' } | { ok: false; error: 'listed'; siteName: string };

/**
 * A listed site is claimed by its host, whatever the path: its own content script runs there,
 * and the detector beside it would mark the same cards twice.
 */
export function listedSiteFor(origin: string, sites: readonly ListedSite[]): ListedSite | null {
  const host = new URL(origin).hostname;
  return (
    sites.find((site) =>
      site.matches.some((pattern) => {
        const parsed = parseMatchPattern(pattern);
        return parsed.host === null || host === parsed.host || (parsed.subdomains && host.endsWith(`.${parsed.host}`));
      }),
    ) ?? null
  );
}

/**
 * Reads what the user typed: a full address or a bare host name (`jobs.example.fr` is taken
 * as `https://jobs.example.fr`, which is what people mean). Only the origin is kept.
 */
export function readSiteInput(text: string, sites: readonly ListedSite[]): SiteInput {
  const trimmed = text.trim();
  if (trimmed === '' || /\s/.test(trimmed)) return { ok: false, error: 'invalid' };
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(trimmed) && !/^[^/:]+:\d+(\/|$)/.test(trimmed) ? trimmed : `https://${trimmed}`;
  const origin = webOrigin(withScheme);
  // A host needs a dot: `localhost` or a typo such as `https://jobs` is not a site to watch.
  if (origin === null || !new URL(origin).hostname.includes('.')) return { ok: false, error: 'invalid' };
  const listed = listedSiteFor(origin, sites);
  return listed ? { ok: false, error: 'listed', siteName: listed.name } : { ok: true, origin };
}
