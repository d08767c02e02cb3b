import type { GeneralSources } from '@/src/ui/options/GeneralSection';

/** The general section's link to the browser. */
export const generalSources: GeneralSources = {};
