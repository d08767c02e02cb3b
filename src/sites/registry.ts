/**
 * The job sites Beta Radar runs on, as data. The registry also yields the
 * content script's manifest `matches`, so a site is added in one place.
 * (Per-site card adapters come with the job-sites feature.)
 */
export interface JobSite {
  id: string;
  name: string;
  /** Match patterns (https://developer.chrome.com/docs/extensions/develop/concepts/match-patterns). */
  matches: string[];
}

export const JOB_SITES: readonly JobSite[] = [
  { id: 'linkedin', name: 'LinkedIn', matches: ['https://*.linkedin.com/jobs/*'] },
  { id: 'wttj', name: 'Welcome to the Jungle', matches: ['https://www.welcometothejungle.com/*'] },
  { id: 'indeed', name: 'Indeed', matches: ['https://fr.indeed.com/*'] },
  { id: 'csp', name: 'Choisir le service public', matches: ['https://choisirleservicepublic.gouv.fr/*'] },
  { id: 'france-travail', name: 'France Travail', matches: ['https://candidat.francetravail.fr/offres/*'] },
  { id: 'hellowork', name: 'HelloWork', matches: ['https://www.hellowork.com/fr-fr/*'] },
  { id: 'apec', name: 'APEC', matches: ['https://www.apec.fr/candidat/*'] },
];

export const JOB_SITE_MATCHES: string[] = JOB_SITES.flatMap((site) => site.matches);

/** The site a page belongs to, from its URL (host only: paths change more often). */
export function siteForUrl(url: string): JobSite | null {
  let host: string;
  try {
    host = new URL(url).hostname;
  } catch {
    return null;
  }
  return (
    JOB_SITES.find((site) =>
      site.matches.some((pattern) => {
        const patternHost = pattern.split('/')[2] ?? '';
        return patternHost.startsWith('*.') ? host === patternHost.slice(2) || host.endsWith(patternHost.slice(1)) : host === patternHost;
      }),
    ) ?? null
  );
}
