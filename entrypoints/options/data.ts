import type { DataSources } from '@/src/ui/options/DataSection';

/** The data section's link to the browser. */
export const dataSources: DataSources = {};
