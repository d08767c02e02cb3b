/**
 * One sync run of the GitHub feed, end to end in Node: the real GitHub source and HTTP code
 * against a local server that answers like GitHub (test/helpers/local-github.ts), syncSource, and
 * IndexedDB as fake-indexeddb provides it. Prints figures; asserts nothing.
 * Run: npm run bench (or npx tsx bench/sync.bench.ts)
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { DEFAULT_FEED_URL, sourceForUrl } from '../src/feed/source';
import { openDatabase, type Database } from '../src/store/db';
import { syncSource, type SyncResult } from '../src/sync/run';
import { realPostingFiles } from '../test/e2e/github-feed.ts';
import { startLocalGitHub, trafficDelta, type LocalGitHub, type TrafficCounts } from '../test/helpers/local-github.ts';
import { syntheticPostingFiles } from '../test/helpers/synthetic-postings.ts';
import { quantile } from './stats.ts';

const FULL_RUNS = Number(process.env.BENCH_SYNC_RUNS ?? 5);
const REPEATS = Number(process.env.BENCH_SYNC_REPEATS ?? 20);
const SYNTHETIC_COUNT = Number(process.env.BENCH_SYNC_SYNTHETIC ?? 10_000);
const NOW = new Date('2024-08-27T12:00:00+02:00');

// ---------------------------------------------------------------------------------------------
// Helpers

const ms = (value: number) => `${value.toFixed(1)} ms`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const stats = (samples: number[]) => `median ${ms(quantile(samples, 0.5))}, p95 ${ms(quantile(samples, 0.95))} (n=${samples.length})`;
const requests = (t: TrafficCounts) => `${t.tree + t.notModified + t.raw} requests (tree ${t.tree}, 304 ${t.notModified}, raw ${t.raw}), ${t.bytes.toLocaleString('en')} body bytes`;

/** A fresh, empty database (a new fake-indexeddb factory), counting its read-write transactions. */
async function freshDatabase(): Promise<{ db: Database; writes: () => number }> {
  globalThis.indexedDB = new IDBFactory();
  const db = await openDatabase();
  let writes = 0;
  const transaction = db.transaction.bind(db) as (...args: unknown[]) => unknown;
  (db as unknown as { transaction: unknown }).transaction = (...args: unknown[]) => {
    if (args[1] === 'readwrite') writes++;
    return transaction(...args);
  };
  return { db, writes: () => writes };
}

async function timedSync(local: LocalGitHub, db: Database): Promise<{ elapsed: number; result: SyncResult; traffic: TrafficCounts }> {
  const before = local.traffic();
  const source = sourceForUrl(DEFAULT_FEED_URL);
  const start = performance.now();
  const result = await syncSource(db, source, { now: () => NOW });
  const elapsed = performance.now() - start;
  local.server.requests.length = 0; // the fixture server keeps every request; not part of what is measured
  return { elapsed, result, traffic: trafficDelta(local.traffic(), before) };
}

/** Baseline: the same listing and files fetched over the same HTTP path (4 at a time), no parsing, no storing. */
async function fetchOnly(local: LocalGitHub): Promise<number> {
  const start = performance.now();
  const tree = (await (await fetch(TREE_URL)).json()) as {
    tree: { path: string; type: string }[];
  };
  const paths = tree.tree.filter((item) => item.type === 'blob').map((item) => item.path);
  let next = 0;
  let bytes = 0;
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      while (next < paths.length) {
        const path = paths[next++]!;
        const url = `https://raw.githubusercontent.com/betagouv/beta.gouv.fr/d919d8a8f4fc2ef945d3665a230d5fe2702dda7d/${path.split('/').map(encodeURIComponent).join('/')}`;
        bytes += (await (await fetch(url)).text()).length;
      }
    }),
  );
  local.server.requests.length = 0;
  if (bytes === 0) throw new Error('baseline fetched nothing');
  return performance.now() - start;
}

const TREE_URL = 'https://api.github.com/repos/betagouv/beta.gouv.fr/git/trees/d919d8a8f4fc2ef945d3665a230d5fe2702dda7d?recursive=1';

/** Baseline for a no-change sync: the conditional tree request alone (answered 304). */
async function conditionalOnly(local: LocalGitHub): Promise<number> {
  const etag = (await fetch(TREE_URL, { method: 'HEAD' })).headers.get('etag') ?? '';
  const start = performance.now();
  const response = await fetch(TREE_URL, { headers: { 'If-None-Match': etag } });
  await response.arrayBuffer();
  const elapsed = performance.now() - start;
  if (response.status !== 304) throw new Error(`baseline expected a 304, got ${response.status}`);
  local.server.requests.length = 0;
  return elapsed;
}

/** A full collection, so memory readings start from live data only. */
setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;

/** Changes one posting's text the way an edit upstream would (kept in memory only). */
function editOne(local: LocalGitHub, round: number): void {
  const [name, text] = [...local.feed.files][round % local.feed.files.size]!;
  local.feed.files.set(name, `${text}\n<!-- modification ${round} -->\n`);
}

// ---------------------------------------------------------------------------------------------

console.log('Sync bench: IndexedDB is fake-indexeddb in Node (the browser’s IndexedDB is measured elsewhere);');
console.log('the GitHub source runs its real code against a local HTTP server (same process).\n');
const originalFetch = globalThis.fetch;

// (a)–(c): the 543 real postings.
{
  const files = realPostingFiles();
  const local = await startLocalGitHub(files);
  globalThis.fetch = local.fetch;
  const bytes = files.reduce((n, f) => n + Buffer.byteLength(f.text), 0);
  console.log(`Real feed: ${files.length} postings, ${mb(bytes)} of text`);

  const full: number[] = [];
  let fullTraffic: TrafficCounts | undefined;
  let kept: { db: Database; writes: () => number } | undefined;
  for (let run = 0; run <= FULL_RUNS; run++) {
    const fresh = await freshDatabase();
    const { elapsed, result, traffic } = await timedSync(local, fresh.db);
    if (run === 0) continue; // warm-up
    full.push(elapsed);
    fullTraffic = traffic;
    if (run === FULL_RUNS) kept = fresh;
    else fresh.db.close();
    if (run === 1) console.log(`  (listed ${result.listed}, fetched ${result.fetched}, open ${result.openCount}, rejected ${result.changes.rejected.length})`);
  }
  console.log(`  (a) full sync, fresh DB:        ${stats(full)}; ${requests(fullTraffic!)}`);

  const baseline: number[] = [];
  for (let run = 0; run <= FULL_RUNS; run++) {
    const elapsed = await fetchOnly(local);
    if (run > 0) baseline.push(elapsed);
  }
  console.log(`      baseline, fetch only:       ${stats(baseline)} (same tree + ${files.length} files over the same HTTP path, no parse, no store)`);
  console.log(`      ratio full sync / fetch only: ${(quantile(full, 0.5) / quantile(baseline, 0.5)).toFixed(2)}× (medians)`);

  const { db, writes } = kept!;
  const unchanged: number[] = [];
  let unchangedTraffic: TrafficCounts | undefined;
  const writesBefore = writes();
  for (let run = 0; run < REPEATS; run++) {
    const { elapsed, result, traffic } = await timedSync(local, db);
    if (!result.notModified) throw new Error('expected a 304');
    unchanged.push(elapsed);
    unchangedTraffic = traffic;
  }
  console.log(`  (b) no-change sync:             ${stats(unchanged)}; per run ${requests(unchangedTraffic!)}; DB writes over ${REPEATS} runs: ${writes() - writesBefore}`);
  const conditional: number[] = [];
  for (let run = 0; run < REPEATS; run++) conditional.push(await conditionalOnly(local));
  console.log(`      baseline, the 304 alone:    ${stats(conditional)}; ratio ${(quantile(unchanged, 0.5) / quantile(conditional, 0.5)).toFixed(2)}× (medians)`);

  const oneChange: number[] = [];
  let oneTraffic: TrafficCounts | undefined;
  let oneWrites = 0;
  for (let run = 0; run < REPEATS; run++) {
    editOne(local, run);
    const before = writes();
    const { elapsed, result, traffic } = await timedSync(local, db);
    if (result.fetched !== 1) throw new Error(`expected one fetched file, got ${result.fetched}`);
    oneChange.push(elapsed);
    oneTraffic = traffic;
    oneWrites = writes() - before;
  }
  console.log(`  (c) one posting changed:        ${stats(oneChange)}; per run ${requests(oneTraffic!)}; DB write transactions per run: ${oneWrites}`);
  db.close();
  globalThis.fetch = originalFetch;
  await local.close();
}

// (d): a synthetic feed of 10,000 postings.
{
  const files = syntheticPostingFiles(SYNTHETIC_COUNT);
  const bytes = files.reduce((n, f) => n + Buffer.byteLength(f.text), 0);
  const local = await startLocalGitHub(files);
  globalThis.fetch = local.fetch;
  console.log(`\nSynthetic feed: ${files.length.toLocaleString('en')} invented postings (2–15 KB of invented French), ${mb(bytes)} of text`);

  collect();
  const before = process.memoryUsage();
  const peak = { rss: before.rss, heapUsed: before.heapUsed };
  const sampler = setInterval(() => {
    const now = process.memoryUsage();
    peak.rss = Math.max(peak.rss, now.rss);
    peak.heapUsed = Math.max(peak.heapUsed, now.heapUsed);
  }, 10);
  const { db } = await freshDatabase();
  const { elapsed, result, traffic } = await timedSync(local, db);
  clearInterval(sampler);
  const after = process.memoryUsage();
  const baseline: number[] = [];
  for (let run = 0; run < 3; run++) baseline.push(await fetchOnly(local));
  console.log(`  (d) full sync, fresh DB:        ${ms(elapsed)} (one run); ${requests(traffic)}; listed ${result.listed}, open ${result.openCount}`);
  console.log(`      baseline, fetch only:       ${stats(baseline)}; ratio full sync / fetch only ${(elapsed / quantile(baseline, 0.5)).toFixed(2)}×`);
  console.log(
    `      memory (sampled every 10 ms, whole process incl. the local server and the feed's texts): before rss ${mb(before.rss)}, heap ${mb(before.heapUsed)}; ` +
      `peak rss ${mb(peak.rss)} (+${mb(peak.rss - before.rss)}), peak heap ${mb(peak.heapUsed)} (+${mb(peak.heapUsed - before.heapUsed)}); after rss ${mb(after.rss)}, heap ${mb(after.heapUsed)}`,
  );

  const unchanged: number[] = [];
  let unchangedTraffic: TrafficCounts | undefined;
  for (let run = 0; run < Math.min(REPEATS, 10); run++) {
    const r = await timedSync(local, db);
    unchanged.push(r.elapsed);
    unchangedTraffic = r.traffic;
  }
  console.log(`      no-change sync:             ${stats(unchanged)}; per run ${requests(unchangedTraffic!)}`);
  const conditional: number[] = [];
  for (let run = 0; run < 10; run++) conditional.push(await conditionalOnly(local));
  console.log(`      baseline, the 304 alone:    ${stats(conditional)}; ratio ${(quantile(unchanged, 0.5) / quantile(conditional, 0.5)).toFixed(2)}× (medians)`);
  db.close();
  globalThis.fetch = originalFetch;
  await local.close();
}
