/**
 * The one gate for every address the popup turns into a link: a posting's Markdown, its
 * raw HTML, its images, and the view's own action links.
 */

const ALLOWED = new Set(['http:', 'https:', 'mailto:']);

/**
 * `raw` as a normalised absolute `http(s)://` or `mailto:` URL, or null.
 *
 * The scheme is checked twice: on the text (so relative, protocol-relative and
 * `https:host` forms never reach the parser with a chance to be resolved or repaired) and
 * on what `new URL` parsed. The parsed `href` is returned, so the string we checked is the
 * string the link gets, without stray whitespace or control characters. (A `mailto:`
 * keeps other characters as written; the offer view only builds them from plain addresses.)
 */
export function safeUrl(raw: string | null | undefined): string | null {
  if (typeof raw !== 'string') return null;
  const text = raw.trim();
  if (!/^(?:https?:\/\/[^/\\]|mailto:\S)/i.test(text)) return null;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  if (!ALLOWED.has(url.protocol)) return null;
  if (url.protocol !== 'mailto:' && url.hostname === '') return null;
  return url.href;
}

/** {@link safeUrl} restricted to web pages (a startup's site, the original posting). */
export function safeWebUrl(raw: string | null | undefined): string | null {
  const url = safeUrl(raw);
  return url !== null && !url.startsWith('mailto:') ? url : null;
}
