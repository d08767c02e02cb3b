/**
 * The stored search index as the background's address-bar search needs it: read from
 * IndexedDB once per index revision and kept in memory, so each keystroke costs one read
 * of the index's small header. Takes the reads as functions (tests hand in fakes).
 */
import { searchIndexVersion, type SearchIndex } from '../search/build';
import type { StoredSearchDocs, StoredSearchHeader, StoredSearchTerms } from '../store/db';

export interface StoredIndexReads {
  header(): Promise<Pick<StoredSearchHeader, 'version' | 'revision'> | undefined>;
  docs(): Promise<Pick<StoredSearchDocs, 'version' | 'revision' | 'docs'> | undefined>;
  terms(): Promise<Pick<StoredSearchTerms, 'version' | 'revision' | 'head' | 'body'> | undefined>;
}

/**
 * Returns a function giving the current index, or null when there is none yet, it was built
 * by another version of the search, or a rebuild landed between two reads (the next call
 * reads again).
 */
export interface IndexCache {
  (): Promise<SearchIndex | null>;
  /** Forgets the kept index (the database was erased: its revisions start again from 0). */
  reset(): void;
}

export function createIndexCache(reads: StoredIndexReads, version: string = searchIndexVersion()): IndexCache {
  let cached: { revision: number; index: Promise<SearchIndex | null> } | null = null;

  async function load(revision: number): Promise<SearchIndex | null> {
    const [docs, terms] = await Promise.all([reads.docs(), reads.terms()]);
    if (!docs || !terms) return null;
    if (docs.version !== version || terms.version !== version || docs.revision !== revision || terms.revision !== revision) return null;
    return { format: 'beta-radar-search', version, docs: docs.docs, head: terms.head, body: terms.body };
  }

  const current = async () => {
    const header = await reads.header();
    if (!header || header.version !== version) return null;
    // Keystrokes come faster than a large index reads: they share the one read in flight.
    if (cached?.revision !== header.revision) {
      const entry = { revision: header.revision, index: load(header.revision) };
      cached = entry;
      void entry.index.then(
        (index) => {
          if (index === null && cached === entry) cached = null;
        },
        () => {
          if (cached === entry) cached = null;
        },
      );
    }
    return cached.index;
  };
  return Object.assign(current, {
    reset() {
      cached = null;
    },
  });
}
