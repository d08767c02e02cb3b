import { parsePosting, type Posting } from '../../src/postings';
import type { StoredPosting } from '../../src/store/db';

/** A parsed posting as the store would hand it to the popup. */
export function stored(posting: Posting, sourceId = 'test'): StoredPosting {
  return {
    ...posting,
    key: `${sourceId} ${posting.id}`,
    sourceId,
    version: '1',
    startupId: null,
    storedAt: '2024-05-02T08:00:00.000Z',
    firstSeenAt: '2024-05-02T08:00:00.000Z',
    removedAt: null,
    openAtLastSync: posting.openFlag,
  };
}

/** Parses a posting file written by a test; fails loudly when it does not parse. */
export function storedFromFile(fileName: string, text: string): StoredPosting {
  const result = parsePosting(fileName, text);
  if (!result.ok) throw new Error(`${fileName} did not parse: ${result.error.message}`);
  return stored(result.posting);
}
