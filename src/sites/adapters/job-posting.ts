import type { SiteAdapter } from '../types';
import { readJsonLdHeading } from '../json-ld';

/**
 * Not a site: the schema.org JobPosting detector, for sites the user enables that Beta
 * Radar has no adapter for. It reads what a page publishes for search engines, so it needs
 * no knowledge of the page's markup: microdata where the offer is marked up in place,
 * otherwise the JSON-LD posting whose title the page's main heading shows.
 *
 * Its content script is registered at run time for the enabled origins only
 * (`src/sites/job-posting-sites.ts`), so `matches` is empty here.
 */
export const jobPosting: SiteAdapter = {
  id: 'job-posting',
  name: 'schema.org JobPosting',
  matches: [],
  examples: [],
  layouts: [
    {
      name: 'microdata',
      card: ['[itemscope][itemtype$="schema.org/JobPosting"]', '[itemscope][itemtype*="JobPosting"]'],
      title: ['[itemprop="title"]:not(meta)', 'meta[itemprop="title"]@content'],
      organisation: [
        '[itemprop="hiringOrganization"] [itemprop="name"]:not(meta)',
        '[itemprop="hiringOrganization"] meta[itemprop="name"]@content',
        'meta[itemprop="hiringOrganization"]@content',
        '[itemprop="hiringOrganization"]',
      ],
      location: ['[itemprop="jobLocation"] [itemprop="addressLocality"]:not(meta)', '[itemprop="jobLocation"] meta[itemprop="addressLocality"]@content', '[itemprop="jobLocation"]'],
      id: { attributes: [] },
      link: ['a[itemprop="url"]', 'link[itemprop="url"]', 'a[href]'],
    },
    {
      name: 'json-ld',
      kind: 'view',
      read: readJsonLdHeading,
      card: ['main h1', 'h1'],
      title: [],
      organisation: [],
      location: [],
    },
  ],
};
