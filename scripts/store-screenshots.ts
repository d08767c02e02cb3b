/**
 * `npm run screenshots`: the store listing's images (Chrome Web Store and addons.mozilla.org take
 * 1280×800), taken from the real extension in Chromium on the demo's synthetic feed and fixture job
 * page (scripts/demo-session.ts), in French, the extension's default language.
 *
 *   npm run screenshots                    writes docs/screenshots/*.png
 *   npm run screenshots -- --out <dir>     elsewhere
 *
 * Needs Chromium's French translations (Debian: chromium-l10n) and, for the emoji of a demo posting,
 * a colour emoji font (fonts-noto-color-emoji).
 *
 * Written files: popup.png (the popup searching, framed on a 1280×800 canvas since the popup itself
 * is small), job-site.png (a job board with its cards marked and a badge's card open), options.png.
 */
import { spawnSync } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Page } from 'playwright-core';
import { PROJECT_ROOT } from '../test/e2e/harness';
import { DEMO_JOB_PAGE_URL, startDemoSession } from './demo-session';

const STORE_SIZE = { width: 1280, height: 800 };
// The popup's own width (entrypoints/popup/style.css); the height a browser gives it at most.
const POPUP_SIZE = { width: 420, height: 600 };

const { values } = parseArgs({ options: { out: { type: 'string', default: 'docs/screenshots' } } });
const outDir = resolve(PROJECT_ROOT, values.out!);

// The fixture carries a job board's structure only (no styles, as in the tests); for the picture it
// gets a plain job-board look. Only the page's own elements are styled: the extension's outlines
// and badges keep their real appearance.
const JOB_BOARD_LOOK = `
  body { margin: 0; font: 15px/1.45 system-ui, sans-serif; color: #1d1d1f; background: #f4f2ee; }
  main { max-width: 820px; margin: 0 auto; padding: 24px 32px; }
  h1 { font-size: 24px; margin: 8px 0 4px; }
  [data-testid="jobs-search-results-count"] { color: #5c5c5c; margin-bottom: 16px; }
  ul[data-testid="search-results"] { list-style: none; padding: 0; margin: 0; display: grid; gap: 14px; }
  li[data-testid="search-results-list-item-wrapper"] { background: #fff; border-radius: 8px; padding: 14px 18px; }
  li a { color: inherit; text-decoration: none; }
  li img, li svg { display: none; }
  li h4 { margin: 0; font-size: 17px; }
  li h4 [role="mark"] { display: inline; }
  li div[variant] { display: inline-block; margin-right: 14px; color: #5c5c5c; font-size: 13px; }
  li div[variant] p { display: inline; margin: 0; }
  li time { display: block; color: #8a8a8a; font-size: 12px; }
  nav[aria-label="Pagination"] { display: none; }
`;

async function storePopup(popup: Page, canvas: Page, path: string): Promise<void> {
  await popup.setViewportSize(POPUP_SIZE);
  await popup.waitForSelector('[data-posting-id]');
  // A search as someone would type it, without accent: shows the results and their highlights.
  await popup.locator('input[type="search"]').fill('developpeur');
  await popup.waitForSelector('[data-posting-id] mark');
  // A browser fits the popup to its content, up to 600 pixels: so does the picture.
  const height = Math.min(POPUP_SIZE.height, await popup.evaluate(() => Math.ceil(document.body.getBoundingClientRect().height)));
  await popup.setViewportSize({ width: POPUP_SIZE.width, height });
  const shot = await popup.screenshot({ type: 'png' });
  await canvas.setViewportSize(STORE_SIZE);
  // Built from our own fixed text and the PNG just taken: nothing from a page is inserted.
  await canvas.setContent(`<!doctype html><html lang="fr"><meta charset="utf-8"><style>
      body { margin: 0; height: 100vh; display: flex; align-items: center; justify-content: center; gap: 64px;
             font: 17px/1.5 system-ui, sans-serif; color: #1d1d1f; background: linear-gradient(135deg, #e8eefc, #f7f4ee); }
      img { border-radius: 10px; box-shadow: 0 12px 36px rgb(0 0 0 / 0.22); }
      div { max-width: 420px; } h1 { font-size: 34px; line-height: 1.2; margin: 0 0 16px; }
    </style><body><img alt="" src="data:image/png;base64,${shot.toString('base64')}" width="${POPUP_SIZE.width}" height="${height}">
    <div><h1>Les offres beta.gouv.fr, depuis la barre d’outils</h1>
    <p>Recherche instantanée, sans se soucier des accents, de l’écriture inclusive ni des fautes de frappe.</p></div></body></html>`);
  await canvas.locator('img').evaluate((img: HTMLImageElement) => img.decode());
  await canvas.screenshot({ path, type: 'png' });
}

async function storeJobSite(page: Page, path: string): Promise<void> {
  await page.setViewportSize(STORE_SIZE);
  await page.addStyleTag({ content: JOB_BOARD_LOOK });
  const badge = page.locator('[data-betagouv-match="same"] beta-radar-badge').first();
  await badge.waitFor();
  // Focus opens the badge's card exactly as hovering does, and holds it open for the picture.
  await badge.locator('button').first().focus();
  await page.waitForFunction(() => {
    const card = document.querySelector('[data-betagouv-match="same"] beta-radar-badge')?.shadowRoot?.querySelector<HTMLElement>('[id="card"]');
    return card !== null && card !== undefined && !card.hidden && card.getBoundingClientRect().height > 0;
  });
  await page.screenshot({ path, type: 'png' });
}

async function storeOptions(page: Page, path: string): Promise<void> {
  await page.setViewportSize(STORE_SIZE);
  await page.waitForSelector('[data-section]');
  await page.screenshot({ path, type: 'png' });
}

/** The demo feed has an emoji in a role line (a quirk of the real feed); without a colour emoji font it shows as a box. */
function warnWithoutEmojiFont(): void {
  const fonts = spawnSync('fc-list', [':charset=1f680', 'family'], { encoding: 'utf8' });
  if (fonts.status === 0 && fonts.stdout.trim() === '') {
    console.warn('! No emoji font: the 🚀 of a demo posting will show as a box (apt-get install fonts-noto-color-emoji).');
  }
}

async function main(): Promise<void> {
  warnWithoutEmojiFont();
  // On Linux Chromium takes its UI language, hence the extension's, from the environment (Chromium
  // inherits it from this process); --lang covers the other systems.
  process.env.LANGUAGE = 'fr';
  process.env.LANG = 'fr_FR.UTF-8';
  const session = await startDemoSession({ headless: true, browserArgs: ['--lang=fr'] });
  const { browser } = session;
  try {
    const language = await browser.serviceWorker.evaluate(() =>
      (globalThis as unknown as { chrome: { i18n: { getUILanguage(): string } } }).chrome.i18n.getUILanguage(),
    );
    if (!language.startsWith('fr')) {
      // Debian's chromium ships English only; its other languages are in chromium-l10n.
      throw new Error(`Chromium runs in "${language}", not French: install its translations (apt-get install chromium-l10n)`);
    }
    await mkdir(outDir, { recursive: true });
    const written: string[] = [];
    const target = (name: string) => {
      written.push(join(outDir, name));
      return join(outDir, name);
    };
    const popup = await browser.openPopup();
    const canvas = await browser.context.newPage();
    await storePopup(popup, canvas, target('popup.png'));
    await storeJobSite(await browser.newTab(DEMO_JOB_PAGE_URL), target('job-site.png'));
    await storeOptions(await browser.openExtensionPage('options.html'), target('options.png'));
    if (browser.errors.length > 0) {
      throw new Error(`the extension logged errors while posing:\n${browser.errors.map((e) => `${e.url}: ${e.text}`).join('\n')}`);
    }
    console.log(`Store screenshots (${STORE_SIZE.width}×${STORE_SIZE.height}): ${written.map((file) => relative(PROJECT_ROOT, file)).join(', ')}`);
  } finally {
    await session.close();
  }
}

main().catch((error: unknown) => {
  console.error(`✗ ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
