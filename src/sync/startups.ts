/**
 * The startups registry for a sync run: the cached copy, refreshed once a day.
 * Optional by design: when beta.gouv.fr cannot be reached the cached copy (or
 * none) is used and postings sync all the same.
 */
import { fetchStartupsRegistry, isRegistryStale, type FetchStartupsOptions, type FetchStartupsResult } from '../feed/startups-registry';
import { buildStartupIndex, recogniseStartupIn, resolveStartup } from '../postings/startups';
import { readCachedStartups, updateStartupIds, writeCachedStartups, type Database } from '../store/db';

/**
 * Resolves a posting's startup reference to a registry id; `recognise` finds the startup a
 * text names (a live source's offer has no startup field, only a title and a description).
 */
export type StartupResolver = ((ref: string | null) => string | null) & { recognise?: (text: string) => string | null };

export async function loadStartupResolver(
  db: Database,
  now: Date,
  fetchRegistry: (options: FetchStartupsOptions) => Promise<FetchStartupsResult> = fetchStartupsRegistry,
): Promise<StartupResolver | undefined> {
  const cached = await readCachedStartups(db);
  let startups = cached?.startups;
  let refreshed = false;
  if (isRegistryStale(cached?.fetchedAt ?? null, now)) {
    try {
      const answer = await fetchRegistry({ etag: cached?.etag ?? null, now: () => now });
      if (!answer.notModified) {
        startups = answer.startups;
        refreshed = true;
        await writeCachedStartups(db, { key: 'startups', startups, etag: answer.etag, fetchedAt: answer.fetchedAt });
      } else if (cached) {
        await writeCachedStartups(db, { ...cached, fetchedAt: now.toISOString() }, false);
      }
    } catch {
      // Postings do not need the registry: keep what we have and try again at the next run.
    }
  }
  if (!startups) return undefined;
  const index = buildStartupIndex(startups);
  const resolver: StartupResolver = Object.assign((ref: string | null) => resolveStartup(index, ref)?.startup.id ?? null, {
    recognise: (text: string) => recogniseStartupIn(index, text),
  });
  // Postings stored before this registry keep their files; only their resolved startup changes.
  if (refreshed) await updateStartupIds(db, resolver);
  return resolver;
}
