/**
 * Parse time per posting on the real corpus (../shared), parsePosting against two
 * baselines in the same process. Prints figures; asserts nothing.
 * Run: npm run bench
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import matter from 'gray-matter';
import { parse as parseYaml } from 'yaml';
import { parsePosting } from '../src/postings';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const corpus = path.join(root, '../shared/corpus/beta.gouv.fr');
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 8);

const sets = ['jobs', 'history/blobs'].map((dir) => ({
  dir,
  files: readdirSync(path.join(corpus, dir)).map((name) => ({ name, text: readFileSync(path.join(corpus, dir, name), 'utf8') })),
}));

type Candidate = { label: string; run: (name: string, text: string) => unknown };
const candidates: Candidate[] = [
  { label: 'parsePosting', run: (name, text) => parsePosting(name, text) },
  {
    label: 'gray-matter + yaml.parse only',
    run: (_name, text) => {
      try {
        // An options object, so gray-matter's cache does not short-circuit later rounds.
        return matter(text, { engines: { yaml: (source: string) => (parseYaml(source, { uniqueKeys: false }) ?? {}) as object } });
      } catch {
        return null;
      }
    },
  },
  { label: "text.split('---') only", run: (_name, text) => text.split('---') },
];

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
}

const format = (ms: number) => `${(ms * 1000).toFixed(1)} µs`;
let sink = 0;
for (const { dir, files } of sets) {
  console.log(`\n${dir}: ${files.length} files, ${ROUNDS} rounds (first round is warm-up, not counted)`);
  const medians = new Map<string, number>();
  for (const candidate of candidates) {
    const samples: number[] = [];
    let total = 0;
    for (let round = 0; round <= ROUNDS; round += 1) {
      const roundStart = performance.now();
      for (const { name, text } of files) {
        const start = performance.now();
        const result = candidate.run(name, text);
        const elapsed = performance.now() - start;
        if (round > 0) samples.push(elapsed);
        if (result) sink += 1;
      }
      if (round > 0) total += performance.now() - roundStart;
    }
    samples.sort((a, b) => a - b);
    const median = quantile(samples, 0.5);
    medians.set(candidate.label, median);
    console.log(
      `  ${candidate.label.padEnd(32)} median ${format(median).padStart(10)}  p95 ${format(quantile(samples, 0.95)).padStart(10)}  whole set ${(total / ROUNDS).toFixed(1)} ms/round`,
    );
  }
  const mine = medians.get('parsePosting') ?? Number.NaN;
  for (const [label, median] of medians) {
    if (label !== 'parsePosting') console.log(`  ratio parsePosting / ${label}: ${(mine / median).toFixed(2)}× (medians)`);
  }
}
console.log(`\n(checksum ${sink})`);
