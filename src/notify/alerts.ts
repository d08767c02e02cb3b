/**
 * Saved searches ("alerts"): when the user has any, only the new offers that
 * match one of them raise a notification. Pure: data in, data out.
 */
import { foldAccents } from '../postings/text';
import type { Posting } from '../postings/types';

export const ALERTS_KEY = 'alerts';

export interface AlertFilters {
  /** One of the `domaines` the posting must carry. */
  domaine?: string;
  /** The startup reference or resolved id the posting must name. */
  startup?: string;
  /** Only offers flagged junior-friendly. */
  junior?: boolean;
}

export interface Alert {
  id: string;
  /** Words that must all appear (accents and case ignored, word prefixes accepted). */
  query: string;
  filters: AlertFilters;
  createdAt: string;
}

/** Feminine endings that inclusive writing appends after a marker: `développeur·se`, `chargé.e`, `chef(fe)`. */
const INCLUSIVE_ENDING = String.raw`(?:e|es|se|ses|euse|euses|rice|rices|trice|ive|ives|fe|ne|le|ere)`;
const INCLUSIVE_MARKED = new RegExp(String.raw`(?<=[a-z])(?:[·‧•.]${INCLUSIVE_ENDING}|\(${INCLUSIVE_ENDING}\))(?![a-z])`, 'g');

/**
 * Lower case, no accents, inclusive-writing endings dropped (`Développeur·se` →
 * `developpeur`), words split on anything else. (The popup's search has its own,
 * richer normalisation; alerts only need whole-word prefixes.)
 */
export function alertWords(text: string): string[] {
  return foldAccents(text.toLowerCase())
    .replace(INCLUSIVE_MARKED, '')
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

function postingText(posting: Pick<Posting, 'title' | 'startupRef' | 'domaines' | 'techno' | 'contract' | 'body'>): string[] {
  return alertWords([posting.title, posting.startupRef ?? '', posting.domaines.join(' '), posting.techno.join(' '), posting.contract ?? '', posting.body].join(' '));
}

export function matchesAlert(
  posting: Pick<Posting, 'title' | 'startupRef' | 'domaines' | 'techno' | 'contract' | 'body' | 'junior'> & { startupId?: string | null },
  alert: Alert,
): boolean {
  const { domaine, startup, junior } = alert.filters;
  if (junior && !posting.junior) return false;
  if (domaine && !posting.domaines.some((d) => alertWords(d).join(' ') === alertWords(domaine).join(' '))) return false;
  if (startup) {
    const wanted = alertWords(startup).join(' ');
    const names = [posting.startupRef, posting.startupId].filter((n): n is string => !!n).map((n) => alertWords(n).join(' '));
    if (!names.includes(wanted)) return false;
  }
  const words = new Set(postingText(posting));
  return alertWords(alert.query).every((q) => [...words].some((w) => w.startsWith(q)));
}

/** Alerts as stored (untrusted): malformed entries are dropped, not fatal. */
export function readAlerts(raw: unknown): Alert[] {
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((item): Alert[] => {
    const a = item as Partial<Alert> | null;
    if (!a || typeof a.id !== 'string' || typeof a.query !== 'string') return [];
    const f = (typeof a.filters === 'object' && a.filters !== null ? a.filters : {}) as Record<string, unknown>;
    const filters: AlertFilters = {};
    if (typeof f.domaine === 'string' && f.domaine) filters.domaine = f.domaine;
    if (typeof f.startup === 'string' && f.startup) filters.startup = f.startup;
    if (f.junior === true) filters.junior = true;
    return [{ id: a.id, query: a.query, filters, createdAt: typeof a.createdAt === 'string' ? a.createdAt : '' }];
  });
}
