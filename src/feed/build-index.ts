/**
 * Builds a static feed index (see static-index.ts for the format) from posting
 * files. Pure apart from WebCrypto, so it runs in Node and in the browser.
 */
import { sha256Hex } from './hash';
import { STATIC_INDEX_FORMAT, type StaticIndex } from './static-index';

const DATE_PREFIX = /^(\d{4}-\d{2}-\d{2})-/;

export async function buildStaticIndex(files: { path: string; text: string }[]): Promise<StaticIndex> {
  const postings = await Promise.all(
    [...files]
      .sort((a, b) => a.path.localeCompare(b.path))
      .map(async ({ path, text }) => ({
        path,
        sha256: await sha256Hex(text),
        date: DATE_PREFIX.exec(path.split('/').pop() ?? '')?.[1] ?? null,
      })),
  );
  return { format: STATIC_INDEX_FORMAT, version: 1, postings };
}
