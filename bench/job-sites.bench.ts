/**
 * The job-site content script's cost on a big LinkedIn-like list, in Chromium with the built
 * extension. The extension syncs the three fixture postings from a local "GitHub"; a local HTTPS
 * server answers as www.linkedin.com with a classic search list of BENCH_JOBS_CARDS cards cloned
 * from test/fixtures/job-sites/linkedin-search.html (see bench/job-sites-page.ts).
 *
 * Every figure has a baseline taken in the same browser: the same page with LinkedIn turned off
 * in the settings (`siteSettings.disabled: ['linkedin']`), so the content script starts, reads
 * its settings and stops. What differs between the two is the highlighter's work.
 * 1. navigation start → all marks set (the last `data-betagouv-match` written), per page load;
 * 2. main-thread blocking during a load: Long Tasks API entries and long animation frames
 *    (both blind to who ran the work), and, from a DevTools trace, the tasks that actually ran
 *    the content script, during a load and during appends;
 * 3. main-thread script time (CDP `Performance.getMetrics`) per batch of 25 cards appended to
 *    the list after load, highlighting on minus off;
 * 4. script time over 5 s of an idle, already marked page, on vs off;
 * 5. the content script's size on disk.
 * Prints figures; asserts nothing. Run: npx tsx bench/job-sites.bench.ts
 * Env: BENCH_JOBS_CARDS (default 1000), BENCH_JOBS_LOADS (default 5), E2E_SKIP_BUILD=1 reuses
 * the last build.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { CDPSession, Page } from 'playwright-core';
import { buildExtension, launchBrowser, setStorageLocal, startHttpsServer, waitForSyncRun } from '../test/e2e/harness.ts';
import { createGitHubFeed } from '../test/e2e/github-feed.ts';
import { MAX_CARDS_PER_BATCH } from '../src/messages.ts';
import { benchCard, benchListPage, cardHtml } from './job-sites-page.ts';

const CARDS = Number(process.env.BENCH_JOBS_CARDS ?? 1000);
const LOADS = Number(process.env.BENCH_JOBS_LOADS ?? 5);
const APPENDS = 20;
const APPEND_SIZE = 25;
/** After an append, how long both modes are metered: long enough for a scan, a message round trip and the marks. */
const APPEND_WINDOW_MS = 1_000;
const IDLE_MS = 5_000;
/** Long tasks are kept until this long after the last mark, to catch the style and layout work the marks cause. */
const SETTLE_MS = 1_000;
const TRACED_APPENDS = 5;

const PAGE_URL = 'https://www.linkedin.com/jobs/search/?keywords=bench';
const POSTINGS_DIR = new URL('../test/fixtures/job-sites/postings/', import.meta.url);
const MATCH = '[data-betagouv-match]';

function quantile(values: number[], q: number): number {
  const finite = values.filter(Number.isFinite).sort((a, b) => a - b);
  return finite.length === 0 ? NaN : finite[Math.min(finite.length - 1, Math.floor(q * finite.length))]!;
}
const median = (values: number[]) => quantile(values, 0.5);
const p95 = (values: number[]) => quantile(values, 0.95);
const ms = (value: number, digits = 0) => (Number.isFinite(value) ? `${value.toFixed(digits)} ms` : 'n/a');
const wait = (time: number) => new Promise((resolve) => setTimeout(resolve, time));

/**
 * Installed in every page before its own scripts (string form: tsx's `__name` helper does not
 * exist in the page). Runs in the page's main world; the content script runs in its isolated
 * world on the same main thread.
 * - longtask entries: tasks over 50 ms. In Chromium 156 it misses some of the tasks that ran
 *   the content script (the table sets its count beside the trace's), and its attribution names
 *   a frame, never a script: a figure to compare with the baseline, not proof;
 * - long-animation-frame entries: frames over 50 ms (script, style, layout, paint). Their
 *   script attribution leaves extension scripts out, so only durations are kept;
 * - a MutationObserver on our two attributes, for when the content script started
 *   (`data-beta-radar-site`) and when it set its first and last mark. It costs a few
 *   microseconds per batch of marks, and only with highlighting on: counted against us.
 */
const INIT_SCRIPT = `(() => {
  const bench = { longTasks: [], frames: [], siteAt: null, firstMarkAt: null, lastMarkAt: null };
  Object.defineProperty(window, '__jobSitesBench', { value: bench });
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) bench.longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) bench.frames.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'long-animation-frame', buffered: true });
  } catch {}
  new MutationObserver((records) => {
    const now = performance.now();
    for (const r of records) {
      if (r.attributeName === 'data-beta-radar-site') bench.siteAt ??= now;
      else { bench.firstMarkAt ??= now; bench.lastMarkAt = now; }
    }
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-betagouv-match', 'data-beta-radar-site'] });
})()`;

/** A task or a frame over 50 ms, in the page's clock (ms since navigation start). */
interface Span {
  start: number;
  duration: number;
}
interface PageRecord {
  longTasks: Span[];
  frames: Span[];
  siteAt: number | null;
  firstMarkAt: number | null;
  lastMarkAt: number | null;
  domContentLoaded: number;
  loadEnd: number;
  marks: number;
}
const READ_RECORD = `(() => {
  const b = window.__jobSitesBench;
  const nav = performance.getEntriesByType('navigation')[0];
  return { longTasks: b.longTasks, frames: b.frames, siteAt: b.siteAt, firstMarkAt: b.firstMarkAt, lastMarkAt: b.lastMarkAt,
    domContentLoaded: nav.domContentLoadedEventEnd, loadEnd: nav.loadEventEnd, marks: document.querySelectorAll('${MATCH}').length };
})()`;
const COUNT_MARKS = `document.querySelectorAll('${MATCH}').length`;

// ---------------------------------------------------------------------------------------------
// Trace: which main-thread tasks ran the content script

/**
 * Neither the Long Tasks API nor long-animation-frame script attribution names an extension's
 * isolated-world script (Chromium leaves extension scripts out), so "caused by us" is read
 * from a DevTools trace instead: a top-level `RunTask` on the page's main thread that contains
 * an `EvaluateScript` or `FunctionCall` of the content script's URL is one of ours. Its
 * duration includes what the same task did after our callback (style, layout, paint of the
 * frame our rAF callback ran in), part of which our marks caused and part the page's own.
 */
interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { data?: { url?: string } };
}
interface OurTask {
  /** The whole task, ms. */
  duration: number;
  /** The content script's own calls inside it, ms. */
  script: number;
}

async function startTrace(cdp: CDPSession): Promise<() => Promise<TraceEvent[]>> {
  const events: TraceEvent[] = [];
  const collect = (event: { value: object[] }) => events.push(...(event.value as TraceEvent[]));
  cdp.on('Tracing.dataCollected', collect);
  await cdp.send('Tracing.start', {
    traceConfig: { includedCategories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] },
    transferMode: 'ReportEvents',
  });
  return async () => {
    const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
    await cdp.send('Tracing.end');
    await complete;
    cdp.off('Tracing.dataCollected', collect);
    return events;
  };
}

function ourTasks(events: TraceEvent[], scriptUrlPrefix: string): OurTask[] {
  const calls = events.filter(
    (e) => e.ph === 'X' && (e.name === 'EvaluateScript' || e.name === 'FunctionCall') && (e.args?.data?.url ?? '').startsWith(scriptUrlPrefix),
  );
  const threads = new Set(calls.map((e) => `${e.pid}:${e.tid}`));
  const tasks = events.filter((e) => e.ph === 'X' && e.name === 'RunTask' && threads.has(`${e.pid}:${e.tid}`));
  const found: OurTask[] = [];
  for (const task of tasks) {
    const end = task.ts + (task.dur ?? 0);
    const inside = calls.filter((c) => c.pid === task.pid && c.tid === task.tid && c.ts >= task.ts && c.ts < end);
    if (inside.length === 0) continue;
    // Nested calls (a callback called from our own code) are counted once, through the outer one.
    const outer = inside.filter((c) => !inside.some((o) => o !== c && o.ts <= c.ts && o.ts + (o.dur ?? 0) >= c.ts + (c.dur ?? 0) && (o.ts < c.ts || (o.dur ?? 0) > (c.dur ?? 0))));
    found.push({ duration: (task.dur ?? 0) / 1000, script: outer.reduce((sum, c) => sum + (c.dur ?? 0), 0) / 1000 });
  }
  return found;
}

// ---------------------------------------------------------------------------------------------
// Servers and browser

const postings = readdirSync(POSTINGS_DIR).map((name) => ({ name, text: readFileSync(new URL(name, POSTINGS_DIR), 'utf8') }));
const { html: listPage, cards } = benchListPage(CARDS, PAGE_URL);
// The cards appended after load: they continue the list's numbering, so their ids are new.
const appendBatches = Array.from({ length: APPENDS + 1 }, (_, k) =>
  Array.from({ length: APPEND_SIZE }, (_, j) => benchCard(CARDS + k * APPEND_SIZE + j)),
);

const outDir = await buildExtension('chrome');
const feed = createGitHubFeed(postings);
const feedServer = await startHttpsServer(feed.router);
const siteServer = await startHttpsServer((request) =>
  request.url.href === PAGE_URL
    ? { headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }, body: listPage }
    : { status: 204 },
);
const browser = await launchBrowser({
  hosts: { 'api.github.com': feedServer.port, 'raw.githubusercontent.com': feedServer.port, 'www.linkedin.com': siteServer.port },
  timeoutMs: 120_000,
});
const contentScriptUrl = browser.extensionUrl('content-scripts/linkedin.js');

async function setHighlighting(on: boolean): Promise<void> {
  await setStorageLocal(browser.serviceWorker, { siteSettings: { disabled: on ? [] : ['linkedin'], showSimilar: true } });
}

/** Navigates to the list; returns once the content script has started (both modes set the marker). */
async function openList(page: Page): Promise<void> {
  await page.goto(PAGE_URL, { waitUntil: 'load', timeout: 60_000 });
  await page.waitForSelector('html[data-beta-radar-site]', { timeout: 30_000 });
}

/** With highlighting on: true once the page shows `expected` marks, false after 30 s. */
function marksSet(page: Page, on: boolean, expected: number): Promise<boolean> {
  if (!on || expected === 0) return Promise.resolve(true);
  return page.waitForFunction(`${COUNT_MARKS} >= ${expected}`, undefined, { polling: 50, timeout: 30_000 }).then(
    () => true,
    () => false,
  );
}

/** Polls the number of marks until it has not changed for `quietMs` (and, while zero, for at least `zeroMs`). */
async function stableMarkCount(page: Page, quietMs = 1_000, zeroMs = 8_000): Promise<number> {
  const started = Date.now();
  let count = -1;
  let since = Date.now();
  for (;;) {
    const now = (await page.evaluate(COUNT_MARKS)) as number;
    if (now !== count) {
      count = now;
      since = Date.now();
    }
    if (Date.now() - since >= quietMs && (count > 0 || Date.now() - started >= zeroMs)) return count;
    await wait(100);
  }
}

interface Load {
  on: boolean;
  record: PageRecord;
  /** All expected marks were there before the timeout. */
  complete: boolean;
}

async function loadOnce(on: boolean, expected: number): Promise<Load> {
  await setHighlighting(on);
  const page = await browser.context.newPage();
  try {
    await openList(page);
    const complete = await marksSet(page, on, expected);
    await wait(SETTLE_MS);
    return { on, record: (await page.evaluate(READ_RECORD)) as PageRecord, complete };
  } finally {
    await page.close();
  }
}

/**
 * The cards of every batch, parsed beforehand into inert <template>s (not in the document, so
 * no mutation yet): each append is then one DOM insertion of the same size in both modes.
 */
async function preparePool(page: Page): Promise<void> {
  const html = JSON.stringify(appendBatches.map((batch) => batch.map(cardHtml).join('')));
  await page.evaluate(`window.__jobSitesPool = ${html}.map((html) => { const t = document.createElement('template'); t.innerHTML = html; return t; }); 0`);
}
/** Appends batch k; returns the page's clock at the insertion. */
async function append(page: Page, k: number): Promise<number> {
  return (await page.evaluate(`(() => {
    document.querySelector('ul.Pk2hUlFixture').append(window.__jobSitesPool[${k}].content);
    return performance.now();
  })()`)) as number;
}

// ---------------------------------------------------------------------------------------------
// CDP metrics

/**
 * Renderer main-thread totals since `Performance.enable`, in ms. ScriptDuration counts the
 * page's and the content script's JavaScript but not what DevTools itself evaluates (our
 * appends and reads through page.evaluate go to DevToolsCommandDuration); TaskDuration counts
 * everything, those included, hence the on − off subtraction.
 */
async function metrics(cdp: CDPSession): Promise<{ script: number; task: number }> {
  const { metrics: list } = await cdp.send('Performance.getMetrics');
  const get = (name: string) => (list.find((m) => m.name === name)?.value ?? NaN) * 1000; // seconds → ms
  return { script: get('ScriptDuration'), task: get('TaskDuration') };
}
type Metrics = Awaited<ReturnType<typeof metrics>>;
const delta = (a: Metrics, b: Metrics): Metrics => ({ script: b.script - a.script, task: b.task - a.task });

interface Session {
  idle: Metrics;
  appends: Array<Metrics & { marked: number; latency: number }>;
}

/**
 * One tab: idle cost first (page loaded and marked, nothing changing), then the appends, each
 * followed by a window of fixed length metered by CDP, with no polling from here in between
 * (polling would be work in the page too). The marks of a batch are checked after its window.
 */
async function session(on: boolean, expected: number): Promise<Session> {
  await setHighlighting(on);
  const page = await browser.context.newPage();
  const cdp = await browser.context.newCDPSession(page);
  try {
    await cdp.send('Performance.enable');
    await openList(page);
    await marksSet(page, on, expected);
    await wait(SETTLE_MS);

    const before = await metrics(cdp);
    await wait(IDLE_MS);
    const idle = delta(before, await metrics(cdp));

    // After the idle window: parsing the pool leaves garbage whose collection, seconds later,
    // would show up as idle main-thread work in either mode.
    await preparePool(page);
    await wait(SETTLE_MS);

    const appends: Session['appends'] = [];
    for (let k = 0; k < appendBatches.length; k += 1) {
      const m0 = await metrics(cdp);
      const appendedAt = await append(page, k);
      await wait(APPEND_WINDOW_MS);
      const m1 = await metrics(cdp);
      const ids = JSON.stringify(appendBatches[k]!.map((card) => card.id));
      const { marked, lastMarkAt } = (await page.evaluate(`(() => ({
        marked: ${ids}.filter((id) => document.querySelector('li[data-occludable-job-id="' + id + '"]${MATCH}')).length,
        lastMarkAt: window.__jobSitesBench.lastMarkAt,
      }))()`)) as { marked: number; lastMarkAt: number | null };
      // The first batch warms what a first append warms (code paths, caches): not counted.
      if (k > 0) appends.push({ ...delta(m0, m1), marked, latency: marked > 0 && lastMarkAt !== null ? lastMarkAt - appendedAt : NaN });
    }
    return { idle, appends };
  } finally {
    await cdp.detach().catch(() => undefined);
    await page.close();
  }
}

/** One more load and a few appends under a DevTools trace (tracing slows the page: no timing from here). */
async function tracedSession(on: boolean, expected: number): Promise<{ load: OurTask[]; appends: OurTask[]; reported: number }> {
  await setHighlighting(on);
  const page = await browser.context.newPage();
  const cdp = await browser.context.newCDPSession(page);
  try {
    let stop = await startTrace(cdp);
    await openList(page);
    await marksSet(page, on, expected);
    await wait(SETTLE_MS);
    const load = ourTasks(await stop(), contentScriptUrl);
    await preparePool(page);
    await append(page, 0);
    await wait(APPEND_WINDOW_MS);
    const LONG_TASKS = `window.__jobSitesBench.longTasks.length`;
    const seen = (await page.evaluate(LONG_TASKS)) as number;
    stop = await startTrace(cdp);
    for (let k = 1; k <= TRACED_APPENDS; k += 1) {
      await append(page, k);
      await wait(APPEND_WINDOW_MS);
    }
    const appends = ourTasks(await stop(), contentScriptUrl);
    // What the Long Tasks API reported over the same appends, to set beside the trace.
    const reported = ((await page.evaluate(LONG_TASKS)) as number) - seen;
    return { load, appends, reported };
  } finally {
    await cdp.detach().catch(() => undefined);
    await page.close();
  }
}

// ---------------------------------------------------------------------------------------------
// Run

try {
  const syncStart = performance.now();
  await waitForSyncRun(browser.serviceWorker);
  console.log(`# Job sites: content script on a LinkedIn-like list, Chromium ${browser.context.browser()?.version() ?? ''}, built extension`);
  console.log(`  feed synced in ${ms(performance.now() - syncStart)}; page: ${CARDS} list cards + the detail pane, ${(listPage.length / 1024).toFixed(0)} KiB of HTML`);
  const kinds = { 'beta-like': 0, 'look-alike': 0, unrelated: 0 };
  for (const card of cards) kinds[card.kind] += 1;
  console.log(`  cards: ${kinds['beta-like']} beta.gouv-like, ${kinds['look-alike']} look-alikes, ${kinds.unrelated} unrelated`);

  await browser.context.addInitScript(INIT_SCRIPT);

  // The expected count: one page load with highlighting on, counted once the marks stop
  // changing. It also warms the background's matcher, so it is not one of the measured loads.
  await setHighlighting(true);
  const probe = await browser.context.newPage();
  await openList(probe);
  const expected = await stableMarkCount(probe);
  const byKind = (await probe.evaluate(
    `(() => { const c = {}; for (const e of document.querySelectorAll('${MATCH}')) { const k = e.getAttribute('data-betagouv-match'); c[k] = (c[k] || 0) + 1; } return c; })()`,
  )) as Record<string, number>;
  await probe.close();
  console.log(`  expected marks: ${expected} (${Object.entries(byKind).map(([k, n]) => `${n} ${k}`).join(', ') || 'none'})`);
  if (expected === 0 && CARDS + 1 > MAX_CARDS_PER_BATCH) {
    console.log(
      `  ! no card was marked. The page has ${CARDS + 1} cards to ask about and the background refuses a ` +
        `content/match-cards message of more than ${MAX_CARDS_PER_BATCH} cards (MAX_CARDS_PER_BATCH): ` +
        `if the content script sends them all in one message, nothing on this page is ever marked.`,
    );
  }
  // A baseline load as well, so both modes start warm.
  await loadOnce(false, expected);

  // 1–2: page loads, the modes interleaved so that drift (caches, heat, other load on the
  // machine) spreads over both.
  const loads: Load[] = [];
  for (let i = 0; i < LOADS; i += 1) {
    loads.push(await loadOnce(true, expected));
    loads.push(await loadOnce(false, expected));
  }
  // 3–4: one tab per mode; then the traced tabs.
  const sessionOn = await session(true, expected);
  const sessionOff = await session(false, expected);
  const tracedOn = await tracedSession(true, expected);
  const tracedOff = await tracedSession(false, expected);

  // ---- figures
  const on = loads.filter((l) => l.on).map((l) => l.record);
  const off = loads.filter((l) => !l.on).map((l) => l.record);
  const incomplete = loads.filter((l) => l.on && !l.complete).length;
  /** Entries up to a second after the last mark (with highlighting off: after the load event). */
  const until = (r: PageRecord) => (r.lastMarkAt ?? r.loadEnd) + SETTLE_MS;
  const longTasks = (r: PageRecord) => r.longTasks.filter((t) => t.start <= until(r));
  // The content script runs at document_idle, after DOMContentLoaded: frames before it are the page's parse.
  const lateFrames = (r: PageRecord) => r.frames.filter((f) => f.start >= r.domContentLoaded && f.start <= until(r));
  const longest = (spans: Span[]) => Math.max(0, ...spans.map((s) => s.duration));

  const table: string[][] = [];
  const row = (what: string, valueOn: string, valueOff: string, target = '', met = '') => table.push([what, valueOn, valueOff, target, met]);
  const mq = (values: number[], digits = 0) => `${ms(median(values), digits)} / ${ms(p95(values), digits)}`;
  const countMax = (values: number[]) => `${median(values)} / ${Math.max(...values)}`;
  const yes = (ok: boolean) => (ok ? 'yes' : 'NO');

  row('', 'highlight on', 'off (baseline)', 'target', 'met');
  row('1. navigation → all marks set          med / p95', expected > 0 ? mq(on.map((r) => r.lastMarkAt ?? NaN)) : 'no marks', '—');
  row('   navigation → load event              med / p95', mq(on.map((r) => r.loadEnd)), mq(off.map((r) => r.loadEnd)));
  row('   navigation → content script started  med / p95', mq(on.map((r) => r.siteAt ?? NaN)), mq(off.map((r) => r.siteAt ?? NaN)));
  row('   script started → first / last mark   med', expected > 0 ? `${ms(median(on.map((r) => (r.firstMarkAt ?? NaN) - (r.siteAt ?? NaN))))} / ${ms(median(on.map((r) => (r.lastMarkAt ?? NaN) - (r.siteAt ?? NaN))))}` : '—', '—');
  row('2. longtask API: tasks > 50 ms per load med / max', countMax(on.map((r) => longTasks(r).length)), countMax(off.map((r) => longTasks(r).length)));
  row('   longtask API: longest task           med / p95', mq(on.map((r) => longest(longTasks(r)))), mq(off.map((r) => longest(longTasks(r)))));
  row('   frames > 50 ms after DCL (LoAF)      med / max', countMax(on.map((r) => lateFrames(r).length)), countMax(off.map((r) => lateFrames(r).length)));
  row('   longest frame after DCL (LoAF)       med / p95', mq(on.map((r) => longest(lateFrames(r)))), mq(off.map((r) => longest(lateFrames(r)))));
  const traceRows = (label: string, tasksOn: OurTask[], tasksOff: OurTask[]) => {
    const describe = (tasks: OurTask[]) => {
      const top = tasks.reduce<OurTask | null>((a, t) => (!a || t.duration > a.duration ? t : a), null);
      return `${tasks.filter((t) => t.duration > 50).length} of ${tasks.length} > 50 ms; max ${top ? `${ms(top.duration)} (script ${ms(top.script)})` : '—'}`;
    };
    row(`   trace, ${label}: tasks running our script`, describe(tasksOn), describe(tasksOff), 'none > 50 ms', yes(tasksOn.every((t) => t.duration <= 50)));
  };
  traceRows('load', tracedOn.load, tracedOff.load);
  traceRows(`${TRACED_APPENDS} appends`, tracedOn.appends, tracedOff.appends);
  row(`   longtask API over the same ${TRACED_APPENDS} appends`, `${tracedOn.reported} entries`, `${tracedOff.reported} entries`);

  const offScript = median(sessionOff.appends.map((a) => a.script));
  const offTask = median(sessionOff.appends.map((a) => a.task));
  const ourScript = sessionOn.appends.map((a) => a.script - offScript);
  const ourTask = sessionOn.appends.map((a) => a.task - offTask);
  const allMarked = sessionOn.appends.every((a) => a.marked > 0);
  const markedPerBatch = sessionOn.appends.map((a) => a.marked);
  row(`3. append ${APPEND_SIZE} cards: ScriptDuration     med / p95`, mq(sessionOn.appends.map((a) => a.script), 1), mq(sessionOff.appends.map((a) => a.script), 1));
  row('   ours: script, on − median off        med / p95', mq(ourScript, 1), '', '≤ 5 ms', allMarked ? yes(median(ourScript) <= 5) : 'NO (unmarked)');
  row('   ours: all main-thread work, on − off med / p95', mq(ourTask, 1), '');
  row('   append → its marks set               med / p95', mq(sessionOn.appends.map((a) => a.latency)), '—');
  row('   cards marked per batch               min / max', `${Math.min(...markedPerBatch)} / ${Math.max(...markedPerBatch)}`, '—');
  row(`4. idle ${IDLE_MS / 1000} s, page marked: ScriptDuration`, ms(sessionOn.idle.script, 2), ms(sessionOff.idle.script, 2), '0 (= off)', yes(sessionOn.idle.script - sessionOff.idle.script < 0.5));
  row(`   idle ${IDLE_MS / 1000} s, page marked: all main-thread`, ms(sessionOn.idle.task, 1), ms(sessionOff.idle.task, 1));

  // One content script per site; a page loads one of them.
  const scripts = readdirSync(join(outDir, 'content-scripts')).filter((name) => name.endsWith('.js'));
  const sizes = scripts.map((name) => {
    const bundle = readFileSync(join(outDir, 'content-scripts', name));
    return { name, raw: bundle.length / 1024, gzip: gzipSync(bundle, { level: 9 }).length / 1024 };
  });
  const linkedinScript = sizes.find((size) => size.name === 'linkedin.js')!;
  const largest = sizes.reduce((a, b) => (b.raw > a.raw ? b : a));
  row('5. content-scripts/linkedin.js     raw / gzip', `${linkedinScript.raw.toFixed(1)} KiB / ${linkedinScript.gzip.toFixed(1)} KiB`, '', '≤ 30 KiB raw', yes(linkedinScript.raw <= 30));
  row(`   largest of ${sizes.length} (${largest.name.padEnd(18)}) raw / gzip`, `${largest.raw.toFixed(1)} KiB / ${largest.gzip.toFixed(1)} KiB`, '', '≤ 30 KiB raw', yes(largest.raw <= 30));

  const widths = table[0]!.map((_, c) => Math.max(...table.map((r) => r[c]!.length)));
  console.log('');
  for (const r of table) console.log('  ' + r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ').trimEnd());
  console.log('');
  console.log(
    `  ${LOADS} loads per mode after one warm-up each, modes interleaved; ${APPENDS} appends per mode after one warm-up, ` +
      `each metered over ${APPEND_WINDOW_MS} ms; long tasks and frames counted until ${SETTLE_MS} ms after the last mark ` +
      `(off: after the load event); traces from one more load and ${TRACED_APPENDS} appends per mode.`,
  );
  if (incomplete > 0) console.log(`  ! ${incomplete} of ${LOADS} loads did not reach ${expected} marks within 30 s (their "all marks set" is the last mark seen).`);
  if (browser.errors.length > 0) console.log(`  ! console errors: ${browser.errors.slice(0, 3).map((e) => e.text).join(' | ')}`);
} finally {
  await browser.close();
  await feedServer.close();
  await siteServer.close();
}
