/**
 * The generic card reader: a site adapter (data) applied to a page's DOM. Pure, standard DOM
 * only (querySelectorAll, textContent-like walks, getAttribute), so it runs the same in the
 * content script and in Node tests on linkedom. Page text is untrusted: it is only ever read
 * as strings here, never written back as markup.
 *
 * Also `pageSkeleton`: the shape of a page for a bug report ("LinkedIn changed its markup"),
 * with nothing the user typed or read in it.
 */
import { layoutsForUrl } from './layouts';
import type { CardFields, LayoutAdapter, SiteAdapter } from './types';

export interface ReadCard {
  /** The card's root element (a list card, or the container of a job view). */
  element: Element;
  /** The name of the layout that found it. */
  layout: string;
  fields: CardFields;
}

/** Longer than any real title or company name: a longer text means a selector took a whole block. */
const MAX_FIELD_LENGTH = 300;
export const MAX_ID_LENGTH = 100;
const MAX_LINKS = 20;

/**
 * Every card of `root` the adapter's layouts for `pageUrl` can read, in layout order then
 * document order. A card with no title is skipped: LinkedIn's occluded list items are empty
 * shells until scrolled into view, and an empty title means "not rendered", not "no title".
 */
export function readCards(root: ParentNode, adapter: SiteAdapter, pageUrl: string): ReadCard[] {
  const cards: ReadCard[] = [];
  const taken = new Set<Element>();
  for (const layout of layoutsForUrl(adapter, pageUrl)) {
    for (const element of findCards(root, layout)) {
      if (taken.has(element)) continue; // two layouts finding the same element: the first wins
      const fields = readFields(element, layout, pageUrl);
      if (!fields) continue;
      taken.add(element);
      cards.push({ element, layout: layout.name, fields });
    }
  }
  return cards;
}

/** Card roots of one layout: the first selector that finds anything, outermost elements only. */
export function findCards(root: ParentNode, layout: LayoutAdapter): Element[] {
  return findCardRoots(root, layout.card).elements;
}

/**
 * The card roots the first of `selectors` to find anything finds in `root` (the root itself
 * included), outermost only, and which selector that was (null when none found anything).
 * The highlighter remembers the selector a whole page answered to, and looks for new cards
 * in added subtrees with that one only, as a whole-page read would.
 */
export function findCardRoots(root: ParentNode, selectors: readonly string[]): { selector: string | null; elements: Element[] } {
  for (const selector of selectors) {
    const found = selectAll(root, selector, true);
    if (found.length === 0) continue;
    // A selector may match both a card and an element inside it (LinkedIn SDUI repeats the
    // card's `componentkey` on an inner div): the outer one is the card.
    const set = new Set(found);
    const elements = found.filter((element) => {
      for (let parent = element.parentElement; parent; parent = parent.parentElement) if (set.has(parent)) return false;
      return true;
    });
    return { selector, elements };
  }
  return { selector: null, elements: [] };
}

/** The fields of one card, or null when its title is empty. */
export function readFields(card: Element, layout: LayoutAdapter, pageUrl: string): CardFields | null {
  if (layout.read) return layout.read(card, pageUrl);
  const skip = layout.skip ?? [];
  const title = firstText(card, layout.title, skip);
  if (!title) return null;
  const location = firstText(card, layout.location, skip);
  const organisation = withoutLocation(firstText(card, layout.organisation, skip), location);
  const link = readLink(card, layout, pageUrl);
  const isView = layout.kind === 'view';
  const jobId = readId(card, layout, link, isView ? pageUrl : null);
  // A job view's own page is its link when the URL names the offer (`/jobs/view/<id>`,
  // `/viewjob?jk=`), not when it is a search page showing it in a pane.
  const pageLink = isView && !link && layout.id?.href && layout.id.href.test(pageUrl) ? withoutHash(pageUrl) : null;
  return { title, organisation, location, jobId, url: link ?? pageLink, links: readLinks(card, link, pageUrl) };
}

// ---------------------------------------------------------------------------------------------
// Text

/** Elements whose content is never page text. */
const NO_TEXT = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'SVG', 'IFRAME', 'OBJECT', 'CANVAS']);

/** Elements that separate words when rendered (`<div>Paris</div><div>CDI</div>` is not "ParisCDI"). */
const BLOCK = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BR', 'DD', 'DIV', 'DL', 'DT', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM',
  'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'SECTION', 'TABLE', 'TD', 'TH', 'TR', 'UL',
]);

/** `a[aria-label]@aria-label` → selector and attribute; a plain selector reads text. */
function splitSelector(selector: string): { css: string; attribute: string | null } {
  const match = /^(.*[^\s])@([A-Za-z][\w-]*)$/.exec(selector);
  return match ? { css: match[1]!, attribute: match[2]! } : { css: selector, attribute: null };
}

/**
 * The first non-empty text the selectors find inside `card` (a selector ending in `@attribute`
 * reads that attribute), whitespace collapsed, capped; null when none finds any.
 */
export function firstText(card: Element, selectors: readonly string[], skip: readonly string[]): string | null {
  for (const selector of selectors) {
    const { css, attribute } = splitSelector(selector);
    for (const element of selectAll(card, css, false)) {
      const raw = attribute ? (element.getAttribute(attribute) ?? '') : textOf(element, skip);
      const text = clean(raw);
      if (text) return text.length > MAX_FIELD_LENGTH ? `${text.slice(0, MAX_FIELD_LENGTH - 1)}…` : text;
    }
  }
  return null;
}

/** The rendered words of an element, leaving out `skip` descendants and non-text elements. */
export function textOf(element: Element, skip: readonly string[] = []): string {
  const parts: string[] = [];
  const walk = (node: Node) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) {
        parts.push(child.nodeValue ?? '');
      } else if (child.nodeType === 1) {
        const el = child as Element;
        const tag = el.tagName.toUpperCase();
        if (NO_TEXT.has(tag) || (skip.length > 0 && matchesAny(el, skip))) continue;
        const block = BLOCK.has(tag);
        if (block) parts.push(' ');
        walk(el);
        if (block) parts.push(' ');
      }
    }
  };
  walk(element);
  return parts.join('');
}

/** Whitespace collapsed (non-breaking spaces included), zero-width characters dropped. */
function clean(text: string): string {
  return text.replace(/[\u200B-\u200D\u2060\uFEFF]/g, '').replace(/\s+/g, ' ').trim();
}

/**
 * France Travail writes "COMPANY - <span>PLACE</span>" in one element: a location found at the
 * end of the organisation, after a separator, is not part of it (and an organisation that is
 * only the location is no organisation).
 */
function withoutLocation(organisation: string | null, location: string | null): string | null {
  if (!organisation || !location) return organisation;
  if (organisation === location) return null;
  if (!organisation.endsWith(location)) return organisation;
  const rest = organisation.slice(0, -location.length);
  const match = /^(.*?)\s*[-–—·,|]\s*$/.exec(rest);
  return match ? match[1]! || null : organisation;
}

// ---------------------------------------------------------------------------------------------
// Links and ids

/** `href` made absolute against the page; only http(s) is kept (no `javascript:`, `mailto:`…). */
export function absoluteHttpUrl(href: string | null, pageUrl: string): string | null {
  if (href === null) return null;
  try {
    const url = new URL(href.trim(), pageUrl);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

function readLink(card: Element, layout: LayoutAdapter, pageUrl: string): string | null {
  const selectors = layout.link ?? [];
  for (const selector of selectors) {
    for (const element of selectAll(card, selector, true)) {
      const url = absoluteHttpUrl(element.getAttribute('href'), pageUrl);
      if (url) return url;
    }
  }
  // Cards wrapped in their link (APEC): the enclosing anchor, when it is an offer link.
  const outer = card.parentElement?.closest('a[href]');
  if (outer && matchesAny(outer, selectors)) return absoluteHttpUrl(outer.getAttribute('href'), pageUrl);
  return null;
}

export function readLinks(card: Element, link: string | null, pageUrl: string): string[] {
  const links = new Set<string>();
  if (link) links.add(link);
  for (const anchor of selectAll(card, 'a[href]', true)) {
    if (links.size >= MAX_LINKS) break;
    const url = absoluteHttpUrl(anchor.getAttribute('href'), pageUrl);
    if (url) links.add(url);
  }
  return [...links];
}

/** Attributes first (the card's own, then its descendants'), then the card's link, then (views) the page URL. */
function readId(card: Element, layout: LayoutAdapter, link: string | null, pageUrl: string | null): string | null {
  const spec = layout.id;
  if (!spec) return null;
  for (const name of spec.attributes ?? []) {
    if (!/^[A-Za-z][\w-]*$/.test(name)) continue;
    for (const holder of selectAll(card, `[${name}]`, true)) {
      const value = (holder.getAttribute(name) ?? '').trim();
      const id = spec.pattern ? spec.pattern.exec(value)?.[1] : value;
      if (id) return id.slice(0, MAX_ID_LENGTH);
    }
  }
  for (const url of [link, pageUrl]) {
    if (!url) continue;
    const fromPath = spec.href?.exec(url)?.[1];
    if (fromPath) return fromPath.slice(0, MAX_ID_LENGTH);
    if (spec.urlParam) {
      let value: string | null = null;
      try {
        value = new URL(url).searchParams.get(spec.urlParam);
      } catch {
        value = null;
      }
      if (value?.trim()) return value.trim().slice(0, MAX_ID_LENGTH);
    }
  }
  return null;
}

export function withoutHash(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.hash = '';
    return parsed.href;
  } catch {
    return url;
  }
}

// ---------------------------------------------------------------------------------------------
// Selectors

/**
 * `querySelectorAll` that survives a selector the engine does not support (`:has()` in an
 * older browser): that alternative finds nothing and the next one is tried. With `self`, the
 * root itself counts when it matches (a subtree handed over by a MutationObserver may be a card).
 */
function selectAll(root: ParentNode, selector: string, self: boolean): Element[] {
  const found: Element[] = [];
  try {
    if (self && isElement(root) && root.matches(selector)) found.push(root);
    found.push(...Array.from(root.querySelectorAll(selector)));
  } catch {
    return [];
  }
  return found;
}

function matchesAny(element: Element, selectors: readonly string[]): boolean {
  return selectors.some((selector) => {
    try {
      return element.matches(selector);
    } catch {
      return false;
    }
  });
}

function isElement(node: ParentNode): node is Element {
  return (node as Node).nodeType === 1;
}

// ---------------------------------------------------------------------------------------------
// Page skeleton for bug reports

export interface SkeletonOptions {
  /** Elements deeper than this below the root are counted, not listed. */
  maxDepth?: number;
  /** At most this many element lines. */
  maxElements?: number;
}

/**
 * Attributes whose values say how a page is built and never what it says: ARIA states, roles,
 * microdata types, test hooks and component keys. Every other attribute shows by name only
 * (`href`, `src`, `alt`, `title`, `value`, `aria-label`, `content`, other `data-*`, which may
 * hold titles, searches or the user's name).
 */
const VALUE_KEPT = new Set([
  'role', 'type', 'itemprop', 'itemtype', 'variant', 'componentkey',
  'aria-hidden', 'aria-current', 'aria-expanded', 'aria-busy', 'aria-live', 'aria-selected', 'aria-modal',
  'data-testid', 'data-cy', 'data-component-type', 'data-sdui-screen', 'data-sdui-component', 'data-module',
]);

/** A kept value must look like an identifier (no spaces, no free text), and loses its numbers. */
const TOKEN = /^[A-Za-z][\w.:/#+-]{0,99}$/;

/** Elements whose inside is not page structure (drawing, code, embedded documents). */
const OPAQUE = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'SVG', 'IFRAME', 'OBJECT', 'CANVAS', 'MATH']);

/**
 * A sanitised outline of `root`: one line per element with its tag, id, classes and attribute
 * names (values only for `VALUE_KEPT`, digits masked), indented by depth. No text node, no URL,
 * no input value, no comment. Runs of identical sibling subtrees are folded into one line.
 */
export function pageSkeleton(root: Element, options: SkeletonOptions = {}): string {
  const maxDepth = options.maxDepth ?? 40;
  const maxElements = options.maxElements ?? 3000;
  let written = 0;
  let omitted = 0;

  const describe = (element: Element): string => {
    let line = element.tagName.toLowerCase();
    const id = element.getAttribute('id');
    // Numbers masked: generated ids (`ember214`, `job_3f…`) then fold like their siblings.
    if (id) line += `#${clip(id.replace(/\d+/g, '0'), 60)}`;
    const classes = (element.getAttribute('class') ?? '').split(/\s+/).filter(Boolean);
    for (const name of classes.slice(0, 12)) line += `.${clip(maskClass(name), 60)}`;
    if (classes.length > 12) line += `.…(${classes.length - 12})`;
    for (const { name } of Array.from(element.attributes)) {
      const lower = name.toLowerCase();
      if (lower === 'id' || lower === 'class') continue;
      const value = VALUE_KEPT.has(lower) ? maskValue(element.getAttribute(name) ?? '') : null;
      line += value === null ? ` [${clip(lower, 40)}]` : ` [${lower}="${value}"]`;
    }
    return line;
  };

  const countBelow = (element: Element): number => element.querySelectorAll('*').length;

  const lines = (element: Element, depth: number): string[] => {
    if (written >= maxElements) {
      omitted += 1 + countBelow(element);
      return [];
    }
    written++;
    const indent = ' '.repeat(depth);
    const out = [indent + describe(element)];
    if (OPAQUE.has(element.tagName.toUpperCase())) return out;
    const children = Array.from(element.children);
    if (children.length === 0) return out;
    if (depth + 1 > maxDepth) {
      const below = children.length + children.reduce((sum, child) => sum + countBelow(child), 0);
      out.push(`${indent} … ${below} element(s) deeper`);
      return out;
    }
    let previous: string | null = null;
    let repeats = 0;
    const flush = () => {
      if (repeats > 0) out.push(`${indent} (× ${repeats} more like the above)`);
      repeats = 0;
    };
    for (const child of children) {
      const before = written;
      const block = lines(child, depth + 1);
      const text = block.join('\n');
      if (text !== '' && text === previous) {
        repeats++;
        written = before + 1; // a folded repeat costs one line, not its whole subtree
        continue;
      }
      flush();
      out.push(...block);
      previous = text;
    }
    flush();
    return out;
  };

  const out = lines(root, 0);
  if (omitted > 0) out.push(`… ${omitted} more element(s) not listed`);
  return out.join('\n');
}

function maskValue(value: string): string | null {
  const trimmed = value.trim();
  if (!TOKEN.test(trimmed)) return null;
  return trimmed.replace(/\d+/g, '0');
}

/**
 * Class names are the report's main material and stay, except for the ids some sites write
 * into them (Indeed's `job_<16 hex>`): long hex or digit runs become `#`. Short per-build
 * hashes (LinkedIn's 8-hex classes) stay, since which elements share one is informative.
 */
function maskClass(name: string): string {
  return name.replace(/[0-9a-f]{10,}/gi, (run) => ((run.match(/\d/g)?.length ?? 0) >= 3 ? '#' : run)).replace(/\d{5,}/g, '#');
}

function clip(value: string, max: number): string {
  return value.length > max ? `${value.slice(0, max)}…` : value;
}
