import type { SiteAdapter } from '../types';

/**
 * France Travail (job-sites.md §5): server-rendered, and markedly stable: `li.result`,
 * `data-id-offre`, `.media-heading-title`, `p.subtext` and the schema.org microdata of the
 * offer (`itemprop`) are unchanged since the Pôle emploi years.
 *
 * A list item's `p.subtext` reads "COMPANY - <span>75 - PARIS 07</span>" (the company may be
 * missing): the reader drops a location found at the end of the organisation.
 */

const OFFER_ID = /\/offres\/recherche\/detail\/([A-Za-z0-9]+)/;

export const franceTravail: SiteAdapter = {
  id: 'france-travail',
  name: 'France Travail',
  // Search, offers (`/offres/recherche/detail/<id>`) and SEO listings (`/offres/emploi/…`).
  matches: ['https://candidat.francetravail.fr/offres/recherche*', 'https://candidat.francetravail.fr/offres/emploi/*'],
  examples: [
    'https://candidat.francetravail.fr/offres/recherche?motsCles=d%C3%A9veloppeur&lieux=75D&offresPartenaires=true&rayon=10&tri=0',
    'https://candidat.francetravail.fr/offres/recherche?motsCles=product+owner&page=2',
    'https://candidat.francetravail.fr/offres/recherche/detail/201ABCD',
    'https://candidat.francetravail.fr/offres/emploi/developpeur/paris/s31m4v2',
  ],
  layouts: [
    {
      name: 'list',
      card: ['li.result[data-id-offre]', '[data-id-offre]'],
      title: ['.media-heading-title', 'h2[data-intitule-offre]', 'h2'],
      organisation: ['p.subtext'],
      location: ['p.subtext > span', '.subtext span'],
      id: { attributes: ['data-id-offre', 'data-intitule-offre'], href: OFFER_ID },
      link: ['a[href*="/offres/recherche/detail/"]'],
    },
    {
      // The offer, on its own page or in the panel opened over the results (where the URL
      // may not change: the id is then unknown).
      name: 'offer',
      kind: 'view',
      card: ['.modal-details-offre', '[itemtype*="schema.org/JobPosting"]'],
      title: ['#labelPopinDetailsOffre [itemprop="title"]', '[itemprop="title"]', 'h1'],
      organisation: ['[itemprop="hiringOrganization"] [itemprop="name"]', '[itemprop="hiringOrganization"]'],
      location: ['[itemprop="jobLocation"] [itemprop="name"]', '[itemprop="jobLocation"]'],
      id: { href: OFFER_ID },
    },
  ],
};
