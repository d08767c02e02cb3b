/**
 * Rendering Preact in Node without a browser: into a linkedom document (Preact creates
 * nodes from its container's ownerDocument, so no global `document` is needed), and a
 * checker that looks at the result the way an attacker would hope to find it.
 */
import { parseHTML } from 'linkedom';
import { render, type VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';

/** Renders `vnode` with Preact's DOM renderer (the popup's code path) into a fresh document. */
export function mount(vnode: VNode): HTMLElement {
  const { document } = parseHTML('<!doctype html><html><body><div id="root"></div></body></html>');
  const root = document.getElementById('root') as unknown as HTMLElement;
  render(vnode, root);
  return root;
}

/** Renders `vnode` to an HTML string and parses it back as a browser would read it. */
export function mountFromString(vnode: VNode): { html: string; root: HTMLElement } {
  const html = renderToString(vnode);
  const { document } = parseHTML(`<!doctype html><html><body><div id="root">${html}</div></body></html>`);
  return { html, root: document.getElementById('root') as unknown as HTMLElement };
}

/** Parses markup written by a test (for checking the checker). */
export function parseMarkup(html: string): HTMLElement {
  const { document } = parseHTML(`<!doctype html><html><body><div id="root">${html}</div></body></html>`);
  return document.getElementById('root') as unknown as HTMLElement;
}

/** Elements that run code, load something, or change how the page or its links behave. */
export const FORBIDDEN_ELEMENTS = [
  'script', 'style', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'svg', 'math', 'form', 'input',
  'textarea', 'select', 'img', 'picture', 'source', 'video', 'audio', 'track', 'base', 'meta', 'link', 'template',
  'noscript', 'portal', 'marquee',
];

/** Everything the offer view and the Markdown renderer are meant to create. */
export const ALLOWED_ELEMENTS = [
  'div', 'article', 'header', 'button', 'span', 'p', 'h2', 'h3', 'h4', 'h5', 'h6', 'dl', 'dt', 'dd', 'ul', 'ol', 'li', 'a',
  'time', 'strong', 'em', 'del', 'code', 'pre', 'blockquote', 'hr', 'br', 'table', 'thead', 'tbody', 'tr', 'th', 'td',
];

const ALLOWED_ATTRIBUTES = [
  'class', 'href', 'target', 'rel', 'title', 'id', 'lang', 'tabindex', 'type', 'disabled', 'datetime', 'scope', 'start',
  'aria-labelledby', 'aria-pressed', 'aria-hidden',
];

/** Attributes whose value a browser may fetch or navigate to. */
const URL_ATTRIBUTES = ['href', 'src', 'srcset', 'action', 'formaction', 'xlink:href', 'data', 'poster', 'background', 'codebase', 'cite', 'ping', 'lowsrc', 'dynsrc'];

function allowedScheme(value: string): boolean {
  try {
    return ['http:', 'https:', 'mailto:'].includes(new URL(value).protocol);
  } catch {
    return false; // relative, protocol-relative, or not a URL at all
  }
}

function textNodes(root: Node): string[] {
  const out: string[] = [];
  const walk = (node: Node) => {
    if (node.nodeType === 3) out.push(node.nodeValue ?? '');
    for (const child of Array.from(node.childNodes)) walk(child);
  };
  walk(root);
  return out;
}

/** The one attribute we fill with posting text (a Markdown link's title): hostile words may show there, as text. */
const TEXT_ATTRIBUTES = ['title'];

/**
 * Everything unsafe in a rendered tree, one line each (an empty list is the goal).
 * `markers` are words of the hostile input (`onerror`, `javascript`) that may show up as
 * text, in a title, or inside an address that passed the scheme check (where they are
 * only characters of an http(s) or mailto URL), but never in a tag or attribute name nor
 * in any other attribute's value.
 */
export function findUnsafe(root: HTMLElement, markers: readonly string[] = []): string[] {
  const problems: string[] = [];
  const lowerMarkers = markers.map((marker) => marker.toLowerCase());
  const visit = (node: Node) => {
    if (node.nodeType !== 1 && node.nodeType !== 3) problems.push(`node of type ${node.nodeType} (comment, CDATA or the like): ${node.nodeValue ?? ''}`);
    for (const child of Array.from(node.childNodes)) visit(child);
  };
  for (const child of Array.from(root.childNodes)) visit(child);
  for (const element of Array.from(root.querySelectorAll('*'))) {
    const name = element.tagName.toLowerCase();
    if (FORBIDDEN_ELEMENTS.includes(name)) problems.push(`forbidden element <${name}>`);
    else if (!ALLOWED_ELEMENTS.includes(name)) problems.push(`unexpected element <${name}>`);
    for (const { name: attribute, value } of Array.from(element.attributes)) {
      const lower = attribute.toLowerCase();
      if (lower.startsWith('on')) problems.push(`event handler attribute ${attribute} on <${name}>`);
      else if (!ALLOWED_ATTRIBUTES.includes(lower) && !lower.startsWith('data-')) problems.push(`unexpected attribute ${attribute} on <${name}>`);
      if (URL_ATTRIBUTES.includes(lower) && !allowedScheme(value)) problems.push(`${attribute}="${value}" on <${name}>`);
      const valueMayHoldText = TEXT_ATTRIBUTES.includes(lower) || (URL_ATTRIBUTES.includes(lower) && allowedScheme(value));
      for (const marker of lowerMarkers) {
        if (lower.includes(marker) || (!valueMayHoldText && value.toLowerCase().includes(marker))) {
          problems.push(`"${marker}" in attribute ${attribute}="${value}" on <${name}>`);
        }
      }
    }
    if (name === 'a' && element.getAttribute('target') === '_blank' && element.getAttribute('rel') !== 'noopener noreferrer') {
      problems.push(`<a target=_blank> without rel="noopener noreferrer": ${element.getAttribute('href')}`);
    }
  }
  return problems;
}

/** Forbidden elements spelled as markup in an HTML string (what a browser's parser would create). */
export function forbiddenMarkup(html: string): string[] {
  return FORBIDDEN_ELEMENTS.filter((name) => new RegExp(`<${name}[\\s/>]`, 'i').test(html)).map((name) => `<${name}> in the markup`);
}

export function textOf(root: Node): string {
  return textNodes(root).join('');
}
