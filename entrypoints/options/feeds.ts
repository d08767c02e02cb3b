import type { FeedsSources } from '@/src/ui/options/FeedsSection';

/** The feeds section's link to the browser. */
export const feedsSources: FeedsSources = {};
