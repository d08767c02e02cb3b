/**
 * Closing-soon reminders: a favourite offer that is still open and closes within
 * the chosen number of days is recalled once. Pure: the favourites, what was
 * already recalled and the clock come in; the reminders to show come out.
 *
 * "Once" is once per offer and closing day: if the offer's closing day moves (the
 * team extends the deadline, or brings it forward) the new date is news the user
 * may act on, so it is recalled again; the same date never twice.
 */
import { nextDay, parisDay } from '../postings/dates';
import { isOpenAt } from '../postings/status';
import type { Posting } from '../postings/types';

/** storage.local key: offer key → the closing day it was recalled for. */
export const CLOSING_REMINDERS_KEY = 'closingReminders';

export type RecalledClosings = Record<string, string>;

const DAY_MS = 86_400_000;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

type Dated = Pick<Posting, 'openFlag' | 'depublicationDate' | 'applicationDeadline'>;

/**
 * The first day the offer is closed by its own dates (Paris days, as the site's):
 * its `depublication_date`, or the day after its `poste_ferme` deadline; the earlier
 * of the two. Null when it carries neither.
 */
export function closingDayOf(posting: Dated): string | null {
  const days = [posting.depublicationDate, posting.applicationDeadline ? nextDay(posting.applicationDeadline) : null].filter(
    (d): d is string => typeof d === 'string' && DAY.test(d),
  );
  return days.length === 0 ? null : days.sort()[0]!;
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

export interface ClosingReminder<P> {
  posting: P;
  /** First closed day (`YYYY-MM-DD`). */
  closingDay: string;
  /** Last day applications are taken: the day before {@link closingDay}. */
  lastDay: string;
  /** Days from today to the closing day (1 = it closes tomorrow). */
  daysLeft: number;
}

/**
 * The favourites to recall now: open today, closing within `daysBefore` days, and
 * not yet recalled for that closing day. Offers already closed, or whose date is
 * past, get nothing.
 */
export function dueClosingReminders<P extends Dated & { key: string }>(
  favourites: readonly P[],
  recalled: RecalledClosings,
  now: Date,
  daysBefore: number,
): ClosingReminder<P>[] {
  const today = parisDay(now);
  if (today === null) return [];
  return favourites.flatMap((posting): ClosingReminder<P>[] => {
    const closingDay = closingDayOf(posting);
    if (closingDay === null || !isOpenAt(posting, now)) return [];
    const daysLeft = daysBetween(today, closingDay);
    if (daysLeft < 1 || daysLeft > daysBefore || recalled[posting.key] === closingDay) return [];
    return [{ posting, closingDay, lastDay: previousDay(closingDay), daysLeft }];
  });
}

function previousDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) - DAY_MS).toISOString().slice(0, 10);
}

/**
 * What was recalled, after showing `shown`. Entries whose closing day has passed are
 * dropped: those offers are closed and the list stays small.
 */
export function withRecalled(recalled: RecalledClosings, shown: readonly ClosingReminder<{ key: string }>[], now: Date): RecalledClosings {
  const today = parisDay(now) ?? '';
  const next: RecalledClosings = {};
  for (const [key, day] of Object.entries(recalled)) if (day > today) next[key] = day;
  for (const r of shown) next[r.posting.key] = r.closingDay;
  return next;
}

/** The stored record (untrusted): anything that is not key → day is dropped. */
export function readRecalled(raw: unknown): RecalledClosings {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return {};
  const recalled: RecalledClosings = {};
  for (const [key, day] of Object.entries(raw as Record<string, unknown>)) if (typeof day === 'string' && DAY.test(day)) recalled[key] = day;
  return recalled;
}
