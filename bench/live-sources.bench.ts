/**
 * One sync of a 200-offer choisirleservicepublic.gouv.fr listing, end to end in Node: the live
 * source's real code (paged listing, readers, offer pages, HTML → Markdown) against a local HTTP
 * server that answers for the site's host with pages built by test/helpers/live-sites.ts (ten
 * listing pages of 20 cards, each the size of a real one with its embedded filter facets), then
 * syncSource into fake-indexeddb. Prints time, requests and bytes; asserts nothing.
 * Run: npm run bench (or npx tsx bench/live-sources.bench.ts)
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { performance } from 'node:perf_hooks';
import { createHash } from 'node:crypto';
import { parseHTML } from 'linkedom';
import { CSP_HOST, parseLiveSourceUrl } from '../src/feed/feed-url';
import { createLiveSource } from '../src/feed/live/source';
import { openDatabase, type Database } from '../src/store/db';
import { syncSource, type SyncResult } from '../src/sync/run';
import { startHttpServer } from '../test/e2e/servers.ts';
import { cspListingUrl, cspSite, sampleLiveOffers, type LiveOfferSpec } from '../test/helpers/live-sites.ts';
import { quantile } from './stats.ts';

const OFFERS = Number(process.env.BENCH_LIVE_OFFERS ?? 200);
const RUNS = Number(process.env.BENCH_LIVE_RUNS ?? 3);
/** Filter options embedded in each listing page: ~31,000 makes a page the size of a real one (about 4.5 MB). */
const FACETS = Number(process.env.BENCH_LIVE_FACETS ?? 31_000);
const NOW = new Date('2026-11-21T09:00:00+01:00');
const LISTING_URL = cspListingUrl();

const ms = (value: number) => `${value.toFixed(0)} ms`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const stats = (samples: number[]) => `median ${ms(quantile(samples, 0.5))}, p95 ${ms(quantile(samples, 0.95))} (n=${samples.length})`;

interface Traffic {
  listing: number;
  offers: number;
  notModified: number;
  bytes: number;
}

// ---------------------------------------------------------------------------------------------
// The site: pages kept in memory, rebuilt when the offers change; optional ETags.

let offers: LiveOfferSpec[] = sampleLiveOffers(OFFERS, 'csp', '2026-11-20');
let pages = new Map<string, string>();
let etags = new Map<string, string>();
function rebuild(): void {
  pages = cspSite(offers, { facets: FACETS });
  etags = new Map([...pages].map(([url, html]) => [url, `"${createHash('sha1').update(html).digest('hex')}"`]));
}
rebuild();
let sendEtags = false;
const traffic: Traffic = { listing: 0, offers: 0, notModified: 0, bytes: 0 };

const server = await startHttpServer((request) => {
  const url = `https://${CSP_HOST}${request.url.pathname}`;
  const html = pages.get(url);
  if (html === undefined) return { status: 404 };
  const etag = etags.get(url)!;
  if (sendEtags && request.headers['if-none-match'] === etag) {
    traffic.notModified++;
    return { status: 304, headers: { etag } };
  }
  if (request.url.pathname.startsWith('/nos-offres/')) traffic.listing++;
  else traffic.offers++;
  traffic.bytes += Buffer.byteLength(html);
  return { status: 200, headers: { 'content-type': 'text/html; charset=utf-8', ...(sendEtags ? { etag } : {}) }, body: html };
});

const realFetch = globalThis.fetch;
globalThis.fetch = ((input: RequestInfo | URL, init?: RequestInit) => {
  const href = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  const url = new URL(href);
  if (url.hostname !== CSP_HOST) return Promise.reject(new TypeError(`bench: refusing ${href}`));
  const local = `${server.origin}${url.pathname}${url.search}`;
  // The server shares this process with the parser: while a 4 MB page is parsed it cannot
  // answer, and Node may reuse a keep-alive socket the server has just closed. Once more on a
  // fresh socket is a property of the bench's set-up, not of the site.
  return realFetch(local, init).catch(() => realFetch(local, init));
}) as typeof fetch;

const parsed = parseLiveSourceUrl(LISTING_URL)!;

async function freshDatabase(): Promise<Database> {
  globalThis.indexedDB = new IDBFactory();
  return openDatabase();
}

async function timedSync(db: Database): Promise<{ elapsed: number; result: SyncResult; traffic: Traffic }> {
  const before = { ...traffic };
  const start = performance.now();
  const result = await syncSource(db, createLiveSource(parsed), { now: () => NOW });
  const elapsed = performance.now() - start;
  server.requests.length = 0;
  return {
    elapsed,
    result,
    traffic: { listing: traffic.listing - before.listing, offers: traffic.offers - before.offers, notModified: traffic.notModified - before.notModified, bytes: traffic.bytes - before.bytes },
  };
}

const describeTraffic = (t: Traffic) =>
  `${t.listing + t.offers + t.notModified} requests (listing pages ${t.listing}, offer pages ${t.offers}, 304 ${t.notModified}), ${mb(t.bytes)} received`;

/** Baseline: the same pages fetched over the same HTTP path, 4 at a time, not parsed. */
async function fetchOnly(urls: string[]): Promise<number> {
  const start = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      while (next < urls.length) await (await fetch(urls[next++]!)).text();
    }),
  );
  server.requests.length = 0;
  return performance.now() - start;
}

/** Baseline: the listing pages parsed by linkedom and their cards counted, nothing more. */
function parseOnly(): number {
  const start = performance.now();
  let cards = 0;
  for (const [url, html] of pages) {
    if (!url.includes('/nos-offres/')) continue;
    cards += parseHTML(html).document.querySelectorAll('.fr-card--offer').length;
  }
  if (cards === 0) throw new Error('parse baseline found no card');
  return performance.now() - start;
}

// ---------------------------------------------------------------------------------------------

const listingPages = [...pages.keys()].filter((url) => url.includes('/nos-offres/'));
const listingBytes = listingPages.reduce((n, url) => n + Buffer.byteLength(pages.get(url)!), 0);
console.log('Live source bench: choisirleservicepublic.gouv.fr, organisation 10668, read by the real source code in Node;');
console.log('the site is a local HTTP server (same process) answering with generated pages; IndexedDB is fake-indexeddb.\n');
console.log(`Listing: ${OFFERS} offers on ${listingPages.length} pages of ${mb(listingBytes / listingPages.length)} each (embedded facets as on the site), ${pages.size - listingPages.length} offer pages`);

const first: number[] = [];
let firstTraffic: Traffic | undefined;
let firstResult: SyncResult | undefined;
let db: Database | undefined;
for (let run = 0; run <= RUNS; run++) {
  const fresh = await freshDatabase();
  const { elapsed, result, traffic: t } = await timedSync(fresh);
  if (run === 0) {
    fresh.close();
    continue; // warm-up
  }
  first.push(elapsed);
  firstTraffic = t;
  firstResult = result;
  if (run === RUNS) db = fresh;
  else fresh.close();
}
console.log(`  (a) first sync, fresh DB:            ${stats(first)}; ${describeTraffic(firstTraffic!)}; stored ${firstResult!.stored}, open ${firstResult!.openCount}`);
const fetchBaseline: number[] = [];
for (let run = 0; run < RUNS; run++) fetchBaseline.push(await fetchOnly([...pages.keys()]));
console.log(`      baseline, fetch only:            ${stats(fetchBaseline)} (the same ${pages.size} pages, no parse, no store); ratio ${(quantile(first, 0.5) / quantile(fetchBaseline, 0.5)).toFixed(2)}× (medians)`);
const parseBaseline: number[] = [];
for (let run = 0; run < RUNS; run++) parseBaseline.push(parseOnly());
console.log(`      baseline, listing pages parsed:  ${stats(parseBaseline)} (linkedom, cards counted, nothing read)`);

const unchanged: number[] = [];
let unchangedTraffic: Traffic | undefined;
for (let run = 0; run < RUNS; run++) {
  const { elapsed, traffic: t } = await timedSync(db!);
  unchanged.push(elapsed);
  unchangedTraffic = t;
}
console.log(`  (b) nothing changed, no validators: ${stats(unchanged)}; per run ${describeTraffic(unchangedTraffic!)}`);

sendEtags = true;
await timedSync(db!); // learns the pages' ETags
const conditional: number[] = [];
let conditionalTraffic: Traffic | undefined;
for (let run = 0; run < RUNS; run++) {
  const { elapsed, result, traffic: t } = await timedSync(db!);
  if (!result.notModified) throw new Error('expected every page to answer 304');
  conditional.push(elapsed);
  conditionalTraffic = t;
}
console.log(`      with ETags (site allowing):     ${stats(conditional)}; per run ${describeTraffic(conditionalTraffic!)}`);
sendEtags = false;

const oneNew: number[] = [];
let oneTraffic: Traffic | undefined;
for (let run = 0; run < RUNS; run++) {
  const [newest] = sampleLiveOffers(1, 'csp', '2026-11-21');
  offers = [{ ...newest!, id: `2026-98${String(run).padStart(5, '0')}` }, ...offers];
  rebuild();
  const { elapsed, result, traffic: t } = await timedSync(db!);
  if (result.changes.newOffers.length !== 1) throw new Error(`expected one new offer, got ${result.changes.newOffers.length}`);
  oneNew.push(elapsed);
  oneTraffic = t;
}
console.log(`  (c) one new offer:                   ${stats(oneNew)}; per run ${describeTraffic(oneTraffic!)}`);

db!.close();
globalThis.fetch = realFetch;
await server.close();
