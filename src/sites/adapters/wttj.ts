import type { SiteAdapter } from '../types';

/**
 * Welcome to the Jungle (job-sites.md §2): a React app whose styled-components classes
 * (`sc-…`) change at every deploy. The `data-testid` hooks have held since 2023, icons are
 * found by their `alt` (newer `<svg alt>`) or `name` (older `<i name>`), and a job is named by
 * the slug of its `/companies/<org>/jobs/<slug>` link.
 */

/** The job slug of `/fr/companies/<org>/jobs/<slug>` (with or without the locale prefix). */
const JOB_SLUG = /\/companies\/[^/?#]+\/jobs\/([^/?#]+)/;

export const wttj: SiteAdapter = {
  id: 'wttj',
  name: 'Welcome to the Jungle',
  // `/fr/jobs`, `/en/jobs`, `/fr/companies/<org>/jobs[/<slug>]` and the same without the
  // locale: in a match pattern `*` also spans slashes, so one pattern covers all of them.
  matches: ['https://www.welcometothejungle.com/*/jobs*'],
  examples: [
    'https://www.welcometothejungle.com/fr/jobs?query=d%C3%A9veloppeur&page=1',
    'https://www.welcometothejungle.com/en/jobs?query=product%20owner&refinementList%5Boffices.country_code%5D%5B%5D=FR',
    'https://www.welcometothejungle.com/fr/companies/communaute-beta-gouv/jobs',
    'https://www.welcometothejungle.com/fr/companies/communaute-beta-gouv/jobs/developpeur-se-full-stack-trackdechets_paris?q=abc&o=123',
    'https://www.welcometothejungle.com/companies/communaute-beta-gouv/jobs/charge-e-de-deploiement-dossierfacile_paris',
  ],
  layouts: [
    {
      // The search page and a company's jobs tab share this list.
      name: 'list',
      card: ['li[data-testid="search-results-list-item-wrapper"]', '[data-testid="search-results"] > li'],
      // Search highlights wrap words of the title in `div[role=mark]`: the reader keeps the
      // spaces around them.
      title: ['a[href*="/jobs/"] h4', 'h4', 'a[href*="/jobs/"] h3'],
      // The company is a text next to the title link; the logo's alt text says it too.
      organisation: ['a[href*="/jobs/"] + span', 'img[alt]@alt'],
      location: ['svg[alt="Location"] + p', 'svg[alt="Location"] + span', 'i[name="location"] + p', 'i[name="location"] + span'],
      id: { href: JOB_SLUG },
      link: ['a[href*="/jobs/"]'],
    },
    {
      name: 'job',
      kind: 'view',
      path: /\/companies\/[^/]+\/jobs\/[^/]+/,
      card: ['[data-testid="job-metadata-block"]'],
      // The page has no reliable h1; the metadata block's h2 is the title.
      title: ['h2', 'h1'],
      organisation: ['a[href*="/companies/"] span', 'a[href*="/companies/"]'],
      location: ['svg[alt="Location"] + span', 'svg[alt="Location"] + p', 'i[name="location"] + span', 'i[name="location"] + p'],
      id: { href: JOB_SLUG },
    },
  ],
};
