/**
 * Whether a page shows job offers, judged without the adapter's card selectors:
 * schema.org JobPosting data, or several links shaped like the site's offer links.
 * When this says yes and the adapter read no card, the adapter is likely out of date.
 */
import type { SiteAdapter } from '../sites/types';

const MIN_JOB_LINKS = 3;

export function looksLikeJobList(document: Document, adapter: SiteAdapter): boolean {
  for (const script of Array.from(document.querySelectorAll('script[type="application/ld+json"]'))) {
    if (/"@type"\s*:\s*"JobPosting"/.test(script.textContent ?? '')) return true;
  }
  const patterns = adapter.layouts.flatMap((layout) => (layout.id?.href ? [layout.id.href] : []));
  if (patterns.length === 0) return false;
  let found = 0;
  for (const link of Array.from(document.querySelectorAll('a[href]'))) {
    const href = link.getAttribute('href') ?? '';
    if (patterns.some((pattern) => pattern.test(href)) && (found += 1) >= MIN_JOB_LINKS) return true;
  }
  return false;
}
