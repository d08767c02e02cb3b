/**
 * What a page shows of job offers, judged without the adapter's card selectors:
 * schema.org JobPosting data, and the distinct offers its links point at (links
 * shaped like the site's offer links). Compared with what the adapter read, it
 * tells when the adapter is likely out of date.
 */
import type { SiteAdapter } from '../sites/types';

export interface JobSignals {
  /** Distinct offers linked from the page. */
  jobLinks: number;
  /** The page carries schema.org JobPosting data. */
  jobPostingData: boolean;
}

export function jobSignals(document: Document, adapter: SiteAdapter): JobSignals {
  let jobPostingData = false;
  for (const script of Array.from(document.querySelectorAll('script[type="application/ld+json"]'))) {
    if (/"@type"\s*:\s*"JobPosting"/.test(script.textContent ?? '')) jobPostingData = true;
  }
  const patterns = adapter.layouts.flatMap((layout) => (layout.id?.href ? [layout.id.href] : []));
  const offers = new Set<string>();
  for (const link of Array.from(document.querySelectorAll('a[href]'))) {
    const href = link.getAttribute('href') ?? '';
    for (const pattern of patterns) {
      const found = pattern.exec(href);
      if (found) {
        offers.add(found[1] ?? href);
        break;
      }
    }
  }
  return { jobLinks: offers.size, jobPostingData };
}
