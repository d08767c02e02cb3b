/**
 * The one place live sources parse HTML. The MV3 service worker has no DOMParser, so pages
 * are parsed with linkedom, a small DOM with CSS selectors that runs in a worker and in Node.
 * Page markup is untrusted: it is only read (selectors, text, attributes), never written
 * back anywhere, and no script in it runs.
 */
import { parseHTML } from 'linkedom';
import { FeedError } from '../http';

/**
 * A page longer than this is refused. A choisirleservicepublic.gouv.fr list page is about
 * 4.5 MB (its filters' facets are embedded); well over twice that is no page we know how to read.
 */
export const MAX_HTML_LENGTH = 12_000_000;

/** Parses a whole page; `url` names it in the error when it is too large. */
export function parseHtmlPage(html: string, url: string): Document {
  if (html.length > MAX_HTML_LENGTH) {
    throw new FeedError(
      'invalid-body',
      `${url} sent a page of ${Math.round(html.length / 1_000_000)} million characters, more than the ${MAX_HTML_LENGTH / 1_000_000} million a job listing or offer page may have; it was not read.`,
      url,
    );
  }
  // linkedom builds a document only from markup that starts as one; a bare fragment gets a shell.
  const markup = /^\s*(<!--[\s\S]*?-->\s*)*<(!doctype|html)[\s>]/i.test(html) ? html : `<!doctype html><html><head></head><body>${html}</body></html>`;
  return (parseHTML(markup) as unknown as { document: Document }).document;
}

/** An HTML fragment (a JSON-LD description) as the children of a `<body>`, to read or convert. */
export function parseHtmlFragment(html: string): HTMLElement {
  const document = parseHtmlPage(`<!doctype html><html><head></head><body>${html}</body></html>`, 'an HTML fragment');
  return document.body;
}
