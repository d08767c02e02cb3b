import { JOB_SITE_MATCHES, siteForUrl } from '@/src/sites/registry';

export default defineContentScript({
  matches: JOB_SITE_MATCHES,
  runAt: 'document_idle',
  main() {
    const site = siteForUrl(location.href);
    if (!site) return;
    // A visible-to-tests marker that the content script runs on this site; the
    // card highlighter builds on it.
    document.documentElement.dataset.betaRadarSite = site.id;
  },
});
