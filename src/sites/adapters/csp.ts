import type { SiteAdapter } from '../types';

/**
 * choisirleservicepublic.gouv.fr (job-sites.md §4): a WordPress theme on the State's design
 * system (DSFR), server-rendered. DSFR component classes (`fr-card--offer`, `fr-card__title`,
 * `fr-icon-*`) are versioned by the design system and change rarely; the offer's reference is
 * at the end of its URL (`…-reference-2026-2401234/`).
 *
 * An offer page ends with "recommended offers": more `fr-card--offer` cards. They are read as
 * list cards of their own (each names its own offer), never as part of the offer: the offer's
 * root is the page's title block, which does not contain them.
 */

/** The reference at the end of an offer URL: `2026-2401234`, `DEF_15-00064919`, `O056261001001569`. */
const REFERENCE = /\/offre-emploi\/[^/?#]*-reference-([A-Za-z0-9_-]+?)\/?(?:[?#]|$)/;

export const csp: SiteAdapter = {
  id: 'csp',
  name: 'Choisir le service public',
  matches: ['https://choisirleservicepublic.gouv.fr/nos-offres/*', 'https://choisirleservicepublic.gouv.fr/offre-emploi/*'],
  examples: [
    'https://choisirleservicepublic.gouv.fr/nos-offres/',
    'https://choisirleservicepublic.gouv.fr/nos-offres/filtres/mot-cles/developpeur/domaine/3522/page/2/',
    'https://choisirleservicepublic.gouv.fr/offre-emploi/product-owner-hf-reference-2026-2398765/',
    'https://choisirleservicepublic.gouv.fr/offre-emploi/charge-e-de-deploiement-hf-reference-DEF_15-00064919/',
  ],
  layouts: [
    {
      // Result cards (horizontal) and an offer page's recommended cards (vertical).
      name: 'list',
      card: ['.fr-card--offer', 'li.item:has(.fr-card__title)'],
      title: ['.fr-card__title a', '.fr-card__title', 'h3'],
      organisation: ['.fr-card__desc .fr-icon-user-line', '.fr-icon-user-line'],
      location: ['.fr-card__desc .fr-icon-map-pin-2-line', '.fr-icon-map-pin-2-line'],
      // "Employeur : ", "Localisation : " are screen-reader labels, not values.
      skip: ['.sr-only', '.fr-sr-only'],
      id: { href: REFERENCE },
      link: ['.fr-card__title a', 'a[href*="/offre-emploi/"]'],
    },
    {
      name: 'offer',
      kind: 'view',
      path: /^\/offre-emploi\//,
      // The title block: h1, reference, employer, place. `main` would also hold the
      // recommended cards, so it is only the last resort.
      card: ['main .fr-container:has(> h1)', '.fr-container.title', 'main:has(h1)'],
      title: ['h1'],
      organisation: ['.ic--user'],
      location: ['.ic--pin'],
      skip: ['.sr-only', '.fr-sr-only'],
      id: { href: REFERENCE },
    },
  ],
};
