import type { SiteAdapter } from '../types';

/**
 * APEC (job-sites.md §7): an Angular app inside `recherche-emploi.html`; cards render after
 * the page's own requests, so the content script sees them through its observer. Bootstrap-
 * style BEM classes (`card-offer__company`, `details-offer-list`) and the offer number in
 * `/detail-offre/<numeroOffre>` are the hooks.
 */

const OFFER_ID = /\/detail-offre\/([0-9A-Za-z]+)/;

export const apec: SiteAdapter = {
  id: 'apec',
  name: 'APEC',
  // The search app: its list (`…/emploi?…`) and its offer route (`…/emploi/detail-offre/<n>`).
  matches: ['https://www.apec.fr/candidat/recherche-emploi.html*'],
  examples: [
    'https://www.apec.fr/candidat/recherche-emploi.html/emploi?motsCles=d%C3%A9veloppeur&sortsType=DATE&page=0',
    'https://www.apec.fr/candidat/recherche-emploi.html/emploi?motsCles=product%20owner&lieux=711&typeContrat=101888',
    'https://www.apec.fr/candidat/recherche-emploi.html/emploi/detail-offre/178485022W?selectedIndex=0&page=0',
  ],
  layouts: [
    {
      name: 'list',
      path: /\/recherche-emploi\.html\/emploi\/?$/,
      // The card sits inside its link; the reader takes the enclosing link as the card's.
      card: ['.container-result .card-offer', 'a[href*="/detail-offre/"] .card-offer', '.card-offer:has(.card-offer__company)'],
      title: ['h2.card-title', '.card-title', 'h2'],
      organisation: ['.card-offer__company'],
      // Salary, contract, place, date: the place is the item before the dated one.
      location: ['ul.details-offer li:has(+ li[title="Date de publication"])', 'ul.details-offer li:nth-child(3)'],
      id: { href: OFFER_ID },
      link: ['a[href*="/detail-offre/"]'],
    },
    {
      name: 'offer',
      kind: 'view',
      path: /\/detail-offre\//,
      // The offer summary: title, then company, contract and place (the company item is
      // missing on some offers, which shifts the list: the place is read from its end).
      card: ['.card-offer__text', '.card-offer:has(.details-offer-list)'],
      title: ['h2.card-title', '.card-title', 'h1'],
      organisation: ['ul.details-offer-list > li:first-child'],
      location: ['ul.details-offer-list > li:last-child'],
      id: { href: OFFER_ID },
    },
  ],
};
