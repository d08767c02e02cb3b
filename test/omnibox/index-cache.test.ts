import { describe, expect, it } from 'vitest';
import { buildSearchIndex, searchIndexVersion } from '../../src/search/build';
import { createIndexCache, type StoredIndexReads } from '../../src/omnibox/index-cache';
import { input } from './postings';

const built = buildSearchIndex([input({ title: 'Développeuse data' }), input({ title: 'Designer' })]);
const version = searchIndexVersion();

/** A stored index whose records can be changed between calls, counting the large reads. */
function store() {
  const state = { header: { version, revision: 1 }, docsRevision: 1, termsRevision: 1, version, docsReads: 0 };
  const reads: StoredIndexReads = {
    header: async () => ({ ...state.header }),
    docs: async () => {
      state.docsReads += 1;
      return { version: state.version, revision: state.docsRevision, docs: built.docs };
    },
    terms: async () => ({ version: state.version, revision: state.termsRevision, head: built.head, body: built.body }),
  };
  return { state, reads };
}

describe('the address bar’s copy of the stored index', () => {
  it('is read once per revision, shared by keystrokes in flight', async () => {
    const { state, reads } = store();
    const current = createIndexCache(reads);
    const [a, b] = await Promise.all([current(), current()]);
    expect(a?.docs).toBe(built.docs);
    expect(b).toBe(a);
    expect(await current()).toBe(a);
    expect(state.docsReads).toBe(1);

    state.header.revision = state.docsRevision = state.termsRevision = 2;
    expect(await current()).not.toBe(a);
    expect(state.docsReads).toBe(2);
  });

  it('gives nothing for another search version, and reads again after a torn read', async () => {
    const { state, reads } = store();
    const current = createIndexCache(reads);
    state.header.version = 'old';
    expect(await current()).toBeNull();
    expect(state.docsReads).toBe(0);

    state.header.version = version;
    state.termsRevision = 0; // a rebuild landed between the reads
    expect(await current()).toBeNull();
    state.termsRevision = 1;
    expect((await current())?.head).toBe(built.head);
    expect(state.docsReads).toBe(2);
  });

  it('reads again after a reset, even at the same revision (an erased database counts from 0 again)', async () => {
    const { state, reads } = store();
    const current = createIndexCache(reads);
    await current();
    current.reset();
    await current();
    expect(state.docsReads).toBe(2);
  });

  it('gives nothing before the first build', async () => {
    const current = createIndexCache({ header: async () => undefined, docs: async () => undefined, terms: async () => undefined });
    expect(await current()).toBeNull();
  });
});
