/**
 * A listed offer (and, when its page was read, the page's details) as a Posting, the model
 * every other part of Beta Radar reads. Live offers are open while listed (a listing shows
 * open offers only), dated by the page or the card, closed after their `validThrough`.
 */
import { canonicalDomaine } from '../../postings/domaines';
import { extractEmails } from '../../postings/parse';
import { collapseWhitespace } from '../../postings/text';
import { httpUrl } from '../../postings/fields';
import type { ParseWarning, Posting } from '../../postings/types';
import { plainExcerpt } from '../jobs-json';
import { escapeText } from './markdown';
import type { ListedOffer, OfferDetails } from './types';

export interface PostingOptions {
  /**
   * The startup d'État a text names (`recogniseStartupIn` with the registry's index), as its
   * registry id; absent: postings carry no startup reference.
   */
  recogniseStartup?: (text: string) => string | null;
  /** The site's name, for the line that sends a reader to the offer page when no description was read. */
  site?: string;
  /** Why the offer page was not read (the posting then holds the listing's fields only). */
  unreadPage?: string;
}

/** How much of the description may name the startup when the title does not (its opening lines). */
const STARTUP_TEXT = 600;

export function postingFromOffer(listed: ListedOffer, details: OfferDetails | null, options: PostingOptions = {}): Posting {
  const warnings: ParseWarning[] = [];
  const pageUrl = httpUrl(listed.url);
  if (options.unreadPage) {
    warnings.push({ code: 'listing-only', message: `${listed.id}: the offer page was not read (${options.unreadPage}); the listing's fields stand in for it until the next sync.` });
  }

  const title = collapseWhitespace(listed.title) || collapseWhitespace(details?.title ?? '');
  const description = details?.description?.trim() || null;
  const where = options.site ?? (pageUrl ? new URL(pageUrl).hostname : 'le site');
  const body = description ?? (pageUrl ? `La description de l'offre est sur [${escapeText(where)}](${pageUrl.replace(/[()<> ]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}).` : `La description de l'offre est sur ${escapeText(where)}.`);

  const recognise = options.recogniseStartup;
  const startupRef = recognise ? (recognise(title) ?? (description ? recognise(plainText(description).slice(0, STARTUP_TEXT)) : null)) : null;

  const date = details?.datePosted ?? listed.date;
  if (date === null) warnings.push({ code: 'no-date', message: `${listed.id}: neither the offer page nor the listing gave a publication date.` });

  const domaines = [...new Set((details?.domaines ?? []).map((domaine) => canonicalDomaine(collapseWhitespace(domaine))).filter((domaine) => domaine !== ''))];
  const applyEmails = [...new Set([...(details?.emails ?? []), ...extractEmails(description ?? '')].map((email) => email.toLowerCase()))];

  return {
    id: listed.id,
    fileName: listed.id,
    title,
    startupRef,
    openFlag: true,
    closedReason: null,
    date,
    dateSource: date === null ? null : 'front-matter',
    depublicationDate: null,
    applicationDeadline: details?.validThrough ?? null,
    domaines,
    techno: [],
    contract: details?.contract ?? listed.contract,
    junior: false,
    externalUrl: pageUrl,
    applyEmails,
    excerpt: excerptOf(body),
    body,
    warnings,
    location: listed.location ?? details?.location ?? null,
    pageUrl,
  };
}

/** Markdown as plain words (for recognising a startup): escapes, marks and link targets dropped. */
function plainText(markdown: string): string {
  return markdown
    .replace(/\]\([^)]*\)/g, ']')
    .replace(/\\(.)/g, '$1')
    .replace(/[*#[\]]/g, ' ');
}

/**
 * The first paragraph that is more than a heading ("**Description du poste**" opens WTTJ's
 * descriptions), as plain text: Markdown marks and escapes removed.
 */
function excerptOf(body: string): string {
  const blocks = body.split(/\n[ \t]*\n/).map((block) => block.trim()).filter((block) => block !== '');
  const heading = /^(#{1,6}\s.*|\*\*[^\n]*\*\*:?)$/;
  const chosen = blocks.find((block) => !heading.test(block)) ?? blocks[0] ?? '';
  // Escaped characters are page text, not Markdown, tags or references: kept out of plainExcerpt's
  // reach as private-use characters, then put back.
  const hidden = chosen.replace(/\\([!-/:-@[-`{-~])/g, (_, c: string) => String.fromCharCode(0xe000 + c.charCodeAt(0)));
  return plainExcerpt(hidden).replace(/[\ue000-\ue07f]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xe000));
}

