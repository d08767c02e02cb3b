/**
 * Raw HTML met in a posting (a block, or one inline tag as marked hands it over) cut into
 * text, start tags and end tags. Nothing here is ever given to an HTML parser: the
 * renderer reads the pieces and builds a few elements of its own (line breaks, checked
 * links) and text nodes. So this lexer only has to be close to a browser's where it
 * changes what the reader sees; where it differs, the result is still text.
 */
import { decodeEntities } from './entities';

export type HtmlPiece =
  | { kind: 'text'; text: string }
  | { kind: 'open'; name: string; attrs: ReadonlyMap<string, string>; selfClosing: boolean }
  | { kind: 'close'; name: string };

/**
 * Elements whose content a browser does not show as markup: it is either code (script,
 * style) or fallback text (noscript, iframe…). Their content is skipped up to the closing
 * tag, without looking for tags inside, as a browser does.
 */
export const RAW_TEXT_ELEMENTS: ReadonlySet<string> = new Set([
  'script', 'style', 'xmp', 'iframe', 'noembed', 'noframes', 'noscript', 'textarea', 'title', 'plaintext',
]);

const TAG_NAME = /<(\/?)([A-Za-z][A-Za-z0-9:-]*)/y;
const ATTRIBUTE = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g;

function readAttributes(source: string): Map<string, string> {
  const attrs = new Map<string, string>();
  for (const match of source.matchAll(ATTRIBUTE)) {
    const name = (match[1] ?? '').toLowerCase();
    // The first of two same-named attributes wins, as in HTML.
    if (name !== '' && !attrs.has(name)) attrs.set(name, decodeEntities(match[2] ?? match[3] ?? match[4] ?? ''));
  }
  return attrs;
}

/** Index just past the `>` that ends the tag whose attributes start at `from`, or -1 if it never ends. */
function endOfTag(source: string, from: number): number {
  let index = from;
  while (index < source.length) {
    const char = source[index];
    if (char === '>') return index + 1;
    if (char === '=') {
      index += 1;
      while (index < source.length && /\s/.test(source[index] ?? '')) index += 1;
      const quote = source[index];
      if (quote === '"' || quote === "'") {
        const close = source.indexOf(quote, index + 1);
        if (close === -1) return -1;
        index = close + 1;
        continue;
      }
      continue;
    }
    index += 1;
  }
  return -1;
}

export function lexHtml(source: string): HtmlPiece[] {
  const pieces: HtmlPiece[] = [];
  let textStart = 0;
  let index = 0;
  const flushText = (end: number) => {
    if (end > textStart) pieces.push({ kind: 'text', text: decodeEntities(source.slice(textStart, end)) });
  };
  while (index < source.length) {
    const lt = source.indexOf('<', index);
    if (lt === -1) break;
    // Comments, doctypes, CDATA and processing instructions show nothing; unclosed, they hide the rest.
    if (source.startsWith('<!--', lt) || source[lt + 1] === '!' || source[lt + 1] === '?') {
      flushText(lt);
      const terminator = source.startsWith('<!--', lt) ? '-->' : '>';
      // Searching from `<!` also ends the empty comments `<!-->` and `<!--->`, as in HTML.
      const end = source.indexOf(terminator, lt + 2);
      index = textStart = end === -1 ? source.length : end + terminator.length;
      continue;
    }
    TAG_NAME.lastIndex = lt;
    const tag = TAG_NAME.exec(source);
    if (!tag) {
      index = lt + 1; // A `<` that starts no tag is text.
      continue;
    }
    const afterName = lt + tag[0].length;
    const end = endOfTag(source, afterName);
    flushText(lt);
    // A tag that never ends is dropped with what follows it, as a browser would not show it either.
    if (end === -1) {
      index = textStart = source.length;
      break;
    }
    const name = (tag[2] ?? '').toLowerCase();
    if (tag[1] === '/') {
      pieces.push({ kind: 'close', name });
      index = textStart = end;
      continue;
    }
    const attributeSource = source.slice(afterName, end - 1);
    pieces.push({ kind: 'open', name, attrs: readAttributes(attributeSource), selfClosing: /\/\s*$/.test(attributeSource) });
    index = textStart = end;
    if (RAW_TEXT_ELEMENTS.has(name)) {
      const closer = new RegExp(`</${name}`, 'gi');
      closer.lastIndex = end;
      const close = closer.exec(source)?.index ?? -1;
      if (close === -1) {
        index = textStart = source.length;
        break;
      }
      const closeEnd = source.indexOf('>', close);
      pieces.push({ kind: 'close', name });
      index = textStart = closeEnd === -1 ? source.length : closeEnd + 1;
    }
  }
  flushText(source.length);
  return pieces;
}
