/**
 * `npm start`: builds Beta Radar and starts Chromium with it loaded, synced
 * against a feed. With no `--feed`, a small synthetic demo feed is written and
 * served on localhost, so it works offline. Without a display (no $DISPLAY, or
 * --headless) it runs headless, writes screenshots of the popup and of a
 * job-site page, prints what it synced, and exits.
 *
 *   npm start                        demo feed, headed when a display exists
 *   npm start -- --feed <url>        a real feed (GitHub folder or index.json)
 *   npm start -- --headless --out d  screenshots into d/
 */
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { PROJECT_ROOT, type SyncStatusEntry } from '../test/e2e/harness';
import { type StoredPosting } from '../src/store/db';
import { isOpenAt } from '../src/postings/status';
import { DEMO_JOB_PAGE_URL, startDemoSession } from './demo-session';

const { values } = parseArgs({
  options: {
    feed: { type: 'string' },
    out: { type: 'string', default: 'demo-output' },
    headless: { type: 'boolean', default: !process.env.DISPLAY },
  },
});
const outDir = resolve(PROJECT_ROOT, values.out!);

async function main(): Promise<void> {
  const session = await startDemoSession({ ...(values.feed ? { feed: values.feed } : {}), headless: values.headless! });
  const { browser } = session;
  try {
    printSync(session.syncStates, session.postings);

    await mkdir(outDir, { recursive: true });
    const popup = await browser.openPopup();
    await popup.setViewportSize({ width: 400, height: 600 });
    await popup.waitForSelector('[data-posting-id], [data-empty-state]');
    await popup.screenshot({ path: join(outDir, 'popup.png') });
    const page = await browser.newTab(DEMO_JOB_PAGE_URL);
    await page.setViewportSize({ width: 1200, height: 800 });
    await page.screenshot({ path: join(outDir, 'job-site.png') });
    console.log(`Screenshots: ${join(outDir, 'popup.png')}, ${join(outDir, 'job-site.png')}`);

    if (!values.headless) {
      console.log('Chromium is open with Beta Radar loaded. Close its window (or press Ctrl-C) to stop.');
      await new Promise<void>((done) => {
        browser.context.on('close', () => done());
        process.once('SIGINT', () => done());
      });
    }
  } finally {
    await session.close();
  }
}

function printSync(states: SyncStatusEntry[], postings: StoredPosting[]): void {
  for (const s of states) {
    if (s.lastError) console.log(`✗ ${s.url}: ${s.lastError.message}`);
    else console.log(`✓ ${s.url}: ${s.counts?.stored ?? 0} postings stored (${s.counts?.open ?? 0} open), ${s.counts?.rejected ?? 0} rejected`);
  }
  const now = new Date();
  const rows = [...postings].sort((a, b) => (b.date ?? '').localeCompare(a.date ?? ''));
  for (const p of rows.slice(0, 30)) {
    console.log(`  ${isOpenAt(p, now) ? 'open  ' : 'closed'}  ${p.date ?? '????-??-??'}  ${p.title}${p.startupRef ? ` — ${p.startupRef}` : ''}`);
  }
  if (rows.length > 30) console.log(`  … and ${rows.length - 30} more`);
}

main().catch((error: unknown) => {
  console.error(`✗ ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
