/**
 * Keeps the stored search index in step with the postings: rebuilt by the
 * background after a sync that changed something, so the popup never builds
 * it on its own main thread.
 */
import { buildSearchIndex, searchIndexVersion } from '../search/build';
import { searchInputsFrom } from '../search/input';
import { readRevision, readSearchHeader, readSearchSources, writeSearchIndex, type Database } from '../store/db';

/** Whether the stored index was built from the current data and by this version of the search. */
export async function isSearchIndexCurrent(db: Database): Promise<boolean> {
  const [header, revision] = await Promise.all([readSearchHeader(db), readRevision(db)]);
  return header !== undefined && header.version === searchIndexVersion() && header.revision === revision;
}

/** Rebuilds the stored index when it is missing or stale. Returns whether it rebuilt. */
export async function refreshSearchIndex(db: Database, now: () => Date = () => new Date()): Promise<boolean> {
  if (await isSearchIndexCurrent(db)) return false;
  const { revision, postings, startups } = await readSearchSources(db);
  const index = buildSearchIndex(searchInputsFrom(postings, startups));
  const version = searchIndexVersion();
  await writeSearchIndex(
    db,
    { key: 'docs', version, revision, builtAt: now().toISOString(), docs: index.docs },
    { key: 'terms', version, revision, head: index.head, body: index.body },
  );
  return true;
}
