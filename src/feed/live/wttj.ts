/**
 * Welcome to the Jungle, a company's jobs tab (`/fr/companies/<slug>/jobs`), as a live source
 * (job-sites.md §2). The server-rendered page embeds its data (`window.__INITIAL_DATA__`, a
 * JSON string with React-Query's `queries[].state.data`, Algolia hits): read first, since it
 * outlives any markup. The cards (`data-testid` hooks, stable since 2023) come second, through
 * the job-site adapter's list layout. An offer page has strict schema.org JSON-LD.
 */
import { WTTJ_HOST } from '../feed-url';
import { wttj as wttjAdapter } from '../../sites/adapters/wttj';
import type { LiveReader } from './types';

export const wttjReader: LiveReader = {
  kind: 'wttj-company',
  site: 'Welcome to the Jungle',
  host: WTTJ_HOST,
  version: 'wttj/1',
  listing: {
    adapter: wttjAdapter,
    layout: 'list',
    ignoreInside: [],
    // The company page may add a spontaneous application item to its offers.
    ignoreTitle: /^\s*candidature\s+spontan[ée]e\b/i,
    contract: ['svg[alt="Contract"] + span', 'svg[alt="Contract"] + p', 'i[name="contract"] + span', 'i[name="contract"] + p'],
    date: ['time[datetime]@datetime', 'time'],
    resultsPage: ['[data-testid="search-results"]', '[data-testid="jobs-search-results-count"]', '[data-testid="search-results-list-item-wrapper"]'],
    empty: {
      selectors: ['[data-testid="jobs-search-no-result"]', '[data-testid="search-no-results"]', '[data-testid="no-results"]'],
      textIn: ['[data-testid="jobs-search-results-count"]', 'main h2', 'main h3', 'main p'],
      text: [/^\s*(0|aucune?)\s+(offres?|jobs?|postes?|r[ée]sultats?)\b/i, /\bno (jobs?|results?|offers?)\b/i, /\baucune offre\b/i],
    },
    nextPage: [
      'a[rel="next"]',
      'nav[aria-label="Pagination"] a[aria-label*="suivant" i]',
      'nav[aria-label="Pagination"] a[aria-label*="next" i]',
      'nav[aria-label="Pagination"] li:has(> a[aria-current="true"]) + li > a',
      'nav[aria-label="Pagination"] li:has(> [aria-current="page"]) + li > a',
    ],
    scheme: { kind: 'query', param: 'page' },
    cardsDescription: 'job cards (li[data-testid="search-results-list-item-wrapper"]) or embedded job data (window.__INITIAL_DATA__)',
  },
  initialData: {
    variable: '__INITIAL_DATA__',
    hit: {
      title: ['name', 'title'],
      slug: ['slug'],
      contract: ['contract_type', 'contract_type_names.fr', 'contract'],
      date: ['published_at', 'published_at_date', 'published_at_timestamp'],
      offices: 'offices',
      city: ['city', 'local_city', 'name'],
      organisationName: ['organization.name', 'organisation.name', 'company.name'],
      organisationSlug: ['organization.slug', 'organisation.slug', 'company.slug', 'organization_slug'],
      sections: [
        { key: 'description', heading: null },
        { key: 'profile', heading: 'Profil recherché' },
        { key: 'recruitment_process', heading: 'Déroulement des entretiens' },
      ],
    },
    hitLists: ['hits', 'jobs'],
    paging: { page: ['page'], pages: ['nbPages', 'nb_pages', 'total_pages'], total: ['nbHits', 'nb_hits', 'total'] },
    organisationInUrl: /\/companies\/([^/?#]+)\/jobs/,
    offerPath: '/fr/companies/{organisation}/jobs/{slug}',
    // Algolia's contract codes, as the French site labels them.
    contractLabels: {
      full_time: 'CDI',
      temporary: 'CDD / Temporaire',
      part_time: 'Temps partiel',
      freelance: 'Freelance',
      internship: 'Stage',
      apprenticeship: 'Alternance',
      vie: 'VIE',
      volunteer: 'Bénévolat',
      graduate_program: 'Graduate program',
      other: 'Autres',
    },
  },
  offer: {
    exclude: [],
    skip: [],
    // The page has no reliable h1: the metadata block's h2 is the title.
    title: ['[data-testid="job-metadata-block"] h2', '[data-testid="job-metadata-block"] h1', 'main h1', 'meta[property="og:title"]@content'],
    organisation: ['[data-testid="job-metadata-block"] a[href*="/companies/"] span', '[data-testid="job-metadata-block"] a[href*="/companies/"]'],
    location: [
      '[data-testid="job-metadata-block"] svg[alt="Location"] + span',
      '[data-testid="job-metadata-block"] svg[alt="Location"] + p',
      '[data-testid="job-metadata-block"] i[name="location"] + span',
      '[data-testid="job-metadata-block"] i[name="location"] + p',
    ],
    contract: [
      '[data-testid="job-metadata-block"] svg[alt="Contract"] + span',
      '[data-testid="job-metadata-block"] svg[alt="Contract"] + p',
      '[data-testid="job-metadata-block"] i[name="contract"] + span',
      '[data-testid="job-metadata-block"] i[name="contract"] + p',
    ],
    datePosted: ['[data-testid="job-metadata-block"] time[datetime]@datetime'],
    validThrough: [],
    reference: [],
    domaines: [],
    description: ['#the-position-section', '[data-testid="job-section-description"]'],
    employmentTypes: {
      FULL_TIME: 'CDI',
      PART_TIME: 'Temps partiel',
      CONTRACTOR: 'Freelance',
      TEMPORARY: 'CDD / Temporaire',
      INTERN: 'Stage',
      VOLUNTEER: 'Bénévolat',
    },
  },
};
