/**
 * The user's own marks on postings, as they travel outside IndexedDB: in an export
 * file and in the options page's message asking the background to merge them back.
 * No imports: the message validator (bundled into every content script) reads them.
 */

/** A posting the user has seen, and when. */
export interface SeenMark {
  key: string;
  seenAt: string;
}

export interface UserMarks {
  /** Keys (`<sourceId> <postingId>`) of the starred postings. */
  favourites: string[];
  seen: SeenMark[];
}

/** More marks than postings a feed could ever list: a bad file, not a user's history. */
export const MAX_MARKS = 100_000;
const MAX_KEY_LENGTH = 2_000;

/** Why a value is not a set of marks: the field at fault (`seen[3].seenAt`) and what it should be. */
export interface MarksProblem {
  field: string;
  expected: 'array' | 'object' | 'key' | 'date' | 'at-most';
}

export function isPostingKey(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= MAX_KEY_LENGTH;
}

/** An ISO 8601 date-time as `Date#toISOString` writes it (what the extension itself stores). */
export function isIsoDateTime(value: unknown): value is string {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/.test(value) && Number.isFinite(Date.parse(value));
}

/**
 * Checks untrusted marks whole: any entry of the wrong type is a problem (named by its
 * field), never silently dropped, so an import either takes a file as it is or not at all.
 * Repeated keys are kept once (the later seen date wins).
 */
export function checkUserMarks(raw: { favourites?: unknown; seen?: unknown }, prefix = ''): { ok: true; marks: UserMarks } | { ok: false; problem: MarksProblem } {
  const { favourites, seen } = raw;
  if (!Array.isArray(favourites)) return { ok: false, problem: { field: `${prefix}favourites`, expected: 'array' } };
  if (favourites.length > MAX_MARKS) return { ok: false, problem: { field: `${prefix}favourites`, expected: 'at-most' } };
  const badFavourite = favourites.findIndex((key) => !isPostingKey(key));
  if (badFavourite >= 0) return { ok: false, problem: { field: `${prefix}favourites[${badFavourite}]`, expected: 'key' } };
  if (!Array.isArray(seen)) return { ok: false, problem: { field: `${prefix}seen`, expected: 'array' } };
  if (seen.length > MAX_MARKS) return { ok: false, problem: { field: `${prefix}seen`, expected: 'at-most' } };
  const seenAt = new Map<string, string>();
  for (const [i, mark] of seen.entries()) {
    if (typeof mark !== 'object' || mark === null || Array.isArray(mark)) return { ok: false, problem: { field: `${prefix}seen[${i}]`, expected: 'object' } };
    const { key, seenAt: at } = mark as { key?: unknown; seenAt?: unknown };
    if (!isPostingKey(key)) return { ok: false, problem: { field: `${prefix}seen[${i}].key`, expected: 'key' } };
    if (!isIsoDateTime(at)) return { ok: false, problem: { field: `${prefix}seen[${i}].seenAt`, expected: 'date' } };
    const before = seenAt.get(key);
    if (before === undefined || Date.parse(at) > Date.parse(before)) seenAt.set(key, at);
  }
  return {
    ok: true,
    marks: { favourites: [...new Set(favourites as string[])], seen: [...seenAt].map(([key, at]) => ({ key, seenAt: at })) },
  };
}
