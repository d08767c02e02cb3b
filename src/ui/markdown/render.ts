/**
 * A posting's Markdown body (untrusted: anyone could have written it in the public feed)
 * → Preact VNodes. Never an HTML string: every element is created here from a fixed list,
 * every piece of posting text ends up in a text node, and every address goes through
 * {@link safeUrl}.
 *
 * Parser: marked's lexer (token tree), chosen over mdast-util-from-markdown. Measured as
 * an esbuild bundle of a one-function entry, minified, gzip -9:
 *   marked (Lexer; GFM included: bare URLs, tables, strikethrough)        51.5 KB, 15.3 KB gz
 *   mdast-util-from-markdown, no GFM                                       57.8 KB, 16.5 KB gz
 *   mdast-util-from-markdown + GFM autolink literals                       68.2 KB, 19.9 KB gz
 *   mdast-util-from-markdown + full GFM                                    83.4 KB, 23.7 KB gz
 *   markdown-it 99.7 KB, 41.7 KB gz; commonmark 159.6 KB, 48.5 KB gz
 * The mdast figures are for browser builds, which decode named character references by
 * assigning to `innerHTML` (decode-named-character-reference's DOM variant); without
 * it, with the full entity table, each is about 12 KB gz more (mdast alone 28.5 KB gz).
 * marked has no dependency and no `innerHTML`; it leaves references undecoded, so
 * `entities.ts` decodes them. 130 of the 543 real postings rely on bare URLs becoming
 * links (GFM), which marked does at no extra cost.
 *
 * Raw HTML (block or inline) is never interpreted. Its text is kept; `<br>` and
 * block-level tags become line breaks; `<a href>` becomes one of our links when its
 * address is allowed; `<img>` follows the image rule; comments are dropped, and so is
 * the content of script-like elements (`RAW_TEXT_ELEMENTS`, `svg`, `math`…); every other
 * tag is dropped and its text kept.
 */
import { Lexer, type MarkedToken, type Token, type Tokens } from 'marked';
import { h, type ComponentChildren, type JSX } from 'preact';
import { decodeEntities } from './entities';
import { lexHtml, RAW_TEXT_ELEMENTS, type HtmlPiece } from './html';
import { safeUrl } from './url';

export interface MarkdownOptions {
  /** The element a body's `#` heading becomes (deeper ones follow, capped at h6). Default 3: the view's own title is the h2. */
  topHeading?: number;
  /** The text of the link that replaces an image, from its alt text (possibly empty). */
  imageLabel(alt: string): string;
}

interface Context {
  headingShift: number;
  imageLabel(alt: string): string;
  /** Inside a link: no link (or image link) may nest, their text is kept. */
  inLink: boolean;
  /** Inside a GFM autolink, whose text marked leaves literal (no character references). */
  literal: boolean;
  depth: number;
}

/** Past this nesting, a token is shown as its text: a hostile body cannot build an arbitrarily deep tree. */
const MAX_DEPTH = 24;

/** Tags whose content is dropped with them, on top of the raw-text ones: foreign content and embedded documents. */
const DROPPED_WITH_CONTENT: ReadonlySet<string> = new Set([...RAW_TEXT_ELEMENTS, 'svg', 'math', 'object', 'template', 'select', 'head']);

/** Tags that separate lines of text: each becomes a line break so words of two blocks never run together. */
const LINE_BREAKING: ReadonlySet<string> = new Set([
  'br', 'p', 'div', 'li', 'dt', 'dd', 'tr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'dl', 'table',
  'blockquote', 'pre', 'hr', 'section', 'article', 'header', 'footer', 'figure', 'figcaption', 'center',
]);

const ALIGN_CLASS = { left: 'md-align-left', center: 'md-align-center', right: 'md-align-right' } as const;

function external(href: string, title: string | null | undefined, children: ComponentChildren, className?: string): ComponentChildren {
  return h(
    'a',
    { href, title: title || undefined, target: '_blank', rel: 'noopener noreferrer', class: className },
    children,
  );
}

/** The plain text of tokens, for alt texts and for whatever is too deep or unknown. */
function plainText(tokens: readonly Token[] | undefined, literal = false): string {
  if (!tokens) return '';
  return tokens
    .map((token) => {
      // No extension is registered on our lexer, so every token is one of marked's own.
      const known = token as MarkedToken;
      switch (known.type) {
        case 'text':
          return known.tokens ? plainText(known.tokens, literal) : literal ? known.text : decodeEntities(known.text);
        case 'escape':
        case 'codespan':
        case 'code':
          return known.text;
        case 'html':
          return lexHtml(known.text)
            .map((piece) => (piece.kind === 'text' ? piece.text : ''))
            .join('');
        case 'link':
          return plainText(known.tokens, literal || known.autolink === true);
        case 'br':
          return '\n';
        default: {
          const generic = token as Tokens.Generic;
          return Array.isArray(generic.tokens) ? plainText(generic.tokens, literal) : typeof generic.text === 'string' ? decodeEntities(generic.text) : '';
        }
      }
    })
    .join('');
}

/** Images are never loaded: a link to the picture, named by its alt text, or the alt text alone. */
function image(src: string | undefined, alt: string, title: string | null | undefined, ctx: Context): ComponentChildren {
  const url = ctx.inLink ? null : safeUrl(src);
  if (url === null) return alt === '' ? null : alt;
  return external(url, title, ctx.imageLabel(alt), 'md-image');
}

function link(href: string | undefined, title: string | null | undefined, render: (ctx: Context) => ComponentChildren, ctx: Context): ComponentChildren {
  const url = ctx.inLink ? null : safeUrl(href);
  if (url === null) return render(ctx);
  return external(url, title, render({ ...ctx, inLink: true }));
}

function isLineBreak(node: ComponentChildren): boolean {
  return typeof node === 'object' && node !== null && 'type' in node && node.type === 'br';
}

type Piece = HtmlPiece | { kind: 'token'; token: Token };

/** Index of the end tag matching the start tag of `name` just before `from` (nesting counted), or `pieces.length`. */
function closingIndex(pieces: readonly Piece[], from: number, name: string): number {
  let open = 1;
  for (let index = from; index < pieces.length; index += 1) {
    const piece = pieces[index];
    if (piece?.kind === 'open' && piece.name === name && !piece.selfClosing) open += 1;
    if (piece?.kind === 'close' && piece.name === name) open -= 1;
    if (open === 0) return index;
  }
  return pieces.length;
}

/**
 * Inline tokens and raw HTML pieces, in order. An HTML element may span several marked
 * tokens (`<a href="…">**x**</a>` is three), so tags are paired here, across tokens.
 */
function renderPieces(pieces: readonly Piece[], ctx: Context): ComponentChildren[] {
  const out: ComponentChildren[] = [];
  const lineBreak = () => {
    if (out.length > 0 && !isLineBreak(out[out.length - 1])) out.push(h('br', null));
  };
  let index = 0;
  while (index < pieces.length) {
    const piece = pieces[index] as Piece;
    index += 1;
    if (piece.kind === 'token') out.push(inline(piece.token, ctx));
    else if (piece.kind === 'text') out.push(piece.text);
    else if (piece.kind === 'close') {
      if (LINE_BREAKING.has(piece.name) && piece.name !== 'br') lineBreak();
    } else if (DROPPED_WITH_CONTENT.has(piece.name)) {
      if (!piece.selfClosing) index = closingIndex(pieces, index, piece.name) + 1;
    } else if (piece.name === 'br') {
      out.push(h('br', null));
    } else if (piece.name === 'img') {
      out.push(image(piece.attrs.get('src'), piece.attrs.get('alt') ?? '', piece.attrs.get('title'), ctx));
    } else if (piece.name === 'a' && !piece.selfClosing && !ctx.inLink) {
      // Only an allowed address pairs the tag with its end tag; any other `<a>` is dropped
      // like an unknown tag, so hostile nesting cannot make this recurse deeper than once.
      const href = safeUrl(piece.attrs.get('href'));
      if (href !== null) {
        const end = closingIndex(pieces, index, 'a');
        const inner = pieces.slice(index, end);
        index = end + 1;
        out.push(external(href, piece.attrs.get('title'), renderPieces(inner, { ...ctx, inLink: true })));
      }
    } else if (LINE_BREAKING.has(piece.name)) {
      lineBreak();
    }
  }
  return out;
}

function inlines(tokens: readonly Token[] | undefined, ctx: Context): ComponentChildren[] {
  const pieces: Piece[] = (tokens ?? []).flatMap((token): Piece[] => (token.type === 'html' ? lexHtml(token.text) : [{ kind: 'token', token }]));
  return renderPieces(pieces, { ...ctx, depth: ctx.depth + 1 });
}

function inline(any: Token, ctx: Context): ComponentChildren {
  if (ctx.depth > MAX_DEPTH) return plainText([any], ctx.literal);
  const token = any as MarkedToken;
  switch (token.type) {
    case 'text':
      return token.tokens ? inlines(token.tokens, ctx) : ctx.literal ? token.text : decodeEntities(token.text);
    case 'escape':
      return token.text;
    case 'strong':
      return h('strong', null, inlines(token.tokens, ctx));
    case 'em':
      return h('em', null, inlines(token.tokens, ctx));
    case 'del':
      return h('del', null, inlines(token.tokens, ctx));
    case 'codespan':
      return h('code', null, token.text);
    case 'br':
      return h('br', null);
    case 'link': {
      const literal = token.autolink === true;
      const href = literal ? token.href : decodeEntities(token.href);
      const title = token.title ? decodeEntities(token.title) : null;
      return link(href, title, (inner) => inlines(token.tokens, { ...inner, literal: inner.literal || literal }), ctx);
    }
    case 'image':
      return image(decodeEntities(token.href), plainText(token.tokens, ctx.literal), token.title ? decodeEntities(token.title) : null, ctx);
    case 'checkbox':
      return token.checked ? '☑ ' : '☐ ';
    default:
      // Block tokens met inline (or a token type this version does not know): their text only.
      return plainText([any], ctx.literal);
  }
}

function blocks(tokens: readonly Token[] | undefined, ctx: Context): ComponentChildren[] {
  const deeper = { ...ctx, depth: ctx.depth + 1 };
  return (tokens ?? []).map((token) => block(token, deeper));
}

function htmlBlock(text: string, ctx: Context): ComponentChildren {
  const children = renderPieces(lexHtml(text), ctx);
  while (children.length > 0 && (isLineBreak(children[0]) || (typeof children[0] === 'string' && children[0].trim() === ''))) children.shift();
  while (children.length > 0 && (isLineBreak(children.at(-1)) || (typeof children.at(-1) === 'string' && (children.at(-1) as string).trim() === ''))) children.pop();
  return children.length === 0 ? null : h('p', null, children);
}

function block(any: Token, ctx: Context): ComponentChildren {
  if (ctx.depth > MAX_DEPTH) return h('p', null, plainText([any], ctx.literal));
  const token = any as MarkedToken;
  switch (token.type) {
    case 'space':
    case 'def':
      return null;
    case 'paragraph':
      return h('p', null, inlines(token.tokens, ctx));
    case 'heading':
      return h(`h${Math.min(6, Math.max(1, token.depth + ctx.headingShift))}`, null, inlines(token.tokens, ctx));
    case 'blockquote':
      return h('blockquote', null, blocks(token.tokens, ctx));
    case 'list': {
      const start = token.ordered && typeof token.start === 'number' && token.start !== 1 ? token.start : undefined;
      return h(
        token.ordered ? 'ol' : 'ul',
        { start },
        token.items.map((item) => h('li', null, blocks(item.tokens, ctx))),
      );
    }
    case 'code':
      return h('pre', null, h('code', null, token.text));
    case 'hr':
      return h('hr', null);
    case 'html':
      return htmlBlock(token.text, ctx);
    case 'table': {
      const cell = (tag: 'th' | 'td', item: Tokens.TableCell) =>
        h(tag, { scope: tag === 'th' ? 'col' : undefined, class: item.align ? ALIGN_CLASS[item.align] : undefined }, inlines(item.tokens, ctx));
      return h(
        'div',
        { class: 'md-table' },
        h('table', null, [
          h('thead', null, h('tr', null, token.header.map((item) => cell('th', item)))),
          h('tbody', null, token.rows.map((row) => h('tr', null, row.map((item) => cell('td', item))))),
        ]),
      );
    }
    case 'text':
      // Tight list items hold their inline content in a block-level text token.
      return token.tokens ? inlines(token.tokens, ctx) : decodeEntities(token.text);
    default:
      return inline(any, ctx);
  }
}

/** The body as text paragraphs, for the day the parser throws on some input. */
function asPlainParagraphs(source: string): ComponentChildren[] {
  return source
    .split(/\n[ \t]*\n/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph !== '')
    .map((paragraph) => h('p', { class: 'md-plain' }, paragraph));
}

/** The shallowest heading level a body uses (1 for `#`), searched through nested blocks; 1 when it has none. */
function shallowestHeading(tokens: readonly Token[]): number {
  let shallowest = 7;
  const visit = (list: readonly Token[], depth: number) => {
    if (depth > MAX_DEPTH) return;
    for (const token of list) {
      if (token.type === 'heading') shallowest = Math.min(shallowest, (token as Tokens.Heading).depth);
      const nested = (token as { tokens?: Token[] }).tokens;
      if (nested) visit(nested, depth + 1);
      const items = (token as { items?: { tokens?: Token[] }[] }).items;
      if (items) for (const item of items) if (item.tokens) visit(item.tokens, depth + 1);
    }
  };
  visit(tokens, 0);
  return shallowest === 7 ? 1 : shallowest;
}

/** Renders Markdown to VNodes. Never throws: if marked fails on some input, the text is shown as is. */
export function renderMarkdown(source: string, options: MarkdownOptions): JSX.Element {
  const ctx: Context = {
    headingShift: (options.topHeading ?? 3) - 1,
    imageLabel: options.imageLabel,
    inLink: false,
    literal: false,
    depth: 0,
  };
  let children: ComponentChildren;
  try {
    // A fresh options object: marked's lexer stores its tokenizer on it, and the global
    // defaults (which `marked.use` could extend elsewhere) are not consulted.
    const tokens = new Lexer({ gfm: true, breaks: false, pedantic: false }).lex(source);
    // Most postings start their sections at `##`: the shallowest level used becomes the top
    // heading, so the outline goes h2 (the title) → h3 without a gap.
    ctx.headingShift = (options.topHeading ?? 3) - shallowestHeading(tokens);
    children = blocks(tokens, ctx);
  } catch {
    children = asPlainParagraphs(source);
  }
  return h('div', { class: 'md' }, children);
}
