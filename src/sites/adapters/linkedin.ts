import type { SiteAdapter } from '../types';

/**
 * LinkedIn serves three DOMs for jobs (job-sites.md §1): the signed-in "classic" Ember list
 * and detail pane, the signed-in SDUI pages (hashed classes only) and the guest pages. All
 * three can show up on the same account on the same day, so every layout applies on every
 * `/jobs/` page and the selectors, not the URL, tell them apart.
 *
 * What has lasted through every redesign since 2020 is the job id: `data-occludable-job-id`
 * on the list's shells, `data-job-id` on rendered cards, `/jobs/view/<id>` links (guest slugs
 * end in `-<id>`), the `currentJobId` URL parameter, SDUI `componentkey`s ending in the id and
 * the guest `data-entity-urn`. Class names come after those, BEM ones before hashed ones.
 */

/** `/jobs/view/4312345678/` and `/jobs/view/some-title-at-some-company-4312345678?…`. */
const JOB_VIEW_ID = /\/jobs\/view\/(?:[^/?#]*-)?(\d+)\/?(?:[?#]|$)/;

export const linkedin: SiteAdapter = {
  id: 'linkedin',
  name: 'LinkedIn',
  // Every jobs page, signed in or not, on www. and country subdomains (fr., be.…). The SPA
  // moves between /jobs/ pages with pushState, so narrower paths would miss a search reached
  // from the jobs home; pages outside /jobs/ (feed, messages) are never ours.
  matches: ['https://*.linkedin.com/jobs/*'],
  examples: [
    // Signed-in classic list + detail pane.
    'https://www.linkedin.com/jobs/search/?keywords=d%C3%A9veloppeur&currentJobId=4312345678&start=25',
    'https://www.linkedin.com/jobs/collections/recommended/?currentJobId=4312345678',
    'https://www.linkedin.com/jobs/collections/remote-jobs/',
    // Signed-in SDUI: semantic search and the standalone job page.
    'https://www.linkedin.com/jobs/search-results/?keywords=product%20owner&currentJobId=4312345678',
    'https://www.linkedin.com/jobs/view/4312345678/',
    // Guest (logged out): search and job page, on a country subdomain or www.
    'https://fr.linkedin.com/jobs/search?keywords=d%C3%A9veloppeur&location=Paris',
    'https://www.linkedin.com/jobs/search?keywords=charg%C3%A9%20de%20d%C3%A9ploiement',
    'https://fr.linkedin.com/jobs/view/developpeur-se-full-stack-at-trackdechets-4312345678?refId=abc&trackingId=def',
  ],
  layouts: [
    {
      name: 'classic-list',
      // The `li` shell is the card: it exists for every job of the page and survives
      // occlusion (its content is emptied and refilled while scrolling), so a marker put on
      // it stays. An empty shell has no title and is skipped by the reader.
      card: ['li[data-occludable-job-id]', 'div.job-card-container[data-job-id]', 'div.job-card-job-posting-card-wrapper[data-job-id]', 'div[data-job-id]'],
      title: [
        '.job-card-list__title--link strong',
        '.job-card-job-posting-card-wrapper__title strong',
        'a[href*="/jobs/view/"] strong',
        // The link's label holds the title once, without the visually hidden duplicate.
        'a[href*="/jobs/view/"][aria-label]@aria-label',
        '.artdeco-entity-lockup__title',
      ],
      organisation: ['.artdeco-entity-lockup__subtitle', '.job-card-container__primary-description', '.job-card-container__company-name'],
      location: ['.artdeco-entity-lockup__caption li', '.job-card-container__metadata-wrapper li', '.job-card-container__metadata-item'],
      skip: ['.visually-hidden'],
      id: { attributes: ['data-occludable-job-id', 'data-job-id'], href: JOB_VIEW_ID, urlParam: 'currentJobId' },
      link: ['a.job-card-list__title--link', 'a.job-card-job-posting-card-wrapper__card-link', 'a[href*="/jobs/view/"]'],
    },
    {
      name: 'classic-detail',
      kind: 'view',
      card: ['.jobs-search__job-details--container', '.scaffold-layout__detail .job-view-layout', '.job-view-layout.jobs-details'],
      title: ['.job-details-jobs-unified-top-card__job-title h1', 'h1', '.job-details-jobs-unified-top-card__sticky-header h2'],
      organisation: ['.job-details-jobs-unified-top-card__company-name', 'a[href*="/company/"]'],
      // The first segment of "Place · 2 weeks ago · 58 applicants"; LinkedIn drops segments
      // now and then, so this is a best effort.
      location: [
        '.job-details-jobs-unified-top-card__tertiary-description-container .tvm__text',
        '.job-details-jobs-unified-top-card__primary-description-container .tvm__text',
      ],
      skip: ['.visually-hidden'],
      // The apply button's `data-job-id` names the job the pane shows now (the URL's
      // `currentJobId` changes first while the pane is being replaced).
      id: { attributes: ['data-job-id'], href: JOB_VIEW_ID, urlParam: 'currentJobId' },
      link: ['.job-details-jobs-unified-top-card__job-title a[href*="/jobs/view/"]', 'h1 a[href*="/jobs/view/"]'],
    },
    {
      name: 'sdui-list',
      // Hashed classes only: the `componentkey` (repeated on an inner div; the reader keeps
      // the outer one) and the order of the card's paragraphs are all there is to hold on to.
      card: ['div[role="button"][componentkey^="job-card-component-ref-"]', '[componentkey^="job-card-component-ref-"]'],
      title: ['p span[aria-hidden="true"]', 'p:first-of-type'],
      organisation: ['p:nth-of-type(2)'],
      location: ['p:nth-of-type(3)'],
      id: { attributes: ['componentkey'], pattern: /^job-card-component-ref-(\d+)$/ },
    },
    {
      name: 'sdui-detail',
      kind: 'view',
      // `…jobs.SemanticJobDetails` (search two-pane) and `…jobs.JobDetails` (standalone page).
      card: ['[data-sdui-screen$=".JobDetails"]', '[data-sdui-screen*="JobDetails"]'],
      title: ['p > a[href*="/jobs/view/"]', 'a[href*="/jobs/view/"]'],
      organisation: ['a[href*="/company/"]'],
      location: ['p:has(> a[href*="/jobs/view/"]) + p > span:first-child', 'p:has(> a[href*="/jobs/view/"]) + p'],
      id: { attributes: ['componentkey'], pattern: /^JobDetails_[A-Za-z]+_(\d+)$/, href: JOB_VIEW_ID, urlParam: 'currentJobId' },
      link: ['p > a[href*="/jobs/view/"]', 'a[href*="/jobs/view/"]'],
    },
    {
      name: 'guest-list',
      card: ['div.base-card[data-entity-urn*=":jobPosting:"]', '[data-entity-urn^="urn:li:jobPosting:"]', 'div.job-search-card'],
      title: ['h3.base-search-card__title', '.base-card__full-link .sr-only', 'h3'],
      organisation: ['h4.base-search-card__subtitle', '.base-search-card__subtitle a', 'h4'],
      location: ['.job-search-card__location', '.base-search-card__metadata span'],
      id: { attributes: ['data-entity-urn'], pattern: /jobPosting:(\d+)$/, href: JOB_VIEW_ID },
      link: ['a.base-card__full-link', 'a[href*="/jobs/view/"]'],
    },
    {
      name: 'guest-job',
      kind: 'view',
      path: /^\/jobs\/view\//,
      card: ['section.top-card-layout', '.top-card-layout__card'],
      title: ['h1.top-card-layout__title', '.topcard__title', 'h1'],
      organisation: ['a.topcard__org-name-link', '.topcard__flavor a[href*="/company/"]'],
      // The first row's bullet is the place; the second row's is the applicant count.
      location: ['.topcard__flavor-row:first-child .topcard__flavor--bullet', '.topcard__flavor--bullet'],
      id: { href: JOB_VIEW_ID },
    },
  ],
};
