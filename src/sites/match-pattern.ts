/**
 * WebExtension match patterns (`https://*.example.com/jobs/*`), checked the way the browser
 * checks them before injecting a content script, so that `adapterForUrl` claims exactly the
 * pages the manifest lets the content script run on.
 *
 * Only what the adapters use: an `http`, `https` or `*` scheme, a host that is exact, `*`, or
 * `*.domain` (the domain itself and its subdomains), and a path glob where `*` stands for any
 * run of characters. Chrome and Firefox match the path part against the URL's path AND query
 * string (the fragment is ignored), which is what lets `/jobs*` cover `/jobs?q=…`.
 */

export interface ParsedMatchPattern {
  schemes: readonly string[];
  /** `null` = any host. */
  host: string | null;
  subdomains: boolean;
  path: RegExp;
}

const PATTERN = /^(\*|https?):\/\/(\*|\*\.[^/*]+|[^/*]+)(\/.*)$/;

/** Parses a pattern; throws on anything the browser would reject (or that we do not support). */
export function parseMatchPattern(pattern: string): ParsedMatchPattern {
  const match = PATTERN.exec(pattern);
  if (!match) throw new Error(`unsupported match pattern: ${pattern}`);
  const [, scheme, host, path] = match as unknown as [string, string, string, string];
  const escaped = path.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'));
  return {
    schemes: scheme === '*' ? ['http:', 'https:'] : [`${scheme}:`],
    host: host === '*' ? null : host.startsWith('*.') ? host.slice(2).toLowerCase() : host.toLowerCase(),
    subdomains: host.startsWith('*.'),
    path: new RegExp(`^${escaped.join('.*')}$`, 's'),
  };
}

/** Whether `url` (absolute) is matched by `pattern`. A URL that does not parse matches nothing. */
export function matchesPattern(pattern: string | ParsedMatchPattern, url: string): boolean {
  const parsed = typeof pattern === 'string' ? parseMatchPattern(pattern) : pattern;
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return false;
  }
  if (!parsed.schemes.includes(target.protocol)) return false;
  const host = target.hostname.toLowerCase();
  if (parsed.host !== null) {
    const sameHost = host === parsed.host;
    const subdomain = parsed.subdomains && host.endsWith(`.${parsed.host}`);
    if (!sameHost && !subdomain) return false;
  }
  return parsed.path.test(target.pathname + target.search);
}
