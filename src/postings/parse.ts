/**
 * One beta.gouv.fr job file (Markdown + YAML front matter) → {@link Posting}.
 * Pure and total: no browser API, never throws, whatever the input.
 */
import { dayFromFileName, toDay } from './dates';
import { postingIdFromFileName } from './status';
import { asList, asText, describe, httpUrl, readFlag, unique } from './fields';
import { splitFrontMatter } from './front-matter';
import { collapseWhitespace, foldAccents, splitList } from './text';
import type { ClosedReason, ParseResult, ParseWarning, Posting } from './types';
import { canonicalDomaine } from './domaines';

export { canonicalDomaine };

/** Warnings that mean the file was not valid as written and was read leniently. */
const RECOVERY_CODES: ReadonlySet<ParseWarning['code']> = new Set(['duplicate-key', 'front-matter-repaired']);



/** Parses one posting file. Never throws: every failure is a {@link ParseError} naming the file. */
export function parsePosting(fileName: string, text: string): ParseResult {
  const name = typeof fileName === 'string' ? fileName : String(fileName);
  try {
    return parseOrThrow(name, text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      error: { code: 'internal-error', fileName: name, message: `${name}: could not be parsed (${detail.split('\n')[0]}).` },
    };
  }
}

function parseOrThrow(fileName: string, input: unknown): ParseResult {
  if (typeof input !== 'string') {
    return { ok: false, error: { code: 'empty-file', fileName, message: `${fileName}: no text to parse.` } };
  }
  const text = input.replace(/^\uFEFF/, '');
  if (text.trim() === '') {
    return { ok: false, error: { code: 'empty-file', fileName, message: `${fileName} is empty.` } };
  }
  const split = splitFrontMatter(fileName, text);
  if (!split.ok) {
    return { ok: false, error: { code: split.code, fileName, message: split.message, ...(split.line !== undefined ? { line: split.line } : {}) } };
  }
  const { data, body } = split;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return {
      ok: false,
      error: { code: 'front-matter-not-a-map', fileName, line: 1, message: `${fileName}: the front matter is a ${describe(data)}, not a list of "key: value" lines.` },
    };
  }
  const warnings = [...split.warnings];
  const fields = new Map<string, unknown>();
  for (const [key, value] of Object.entries(data as Record<string, unknown>)) {
    const normalisedKey = key.trim().toLowerCase();
    if (!fields.has(normalisedKey)) fields.set(normalisedKey, value);
  }
  const field = (...keys: string[]): unknown => {
    for (const key of keys) {
      const value = fields.get(key);
      if (value !== undefined && value !== null && asText(value) !== '') return value;
    }
    return undefined;
  };

  const title = asText(field('roles', 'role', 'title', 'titles'));
  if (title === '') {
    return {
      ok: false,
      error: { code: 'no-title', fileName, message: `${fileName}: no role line (none of roles, role, title, titles has a value).` },
    };
  }

  // Startup reference: YAML has already removed a trailing `# comment`.
  const startupValue = field('startup');
  let startupRef: string | null = null;
  if (typeof startupValue === 'string' || typeof startupValue === 'number') {
    startupRef = collapseWhitespace(String(startupValue)) || null;
  } else if (startupValue !== undefined) {
    warnings.push({ code: 'bad-field-type', message: `${fileName}: "startup" is a ${describe(startupValue)}, not a name; ignored.` });
  }

  // Open flag: `open` first, then `status` (Netlify CMS files), then closed.
  const openValue = fields.get('open');
  let open = false;
  const openFlagValue = readFlag(openValue);
  if (openFlagValue === 'unknown') {
    warnings.push({ code: 'unknown-open-value', message: `${fileName}: "open: ${asText(openValue)}" is neither true nor false; read as closed.` });
  } else if (openFlagValue !== undefined) {
    open = openFlagValue;
    if (typeof openValue === 'string') {
      const plain = openValue.trim().toLowerCase();
      if (plain !== 'true' && plain !== 'false') {
        warnings.push({ code: 'unknown-open-value', message: `${fileName}: "open: ${openValue.trim()}" read as ${String(open)}.` });
      }
    }
  } else {
    open = readFlag(fields.get('status')) === true;
  }
  const filled = readFlag(fields.get('poste_pourvu')) === true;
  const closedValue = fields.get('poste_ferme');
  let closedFlag = false;
  let applicationDeadline: string | null = null;
  if (typeof closedValue === 'boolean') {
    closedFlag = closedValue;
  } else if (closedValue !== undefined && closedValue !== null && asText(closedValue) !== '') {
    applicationDeadline = toDay(closedValue);
    if (applicationDeadline === null) {
      const flag = readFlag(closedValue);
      if (flag === true) closedFlag = true;
      else if (flag !== false) warnings.push({ code: 'bad-date', message: `${fileName}: "poste_ferme: ${asText(closedValue)}" is neither a date nor a flag; ignored.` });
    }
  }
  const openFlag = open && !filled && !closedFlag;
  const closedReason: ClosedReason | null = filled ? 'filled' : closedFlag ? 'closed-flag' : open ? null : 'open-false';

  // Publication day: front matter, else the Jekyll file-name prefix.
  let date: string | null = null;
  let dateSource: Posting['dateSource'] = null;
  const dateValue = field('date');
  if (dateValue !== undefined) {
    date = toDay(dateValue);
    if (date !== null) dateSource = 'front-matter';
    else warnings.push({ code: 'bad-date', message: `${fileName}: "date: ${asText(dateValue)}" is not a date; ignored.` });
  }
  if (date === null) {
    date = dayFromFileName(fileName);
    if (date !== null) dateSource = 'file-name';
    else warnings.push({ code: 'no-date', message: `${fileName}: no date in the front matter nor in the file name.` });
  }

  let depublicationDate: string | null = null;
  const depublicationValue = field('depublication_date');
  if (depublicationValue !== undefined) {
    depublicationDate = toDay(depublicationValue);
    if (depublicationDate === null) {
      warnings.push({ code: 'bad-date', message: `${fileName}: "depublication_date: ${asText(depublicationValue)}" is not a date; ignored.` });
    }
  }

  const domaines = unique(asList(field('domaines', 'domaine')).map(canonicalDomaine));
  const techno = unique(asList(field('techno')));
  const contract = asText(field('contrat')) || null;
  const junior = readFlag(fields.get('junior')) === true;

  let externalUrl: string | null = null;
  const urlValue = field('externalurl');
  if (urlValue !== undefined) {
    externalUrl = httpUrl(asText(urlValue));
    if (externalUrl === null) {
      warnings.push({ code: 'bad-url', message: `${fileName}: "externalURL: ${asText(urlValue)}" is not an http(s) address; ignored.` });
    }
  }

  const contactTexts = [...asList(fields.get('contact')), ...asList(fields.get('contacts'))];
  const applyEmails = unique([...contactTexts.flatMap(extractEmails), ...extractEmails(body)]);

  const posting: Posting = {
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
    excerpt: excerptOf(body),
    body,
    warnings,
  };
  return { ok: true, posting, recovered: warnings.some((warning) => RECOVERY_CODES.has(warning.code)) };
}

/** `logo@2x.png` and the like are file names, not addresses. */
const FILE_SUFFIX = /\.(png|jpe?g|gif|svg|webp|avif|ico|bmp|pdf|md|html?|css|js)$/;
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;

/** E-mail addresses in free text (`mailto:` links, Markdown-escaped underscores), lower-cased. */
export function extractEmails(text: string): string[] {
  const found: string[] = [];
  for (const match of text.replace(/\\([_.+-])/g, '$1').matchAll(EMAIL)) {
    const address = match[0].toLowerCase().replace(/^[._%+-]+/, '').replace(/[.-]+$/, '');
    if (!address.startsWith('@') && !FILE_SUFFIX.test(address)) found.push(address);
  }
  return found;
}

const MORE_MARKER = /<!--\s*more\s*-->/i;

/** The Markdown before `<!--more-->`, or else the first paragraph (HTML comments aside). */
function excerptOf(body: string): string {
  const marker = MORE_MARKER.exec(body);
  if (marker) return body.slice(0, marker.index).trim();
  const withoutComments = body.replace(/<!--[\s\S]*?-->/g, '');
  return withoutComments.trim().split(/\n[ \t]*\r?\n/)[0]?.trim() ?? '';
}
