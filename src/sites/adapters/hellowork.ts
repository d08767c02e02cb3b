import type { SiteAdapter } from '../types';

/**
 * HelloWork (job-sites.md §6): server-rendered, Tailwind utility classes (`typo-l`…) that say
 * nothing; the `data-cy` test hooks and the numeric id in `/fr-fr/emplois/<id>.html` are what
 * to rely on.
 */

const OFFER_ID = /\/fr-fr\/emplois\/(\d+)\.html/;

export const hellowork: SiteAdapter = {
  id: 'hellowork',
  name: 'HelloWork',
  // `/fr-fr/emploi/…` are result lists (search, SEO listings), `/fr-fr/emplois/<id>.html` offers.
  matches: ['https://www.hellowork.com/fr-fr/emploi/*', 'https://www.hellowork.com/fr-fr/emplois/*'],
  examples: [
    'https://www.hellowork.com/fr-fr/emploi/recherche.html?k=D%C3%A9veloppeur&l=Paris&c=CDI&p=2&d=all',
    'https://www.hellowork.com/fr-fr/emploi/recherche.html?k=product+owner',
    'https://www.hellowork.com/fr-fr/emplois/82745536.html',
  ],
  layouts: [
    {
      name: 'list',
      card: ['[data-cy="serpCard"]'],
      // The title link's heading holds two paragraphs: the title, then the company.
      title: ['a[data-cy="offerTitle"] h3 > p:first-child', '[data-cy="offerTitle"] p.typo-l'],
      organisation: ['a[data-cy="offerTitle"] h3 > p:nth-child(2)', '[data-cy="offerTitle"] p.typo-s'],
      location: ['[data-cy="localisationCard"]'],
      id: { href: OFFER_ID },
      link: ['a[data-cy="offerTitle"]', 'a[href*="/emplois/"]'],
    },
    {
      // Only the heading is documented (title and company link); the place is in the page's
      // JSON-LD, which this reader does not read.
      name: 'offer',
      kind: 'view',
      path: /^\/fr-fr\/emplois\/\d+\.html/,
      card: ['h1#main-content', 'h1:has([data-cy="jobTitle"])'],
      title: ['[data-cy="jobTitle"]'],
      organisation: ['a[href*="/entreprises/"]'],
      location: ['[data-cy="localisationCard"]'],
      id: { href: OFFER_ID },
    },
  ],
};
