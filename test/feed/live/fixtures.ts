/** The live-source fixture pages (test/fixtures/live-sources/*.html) with the URL each stands for. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const LIVE_FIXTURES_DIR = fileURLToPath(new URL('../../fixtures/live-sources/', import.meta.url));

export function liveFixture(name: string): { html: string; url: string } {
  const html = readFileSync(`${LIVE_FIXTURES_DIR}${name}.html`, 'utf8');
  const url = /<meta name="beta-radar-fixture-url" content="([^"]+)">/.exec(html)?.[1]?.replace(/&amp;/g, '&');
  if (!url) throw new Error(`${name}: no <meta name="beta-radar-fixture-url">`);
  return { html, url };
}
