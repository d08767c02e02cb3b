/**
 * A `jobs.json` listing as a feed: the shape of beta.gouv.fr's former
 * `api/v2.6/jobs.json`, where one document carries every open posting. The site
 * built it with a Jekyll (Liquid) template as a plain JSON array of
 *
 *   { "id": "<file name without .md>", "domaines": ["Développement", …],
 *     "title": "<roles, capitalised> - Offre de <startup name>", "url": "<offer page>",
 *     "published": "2022-03-01 00:00:00 +0100", "startup": "<slug as written>",
 *     "updated": "<last modification or published>", "author": "<friend or beta.gouv.fr>",
 *     "technos": "<techno as one string>", "content": "<excerpt, tags stripped, HTML-escaped>",
 *     "contacts": "<contacts as one string>" }
 *
 * Only open postings were listed. One conditional request gives every entry with
 * its posting already parsed (`inline`), so nothing more is fetched. Wrappers
 * (`{ "items": [...] }`, `{ "data": [...] }`) and lists instead of strings are
 * read as well. Pure apart from `fetch` (through ./http) and WebCrypto.
 */
import { dayFromFileName, toDay } from '../postings/dates';
import { extractEmails } from '../postings/parse';
import { canonicalDomaine } from '../postings/domaines';
import { postingIdFromFileName } from '../postings/status';
import { collapseWhitespace } from '../postings/text';
import { asList, asText, describe, httpUrl, readFlag, unique } from '../postings/fields';
import type { ClosedReason, ParseWarning, Posting } from '../postings/types';
import { sha256Hex } from './hash';
import { conditionalHeaders, FeedError, fetchJson } from './http';
import type { FeedEntry, FeedSource } from './source';

/**
 * Mixed into every version: bump it when the reading of an item changes, so that
 * a sync re-reads items whose JSON did not change.
 */
const READER_VERSION = 'jobs-json/1';

/** True for a URL that designates a jobs.json listing (checked before the generic `.json` static index). */
export function isJobsJsonUrl(url: URL): boolean {
  return /(^|\/)jobs\.json$/i.test(url.pathname);
}

export function createJobsJsonSource(url: string): FeedSource {
  return {
    kind: 'jobs-json',
    id: `jobs-json:${url}`,
    url,
    async list({ etag, signal } = {}) {
      const response = await fetchJson(url, { signal, headers: conditionalHeaders(etag, { Accept: 'application/json' }) });
      if (response.status === 304) return { notModified: true };
      return { notModified: false, entries: await readJobsJson(response.json, url), etag: response.headers.get('etag') };
    },
    async fetchFile(entry) {
      // Every entry carries its posting; a caller that asks for a file has a bug.
      throw new FeedError('invalid-body', `${entry.fileName} comes with its posting in ${url}; there is no separate file to fetch.`, entry.url);
    },
  };
}

type Fields = Map<string, unknown>;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The items of a jobs.json document: a plain array, or one inside `items` or `data`. */
function itemsOf(json: unknown, url: string): unknown[] {
  if (Array.isArray(json)) return json;
  if (isRecord(json)) {
    for (const key of ['items', 'data'] as const) {
      const value = json[key];
      if (Array.isArray(value)) return value;
    }
  }
  const what = json === null ? 'null' : Array.isArray(json) ? 'a list' : typeof json === 'object' ? 'an object without "items" or "data" list' : `a ${typeof json}`;
  throw new FeedError('invalid-body', `${url} is not a jobs.json listing: expected a list of postings (or { "items": [...] }), got ${what}.`, url);
}

/**
 * Reads a parsed jobs.json document as feed entries. Throws a FeedError only when
 * the document itself is not a listing; a bad item becomes an entry whose `inline`
 * result is an error. Items repeating an earlier item's id are skipped (first kept).
 */
export async function readJobsJson(json: unknown, url: string): Promise<FeedEntry[]> {
  const items = itemsOf(json, url);
  const entries: FeedEntry[] = [];
  const seen = new Set<string>();
  for (const [index, raw] of items.entries()) {
    const entry = await readItem(raw, index, url);
    if (seen.has(entry.fileName)) continue;
    seen.add(entry.fileName);
    entries.push(entry);
  }
  return entries;
}

async function readItem(raw: unknown, index: number, feedUrl: string): Promise<FeedEntry> {
  const version = await versionOf(raw);
  const position = `item ${index + 1} of ${feedUrl}`;
  const invalid = (fileName: string, entryUrl: string, code: 'invalid-item' | 'no-title' | 'internal-error', message: string): FeedEntry => ({
    fileName,
    version,
    url: entryUrl,
    inline: { ok: false, error: { code, fileName, message } },
  });
  if (!isRecord(raw)) {
    return invalid(`#${index + 1}`, feedUrl, 'invalid-item', `${position} is a ${describe(raw)}, not a posting object.`);
  }
  const fields = fieldsOf(raw);
  const pageUrl = httpUrl(asText(fields.get('url')));
  const fileName = idOf(fields.get('id')) ?? (pageUrl ? idFromUrl(pageUrl) : null);
  if (fileName === null) {
    return invalid(`#${index + 1}`, pageUrl ?? feedUrl, 'invalid-item', `${position} has neither an "id" nor a "url" to name it by.`);
  }
  const entryUrl = pageUrl ?? feedUrl;
  try {
    const posting = postingOf(fileName, fields);
    if (posting.title === '') {
      return invalid(fileName, entryUrl, 'no-title', `${fileName} (${position}) has no "title".`);
    }
    return { fileName, version, url: entryUrl, inline: { ok: true, posting, recovered: false } };
  } catch (error) {
    // A bug in this reader must not stop the listing.
    const detail = error instanceof Error ? error.message : String(error);
    return invalid(fileName, entryUrl, 'internal-error', `${fileName} (${position}) could not be read (${detail.split('\n')[0]}).`);
  }
}

/** Lower-cased keys (first spelling wins); a JSON:API item's `attributes` are read as its own fields. */
function fieldsOf(item: Record<string, unknown>): Fields {
  const fields: Fields = new Map();
  const add = (record: Record<string, unknown>) => {
    for (const [key, value] of Object.entries(record)) {
      const normalised = key.trim().toLowerCase();
      if (!fields.has(normalised)) fields.set(normalised, value);
    }
  };
  add(item);
  if (isRecord(item.attributes)) add(item.attributes);
  return fields;
}

function postingOf(fileName: string, fields: Fields): Posting {
  const warnings: ParseWarning[] = [];

  const title = roleLine(asText(fields.get('title') ?? fields.get('roles') ?? fields.get('role')));

  const startupValue = fields.get('startup');
  const startupRef = typeof startupValue === 'string' || typeof startupValue === 'number' ? collapseWhitespace(String(startupValue)) || null : null;
  if (startupValue !== undefined && startupValue !== null && typeof startupValue !== 'string' && typeof startupValue !== 'number') {
    warnings.push({ code: 'bad-field-type', message: `${fileName}: "startup" is a ${describe(startupValue)}, not a name; ignored.` });
  }

  // The listing held open postings only: open unless the item itself says otherwise.
  const open = flag(fields.get('open')) ?? true;
  const filled = flag(fields.get('poste_pourvu')) === true;
  const closedValue = fields.get('poste_ferme');
  const applicationDeadline = typeof closedValue === 'string' ? toDay(closedValue) : null;
  const closedFlag = applicationDeadline === null && flag(closedValue) === true;
  const openFlag = open && !filled && !closedFlag;
  const closedReason: ClosedReason | null = filled ? 'filled' : closedFlag ? 'closed-flag' : open ? null : 'open-false';

  let date: string | null = null;
  let dateSource: Posting['dateSource'] = null;
  const published = fields.get('published') ?? fields.get('date');
  if (asText(published) !== '') {
    date = toDay(asText(published));
    // The item's own metadata plays the part of the front matter.
    if (date !== null) dateSource = 'front-matter';
    else warnings.push({ code: 'bad-date', message: `${fileName}: "published: ${asText(published)}" is not a date; ignored.` });
  }
  if (date === null) {
    date = dayFromFileName(fileName);
    if (date !== null) dateSource = 'file-name';
    else warnings.push({ code: 'no-date', message: `${fileName}: no "published" date and none in the id.` });
  }

  const depublicationValue = asText(fields.get('depublication_date'));
  const depublicationDate = depublicationValue === '' ? null : toDay(depublicationValue);
  if (depublicationValue !== '' && depublicationDate === null) {
    warnings.push({ code: 'bad-date', message: `${fileName}: "depublication_date: ${depublicationValue}" is not a date; ignored.` });
  }

  const domaines = unique(list(fields.get('domaines') ?? fields.get('domaine')).map(canonicalDomaine));
  const techno = unique(list(fields.get('technos') ?? fields.get('techno')));
  const contract = asText(fields.get('contrat')) || null;
  const junior = flag(fields.get('junior')) === true;

  let externalUrl: string | null = null;
  const externalValue = asText(fields.get('externalurl') ?? fields.get('external_url'));
  if (externalValue !== '') {
    externalUrl = httpUrl(externalValue);
    if (externalUrl === null) warnings.push({ code: 'bad-url', message: `${fileName}: "externalUrl: ${externalValue}" is not an http(s) address; ignored.` });
  }

  const body = typeof fields.get('content') === 'string' ? (fields.get('content') as string) : asText(fields.get('content'));
  const contacts = [...list(fields.get('contacts')), ...list(fields.get('contact'))];
  const applyEmails = unique([...contacts.flatMap(extractEmails), ...extractEmails(decodeEntities(body))]);

  return {
    id: postingIdFromFileName(fileName),
    fileName,
    title,
    startupRef,
    openFlag,
    closedReason,
    date,
    dateSource,
    depublicationDate,
    applicationDeadline,
    domaines,
    techno,
    contract,
    junior,
    externalUrl,
    applyEmails,
    excerpt: plainExcerpt(body),
    body,
    warnings,
  };
}

/**
 * The posting id from the item's `id`: its last path segment without `.md` (the
 * template derived it from the file's path, which may keep a folder such as
 * `content/`), so it matches the id the GitHub source gives the same file.
 */
function idOf(value: unknown): string | null {
  if (typeof value !== 'string' && typeof value !== 'number') return null;
  const segment = String(value).trim().split('/').filter(Boolean).pop() ?? '';
  const id = postingIdFromFileName(segment).trim();
  return id === '' ? null : id;
}

/** The last path segment of the offer page (`…/2022/03/01/dev-front.html` → `dev-front`). */
function idFromUrl(pageUrl: string): string | null {
  const segment = new URL(pageUrl).pathname.split('/').filter(Boolean).pop();
  if (!segment) return null;
  let decoded = segment;
  try {
    decoded = decodeURIComponent(segment);
  } catch {
    // Keep the raw segment.
  }
  const id = decoded.replace(/\.html?$/i, '').trim();
  return id === '' ? null : id;
}

/** The template wrote `<roles> - Offre de <startup>`: keep the role line only. */
function roleLine(title: string): string {
  const plain = collapseWhitespace(decodeEntities(stripTags(title)));
  const suffix = plain.lastIndexOf(' - Offre de ');
  return suffix > 0 ? plain.slice(0, suffix).trim() : plain;
}

/** A SHA-256 (hex) of the item's JSON with sorted keys, so key order does not count. */
async function versionOf(item: unknown): Promise<string> {
  return sha256Hex(`${READER_VERSION}\n${canonicalJson(item)}`);
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (isRecord(value)) {
    const keys = Object.keys(value).sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** A list, or a comma-separated string, as trimmed non-empty items, HTML entities decoded. */
function list(value: unknown): string[] {
  return asList(value)
    .map((item) => collapseWhitespace(decodeEntities(item)))
    .filter((item) => item !== '');
}

/** true/false in any of the usual forms; undefined when absent or unreadable. */
function flag(value: unknown): boolean | undefined {
  const read = readFlag(value);
  return read === 'unknown' ? undefined : read;
}

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ',
  eacute: 'é', egrave: 'è', ecirc: 'ê', agrave: 'à', acirc: 'â', ccedil: 'ç', icirc: 'î', ocirc: 'ô', ugrave: 'ù', ucirc: 'û',
  Eacute: 'É', Egrave: 'È', Agrave: 'À', Ccedil: 'Ç',
  rsquo: '’', lsquo: '‘', ldquo: '“', rdquo: '”', laquo: '«', raquo: '»', hellip: '…', ndash: '–', mdash: '—', euro: '€', middot: '·',
};

/** Decodes the HTML character references met in such listings; unknown ones stay as written. */
function decodeEntities(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith('#')) {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isInteger(code) && code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[name] ?? whole;
  });
}

/** Removes HTML tags and comments (no DOM): `<` not starting a tag is left alone. */
function stripTags(value: string): string {
  return value.replace(/<!--[\s\S]*?(-->|$)/g, '').replace(/<\/?[a-z][^>]*>/gi, '');
}

const MORE_MARKER = /<!--\s*more\s*-->/i;

/**
 * The first paragraph of the content (or what comes before `<!--more-->`) as
 * plain text: script and style dropped, block ends read as paragraph breaks, tags
 * stripped, character references decoded, the commonest Markdown marks removed.
 */
export function plainExcerpt(content: string): string {
  const marker = MORE_MARKER.exec(content);
  const head = marker ? content.slice(0, marker.index) : content;
  const blocks = head
    .replace(/\r\n?/g, '\n')
    .replace(/<(script|style)\b[\s\S]*?(<\/\1\s*>|$)/gi, '')
    .replace(/<\/(p|div|h[1-6]|li|ul|ol|blockquote|pre|table|section|article)\s*>/gi, '\n\n')
    .replace(/<(br)\s*\/?>\s*<br\s*\/?>/gi, '\n\n');
  const plain = decodeEntities(stripTags(blocks));
  for (const paragraph of plain.split(/\n[ \t]*\n/)) {
    const line = collapseWhitespace(
      paragraph
        .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
        .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
        .replace(/^\s{0,3}(#{1,6}|>|[-*+]|\d+\.)\s+/gm, '')
        .replace(/(\*\*|__)(.+?)\1/g, '$2'),
    );
    if (line !== '') return line;
  }
  return '';
}
