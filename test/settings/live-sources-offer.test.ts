import { describe, expect, it } from 'vitest';
import { DEFAULT_FEED_URL, SUGGESTED_LIVE_SOURCES } from '../../src/feed/feed-url';
import { shouldOfferLiveSources } from '../../src/settings/live-sources-offer';

describe('shouldOfferLiveSources', () => {
  it('offers the live sources to a user who follows the frozen feed only, until they answer', () => {
    expect(shouldOfferLiveSources([DEFAULT_FEED_URL], undefined)).toBe(true);
    expect(shouldOfferLiveSources([], null)).toBe(true);
    expect(shouldOfferLiveSources([DEFAULT_FEED_URL], { answeredAt: '2026-11-24T08:00:00Z' })).toBe(false);
  });

  it('does not offer them once one is configured, in any spelling its URL may take', () => {
    expect(shouldOfferLiveSources([DEFAULT_FEED_URL, SUGGESTED_LIVE_SOURCES[1]!], undefined)).toBe(false);
    expect(shouldOfferLiveSources(['https://welcometothejungle.com/en/companies/communaute-beta-gouv/jobs/'], undefined)).toBe(false);
  });

  it('reads a stored record it does not understand as "not answered"', () => {
    expect(shouldOfferLiveSources([DEFAULT_FEED_URL], { answeredAt: 42 })).toBe(true);
    expect(shouldOfferLiveSources([DEFAULT_FEED_URL], 'yes')).toBe(true);
  });
});
