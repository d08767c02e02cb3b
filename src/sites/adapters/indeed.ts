import type { SiteAdapter } from '../types';

/**
 * Indeed France (job-sites.md §3): server-rendered React whose emotion classes (`css-…`)
 * change at every deploy. The job key (16 hex characters) is everywhere and stable: `data-jk`
 * on the title link, `jk=` in card links and on `/viewjob`, `vjk=` in the search URL for the
 * job shown in the right pane. `data-testid` hooks and the `jcs-JobTitle` / `cardOutline`
 * classes have held since about 2022.
 */

export const indeed: SiteAdapter = {
  id: 'indeed',
  name: 'Indeed',
  // Search (`/jobs`, the French alias `/emplois`, SEO pages `/q-…-emplois.html`) and job pages.
  matches: [
    'https://fr.indeed.com/jobs*',
    'https://fr.indeed.com/emplois*',
    'https://fr.indeed.com/q-*',
    'https://fr.indeed.com/viewjob*',
    'https://fr.indeed.com/m/viewjob*',
  ],
  examples: [
    'https://fr.indeed.com/jobs?q=d%C3%A9veloppeur&l=Paris&vjk=0a1b2c3d4e5f6a7b',
    'https://fr.indeed.com/emplois?q=product+owner&l=Lyon&fromage=1&sort=date&start=10',
    'https://fr.indeed.com/q-charg%C3%A9-de-d%C3%A9ploiement-l-paris-emplois.html',
    'https://fr.indeed.com/viewjob?jk=0a1b2c3d4e5f6a7b',
    'https://fr.indeed.com/m/viewjob?jk=0a1b2c3d4e5f6a7b&from=serp',
  ],
  layouts: [
    {
      name: 'list',
      card: ['div.cardOutline', '#mosaic-provider-jobcards li:has(a[data-jk])', 'div.job_seen_beacon'],
      title: ['h2.jobTitle span[title]', 'a.jcs-JobTitle span', 'a[data-jk] span', 'h2.jobTitle'],
      organisation: ['[data-testid="company-name"]', '.companyName'],
      location: ['[data-testid="text-location"]', '.companyLocation'],
      id: { attributes: ['data-jk'], urlParam: 'jk' },
      link: ['a.jcs-JobTitle', 'a[data-jk]'],
    },
    {
      // The right pane of a search page: the job whose key is the URL's `vjk`.
      name: 'pane',
      kind: 'view',
      path: /^\/(jobs|emplois|q-)/,
      card: ['#jobsearch-ViewjobPaneWrapper', '.jobsearch-RightPane'],
      // The pane's heading ends with a locale text (" - job post") in a second span.
      title: ['[data-testid="jobsearch-JobInfoHeader-title"] > span:first-child', '.jobsearch-JobInfoHeader-title > span:first-child'],
      organisation: ['[data-testid="inlineHeader-companyName"]', '[data-company-name="true"]'],
      location: ['[data-testid="inlineHeader-companyLocation"]', '[data-testid="job-location"]'],
      id: { urlParam: 'vjk' },
    },
    {
      // `/viewjob?jk=`: the path tells it from the pane, whose content it shares.
      name: 'viewjob',
      kind: 'view',
      path: /^\/(m\/)?viewjob/,
      card: ['.jobsearch-JobComponent', '.jobsearch-ViewJobLayout', '#viewJobSSRRoot'],
      title: ['h1[data-testid="jobsearch-JobInfoHeader-title"] > span:first-child', 'h1[data-testid="jobsearch-JobInfoHeader-title"]', 'h1'],
      organisation: ['[data-testid="inlineHeader-companyName"]', '[data-company-name="true"]'],
      location: ['[data-testid="inlineHeader-companyLocation"]', '[data-testid="job-location"]'],
      id: { href: /\/viewjob\?(?:[^#]*&)?jk=([0-9a-fA-F]+)/ },
    },
  ],
};
