import { describe, expect, it } from 'vitest';
import type { UserPostingState } from '../../src/store/db';
import { favouriteChanges, offerMarks } from '../../src/ui/popup/offer-marks';

const state = (key: string, fields: Partial<UserPostingState>): [string, UserPostingState] => [
  key,
  { key, favourite: false, seenAt: null, newSince: null, ...fields },
];
const KEYS = ['github:f dev', 'wttj:w dev', 'csp:c dev'];

describe('the marks of an offer published on several sources', () => {
  it('counts a favourite on any copy', () => {
    const states = new Map([state(KEYS[1]!, { favourite: true })]);
    expect(offerMarks(KEYS, states).favourite).toBe(true);
    expect(offerMarks([KEYS[0]!], states).favourite).toBe(false);
  });

  it('is seen when any copy was, unless a copy was announced as new since', () => {
    expect(offerMarks(KEYS, new Map()).seen).toBe(false);
    expect(offerMarks(KEYS, new Map([state(KEYS[2]!, { seenAt: '2024-03-01T10:00:00Z' })])).seen).toBe(true);
    const reannounced = new Map([state(KEYS[0]!, { seenAt: '2024-03-01T10:00:00Z' }), state(KEYS[1]!, { newSince: '2024-03-05T10:00:00Z' })]);
    expect(offerMarks(KEYS, reannounced).seen).toBe(false);
  });

  it('stars the offer’s own key, and unstars every copy that holds the star', () => {
    expect(favouriteChanges(KEYS, new Map())).toEqual([{ key: KEYS[0], favourite: true }]);
    const states = new Map([state(KEYS[1]!, { favourite: true }), state(KEYS[2]!, { favourite: true })]);
    expect(favouriteChanges(KEYS, states)).toEqual([
      { key: KEYS[1], favourite: false },
      { key: KEYS[2], favourite: false },
    ]);
  });
});
