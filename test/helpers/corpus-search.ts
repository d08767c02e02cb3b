/** The real corpus (../shared) as search inputs, the way the product stores them: parsed, startups resolved. */
import { readdirSync, readFileSync } from 'node:fs';
import { buildStartupIndex, parsePosting, readStartupsRegistry, resolveStartup } from '../../src/postings';
import { searchInputFrom } from '../../src/search/input';
import type { SearchInput } from '../../src/search/types';
import { CORPUS_DIR } from './shared';

export const CORPUS_SOURCE_ID = 'corpus';

export function loadCorpusSearchInputs(): SearchInput[] {
  const startups = buildStartupIndex(readStartupsRegistry(JSON.parse(readFileSync(`${CORPUS_DIR}startups.json`, 'utf8'))));
  const inputs: SearchInput[] = [];
  for (const name of readdirSync(`${CORPUS_DIR}jobs`).sort()) {
    const result = parsePosting(name, readFileSync(`${CORPUS_DIR}jobs/${name}`, 'utf8'));
    if (!result.ok) continue;
    const startup = resolveStartup(startups, result.posting.startupRef)?.startup ?? null;
    const posting = { ...result.posting, key: `${CORPUS_SOURCE_ID} ${result.posting.id}`, sourceId: CORPUS_SOURCE_ID, startupId: startup?.id ?? null };
    inputs.push(searchInputFrom(posting, startup));
  }
  return inputs;
}
