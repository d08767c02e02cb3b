/**
 * choisirleservicepublic.gouv.fr, a listing filtered on an organisation
 * (`/nos-offres/filtres/organisme/<id>/`, pages `…/page/<n>/`), as a live source
 * (job-sites.md §4). Server-rendered WordPress on the State's design system (DSFR): the cards
 * are DSFR `fr-card--offer` components, read through the job-site adapter's list layout. An
 * offer page has non-strict JSON-LD (`Description`, `dd/mm/yyyy` dates), hidden inputs with
 * clean metadata (`#content_*`), then its visible title block and sections.
 */
import { CSP_HOST } from '../feed-url';
import { csp as cspAdapter } from '../../sites/adapters/csp';
import type { LiveReader } from './types';

export const cspReader: LiveReader = {
  kind: 'csp-organisation',
  site: 'choisirleservicepublic.gouv.fr',
  host: CSP_HOST,
  version: 'csp/1',
  listing: {
    adapter: cspAdapter,
    layout: 'list',
    // An offer page ends with recommended offers: never the listing's.
    ignoreInside: ['.strate-cards-list', '[class*="recommend"]'],
    contract: [],
    date: ['.fr-card__desc .fr-icon-calendar-line', '.fr-icon-calendar-line'],
    resultsPage: ['#ParamsDataSearch', 'body[class*="template-page-offers"]', '.fr-card--offer', 'nav.fr-pagination'],
    empty: {
      selectors: ['.no-result', '.no-results', '.search-no-result', '[class*="no-result"]', '[class*="noresult"]'],
      textIn: ['main h1', 'main h2', 'main p', 'main .fr-alert', 'main .fr-callout'],
      text: [/\baucune?\s+(offre|r[ée]sultat)/i, /^\s*0\s+offres?\b/i, /\bpas d['’]offre\b/i],
    },
    // DSFR pagination first, then any `rel=next`.
    nextPage: ['nav.fr-pagination a.fr-pagination__link--next', 'a.fr-pagination__link--next', 'a[rel="next"]', 'link[rel="next"]'],
    scheme: { kind: 'path', segment: 'page' },
    cardsDescription: 'offer cards (.fr-card--offer)',
  },
  offer: {
    exclude: ['.strate-cards-list', 'header[role="banner"]', 'footer[role="contentinfo"]', '.fr-header', '.fr-footer'],
    skip: ['.sr-only', '.fr-sr-only'],
    title: ['#page_name@value', 'main h1', 'h1'],
    organisation: ['#content_entite@value', '.ic--user'],
    location: ['#content_dept@value', '.ic--pin'],
    contract: [],
    datePosted: [],
    datePostedParts: {
      day: ['#content_startPublicationDate_day@value'],
      month: ['#content_startPublicationDate_month@value'],
      year: ['#content_startPublicationDate_year@value'],
    },
    validThrough: ['#content_endPublicationDate@value', '#content_dateLimite@value'],
    reference: ['#content_ref@value', 'p.number'],
    domaines: ['#content_domaine@value', 'main a.fr-tag'],
    facts: {
      rows: ['ul.table li.table-cell', '.table .table-cell'],
      label: ['strong', 'span:first-child'],
      value: ['span:last-child', 'span + span'],
      fields: {
        contract: /^(nature de l.emploi|type de contrat|contrat)\b/i,
        validThrough: /^(date limite|date de fin|candidature jusqu)/i,
      },
    },
    description: ['.strate-two-columns .col-left', '.col-left.rte', 'main .rte'],
    employmentTypes: {
      FULL_TIME: 'Temps plein',
      PART_TIME: 'Temps partiel',
      CONTRACTOR: 'Contractuel',
      TEMPORARY: 'CDD',
      INTERN: 'Stage',
    },
    // The JSON-LD's `hiringOrganization` is an employer category for territorial offers and its
    // place adds ", France": the hidden inputs say both as the site shows them.
    precedence: { organisation: ['dom', 'json-ld'], location: ['dom', 'json-ld'] },
  },
};
