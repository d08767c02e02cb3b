/**
 * The startups registry for a sync run: the cached copy, refreshed once a day.
 * Optional by design: when beta.gouv.fr cannot be reached the cached copy (or
 * none) is used and postings sync all the same.
 */
import { fetchStartupsRegistry, isRegistryStale, type FetchStartupsOptions, type FetchStartupsResult } from '../feed/startups-registry';
import { buildStartupIndex, resolveStartup } from '../postings/startups';
import { readCachedStartups, updateStartupIds, writeCachedStartups, type Database } from '../store/db';

export type StartupResolver = (ref: string | null) => string | null;

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
  const resolver: StartupResolver = (ref) => resolveStartup(index, ref)?.startup.id ?? null;
  // Postings stored before this registry keep their files; only their resolved startup changes.
  if (refreshed) await updateStartupIds(db, resolver);
  return resolver;
}
