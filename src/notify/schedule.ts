/**
 * When notifications may be shown: digest times, quiet hours, and whether the
 * announcements a sync left are due. Pure, with the clock and the time zone passed
 * in: `timeZone` undefined means the runtime's own zone (the user's, in the
 * browser); tests name one (`Europe/Paris`) to cross a daylight-saving change.
 *
 * Times of day are local wall-clock times, so days are stepped on the calendar
 * (never by adding 24 hours) and each wall-clock time is turned back into an
 * instant in its own day's offset.
 */
import { minutesOfDay, type NotificationSettings } from '../settings/settings';

/** A wall-clock reading: month 1-12, weekday 0 = Sunday. */
export interface LocalTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  weekday: number;
}

const MINUTE_MS = 60_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string | undefined): Intl.DateTimeFormat {
  const name = timeZone ?? '';
  let formatter = formatters.get(name);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      weekday: 'short',
    });
    formatters.set(name, formatter);
  }
  return formatter;
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** The wall-clock time of an instant in a zone. */
export function localTimeOf(instant: Date, timeZone?: string): LocalTime {
  const parts: Record<string, string> = {};
  for (const part of formatterFor(timeZone).formatToParts(instant)) parts[part.type] = part.value;
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour) % 24,
    minute: Number(parts.minute),
    weekday: WEEKDAYS.indexOf(parts.weekday ?? ''),
  };
}

/** Minutes the zone is ahead of UTC at an instant (seconds ignored: no zone in use has them). */
function offsetMinutes(instant: number, timeZone: string | undefined): number {
  const l = localTimeOf(new Date(instant), timeZone);
  const asUtc = Date.UTC(l.year, l.month - 1, l.day, l.hour, l.minute);
  return Math.round((asUtc - Math.floor(instant / MINUTE_MS) * MINUTE_MS) / MINUTE_MS);
}

/**
 * The instant a wall-clock time names. Fields may overflow (day 32, hour 24): they
 * are normalised like `Date.UTC` does, so "tomorrow" is `day + 1`. A time skipped by
 * a spring-forward change (02:30 in Paris on the last Sunday of March) is the instant
 * just as far past the change (03:30); a time met twice in autumn is the first one.
 */
export function instantOfLocal(year: number, month: number, day: number, hour: number, minute: number, timeZone?: string): Date {
  const asUtc = Date.UTC(year, month - 1, day, hour, minute);
  // The zone's offset around that wall-clock time: before and after a possible change.
  const offsets = [...new Set([offsetMinutes(asUtc - 36 * 60 * MINUTE_MS, timeZone), offsetMinutes(asUtc + 36 * 60 * MINUTE_MS, timeZone)])];
  const wanted = new Date(asUtc);
  const matches = offsets
    .map((offset) => asUtc - offset * MINUTE_MS)
    .filter((candidate) => {
      const l = localTimeOf(new Date(candidate), timeZone);
      return l.year === wanted.getUTCFullYear() && l.month === wanted.getUTCMonth() + 1 && l.day === wanted.getUTCDate() && l.hour === wanted.getUTCHours() && l.minute === wanted.getUTCMinutes();
    });
  if (matches.length > 0) return new Date(Math.min(...matches));
  // In a gap: read with the offset from before the change, the clock shows the time moved forward.
  return new Date(asUtc - offsets[0]! * MINUTE_MS);
}

/** The first instant strictly after `after` whose local time passes the checks, stepping whole calendar days. */
function nextAtTimeOfDay(after: Date, time: string, timeZone: string | undefined, dayMatches: (weekday: number) => boolean): Date {
  const minutes = minutesOfDay(time);
  const today = localTimeOf(after, timeZone);
  for (let step = 0; step <= 8; step++) {
    const candidate = instantOfLocal(today.year, today.month, today.day + step, Math.floor(minutes / 60), minutes % 60, timeZone);
    const weekday = (today.weekday + step) % 7;
    if (candidate.getTime() > after.getTime() && dayMatches(weekday)) return candidate;
  }
  // Unreachable: within 8 days every weekday comes round.
  throw new Error('no digest time found');
}

/**
 * The next digest strictly after `after`: hourly at the minute of `time`, daily at
 * `time`, weekly on `weekday` at `time` (local).
 */
export function nextDigestAt(after: Date, digest: NotificationSettings['digest'], timeZone?: string): Date {
  if (digest.every === 'hourly') {
    const minute = minutesOfDay(digest.time) % 60;
    const now = localTimeOf(after, timeZone);
    // Hours are stepped on the wall clock too: a zone's offset is not always whole hours.
    for (let step = 0; step <= 3; step++) {
      const candidate = instantOfLocal(now.year, now.month, now.day, now.hour + step, minute, timeZone);
      if (candidate.getTime() > after.getTime()) return candidate;
    }
    return new Date(after.getTime() + 60 * MINUTE_MS);
  }
  if (digest.every === 'daily') return nextAtTimeOfDay(after, digest.time, timeZone, () => true);
  return nextAtTimeOfDay(after, digest.time, timeZone, (weekday) => weekday === digest.weekday);
}

/** Whether `now` is inside the quiet hours. `start` = `end` is an empty window, not a whole day. */
export function isQuietAt(now: Date, quiet: NotificationSettings['quietHours'], timeZone?: string): boolean {
  if (!quiet.enabled) return false;
  const start = minutesOfDay(quiet.start);
  const end = minutesOfDay(quiet.end);
  const local = localTimeOf(now, timeZone);
  const minute = local.hour * 60 + local.minute;
  return start < end ? minute >= start && minute < end : start > end && (minute >= start || minute < end);
}

/** When quiet hours that hold at `now` end: the next local `end` time. */
export function quietEndAfter(now: Date, quiet: NotificationSettings['quietHours'], timeZone?: string): Date {
  return nextAtTimeOfDay(now, quiet.end, timeZone, () => true);
}

/** An instant moved out of quiet hours (to their end), or kept. */
export function outsideQuietHours(instant: Date, quiet: NotificationSettings['quietHours'], timeZone?: string): Date {
  return isQuietAt(instant, quiet, timeZone) ? quietEndAfter(instant, quiet, timeZone) : instant;
}

export interface ReleaseDecision {
  /** Show the held announcements now (all of them, as one batch). */
  release: boolean;
  /** When to look again (the alarm), or null when nothing is held. */
  wakeAt: Date | null;
}

/**
 * Whether the announcements held since `oldest` (the first one still pending) are
 * due at `now`. Immediate: at once; digest: at the first digest time after the
 * oldest one was made, so everything gathered since shows together. Quiet hours
 * hold whatever is due until they end, then it is shown once.
 */
export function decideRelease(oldest: Date | null, now: Date, settings: NotificationSettings, timeZone?: string): ReleaseDecision {
  if (oldest === null) return { release: false, wakeAt: null };
  // Turned off: taken (and dropped) at once, so nothing piles up for the day they are turned on.
  if (!settings.enabled) return { release: true, wakeAt: null };
  const due = settings.mode === 'digest' ? nextDigestAt(oldest, settings.digest, timeZone) : oldest;
  if (now.getTime() < due.getTime()) return { release: false, wakeAt: outsideQuietHours(due, settings.quietHours, timeZone) };
  if (isQuietAt(now, settings.quietHours, timeZone)) return { release: false, wakeAt: quietEndAfter(now, settings.quietHours, timeZone) };
  return { release: true, wakeAt: null };
}
