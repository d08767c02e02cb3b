import { describe, expect, it } from 'vitest';
import { decideRelease, instantOfLocal, isQuietAt, localTimeOf, nextDigestAt, quietEndAfter } from '../../src/notify/schedule';
import { DEFAULT_NOTIFICATIONS, type NotificationSettings } from '../../src/settings/settings';

// Paris: CET (+1) in winter, CEST (+2) from the last Sunday of March (2026-03-29) to the
// last Sunday of October (2026-10-25). Every expectation is written as a UTC instant.
const PARIS = 'Europe/Paris';
const at = (iso: string) => new Date(iso);
const digest = (every: NotificationSettings['digest']['every'], time: string, weekday = 1) => ({ every, time, weekday });

function settings(change: Partial<NotificationSettings> = {}): NotificationSettings {
  return { ...structuredClone(DEFAULT_NOTIFICATIONS), ...change };
}

describe('local time in a named zone', () => {
  it('reads an instant on the wall clock, weekday included', () => {
    // 2026-11-23 was a Monday; 23:30 UTC is 00:30 on Tuesday in Paris.
    expect(localTimeOf(at('2026-11-23T23:30:00Z'), PARIS)).toEqual({ year: 2026, month: 11, day: 24, hour: 0, minute: 30, weekday: 2 });
  });

  it('turns a wall-clock time back into an instant, in that day’s offset', () => {
    expect(instantOfLocal(2026, 1, 15, 9, 0, PARIS).toISOString()).toBe('2026-01-15T08:00:00.000Z');
    expect(instantOfLocal(2026, 7, 15, 9, 0, PARIS).toISOString()).toBe('2026-07-15T07:00:00.000Z');
    // Day 32 of January is the 1st of February.
    expect(instantOfLocal(2026, 1, 32, 9, 0, PARIS).toISOString()).toBe('2026-02-01T08:00:00.000Z');
  });

  it('moves a time skipped in spring forward, and takes the first of a time met twice in autumn', () => {
    // 02:30 does not exist on 2026-03-29: the clock goes from 02:00 to 03:00, so it reads 03:30.
    expect(instantOfLocal(2026, 3, 29, 2, 30, PARIS).toISOString()).toBe('2026-03-29T01:30:00.000Z');
    // 02:30 happens twice on 2026-10-25: first in summer time (+2).
    expect(instantOfLocal(2026, 10, 25, 2, 30, PARIS).toISOString()).toBe('2026-10-25T00:30:00.000Z');
  });
});

describe('nextDigestAt', () => {
  it('daily: today at the time if still ahead, else tomorrow', () => {
    expect(nextDigestAt(at('2026-11-23T07:00:00Z'), digest('daily', '09:00'), PARIS).toISOString()).toBe('2026-11-23T08:00:00.000Z');
    expect(nextDigestAt(at('2026-11-23T09:00:00Z'), digest('daily', '09:00'), PARIS).toISOString()).toBe('2026-11-24T08:00:00.000Z');
    // Strictly after: at 09:00 exactly, the next one is tomorrow's.
    expect(nextDigestAt(at('2026-11-23T08:00:00Z'), digest('daily', '09:00'), PARIS).toISOString()).toBe('2026-11-24T08:00:00.000Z');
  });

  it('daily keeps the wall-clock time across both daylight-saving changes', () => {
    // Saturday 10:00 CET → Sunday 09:00, now CEST: 23 hours later, not 24.
    expect(nextDigestAt(at('2026-03-28T09:00:00Z'), digest('daily', '09:00'), PARIS).toISOString()).toBe('2026-03-29T07:00:00.000Z');
    // Saturday 10:00 CEST → Sunday 09:00, now CET: 25 hours later.
    expect(nextDigestAt(at('2026-10-24T08:00:00Z'), digest('daily', '09:00'), PARIS).toISOString()).toBe('2026-10-25T08:00:00.000Z');
    // A digest set in the skipped hour still comes, at the moved time.
    expect(nextDigestAt(at('2026-03-28T09:00:00Z'), digest('daily', '02:30'), PARIS).toISOString()).toBe('2026-03-29T01:30:00.000Z');
  });

  it('weekly: on the chosen weekday, wrapping past the week’s end', () => {
    const monday9 = digest('weekly', '09:00', 1);
    // Saturday 2026-11-21 → Monday 2026-11-23.
    expect(nextDigestAt(at('2026-11-21T12:00:00Z'), monday9, PARIS).toISOString()).toBe('2026-11-23T08:00:00.000Z');
    // Monday before 09:00 → that same Monday.
    expect(nextDigestAt(at('2026-11-23T07:59:00Z'), monday9, PARIS).toISOString()).toBe('2026-11-23T08:00:00.000Z');
    // Monday after 09:00 → the next Monday, a whole week on.
    expect(nextDigestAt(at('2026-11-23T10:00:00Z'), monday9, PARIS).toISOString()).toBe('2026-11-30T08:00:00.000Z');
    // Sunday is 0: from a Monday it is six days ahead.
    expect(nextDigestAt(at('2026-11-23T10:00:00Z'), digest('weekly', '18:00', 0), PARIS).toISOString()).toBe('2026-11-29T17:00:00.000Z');
    // Across the spring change: Friday CET → Monday 09:00 CEST.
    expect(nextDigestAt(at('2026-03-27T12:00:00Z'), monday9, PARIS).toISOString()).toBe('2026-03-30T07:00:00.000Z');
  });

  it('hourly: at the chosen minute of the next hour', () => {
    expect(nextDigestAt(at('2026-11-23T10:20:00Z'), digest('hourly', '00:15'), PARIS).toISOString()).toBe('2026-11-23T11:15:00.000Z');
    expect(nextDigestAt(at('2026-11-23T10:10:00Z'), digest('hourly', '00:15'), PARIS).toISOString()).toBe('2026-11-23T10:15:00.000Z');
    // A zone half an hour off UTC: "on the hour" is the local hour.
    expect(nextDigestAt(at('2026-11-23T10:10:00Z'), digest('hourly', '00:00'), 'Asia/Kolkata').toISOString()).toBe('2026-11-23T10:30:00.000Z');
    // Through the skipped hour, an hour of real time later.
    expect(nextDigestAt(at('2026-03-29T00:20:00Z'), digest('hourly', '00:15'), PARIS).toISOString()).toBe('2026-03-29T01:15:00.000Z');
  });
});

describe('quiet hours', () => {
  const night = { enabled: true, start: '22:00', end: '08:00' };

  it('wrapping midnight: quiet from start to end, end excluded', () => {
    // Paris is UTC+1 in November.
    expect(isQuietAt(at('2026-11-23T22:00:00Z'), night, PARIS)).toBe(true); // 23:00
    expect(isQuietAt(at('2026-11-23T21:00:00Z'), night, PARIS)).toBe(true); // 22:00
    expect(isQuietAt(at('2026-11-24T06:59:00Z'), night, PARIS)).toBe(true); // 07:59
    expect(isQuietAt(at('2026-11-24T07:00:00Z'), night, PARIS)).toBe(false); // 08:00
    expect(isQuietAt(at('2026-11-23T20:59:00Z'), night, PARIS)).toBe(false); // 21:59
  });

  it('within one day, off, or empty', () => {
    const lunch = { enabled: true, start: '12:00', end: '14:00' };
    expect(isQuietAt(at('2026-11-23T12:00:00Z'), lunch, PARIS)).toBe(true); // 13:00
    expect(isQuietAt(at('2026-11-23T14:00:00Z'), lunch, PARIS)).toBe(false); // 15:00
    expect(isQuietAt(at('2026-11-23T22:00:00Z'), { ...night, enabled: false }, PARIS)).toBe(false);
    expect(isQuietAt(at('2026-11-23T22:00:00Z'), { enabled: true, start: '23:00', end: '23:00' }, PARIS)).toBe(false);
  });

  it('end at the next local end time: the same night’s morning', () => {
    // 23:00 → 08:00 the next day; 01:00 → 08:00 the same day.
    expect(quietEndAfter(at('2026-11-23T22:00:00Z'), night, PARIS).toISOString()).toBe('2026-11-24T07:00:00.000Z');
    expect(quietEndAfter(at('2026-11-24T00:00:00Z'), night, PARIS).toISOString()).toBe('2026-11-24T07:00:00.000Z');
  });
});

describe('decideRelease', () => {
  const created = at('2026-11-23T10:00:00Z'); // Monday 11:00 in Paris

  it('holds nothing when nothing is pending', () => {
    expect(decideRelease(null, created, settings(), PARIS)).toEqual({ release: false, wakeAt: null });
  });

  it('immediate: shows at once', () => {
    expect(decideRelease(created, created, settings(), PARIS)).toEqual({ release: true, wakeAt: null });
  });

  it('turned off: takes them at once (they are dropped, not kept for later)', () => {
    expect(decideRelease(created, created, settings({ enabled: false, mode: 'digest' }), PARIS)).toEqual({ release: true, wakeAt: null });
  });

  it('digest: held until the first digest after the oldest, then released', () => {
    const daily = settings({ mode: 'digest', digest: digest('daily', '09:00') });
    const held = decideRelease(created, at('2026-11-23T18:00:00Z'), daily, PARIS);
    expect(held).toEqual({ release: false, wakeAt: at('2026-11-24T08:00:00Z') });
    // The alarm fires at the digest time: released.
    expect(decideRelease(created, at('2026-11-24T08:00:00Z'), daily, PARIS)).toEqual({ release: true, wakeAt: null });
    // A worker woken late (the browser was closed) releases as soon as it runs.
    expect(decideRelease(created, at('2026-11-26T15:00:00Z'), daily, PARIS).release).toBe(true);
  });

  it('quiet hours hold what is due until they end, then release it once', () => {
    const quiet = settings({ quietHours: { enabled: true, start: '22:00', end: '08:00' } });
    const lateNight = at('2026-11-23T22:30:00Z'); // 23:30
    expect(decideRelease(lateNight, lateNight, quiet, PARIS)).toEqual({ release: false, wakeAt: at('2026-11-24T07:00:00Z') });
    expect(decideRelease(lateNight, at('2026-11-24T07:00:00Z'), quiet, PARIS)).toEqual({ release: true, wakeAt: null });
  });

  it('a digest falling in quiet hours waits for their end', () => {
    const both = settings({ mode: 'digest', digest: digest('daily', '07:00'), quietHours: { enabled: true, start: '22:00', end: '08:00' } });
    expect(decideRelease(created, created, both, PARIS)).toEqual({ release: false, wakeAt: at('2026-11-24T07:00:00Z') });
    // At 07:00 (the digest time) it is still quiet: woken again at 08:00.
    expect(decideRelease(created, at('2026-11-24T06:00:00Z'), both, PARIS)).toEqual({ release: false, wakeAt: at('2026-11-24T07:00:00Z') });
    expect(decideRelease(created, at('2026-11-24T07:00:00Z'), both, PARIS).release).toBe(true);
  });
});
