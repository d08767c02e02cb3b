/**
 * Calendar days as `YYYY-MM-DD` strings. beta.gouv.fr is a French site and its CMS
 * wrote instants in UTC (`2022-02-22T23:00:00.000Z` means midnight on the 23rd in
 * Paris), so instants are read as Paris calendar days. Pure: the Paris offset is
 * computed from the EU summer-time rule, no time-zone database needed.
 */

const DAY_MS = 86_400_000;

/** True when `y-m-d` is a real calendar day. */
function isRealDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const probe = new Date(Date.UTC(year, month - 1, day));
  return probe.getUTCFullYear() === year && probe.getUTCMonth() === month - 1 && probe.getUTCDate() === day;
}

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

function formatUtcDay(date: Date): string {
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

/** The UTC instant of the last Sunday of a month, at 01:00 UTC (when EU clocks change). */
function lastSundayAt1Utc(year: number, monthIndex: number): number {
  const lastDay = new Date(Date.UTC(year, monthIndex + 1, 0, 1));
  return lastDay.getTime() - lastDay.getUTCDay() * DAY_MS;
}

/** Paris offset from UTC in hours at an instant: +2 in summer time, +1 otherwise (rule in force since 1996). */
export function parisOffsetHours(instant: Date): number {
  const year = instant.getUTCFullYear();
  const t = instant.getTime();
  return t >= lastSundayAt1Utc(year, 2) && t < lastSundayAt1Utc(year, 9) ? 2 : 1;
}

/** The Paris calendar day of an instant, or null for an invalid date. */
export function parisDay(instant: Date): string | null {
  if (Number.isNaN(instant.getTime())) return null;
  return formatUtcDay(new Date(instant.getTime() + parisOffsetHours(instant) * 3_600_000));
}

const DAY_ONLY = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const WITH_TIME = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[Tt]|\s+)(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{1,2}(?::?\d{2})?)?$/;

/**
 * Reads a front-matter date as a calendar day: `2021-10-18`, an ISO instant with a
 * zone (converted to the Paris day), a local date-time without zone (its written
 * day), or a `Date` (taken as an instant). Null when it is none of these.
 */
export function toDay(value: unknown): string | null {
  if (value instanceof Date) return parisDay(value);
  if (typeof value !== 'string') return null;
  const text = value.trim();
  const dayOnly = DAY_ONLY.exec(text);
  if (dayOnly) {
    const [, y, m, d] = dayOnly.map(Number) as [number, number, number, number];
    return isRealDay(y, m, d) ? `${pad(y, 4)}-${pad(m)}-${pad(d)}` : null;
  }
  const withTime = WITH_TIME.exec(text);
  if (!withTime) return null;
  const [, ys, ms, ds, hs, mins, , zone] = withTime;
  const y = Number(ys);
  const m = Number(ms);
  const d = Number(ds);
  if (!isRealDay(y, m, d) || Number(hs) > 24 || Number(mins) > 59) return null;
  if (zone === undefined) return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
  const iso = `${pad(y, 4)}-${pad(m)}-${pad(d)}T${pad(Number(hs))}:${mins}:${withTime[6] ?? '00'}${normaliseZone(zone)}`;
  return parisDay(new Date(iso));
}

function normaliseZone(zone: string): string {
  if (zone === 'Z') return 'Z';
  const match = /^([+-])(\d{1,2}):?(\d{2})?$/.exec(zone);
  if (!match) return 'Z';
  return `${match[1]}${pad(Number(match[2]))}:${match[3] ?? '00'}`;
}

/** The `YYYY-MM-DD-` prefix of a Jekyll post file name, when it is a real day. */
export function dayFromFileName(fileName: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})-/.exec(fileName);
  if (!match) return null;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  return isRealDay(y, m, d) ? `${match[1]}-${match[2]}-${match[3]}` : null;
}

/** The day after `day` (`YYYY-MM-DD`). */
export function nextDay(day: string): string {
  return formatUtcDay(new Date(Date.parse(`${day}T00:00:00Z`) + DAY_MS));
}
