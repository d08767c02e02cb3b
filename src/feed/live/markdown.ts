/**
 * An offer's description, HTML on the job sites (JSON-LD or the page itself), as Markdown:
 * the popup renders a posting's body through `src/ui/markdown`, which never interprets raw
 * HTML, so a Markdown body is what it shows well.
 *
 * Kept: paragraphs, line breaks, strong/b, em/i, lists (nested, ordered), headings h1–h6,
 * links to http(s) addresses. Everything else gives its text; scripts, styles, forms and
 * embedded objects give nothing. Text is escaped so that page words never become Markdown
 * (a title written `**x**` or `[x](javascript:…)` stays those characters).
 */
import { parseHtmlFragment } from './html';

export interface MarkdownOptions {
  /** Relative links are resolved against it; without it they give their text only. */
  baseUrl?: string;
  /** The Markdown is cut (between blocks when it can) past this many characters. Default 100,000. */
  maxLength?: number;
}

const DEFAULT_MAX_LENGTH = 100_000;

/** Elements whose content is never description text. */
const DROPPED = new Set([
  'SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'SVG', 'MATH', 'IFRAME', 'FRAME', 'OBJECT', 'EMBED', 'CANVAS', 'HEAD', 'TITLE',
  'META', 'LINK', 'BASE', 'BUTTON', 'SELECT', 'TEXTAREA', 'INPUT', 'IMG', 'PICTURE', 'VIDEO', 'AUDIO', 'MAP', 'DIALOG',
]);

/** Elements that start and end a block of text. */
const BLOCK = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BODY', 'CAPTION', 'CENTER', 'DD', 'DETAILS', 'DIV', 'DL', 'DT', 'FIELDSET',
  'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'HEADER', 'HGROUP', 'HR', 'HTML', 'LEGEND', 'MAIN', 'NAV', 'P', 'PRE', 'SECTION',
  'SUMMARY', 'TABLE', 'TBODY', 'TFOOT', 'THEAD', 'TR',
]);

const HEADING = /^H([1-6])$/;

interface Context {
  strong: boolean;
  em: boolean;
  link: boolean;
  baseUrl: string | undefined;
}

/** An HTML fragment (an offer's description) as Markdown; '' when it has no text. */
export function htmlToMarkdown(html: string, options: MarkdownOptions = {}): string {
  if (html.trim() === '') return '';
  return nodeToMarkdown(parseHtmlFragment(html), options);
}

/** The content of a DOM node (an offer page's description section) as Markdown. */
export function nodeToMarkdown(root: Node, options: MarkdownOptions = {}): string {
  const context: Context = { strong: false, em: false, link: false, baseUrl: options.baseUrl };
  const blocks = blocksOf(root, context);
  return capped(blocks, options.maxLength ?? DEFAULT_MAX_LENGTH);
}

function tagOf(node: Node): string {
  return (node as Element).tagName.toUpperCase();
}

function isBlockish(tag: string): boolean {
  return BLOCK.has(tag) || HEADING.test(tag) || tag === 'UL' || tag === 'OL' || tag === 'LI';
}

/** The Markdown blocks of a node's children: runs of inline content become paragraphs. */
function blocksOf(parent: Node, context: Context): string[] {
  const blocks: string[] = [];
  let inline = '';
  const flush = () => {
    blocks.push(...paragraphsOf(inline));
    inline = '';
  };
  for (let child = parent.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 3) {
      inline += escapeText(child.nodeValue ?? '');
      continue;
    }
    if (child.nodeType !== 1) continue;
    const tag = tagOf(child);
    if (DROPPED.has(tag)) continue;
    if (tag === 'BR') {
      inline += '\n';
    } else if (HEADING.test(tag)) {
      flush();
      const level = Number(HEADING.exec(tag)![1]);
      const text = oneLine(inlineChildren(child, context));
      if (text !== '') blocks.push(`${'#'.repeat(level)} ${text}`);
    } else if (tag === 'UL' || tag === 'OL') {
      flush();
      const list = listOf(child as Element, tag === 'OL', context);
      if (list !== '') blocks.push(list);
    } else if (tag === 'LI') {
      // An item outside any list: an item of a list of its own.
      flush();
      const item = itemOf(child, '-', context);
      if (item !== '') blocks.push(item);
    } else if (BLOCK.has(tag) || hasBlockInside(child)) {
      flush();
      blocks.push(...blocksOf(child, context));
    } else {
      inline += inlineElement(child as Element, context);
    }
  }
  flush();
  return blocks;
}

function hasBlockInside(element: Node): boolean {
  for (let child = element.firstChild; child; child = child.nextSibling) {
    if (child.nodeType !== 1) continue;
    const tag = tagOf(child);
    if (DROPPED.has(tag)) continue;
    if (isBlockish(tag) || hasBlockInside(child)) return true;
  }
  return false;
}

function listOf(list: Element, ordered: boolean, context: Context): string {
  const start = Number.parseInt(list.getAttribute('start') ?? '', 10);
  let number = ordered && Number.isInteger(start) && start >= 0 && start < 1_000_000 ? start : 1;
  const items: string[] = [];
  for (let child = list.firstChild; child; child = child.nextSibling) {
    // Text or elements loose between items read as items of their own (sloppy exports).
    if (child.nodeType === 3 && (child.nodeValue ?? '').trim() === '') continue;
    if (child.nodeType !== 1 && child.nodeType !== 3) continue;
    if (child.nodeType === 1 && DROPPED.has(tagOf(child))) continue;
    const marker = ordered ? `${number}.` : '-';
    const item = child.nodeType === 1 && tagOf(child) === 'LI' ? itemOf(child, marker, context) : itemOfNode(child, marker, context);
    if (item === '') continue;
    items.push(item);
    number++;
  }
  return items.join('\n');
}

function itemOfNode(node: Node, marker: string, context: Context): string {
  const text = node.nodeType === 3 ? escapeText(node.nodeValue ?? '') : inlineOrBlocks(node, context);
  return withMarker(marker, paragraphsOf(text).join('\n'));
}

function inlineOrBlocks(node: Node, context: Context): string {
  const tag = tagOf(node);
  if (isBlockish(tag) || hasBlockInside(node)) return blocksOf(node, context).join('\n');
  return inlineElement(node as Element, context);
}

function itemOf(item: Node, marker: string, context: Context): string {
  return withMarker(marker, blocksOf(item, context).join('\n'));
}

/** `- first line` and the next lines indented under it, so nested lists stay inside the item. */
function withMarker(marker: string, body: string): string {
  if (body.trim() === '') return '';
  const indent = ' '.repeat(marker.length + 1);
  const [first, ...rest] = body.split('\n');
  return [`${marker} ${first}`, ...rest.map((line) => (line === '' ? '' : indent + line))].join('\n');
}

function inlineChildren(element: Node, context: Context): string {
  let out = '';
  for (let child = element.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 3) out += escapeText(child.nodeValue ?? '');
    else if (child.nodeType === 1) {
      const tag = tagOf(child);
      if (DROPPED.has(tag)) continue;
      if (tag === 'BR') out += '\n';
      else if (isBlockish(tag)) out += ` ${inlineChildren(child, context)} `;
      else out += inlineElement(child as Element, context);
    }
  }
  return out;
}

function inlineElement(element: Element, context: Context): string {
  const tag = tagOf(element);
  if (tag === 'STRONG' || tag === 'B') {
    const inner = inlineChildren(element, { ...context, strong: true });
    return context.strong ? inner : wrap('**', inner);
  }
  if (tag === 'EM' || tag === 'I') {
    const inner = inlineChildren(element, { ...context, em: true });
    return context.em ? inner : wrap('*', inner);
  }
  if (tag === 'A') {
    const inner = inlineChildren(element, { ...context, link: true });
    const href = context.link ? null : linkTarget(element.getAttribute('href'), context.baseUrl);
    if (href === null) return inner;
    const parts = /^(\s*)([\s\S]*?)(\s*)$/.exec(inner)!;
    const label = oneLine(parts[2]!);
    return label === '' ? inner : `${parts[1]}[${label}](${href})${parts[3]}`;
  }
  // TD/TH and other inline elements: their text, cells kept apart.
  const inner = inlineChildren(element, context);
  return tag === 'TD' || tag === 'TH' ? ` ${inner} ` : inner;
}

/** `**x**` around the words, the spaces left outside (`** x**` is no emphasis). */
function wrap(marker: string, inner: string): string {
  const parts = /^(\s*)([\s\S]*?)(\s*)$/.exec(inner)!;
  const words = parts[2]!;
  if (words.replace(/\\/g, '').trim() === '') return inner;
  return `${parts[1]}${marker}${words}${marker}${parts[3]}`;
}

/** An http(s) address (relative ones against the base), written so Markdown cannot misread it; else null. */
function linkTarget(href: string | null, baseUrl: string | undefined): string | null {
  if (href === null || href.trim() === '') return null;
  let url: URL;
  try {
    url = baseUrl ? new URL(href.trim(), baseUrl) : new URL(href.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  // URL serialisation already percent-encodes spaces, quotes and angle brackets.
  return url.href.replace(/[()[\]*_\\`]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

/** Page text as Markdown text: whitespace folded, every character Markdown could read as markup escaped. */
export function escapeText(text: string): string {
  return text.replace(/[ \t\n\r\f]+/g, ' ').replace(/[\\`*_[\]<>#&|~]/g, (c) => `\\${c}`);
}

/** One line: line breaks and runs of spaces folded. */
function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').replace(/ {2,}/g, ' ').trim();
}

/**
 * Inline Markdown (with `\n` for each `<br>`) as paragraphs: lines trimmed, a line start that
 * Markdown would read as a list, a quote or a heading underline escaped, two breaks in a row
 * a new paragraph, a single break a hard line break.
 */
function paragraphsOf(inline: string): string[] {
  const paragraphs: string[] = [];
  let lines: string[] = [];
  const end = () => {
    if (lines.length > 0) paragraphs.push(lines.join('  \n'));
    lines = [];
  };
  for (const raw of inline.split('\n')) {
    const line = raw.replace(/ {2,}/g, ' ').trim();
    if (line === '') {
      end();
      continue;
    }
    lines.push(escapeLineStart(line));
  }
  end();
  return paragraphs;
}

function escapeLineStart(line: string): string {
  if (/^[-+=]/.test(line)) return `\\${line}`;
  return line.replace(/^(\d{1,9})([.)])/, '$1\\$2');
}

function capped(blocks: string[], maxLength: number): string {
  let out = '';
  for (const block of blocks) {
    const next = out === '' ? block : `${out}\n\n${block}`;
    if (next.length > maxLength) {
      if (out === '') out = `${block.slice(0, Math.max(0, maxLength - 1)).replace(/\\$/, '')}…`;
      else out += '\n\n…';
      break;
    }
    out = next;
  }
  return out;
}
