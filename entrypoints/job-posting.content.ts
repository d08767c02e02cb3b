// The schema.org JobPosting detector: not in the manifest, registered at run time for the
// sites the user enabled (src/sites/job-posting-sites.ts), and injected into their open tabs.
import { jobPosting } from '@/src/sites/adapters/job-posting';
import { runOnJobPage } from '@/src/content/job-site-script';

export default defineContentScript({
  registration: 'runtime',
  matches: [],
  runAt: 'document_idle',
  main(ctx) {
    // Registered for the origin and also injected into a tab already open on it: run once.
    const scope = globalThis as { betaRadarJobPosting?: boolean };
    if (scope.betaRadarJobPosting) return;
    scope.betaRadarJobPosting = true;
    return runOnJobPage(ctx, jobPosting, (settings) => settings.jobPostingSites.includes(location.origin));
  },
});
