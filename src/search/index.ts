export type * from './types';
export { DEFAULT_FILTERS } from './types';
export { buildSearchIndex, isCurrentSearchIndex, searchIndexVersion, type SearchIndex } from './build';
export { searchPostings, type SearchOptions } from './query';
export { searchInputFrom } from './input';
export { highlightSegments, type Segment } from './highlight';
