/**
 * Writes `index.json` beside the posting files of a folder, so the folder can be
 * served from any static host as a Beta Radar feed.
 *
 *   npm run feed:index -- path/to/postings
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { buildStaticIndex } from '../src/feed/build-index';

export async function writeFeedIndex(folder: string): Promise<number> {
  const names = (await readdir(folder, { withFileTypes: true }))
    .filter((d) => d.isFile() && !d.name.startsWith('.') && d.name !== 'index.json')
    .map((d) => d.name);
  const files = await Promise.all(names.map(async (path) => ({ path, text: await readFile(join(folder, path), 'utf8') })));
  const index = await buildStaticIndex(files);
  await writeFile(join(folder, 'index.json'), `${JSON.stringify(index, null, 2)}\n`);
  return index.postings.length;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const folder = process.argv[2];
  if (!folder) {
    console.error('usage: npm run feed:index -- <folder of posting files>');
    process.exit(2);
  }
  writeFeedIndex(folder).then(
    (count) => console.log(`wrote ${join(folder, 'index.json')} (${count} postings)`),
    (error: unknown) => {
      console.error(`could not index ${folder}: ${String(error)}`);
      process.exit(1);
    },
  );
}
