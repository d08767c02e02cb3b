import { describe, expect, it } from 'vitest';
import { closingDayOf, dueClosingReminders, readRecalled, withRecalled } from '../../src/notify/closing';

interface Fav {
  key: string;
  openFlag: boolean;
  depublicationDate: string | null;
  applicationDeadline: string | null;
}

const fav = (key: string, dates: Partial<Fav>): Fav => ({ key, openFlag: true, depublicationDate: null, applicationDeadline: null, ...dates });
// Monday 2026-11-23, 11:00 in Paris.
const now = new Date('2026-11-23T10:00:00Z');

describe('closingDayOf', () => {
  it('is the depublication day, or the day after the application deadline, whichever comes first', () => {
    expect(closingDayOf(fav('a', { depublicationDate: '2026-11-26' }))).toBe('2026-11-26');
    expect(closingDayOf(fav('a', { applicationDeadline: '2026-11-30' }))).toBe('2026-12-01');
    expect(closingDayOf(fav('a', { depublicationDate: '2026-12-10', applicationDeadline: '2026-11-30' }))).toBe('2026-12-01');
    expect(closingDayOf(fav('a', {}))).toBeNull();
  });
});

describe('dueClosingReminders', () => {
  it('recalls a favourite closing within the chosen days, with its last day to apply', () => {
    const due = dueClosingReminders([fav('soon', { depublicationDate: '2026-11-26' })], {}, now, 3);
    expect(due.map((r) => [r.posting.key, r.closingDay, r.lastDay, r.daysLeft])).toEqual([['soon', '2026-11-26', '2026-11-25', 3]]);
  });

  it('says nothing for offers further away, undated, closed, or whose date is past', () => {
    const favourites = [
      fav('later', { depublicationDate: '2026-11-27' }), // 4 days: outside 3
      fav('undated', {}),
      fav('filled', { openFlag: false, depublicationDate: '2026-11-25' }),
      fav('past', { depublicationDate: '2026-11-20' }),
      fav('today', { depublicationDate: '2026-11-23' }), // closed from today on
      fav('deadline-gone', { applicationDeadline: '2026-11-22' }),
    ];
    expect(dueClosingReminders(favourites, {}, now, 3)).toEqual([]);
  });

  it('recalls the last day to apply itself (deadline today: closes tomorrow)', () => {
    expect(dueClosingReminders([fav('last', { applicationDeadline: '2026-11-23' })], {}, now, 1).map((r) => r.daysLeft)).toEqual([1]);
  });

  it('recalls each offer once per closing day, and again if that day moves', () => {
    const offer = fav('a', { depublicationDate: '2026-11-25' });
    const first = dueClosingReminders([offer], {}, now, 3);
    expect(first).toHaveLength(1);
    const recalled = withRecalled({}, first, now);
    expect(recalled).toEqual({ a: '2026-11-25' });
    // The next check (next sync, next day's alarm): nothing again.
    expect(dueClosingReminders([offer], recalled, now, 3)).toEqual([]);
    expect(dueClosingReminders([offer], recalled, new Date('2026-11-24T10:00:00Z'), 3)).toEqual([]);
    // The deadline was extended: the new date is recalled once.
    const moved = fav('a', { depublicationDate: '2026-11-26' });
    expect(dueClosingReminders([moved], recalled, now, 3).map((r) => r.closingDay)).toEqual(['2026-11-26']);
  });

  it('forgets offers whose closing day has passed, so the record stays small', () => {
    const kept = withRecalled({ gone: '2026-11-20', today: '2026-11-23', ahead: '2026-11-25' }, [], now);
    expect(kept).toEqual({ ahead: '2026-11-25' });
  });
});

describe('readRecalled', () => {
  it('keeps only offer → day entries from storage', () => {
    expect(readRecalled({ a: '2026-11-25', b: 3, c: 'tomorrow' })).toEqual({ a: '2026-11-25' });
    expect(readRecalled(['2026-11-25'])).toEqual({});
    expect(readRecalled(null)).toEqual({});
  });
});
